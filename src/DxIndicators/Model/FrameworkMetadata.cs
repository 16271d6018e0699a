using NodaTime;

namespace DxIndicators.Model;

/// <summary>A framework's identity, names, methodology source, effective dates and output scale.</summary>
/// <remarks>Immutable, compared by value. Not a positional record: there is no <c>with</c> to copy one past the checks.
/// The constructor rejects nulls; the rules on values (non-blank id, ordered dates, a finite scale, …) are framework
/// rules, checked with their JSON paths when a <see cref="Framework"/> is built from it (docs/framework-format.md).</remarks>
public sealed class FrameworkMetadata : IEquatable<FrameworkMetadata>
{
    /// <summary>The id of the built-in registry of Vietnam's provinces (63 before 2025-07-01, 34 from then, with lineage).</summary>
    public const string VietnamProvincesRegistry = "vn-provinces";

    /// <summary>Initializes a new instance of the <see cref="FrameworkMetadata"/> class.</summary>
    /// <param name="id">A stable id (lower-case, dashes).</param>
    /// <param name="version">The framework's own version label.</param>
    /// <param name="name">The bilingual name.</param>
    /// <param name="methodologySource">The legal instrument defining the method (for example "Decision 922/QĐ-BTTTT").</param>
    /// <param name="effectiveFrom">The first date the framework applies to.</param>
    /// <param name="scale">The scale scores are published on.</param>
    /// <exception cref="ArgumentNullException">A reference argument is null.</exception>
    public FrameworkMetadata(string id, string version, LocalizedText name, string methodologySource, LocalDate effectiveFrom, OutputScale scale)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(methodologySource);
        Id = id;
        Version = version;
        Name = name;
        MethodologySource = methodologySource;
        EffectiveFrom = effectiveFrom;
        Scale = scale;
    }

    /// <summary>Gets a stable id (lower-case, dashes).</summary>
    public string Id { get; }

    /// <summary>Gets the framework's own version label.</summary>
    public string Version { get; }

    /// <summary>Gets the bilingual name.</summary>
    public LocalizedText Name { get; }

    /// <summary>Gets the legal instrument defining the method (for example "Decision 922/QĐ-BTTTT").</summary>
    public string MethodologySource { get; }

    /// <summary>Gets the first date the framework applies to.</summary>
    public LocalDate EffectiveFrom { get; }

    /// <summary>Gets the scale scores are published on.</summary>
    public OutputScale Scale { get; }

    /// <summary>Gets the last date the framework applies to, if it was superseded.</summary>
    public LocalDate? EffectiveTo { get; init; }

    /// <summary>Gets an optional description.</summary>
    public string? Description { get; init; }

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

    /// <summary>Compares two metadata by value.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>True when both are null or every member is equal.</returns>
    public static bool operator ==(FrameworkMetadata? left, FrameworkMetadata? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two metadata by value.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(FrameworkMetadata? left, FrameworkMetadata? right) => !(left == right);

    /// <inheritdoc/>
    public bool Equals(FrameworkMetadata? other) =>
        other is not null
        && string.Equals(Id, other.Id, StringComparison.Ordinal)
        && string.Equals(Version, other.Version, StringComparison.Ordinal)
        && Name == other.Name
        && string.Equals(MethodologySource, other.MethodologySource, StringComparison.Ordinal)
        && EffectiveFrom == other.EffectiveFrom
        && Scale.Equals(other.Scale)
        && EffectiveTo == other.EffectiveTo
        && string.Equals(Description, other.Description, StringComparison.Ordinal)
        && MergerRule == other.MergerRule
        && string.Equals(UnitRegistry, other.UnitRegistry, StringComparison.Ordinal)
        && ComponentCount == other.ComponentCount;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as FrameworkMetadata);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Id), StringComparer.Ordinal.GetHashCode(Version), Name, EffectiveFrom, Scale);

    /// <inheritdoc/>
    public override string ToString() => Id + " " + Version;
}
