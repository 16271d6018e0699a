using DxIndicators.Data;
using NodaTime;

namespace DxIndicators.Targets;

/// <summary>The trend of one unit's indicator series as of a date.</summary>
/// <remarks>Immutable; safe to share. Created by <see cref="TrendEvaluator"/>.</remarks>
public sealed class TrendEvaluation
{
    internal TrendEvaluation(string indicator, string unit, LocalDate asOf, TrendStatus status)
    {
        Indicator = indicator;
        Unit = unit;
        AsOf = asOf;
        Status = status;
    }

    /// <summary>Gets the indicator code.</summary>
    public string Indicator { get; }

    /// <summary>Gets the unit code.</summary>
    public string Unit { get; }

    /// <summary>Gets the evaluation date.</summary>
    public LocalDate AsOf { get; }

    /// <summary>Gets the trend.</summary>
    public TrendStatus Status { get; }

    /// <summary>Gets the earliest observation used, or null.</summary>
    public Observation? Base { get; internal init; }

    /// <summary>Gets the latest observation used, or null.</summary>
    public Observation? Latest { get; internal init; }

    /// <summary>Gets the observed compound annual growth rate (base → latest, base 0 replaced by 0.001), or null when not computable.</summary>
    public double? Growth { get; internal init; }

    /// <summary>Gets the growth multiplied by the sign of the base and by +1 (higher is better) or −1 (lower is better): positive = better.</summary>
    public double? AdjustedGrowth { get; internal init; }

    /// <summary>Gets whether either value used is an estimate or a bound (the trend uses the stated values).</summary>
    public bool UsesQualifiedValues => (Base is { } b && b.Qualifier != Qualifier.Exact) || (Latest is { } l && l.Qualifier != Qualifier.Exact);

    /// <summary>Gets why the growth is not computable or the status needs explaining, else null.</summary>
    public string? Note { get; internal init; }
}
