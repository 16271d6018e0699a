using DxIndicators.Data;
using DxIndicators.Model;
using NodaTime;

namespace DxIndicators.Targets;

/// <summary>The result of evaluating one unit against one target as of a date.</summary>
/// <remarks>
/// Immutable; safe to share. Created by <see cref="TargetEvaluator"/>. Numbers that do not apply are null, and the
/// matching note says why. Formulas and the decision order are in docs/targets.md.
/// </remarks>
public sealed class TargetEvaluation
{
    internal TargetEvaluation(TargetRule target, string unit, LocalDate asOf, TargetStatus status)
    {
        Target = target;
        Unit = unit;
        AsOf = asOf;
        Status = status;
    }

    /// <summary>Gets the target evaluated.</summary>
    public TargetRule Target { get; }

    /// <summary>Gets the unit's code.</summary>
    public string Unit { get; }

    /// <summary>Gets the date the evaluation is made as of (only periods ending on or before it count).</summary>
    public LocalDate AsOf { get; }

    /// <summary>Gets the status.</summary>
    public TargetStatus Status { get; }

    /// <summary>Gets a sentence explaining the status when it is not self-evident (Indeterminate, NoData, Missed on old data, a relapse), else null.</summary>
    public string? Note { get; internal init; }

    /// <summary>Gets the latest value (the observation whose period ends last), or null without data.</summary>
    public double? LatestValue { get; internal init; }

    /// <summary>Gets the latest value's qualifier, or null without data.</summary>
    public Qualifier? LatestQualifier { get; internal init; }

    /// <summary>Gets the latest value's period, or null without data.</summary>
    public Data.ReportingPeriod? LatestPeriod { get; internal init; }

    /// <summary>Gets whether the latest value is not exact (an estimate, treated as exact, or a bound); consumers should flag it.</summary>
    public bool LatestIsQualified => LatestQualifier is { } q && q != Qualifier.Exact;

    /// <summary>Gets the gap to the target in the indicator's unit (percentage points for percentages); positive = still to go.</summary>
    /// <remarks>
    /// ≥ and &gt;: threshold − value; ≤, &lt; and rank ≤: value − threshold; =: |value − threshold|; between: distance to
    /// the nearer end, 0 inside. Zero or negative for an achieved target (negative = beyond the target). A bound's stated
    /// value is used. Null without data.
    /// </remarks>
    public double? Gap { get; internal init; }

    /// <summary>Gets the first period (on or before as-of) whose value met the target, or null if none did.</summary>
    public Data.ReportingPeriod? FirstAchieved { get; internal init; }

    /// <summary>Gets the days from the end of <see cref="FirstAchieved"/> to the deadline (positive = met ahead, negative = met late), or null.</summary>
    public int? DaysAheadOfDeadline { get; internal init; }

    /// <summary>Gets whether the target was first met in a period ending strictly before the deadline.</summary>
    public bool MetAheadOfDeadline => DaysAheadOfDeadline is > 0;

    /// <summary>Gets whether the target was met in an earlier period but the latest value no longer meets it.</summary>
    public bool Relapsed => FirstAchieved is not null && Status != TargetStatus.Achieved;

    /// <summary>Gets the base value progress is measured from (the target's baseline, else the earliest observation), as stated (before any zero substitution).</summary>
    public double? BaseValue { get; internal init; }

    /// <summary>Gets the date of the base value (baseline date, or the end of the earliest observation's period).</summary>
    public LocalDate? BaseDate { get; internal init; }

    /// <summary>Gets the observed compound annual growth rate from base to latest value.</summary>
    public double? ObservedGrowth { get; internal init; }

    /// <summary>Gets the compound annual growth rate needed from the base to reach the threshold by the deadline.</summary>
    public double? RequiredGrowth { get; internal init; }

    /// <summary>Gets the progress ratio sign·direction·observed / |required| (Open SDG method 2), or null when not computable.</summary>
    public double? ProgressRatio { get; internal init; }

    /// <summary>Gets why <see cref="ProgressRatio"/> is null, or null when it is computed.</summary>
    public string? ProgressNote { get; internal init; }

    /// <summary>Gets the date the threshold is reached if the value keeps changing by the same amount per year, or null (not at current pace).</summary>
    public LocalDate? ProjectedLinear { get; internal init; }

    /// <summary>Gets why <see cref="ProjectedLinear"/> is null, or null when it is computed.</summary>
    public string? LinearProjectionNote { get; internal init; }

    /// <summary>Gets the date the threshold is reached if the value keeps growing at the observed compound rate, or null (not at current pace).</summary>
    public LocalDate? ProjectedCompound { get; internal init; }

    /// <summary>Gets why <see cref="ProjectedCompound"/> is null, or null when it is computed.</summary>
    public string? CompoundProjectionNote { get; internal init; }
}
