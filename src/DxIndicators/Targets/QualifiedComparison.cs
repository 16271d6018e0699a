using System.Globalization;
using DxIndicators.Data;
using DxIndicators.Model;

namespace DxIndicators.Targets;

/// <summary>
/// Decides whether a published figure, exact or qualified ("over 90%", "under 10"), satisfies a target comparison.
/// </summary>
/// <remarks>
/// <para>
/// A figure stands for a set of possible true values x: <see cref="Qualifier.Exact"/> and <see cref="Qualifier.Estimate"/>
/// stand for {v} (an estimate is treated as exact; callers flag it); <see cref="Qualifier.LowerBound"/> ("over v") stands
/// for x &gt; v strictly; <see cref="Qualifier.UpperBound"/> ("under v") for x &lt; v strictly. The outcome is
/// <see cref="ComparisonOutcome.Met"/> when every possible x passes, <see cref="ComparisonOutcome.NotMet"/> when none does,
/// and <see cref="ComparisonOutcome.Undecided"/> otherwise. Bounds are open-ended: the indicator's valid range is not used
/// to close them. Equality is exact floating-point equality (no tolerance).
/// </para>
/// <para>Truth table for threshold t (between: [a, b]; rank ≤ N behaves like ≤ N on the rank number):</para>
/// <list type="table">
/// <listheader><term>Comparator</term><description>exact/estimate v · lower bound "over v" · upper bound "under v"</description></listheader>
/// <item><term>≥ t</term><description>v ≥ t · Met if v ≥ t, else Undecided · NotMet if v ≤ t, else Undecided</description></item>
/// <item><term>&gt; t</term><description>v &gt; t · Met if v ≥ t, else Undecided · NotMet if v ≤ t, else Undecided</description></item>
/// <item><term>≤ t</term><description>v ≤ t · NotMet if v ≥ t, else Undecided · Met if v ≤ t, else Undecided</description></item>
/// <item><term>&lt; t</term><description>v &lt; t · NotMet if v ≥ t, else Undecided · Met if v ≤ t, else Undecided</description></item>
/// <item><term>= t</term><description>v = t · NotMet if v ≥ t, else Undecided · NotMet if v ≤ t, else Undecided</description></item>
/// <item><term>between [a, b]</term><description>a ≤ v ≤ b · NotMet if v ≥ b, else Undecided · NotMet if v ≤ a, else Undecided</description></item>
/// <item><term>rank ≤ N</term><description>v ≤ N · NotMet if v ≥ N, else Undecided · Met if v ≤ N, else Undecided</description></item>
/// </list>
/// <para>
/// So "over 90" satisfies "≥ 90", "&gt; 89" and also "&gt; 90" (x &gt; 90 strictly) but decides nothing for "≥ 95";
/// "under 10" satisfies "≤ 10" and "&lt; 10". A bound never meets "=" or "between" (an open interval of values cannot all
/// equal one number, and it is unbounded on one side). The same table is in docs/targets.md.
/// </para>
/// </remarks>
public static class QualifiedComparison
{
    /// <summary>Evaluates a figure against a comparator.</summary>
    /// <param name="comparator">The comparison.</param>
    /// <param name="threshold">The threshold (lower end for <see cref="Comparator.Between"/>; N for rank ≤ N).</param>
    /// <param name="upperThreshold">The upper end for <see cref="Comparator.Between"/>; ignored otherwise.</param>
    /// <param name="value">The published figure.</param>
    /// <param name="qualifier">How exact the figure is.</param>
    /// <returns>Met, NotMet or Undecided, per the truth table in the type remarks.</returns>
    /// <exception cref="ArgumentException">A number is NaN or infinite, an enum value is undefined, or a between comparison has no (or an inverted) upper threshold.</exception>
    public static ComparisonOutcome Evaluate(Comparator comparator, double threshold, double? upperThreshold, double value, Qualifier qualifier)
    {
        RequireFinite(threshold, nameof(threshold));
        RequireFinite(value, nameof(value));
        if (!Enum.IsDefined(qualifier))
        {
            throw new ArgumentException(Fmt($"Qualifier {(int)qualifier} is not defined."), nameof(qualifier));
        }

        double upper = 0;
        if (comparator == Comparator.Between)
        {
            if (upperThreshold is not { } u)
            {
                throw new ArgumentException("A 'between' comparison needs an upper threshold.", nameof(upperThreshold));
            }

            RequireFinite(u, nameof(upperThreshold));
            if (u < threshold)
            {
                throw new ArgumentException(Fmt($"The upper threshold {u} is below the threshold {threshold}."), nameof(upperThreshold));
            }

            upper = u;
        }

        return qualifier switch
        {
            Qualifier.Exact or Qualifier.Estimate => FromBool(IsSatisfied(comparator, threshold, upper, value)),
            Qualifier.LowerBound => comparator switch
            {
                // x > v: every x passes "x ≥ t" / "x > t" once v ≥ t; "≤, <, =, between, rank ≤" fail for all x once v ≥ t (resp. b).
                Comparator.AtLeast or Comparator.GreaterThan => value >= threshold ? ComparisonOutcome.Met : ComparisonOutcome.Undecided,
                Comparator.AtMost or Comparator.LessThan or Comparator.EqualTo or Comparator.RankAtMost =>
                    value >= threshold ? ComparisonOutcome.NotMet : ComparisonOutcome.Undecided,
                Comparator.Between => value >= upper ? ComparisonOutcome.NotMet : ComparisonOutcome.Undecided,
                _ => throw UndefinedComparator(comparator),
            },
            Qualifier.UpperBound => comparator switch
            {
                // x < v: mirror image of the lower-bound rules.
                Comparator.AtMost or Comparator.LessThan or Comparator.RankAtMost => value <= threshold ? ComparisonOutcome.Met : ComparisonOutcome.Undecided,
                Comparator.AtLeast or Comparator.GreaterThan or Comparator.EqualTo =>
                    value <= threshold ? ComparisonOutcome.NotMet : ComparisonOutcome.Undecided,
                Comparator.Between => value <= threshold ? ComparisonOutcome.NotMet : ComparisonOutcome.Undecided,
                _ => throw UndefinedComparator(comparator),
            },
            _ => throw new ArgumentException(Fmt($"Qualifier {(int)qualifier} is not defined."), nameof(qualifier)),
        };
    }

