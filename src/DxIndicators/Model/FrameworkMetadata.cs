using System.Collections.Frozen;
using NodaTime;

namespace DxIndicators.Model;

/// <summary>A framework's identity, names, methodology source, effective dates and output scale.</summary>
/// <param name="Id">A stable id (lower-case, dashes).</param>
/// <param name="Version">The framework's own version label.</param>
/// <param name="Name">The bilingual name.</param>
/// <param name="MethodologySource">The legal instrument defining the method (for example "Decision 922/QĐ-BTTTT").</param>
/// <param name="EffectiveFrom">The first date the framework applies to.</param>
/// <param name="Scale">The scale scores are published on.</param>
public sealed record FrameworkMetadata(string Id, string Version, LocalizedText Name, string MethodologySource, LocalDate EffectiveFrom, OutputScale Scale)
{
    /// <summary>Gets the last date the framework applies to, if it was superseded.</summary>
    public LocalDate? EffectiveTo { get; init; }

    /// <summary>Gets an optional description.</summary>
    public string? Description { get; init; }

    /// <summary>The id of the built-in registry of Vietnam's provinces (63 before 2025-07-01, 34 from then, with lineage).</summary>
    public const string VietnamProvincesRegistry = "vn-provinces";

    /// <summary>Gets how the framework's index scores combine when units merge or are restated onto successors.</summary>
    /// <value><see cref="Data.IndexCombination.NotAllowed"/> by default; the Vietnamese DTI frameworks declare
    /// <see cref="Data.IndexCombination.UnweightedMean"/>, the rule MOST used to publish 2024 results for the 34 provinces.</value>
    public Data.IndexCombination MergerRule { get; init; } = Data.IndexCombination.NotAllowed;

    /// <summary>Gets the id of the built-in unit registry the framework's unit codes belong to, or null when they are the user's own.</summary>
    /// <value>Only <see cref="VietnamProvincesRegistry"/> is defined; data read for the framework are checked against it unless the caller says otherwise.</value>
    public string? UnitRegistry { get; init; }
    /// <summary>Gets the number of component indices (chỉ số thành phần) the methodology source lists, when the
    /// framework models a coarser level (main indices) and so has fewer indicators than the source has components.</summary>
    public int? ComponentCount { get; init; }
}
