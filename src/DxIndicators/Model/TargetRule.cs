using NodaTime;

namespace DxIndicators.Model;

/// <summary>A dated target on an indicator, with its legal source ("100% by 30 June 2025", Resolution 57-NQ/TW).</summary>
/// <param name="Code">The target code, unique within its catalogue.</param>
/// <param name="Indicator">The code of the indicator the target applies to.</param>
/// <param name="Comparator">The comparison.</param>
/// <param name="Threshold">The threshold (lower end for <see cref="Comparator.Between"/>; N for <see cref="Comparator.RankAtMost"/>).</param>
/// <param name="Deadline">The date by which the target must be met.</param>
/// <param name="LegalSource">The legal instrument that sets it.</param>
public sealed record TargetRule(string Code, string Indicator, Comparator Comparator, double Threshold, LocalDate Deadline, string LegalSource)
{
    /// <summary>Gets the upper threshold of a <see cref="Comparator.Between"/> target.</summary>
    public double? UpperThreshold { get; init; }

    /// <summary>Gets the optional baseline.</summary>
    public TargetBaseline? Baseline { get; init; }

    /// <summary>Gets an optional bilingual description.</summary>
    public LocalizedText? Name { get; init; }

    /// <summary>Gets where the target is printed: the article or clause of <see cref="LegalSource"/> and a public URL of
    /// its text or of a report quoting it (<c>Điều 1, mục II.2 — https://…</c>); null when not recorded.</summary>
    public string? Reference { get; init; }

    /// <summary>Gets whether the target is stated in its source or provisional (modelled from what is public).</summary>
    public DefinitionStatus Status { get; init; } = DefinitionStatus.Confirmed;

    /// <summary>Gets what is missing and where the model comes from; required when <see cref="Status"/> is
    /// <see cref="DefinitionStatus.Provisional"/>, not allowed otherwise.</summary>
    public string? StatusNote { get; init; }

    /// <summary>Gets the codes of the targets (in the same or another catalogue) this one replaces, for example a
    /// provincial target that raises a national threshold for the province; empty when none.</summary>
    public ValueList<string> Supersedes { get; init; } = ValueList<string>.Empty;
}
