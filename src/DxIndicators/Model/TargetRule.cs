using NodaTime;

namespace DxIndicators.Model;

/// <summary>A dated target on an indicator, with its legal source ("100% by 30 June 2025", Resolution 57-NQ/TW).</summary>
/// <remarks>Immutable, compared by value (supersedes as a sequence). Not a positional record: there is no <c>with</c>
/// to copy one past the checks. The constructor and the init accessors check the rules on their values (non-blank code,
/// indicator and source, a finite threshold, a whole rank ≥ 1, an upper threshold only for <c>between</c> and not below
/// the threshold, a finite baseline not after the deadline, a non-blank reference, no blank or own code superseded) and
/// throw <see cref="ArgumentException"/> naming the parameter, the rule and the value. Rules between members that are
/// both optional (a status note iff provisional, <c>between</c> needs an upper threshold) and across targets
/// (duplicates, references) are checked with their JSON paths when a framework or catalogue is built.</remarks>
public sealed class TargetRule : IEquatable<TargetRule>
{
    // True for the public constructor; false on the readers' path, whose values the validator checks.
    private readonly bool _checked;

    /// <summary>Initializes a new instance of the <see cref="TargetRule"/> class.</summary>
    /// <param name="code">The target code, unique within its catalogue.</param>
    /// <param name="indicator">The code of the indicator the target applies to.</param>
    /// <param name="comparator">The comparison.</param>
    /// <param name="threshold">The threshold (lower end for <see cref="Comparator.Between"/>; N for <see cref="Comparator.RankAtMost"/>).</param>
    /// <param name="deadline">The date by which the target must be met.</param>
    /// <param name="legalSource">The legal instrument that sets it.</param>
    /// <exception cref="ArgumentNullException">A reference argument is null.</exception>
    /// <exception cref="ArgumentException">A code or the source is blank, the comparator is undefined, the threshold is
    /// not finite or, for <see cref="Comparator.RankAtMost"/>, not a whole number ≥ 1.</exception>
    public TargetRule(string code, string indicator, Comparator comparator, double threshold, LocalDate deadline, string legalSource)
        : this(code, indicator, comparator, threshold, deadline, legalSource, FieldRules.Mode.Checked)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TargetRule"/> class, checking its fields or not.</summary>
    /// <param name="code">The target code.</param>
    /// <param name="indicator">The indicator code.</param>
    /// <param name="comparator">The comparison.</param>
    /// <param name="threshold">The threshold.</param>
    /// <param name="deadline">The deadline.</param>
    /// <param name="legalSource">The legal source.</param>
    /// <param name="mode"><see cref="FieldRules.Mode.Deferred"/> for readers, whose input the validator checks.</param>
    internal TargetRule(string code, string indicator, Comparator comparator, double threshold, LocalDate deadline, string legalSource, FieldRules.Mode mode)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(legalSource);
        _checked = mode == FieldRules.Mode.Checked;
        if (_checked)
        {
            FieldRules.Require(FieldRules.Text(code), nameof(code), code);
            FieldRules.Require(FieldRules.Text(indicator), nameof(indicator), indicator);
            FieldRules.Require(FieldRules.Comparator(comparator), nameof(comparator), comparator);
            FieldRules.Require(FieldRules.Finite(threshold), nameof(threshold), threshold);
            FieldRules.Require(FieldRules.Rank(comparator, threshold), nameof(threshold), threshold);
            FieldRules.Require(FieldRules.Text(legalSource), nameof(legalSource), legalSource);
        }

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
    /// <exception cref="ArgumentException">Set to a value that is not finite or below <see cref="Threshold"/>, or on a
    /// target whose comparator is not <see cref="Comparator.Between"/>.</exception>
    public double? UpperThreshold
    {
        get;
        init
        {
            if (_checked && value is { } upper)
            {
                FieldRules.Require(FieldRules.Finite(upper), nameof(UpperThreshold), upper);
                FieldRules.Require(FieldRules.UpperThreshold(Comparator, Threshold, upper), nameof(UpperThreshold), upper);
            }

            field = value;
        }
    }

    /// <summary>Gets the optional baseline.</summary>
    /// <exception cref="ArgumentException">Set to a baseline whose value is not finite or whose date is after
    /// <see cref="Deadline"/>.</exception>
    public TargetBaseline? Baseline
    {
        get;
        init
        {
            if (_checked && value is not null)
            {
                FieldRules.Require(FieldRules.Finite(value.Value), nameof(Baseline), value.Value);
                FieldRules.Require(FieldRules.DeadlineAfterBaseline(Deadline, value.Date), nameof(Baseline), value.Date);
            }

            field = value;
        }
    }

    /// <summary>Gets an optional bilingual description.</summary>
    public LocalizedText? Name { get; init; }

    /// <summary>Gets where the target is printed: the article or clause of <see cref="LegalSource"/> and a public URL of
    /// its text or of a report quoting it (<c>Điều 1, mục II.2 — https://…</c>); null when not recorded.</summary>
    /// <exception cref="ArgumentException">Set to a blank text.</exception>
    public string? Reference
    {
        get;
        init => field = FieldRules.Checked(_checked, value, FieldRules.GivenText, nameof(Reference));
    }

    /// <summary>Gets whether the target is stated in its source or provisional (modelled from what is public).</summary>
    /// <exception cref="ArgumentException">Set to an undefined status.</exception>
    public DefinitionStatus Status
    {
        get;
        init => field = FieldRules.Checked(_checked, value, FieldRules.Status, nameof(Status));
    } = DefinitionStatus.Confirmed;

    /// <summary>Gets what is missing and where the model comes from; required when <see cref="Status"/> is
    /// <see cref="DefinitionStatus.Provisional"/>, not allowed otherwise.</summary>
    public string? StatusNote { get; init; }

    /// <summary>Gets the codes of the targets (in the same or another catalogue) this one replaces, for example a
    /// provincial target that raises a national threshold for the province; empty when none.</summary>
    /// <exception cref="ArgumentException">Set to a list with a blank code or this target's own code.</exception>
    public ValueList<string> Supersedes
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            if (_checked)
            {
                foreach (string other in value)
                {
                    FieldRules.Require(FieldRules.Text(other), nameof(Supersedes), other);
                    FieldRules.Require(FieldRules.NotSelf(Code, other), nameof(Supersedes), other);
                }
            }

            field = value;
        }
    } = ValueList<string>.Empty;


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
