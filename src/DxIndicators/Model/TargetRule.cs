using NodaTime;

namespace DxIndicators.Model;

/// <summary>A dated target on an indicator, with its legal source ("100% by 30 June 2025", Resolution 57-NQ/TW).</summary>
/// <remarks>Immutable, compared by value (supersedes as a sequence). Not a positional record: there is no <c>with</c>
/// to copy one past the checks. The constructor rejects nulls; the rules on values (codes, finite thresholds, the
/// comparator's bounds, dates) are checked with their JSON paths when a framework or catalogue is built.</remarks>
public sealed class TargetRule : IEquatable<TargetRule>
{
    /// <summary>Initializes a new instance of the <see cref="TargetRule"/> class.</summary>
    /// <param name="code">The target code, unique within its catalogue.</param>
    /// <param name="indicator">The code of the indicator the target applies to.</param>
    /// <param name="comparator">The comparison.</param>
    /// <param name="threshold">The threshold (lower end for <see cref="Comparator.Between"/>; N for <see cref="Comparator.RankAtMost"/>).</param>
    /// <param name="deadline">The date by which the target must be met.</param>
    /// <param name="legalSource">The legal instrument that sets it.</param>
    /// <exception cref="ArgumentNullException">A reference argument is null.</exception>
    public TargetRule(string code, string indicator, Comparator comparator, double threshold, LocalDate deadline, string legalSource)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(legalSource);
        Code = code;
        Indicator = indicator;
        Comparator = comparator;
        Threshold = threshold;
        Deadline = deadline;
        LegalSource = legalSource;
    }

    /// <summary>Gets the target code, unique within its catalogue.</summary>
    public string Code { get; }

    /// <summary>Gets the code of the indicator the target applies to.</summary>
    public string Indicator { get; }

    /// <summary>Gets the comparison.</summary>
    public Comparator Comparator { get; }

    /// <summary>Gets the threshold (lower end for <see cref="Comparator.Between"/>; N for <see cref="Comparator.RankAtMost"/>).</summary>
    public double Threshold { get; }

    /// <summary>Gets the date by which the target must be met.</summary>
    public LocalDate Deadline { get; }

    /// <summary>Gets the legal instrument that sets it.</summary>
    public string LegalSource { get; }

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

    /// <summary>Compares two targets by value.</summary>
    /// <param name="left">The first target.</param>
    /// <param name="right">The second target.</param>
    /// <returns>True when both are null or every member is equal.</returns>
    public static bool operator ==(TargetRule? left, TargetRule? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two targets by value.</summary>
    /// <param name="left">The first target.</param>
    /// <param name="right">The second target.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(TargetRule? left, TargetRule? right) => !(left == right);

    /// <inheritdoc/>
    public bool Equals(TargetRule? other) =>
        other is not null
        && string.Equals(Code, other.Code, StringComparison.Ordinal)
        && string.Equals(Indicator, other.Indicator, StringComparison.Ordinal)
        && Comparator == other.Comparator
        && Threshold.Equals(other.Threshold)
        && Deadline == other.Deadline
        && string.Equals(LegalSource, other.LegalSource, StringComparison.Ordinal)
        && Nullable.Equals(UpperThreshold, other.UpperThreshold)
        && Baseline == other.Baseline
        && Name == other.Name
        && string.Equals(Reference, other.Reference, StringComparison.Ordinal)
        && Status == other.Status
        && string.Equals(StatusNote, other.StatusNote, StringComparison.Ordinal)
        && Supersedes == other.Supersedes;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as TargetRule);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Code), StringComparer.Ordinal.GetHashCode(Indicator), Comparator, Threshold, Deadline);

    /// <inheritdoc/>
    public override string ToString() => Code;
}
