using System.Globalization;
using DxIndicators.Data;
using DxIndicators.Model;
using NodaTime;

namespace DxIndicators.Targets;

/// <summary>
/// Gives every indicator series a trend (improving / stable / worsening) without a target, by the Open SDG no-target
/// progress measure: polarity-adjusted compound annual growth between the earliest and the latest observation.
/// </summary>
/// <remarks>
/// <para>Immutable; safe to share. Never reads the clock.</para>
/// <para>
/// Effectively computes <c>p = sign(base) · d · ((latest / base)^(1 / years) − 1)</c> where d = +1 for higher-is-better and
/// −1 for lower-is-better, years = days between period ends / 365.25, and a base of exactly 0 is replaced by 0.001
/// (Open SDG). Equal values give p = 0. Then <see cref="TrendThresholds.Classify"/>. When the values change sign, compound
/// growth is undefined and the status follows the sign of the absolute change (never Stable unless the values are equal);
/// <see cref="TrendEvaluation.Note"/> says so. Qualified values are used as stated and flagged.
/// </para>
/// </remarks>
public sealed class TrendEvaluator
{
    /// <summary>Initializes an evaluator.</summary>
    /// <param name="thresholds">The thresholds (null: ±0.005).</param>
    public TrendEvaluator(TrendThresholds? thresholds = null)
    {
        Thresholds = thresholds ?? TrendThresholds.Default;
    }

    /// <summary>Gets an evaluator with the default thresholds.</summary>
    public static TrendEvaluator Default { get; } = new();

    /// <summary>Gets the thresholds.</summary>
    public TrendThresholds Thresholds { get; }

    /// <summary>Evaluates the trend of one unit's series.</summary>
    /// <param name="indicator">The indicator (its polarity orients the trend).</param>
    /// <param name="unit">The unit code.</param>
    /// <param name="observations">The unit's observations of the indicator, any order; periods ending after <paramref name="asOf"/> are ignored.</param>
    /// <param name="asOf">The evaluation date.</param>
    /// <returns>The trend.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The unit is blank, or observations belong to another unit or indicator, are not finite or repeat a period (all listed).</exception>
    public TrendEvaluation Evaluate(IndicatorDefinition indicator, string unit, IEnumerable<Observation> observations, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentException.ThrowIfNullOrWhiteSpace(unit);
        ArgumentNullException.ThrowIfNull(observations);
        var problems = new List<string>();
        var series = new List<Observation>();
        var seen = new HashSet<Data.ReportingPeriod>();
        int index = 0;
        foreach (Observation? o in observations)
        {
            if (o is null)
            {
                problems.Add(Fmt($"observation #{index} is null"));
            }
            else
            {
                if (!string.Equals(o.Unit, unit, StringComparison.Ordinal) || !string.Equals(o.Indicator, indicator.Code, StringComparison.Ordinal))
                {
                    problems.Add(Fmt($"observation #{index} ({o.Period}) is of unit '{o.Unit}' and indicator '{o.Indicator}', not '{unit}' and '{indicator.Code}'"));
                }

                if (!double.IsFinite(o.Value))
                {
                    problems.Add(Fmt($"observation #{index} ({o.Period}) has a non-finite value ({o.Value})"));
                }

                if (!seen.Add(o.Period))
                {
                    problems.Add(Fmt($"observation #{index} repeats period {o.Period}"));
                }

                if (o.Period.End <= asOf)
                {
                    series.Add(o);
                }
            }

            index++;
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException(Fmt($"Cannot evaluate the trend of '{indicator.Code}' for unit '{unit}': {string.Join("; ", problems)}."), nameof(observations));
        }

        series.Sort((a, b) => a.Period.CompareTo(b.Period));
        if (series.Count == 0)
        {
            return new TrendEvaluation(indicator.Code, unit, asOf, TrendStatus.NotEnoughData) { Note = "No observation on or before the as-of date." };
        }

        Observation latest = series[^1];
        Observation? first = series.Find(o => o.Period.End < latest.Period.End);
        if (first is null)
        {
            return new TrendEvaluation(indicator.Code, unit, asOf, TrendStatus.NotEnoughData)
            {
                Latest = latest,
                Note = Fmt($"Only one period ({latest.Period}) on or before the as-of date."),
            };
        }

        double direction = indicator.Polarity == Polarity.LowerIsBetter ? -1 : 1;
        double b = Targets.Growth.SubstituteZero(first.Value, first.Value);
        if (Targets.Growth.OppositeSigns(b, latest.Value))
        {
            double change = direction * (latest.Value - first.Value);
            return new TrendEvaluation(indicator.Code, unit, asOf, change > 0 ? TrendStatus.Improving : TrendStatus.Worsening)
            {
                Base = first,
                Latest = latest,
                Note = Fmt($"The values change sign ({first.Value} to {latest.Value}), so compound growth is not defined; the trend follows the direction of the change."),
            };
        }

        double years = Targets.Growth.YearsBetween(first.Period.End, latest.Period.End);
        double growth = latest.Value == first.Value ? 0 : Targets.Growth.Cagr(latest.Value, b, years);
        double adjusted = (b < 0 ? -1 : 1) * direction * growth;
        return new TrendEvaluation(indicator.Code, unit, asOf, Thresholds.Classify(adjusted))
        {
            Base = first,
            Latest = latest,
            Growth = growth,
            AdjustedGrowth = adjusted,
        };
    }

    private static string Fmt(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