    /// <summary>Evaluates a figure against a target rule's comparator and thresholds.</summary>
    /// <param name="rule">The target.</param>
    /// <param name="value">The published figure.</param>
    /// <param name="qualifier">How exact the figure is.</param>
    /// <returns>Met, NotMet or Undecided.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> is null.</exception>
    /// <exception cref="ArgumentException">See <see cref="Evaluate(Comparator, double, double?, double, Qualifier)"/>.</exception>
    public static ComparisonOutcome Evaluate(TargetRule rule, double value, Qualifier qualifier)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return Evaluate(rule.Comparator, rule.Threshold, rule.UpperThreshold, value, qualifier);
    }

    /// <summary>Determines whether an exact value passes the comparison.</summary>
    private static bool IsSatisfied(Comparator comparator, double threshold, double upper, double value) => comparator switch
    {
        Comparator.AtLeast => value >= threshold,
        Comparator.GreaterThan => value > threshold,
        Comparator.AtMost or Comparator.RankAtMost => value <= threshold,
        Comparator.LessThan => value < threshold,
        Comparator.EqualTo => value == threshold,
        Comparator.Between => value >= threshold && value <= upper,
        _ => throw UndefinedComparator(comparator),
    };

    private static ComparisonOutcome FromBool(bool met) => met ? ComparisonOutcome.Met : ComparisonOutcome.NotMet;

    private static ArgumentException UndefinedComparator(Comparator comparator) =>
        new(Fmt($"Comparator {(int)comparator} is not defined."), nameof(comparator));

    private static void RequireFinite(double x, string name)
    {
        if (!double.IsFinite(x))
        {
            throw new ArgumentException(Fmt($"{name} must be a finite number but was {x}."), name);
        }
    }

    private static string Fmt(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
