using System.Globalization;
using System.Text;
using DxIndicators.Data;
using DxIndicators.Model;
using NodaTime;

namespace DxIndicators.Targets;

/// <summary>
/// Evaluates one unit's observations against a dated target as of a given date: status, gap, first period met,
/// progress ratio (Open SDG / Statistics Canada progress measure) and projected dates.
/// </summary>
/// <remarks>
/// <para>Immutable; safe to share. The evaluator never reads the clock: the caller passes the as-of date.</para>
/// <para>Decision order (docs/targets.md §Statuses):</para>
/// <list type="number">
/// <item>No observation with a period ending on or before as-of → <see cref="TargetStatus.NoData"/>.</item>
/// <item>The latest observation meets the target (per <see cref="QualifiedComparison"/>) → <see cref="TargetStatus.Achieved"/>.
/// Only the latest value counts: a target met earlier and since relapsed is not achieved
/// (<see cref="TargetEvaluation.Relapsed"/> is set and <see cref="TargetEvaluation.FirstAchieved"/> keeps the first period met).</item>
/// <item>The latest observation is a bound that cannot decide → <see cref="TargetStatus.Indeterminate"/>.</item>
/// <item>as-of is after the deadline → <see cref="TargetStatus.Missed"/> (even if the latest data predate the deadline; the note says so).</item>
/// <item>The progress ratio is computable → OnTrack / NeedsAcceleration / LimitedProgress / Deterioration by <see cref="ProgressThresholds"/>.</item>
/// <item>Otherwise (one observation and no usable baseline, values changing sign, zero required growth): the gap decides
/// only one thing — a gap wider than at the base → <see cref="TargetStatus.Deterioration"/>; anything else →
/// <see cref="TargetStatus.Indeterminate"/> with <see cref="TargetEvaluation.ProgressNote"/> saying why.</item>
/// </list>
/// <para>
/// Direction of progress comes from the comparator, not the indicator's polarity: ≥ and &gt; need the value to rise;
/// ≤, &lt; and rank ≤ need it to fall (lower rank is better); = and between need it to move from the latest value
/// towards the threshold (for between, the nearer end). A target that caps a higher-is-better indicator is therefore
/// judged as the target says.
/// </para>
/// </remarks>
public sealed class TargetEvaluator
{
    /// <summary>Initializes an evaluator.</summary>
    /// <param name="thresholds">The progress-ratio thresholds (null: 0.95 / 0.6 / 0).</param>
    public TargetEvaluator(ProgressThresholds? thresholds = null)
    {
        Thresholds = thresholds ?? ProgressThresholds.Default;
    }

    /// <summary>Gets an evaluator with the default thresholds.</summary>
    public static TargetEvaluator Default { get; } = new();

    /// <summary>Gets the progress-ratio thresholds.</summary>
    public ProgressThresholds Thresholds { get; }

    /// <summary>Evaluates one unit against one target as of a date.</summary>
    /// <param name="target">The target.</param>
    /// <param name="indicator">The indicator the target refers to (its code must equal the target's indicator).</param>
    /// <param name="unit">The unit's code.</param>
    /// <param name="observations">The unit's observations of the indicator, in any order; periods ending after <paramref name="asOf"/> are ignored.</param>
    /// <param name="asOf">The evaluation date.</param>
    /// <returns>The evaluation.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">
    /// The unit is blank, the indicator does not match the target, a <see cref="Comparator.Between"/> target has no upper
    /// threshold (the target's constructor guarantees the rest of its fields), or observations
    /// belong to another unit or indicator, have a non-finite value or an undefined qualifier, or repeat a period
    /// (the message lists every problem).
    /// </exception>
    public TargetEvaluation Evaluate(TargetRule target, IndicatorDefinition indicator, string unit, IEnumerable<Observation> observations, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentException.ThrowIfNullOrWhiteSpace(unit);
        ArgumentNullException.ThrowIfNull(observations);
        ValidateTarget(target, indicator);
        List<Observation> series = ValidateSeries(target, unit, observations);

        series.RemoveAll(o => o.Period.End > asOf);
        series.Sort((a, b) => a.Period.CompareTo(b.Period));
        if (series.Count == 0)
        {
            return new TargetEvaluation(target, unit, asOf, TargetStatus.NoData)
            {
                Note = Fmt($"No observation of '{target.Indicator}' for unit '{unit}' has a period ending on or before {Iso(asOf)}."),
            };
        }

        Observation latest = series[^1];
        ComparisonOutcome outcome = QualifiedComparison.Evaluate(target, latest.Value, latest.Qualifier);
        Observation? firstMet = series.Find(o => QualifiedComparison.Evaluate(target, o.Value, o.Qualifier) == ComparisonOutcome.Met);
        double gap = Gap(target, latest.Value);
        int? daysAhead = firstMet is null ? null : Growth.DaysBetween(firstMet.Period.End, target.Deadline);

        if (outcome == ComparisonOutcome.Met)
        {
            return Achieved(target, unit, asOf, latest, gap, firstMet!, daysAhead);
        }

        Pace pace = ComputePace(target, series, latest);
        (TargetStatus status, string? note) = Classify(target, asOf, latest, outcome, pace, gap);
        if (firstMet is not null)
        {
            // The relapse is news in every status, so it is added to, not replaced by, any other note.
            string relapse = Fmt($"The target was met in {firstMet.Period} but the latest value no longer meets it.");
            note = note is null ? relapse : note + " " + relapse;
        }

        return new TargetEvaluation(target, unit, asOf, status)
        {
            Note = note,
            LatestValue = latest.Value,
            LatestQualifier = latest.Qualifier,
            LatestPeriod = latest.Period,
            Gap = gap,
            FirstAchieved = firstMet?.Period,
            DaysAheadOfDeadline = daysAhead,
            BaseValue = pace.BaseValue,
            BaseDate = pace.BaseDate,
            ObservedGrowth = pace.Observed,
            RequiredGrowth = pace.Required,
            ProgressRatio = pace.Ratio,
            ProgressNote = pace.RatioNote,
            ProjectedLinear = pace.Linear,
            LinearProjectionNote = pace.LinearNote,
            ProjectedCompound = pace.Compound,
            CompoundProjectionNote = pace.CompoundNote,
        };
    }

    private static TargetEvaluation Achieved(TargetRule target, string unit, LocalDate asOf, Observation latest, double gap, Observation firstMet, int? daysAhead)
    {
        const string MetNote = "The target is already achieved.";
        return new TargetEvaluation(target, unit, asOf, TargetStatus.Achieved)
        {
            LatestValue = latest.Value,
            LatestQualifier = latest.Qualifier,
            LatestPeriod = latest.Period,
            Gap = gap,
            FirstAchieved = firstMet.Period,
            DaysAheadOfDeadline = daysAhead,
            ProgressNote = MetNote,
            LinearProjectionNote = MetNote,
            CompoundProjectionNote = MetNote,
        };
    }

    /// <summary>The status of a target not yet met, and the note that explains it (null: the status says it all).</summary>
    private (TargetStatus Status, string? Note) Classify(TargetRule target, LocalDate asOf, Observation latest, ComparisonOutcome outcome, Pace pace, double gap)
    {
        if (outcome == ComparisonOutcome.Undecided)
        {
            return (TargetStatus.Indeterminate, Fmt($"The latest value ({Describe(latest)} in {latest.Period}) cannot decide '{ComparatorText(target)}'."));
        }

        if (asOf > target.Deadline)
        {
            return (TargetStatus.Missed, latest.Period.End < target.Deadline
                ? Fmt($"The deadline {Iso(target.Deadline)} has passed; the latest data ({latest.Period}) predate it, so this is missed on the data available.")
                : null);
        }

        if (pace.Ratio is { } ratio)
        {
            return (Thresholds.Classify(ratio), null);
        }

        if (pace.BaseValue is { } baseValue && gap > Gap(target, baseValue))
        {
            return (TargetStatus.Deterioration, Fmt($"The gap widened from {Gap(target, baseValue)} to {gap}; the progress ratio is not computable ({pace.RatioNote})."));
        }

        return (TargetStatus.Indeterminate, "Progress is not computable: " + pace.RatioNote + ".");
    }

    /// <summary>Evaluates every unit against every target, one result per unit and target.</summary>
    /// <param name="targets">The targets, in the order results should list them.</param>
    /// <param name="indicators">The indicator definitions by code; every target's indicator must be present.</param>
    /// <param name="observations">Observations of any units and indicators (others than the targets' are ignored).</param>
    /// <param name="asOf">The evaluation date.</param>
    /// <param name="units">The units to evaluate, in output order (null: every unit in <paramref name="observations"/>, ordinal order).
    /// A unit without data for a target gets <see cref="TargetStatus.NoData"/>.</param>
    /// <returns>The evaluations, grouped by unit, then in target order.</returns>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException">A target's indicator has no definition, or any series is invalid (see <see cref="Evaluate"/>); the message lists every problem.</exception>
    public IReadOnlyList<TargetEvaluation> EvaluateAll(
        IEnumerable<TargetRule> targets,
        IReadOnlyDictionary<string, IndicatorDefinition> indicators,
        IEnumerable<Observation> observations,
        LocalDate asOf,
        IEnumerable<string>? units = null)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(observations);
        List<TargetRule> targetList = [.. targets];
        var problems = new List<string>();
        foreach (TargetRule t in targetList)
        {
            if (!indicators.ContainsKey(t.Indicator))
            {
                problems.Add(Fmt($"target '{t.Code}' refers to indicator '{t.Indicator}', which has no definition"));
            }
        }

        var bySeries = new Dictionary<(string Unit, string Indicator), List<Observation>>();
        foreach (Observation o in observations)
        {
            ArgumentNullException.ThrowIfNull(o, nameof(observations));
            if (!bySeries.TryGetValue((o.Unit, o.Indicator), out List<Observation>? list))
            {
                bySeries[(o.Unit, o.Indicator)] = list = [];
            }

            list.Add(o);
        }

        List<string> unitList = units is null
            ? [.. bySeries.Keys.Select(k => k.Unit).Distinct().Order(StringComparer.Ordinal)]
            : [.. units];
        var results = new List<TargetEvaluation>(unitList.Count * targetList.Count);

        // Targets without a definition were reported above; the others are still evaluated so that every series
        // problem is reported in the same exception.
        foreach (string unit in unitList)
        {
            foreach (TargetRule t in targetList.Where(t => indicators.ContainsKey(t.Indicator)))
            {
                IReadOnlyList<Observation> series = bySeries.TryGetValue((unit, t.Indicator), out List<Observation>? s) ? s : [];
                try
                {
                    results.Add(Evaluate(t, indicators[t.Indicator], unit, series, asOf));
                }
                catch (ArgumentException ex)
                {
                    problems.Add(ex.Message);
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException(Fmt($"Cannot evaluate the targets: {problems.Count} problem(s):{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", problems)}"));
        }

        return results;
    }

    /// <summary>Computes the gap to the target, positive = still to go (see <see cref="TargetEvaluation.Gap"/>).</summary>
    /// <param name="target">The target.</param>
    /// <param name="value">The value.</param>
    /// <returns>The signed gap in the indicator's unit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="target"/> is null.</exception>
    public static double Gap(TargetRule target, double value)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Comparator switch
        {
            Comparator.AtLeast or Comparator.GreaterThan => target.Threshold - value,
            Comparator.AtMost or Comparator.LessThan or Comparator.RankAtMost => value - target.Threshold,
            Comparator.EqualTo => Math.Abs(value - target.Threshold),
            Comparator.Between => value < target.Threshold ? target.Threshold - value
                : value > target.UpperThreshold!.Value ? value - target.UpperThreshold.Value
                : 0,
            _ => double.NaN,
        };
    }

    private static Pace ComputePace(TargetRule target, List<Observation> series, Observation latest)
    {
        double current = latest.Value;
        LocalDate currentDate = latest.Period.End;
        double targetValue = EffectiveThreshold(target, current);
        double direction = target.Comparator switch
        {
            Comparator.AtLeast or Comparator.GreaterThan => 1,
            Comparator.AtMost or Comparator.LessThan or Comparator.RankAtMost => -1,
            _ => targetValue >= current ? 1 : -1,
        };

        if (!TryBase(target, series, latest, out double baseValue, out LocalDate baseDate, out string? why))
        {
            return Pace.None(why!);
        }

        var pace = new Pace { BaseValue = baseValue, BaseDate = baseDate };
        double yearsObserved = Growth.YearsBetween(baseDate, currentDate);
        double t = RatioPace(pace, target, baseValue, baseDate, current, targetValue, direction, yearsObserved, out double observed);
        LinearPace(pace, baseValue, current, currentDate, targetValue, yearsObserved);
        CompoundPace(pace, current, currentDate, t, observed);
        return pace;
    }

    /// <summary>Picks the base the pace is measured from: the target's baseline, else the earliest earlier observation.</summary>
    private static bool TryBase(TargetRule target, List<Observation> series, Observation latest, out double baseValue, out LocalDate baseDate, out string? why)
    {
        LocalDate currentDate = latest.Period.End;
        (baseValue, baseDate, why) = (double.NaN, default, null);
        if (target.Baseline is { } baseline)
        {
            if (baseline.Date >= currentDate)
            {
                why = Fmt($"the baseline date {Iso(baseline.Date)} is not before the latest observation's end {Iso(currentDate)}");
                return false;
            }

            (baseValue, baseDate) = (baseline.Value, baseline.Date);
            return true;
        }

        Observation? earliest = series.Find(o => o.Period.End < currentDate);
        if (earliest is null)
        {
            why = Fmt($"only one observation ({latest.Period}) and no baseline, so there is no pace to measure");
            return false;
        }

        (baseValue, baseDate) = (earliest.Value, earliest.Period.End);
        return true;
    }

    /// <summary>Sets the observed and required compound growth and their ratio (docs/targets.md, "Progress"); returns the threshold after zero substitution.</summary>
    private static double RatioPace(Pace pace, TargetRule target, double baseValue, LocalDate baseDate, double current, double targetValue, double direction, double yearsObserved, out double observed)
    {
        double yearsRequired = Growth.YearsBetween(baseDate, target.Deadline);
        // Open SDG: a zero base (or target) makes CAGR undefined, so it is replaced by 0.001.
        double b = Growth.SubstituteZero(baseValue, baseValue);
        double t = Growth.SubstituteZero(targetValue, b);
        observed = double.NaN;
        if (Growth.OppositeSigns(b, current))
        {
            pace.RatioNote = Fmt($"the values change sign between the base ({baseValue}) and the latest value ({current}), so compound growth is not defined");
        }
        else
        {
            observed = Growth.Cagr(current, b, yearsObserved);
            if (current == baseValue)
            {
                observed = 0;
            }

            pace.Observed = observed;
            if (Growth.OppositeSigns(b, t))
            {
                pace.RatioNote = Fmt($"the base ({baseValue}) and the threshold ({targetValue}) lie on opposite sides of zero, so the required compound growth is not defined");
            }
            else if (!(yearsRequired > 0))
            {
                pace.RatioNote = Fmt($"the deadline {Iso(target.Deadline)} is not after the base date {Iso(baseDate)}");
            }
            else
            {
                double required = Growth.Cagr(t, b, yearsRequired);
                pace.Required = required;
                if (required == 0)
                {
                    pace.RatioNote = Fmt($"the base value ({baseValue}) already equals the threshold, so the required growth is zero");
                }
                else
                {
                    double sign = b < 0 ? -1 : 1;
                    double ratio = sign * direction * observed / Math.Abs(required);
                    if (double.IsFinite(ratio))
                    {
                        pace.Ratio = ratio;
                    }
                    else
                    {
                        // A large change over a few days compounds past double range; there is no meaningful pace.
                        pace.RatioNote = Fmt($"the growth rate over {yearsObserved} years overflows (base {baseValue}, latest {current})");
                    }
                }
            }
        }

        return t;
    }

    /// <summary>Projects the date the threshold is reached at the same absolute change per year.</summary>
    private static void LinearPace(Pace pace, double baseValue, double current, LocalDate currentDate, double targetValue, double yearsObserved)
    {
        // Linear pace: the same absolute change per year as between base and latest (stated values, no substitution).
        double rate = (current - baseValue) / yearsObserved;
        double remaining = targetValue - current;
        if (rate == 0)
        {
            pace.LinearNote = "not at current pace: the value has not changed since the base";
        }
        else if (remaining != 0 && Math.Sign(rate) != Math.Sign(remaining))
        {
            pace.LinearNote = "not at current pace: the value is moving away from the threshold";
        }
        else
        {
            pace.Linear = Growth.AddYears(currentDate, remaining / rate);
            pace.LinearNote = pace.Linear is null ? "not at current pace: the projected date is after 9999-12-31" : null;
        }

    }

    /// <summary>Projects the date the threshold is reached at the observed compound growth rate.</summary>
    private static void CompoundPace(Pace pace, double current, LocalDate currentDate, double t, double observed)
    {
        // Compound pace: value·(1 + g)^y = threshold, y = ln(threshold / value) / ln(1 + g).
        if (double.IsNaN(observed))
        {
            pace.CompoundNote = "not computable: " + pace.RatioNote;
        }
        else if (!double.IsFinite(observed) || observed <= -1)
        {
            // ln(1 + observed) is ±∞ here, which would make the projection "today" whatever the direction.
            pace.CompoundNote = "not computable: the observed growth rate overflows (the base is too close in time to the latest value)";
        }
        else if (current == 0)
        {
            pace.CompoundNote = "not at current pace: a value of zero cannot grow at a compound rate";
        }
        else if (observed == 0)
        {
            pace.CompoundNote = "not at current pace: the value has not changed since the base";
        }
        else if (Growth.OppositeSigns(current, t))
        {
            pace.CompoundNote = "not computable: the latest value and the threshold lie on opposite sides of zero";
        }
        else
        {
            double years = Math.Log(t / current) / Math.Log(1 + observed);
            if (!double.IsFinite(years) || years < 0)
            {
                pace.CompoundNote = "not at current pace: the value is moving away from the threshold";
            }
            else
            {
                pace.Compound = Growth.AddYears(currentDate, years);
                pace.CompoundNote = pace.Compound is null ? "not at current pace: the projected date is after 9999-12-31" : null;
            }
        }
    }

    private static double EffectiveThreshold(TargetRule target, double current) =>
        target.Comparator == Comparator.Between && current > target.UpperThreshold!.Value ? target.UpperThreshold.Value : target.Threshold;

    // The target's own fields (a finite threshold, a whole rank, a finite upper threshold not below it, a finite
    // baseline) are guaranteed by its constructor and by the validator on the readers' path; what is left is what no
    // single field can say: the definition passed is the target's, and a 'between' target was given its upper end.
    private static void ValidateTarget(TargetRule target, IndicatorDefinition indicator)
    {
        if (!string.Equals(target.Indicator, indicator.Code, StringComparison.Ordinal))
        {
            throw new ArgumentException(Fmt($"Target '{target.Code}' refers to indicator '{target.Indicator}' but the definition passed is '{indicator.Code}'."), nameof(indicator));
        }

        if (target.Comparator == Comparator.Between && target.UpperThreshold is null)
        {
            throw new ArgumentException(Fmt($"Target '{target.Code}' compares 'between' and needs a finite upper threshold ≥ {target.Threshold}, was missing."), nameof(target));
        }
    }

    private static List<Observation> ValidateSeries(TargetRule target, string unit, IEnumerable<Observation> observations)
    {
        var series = new List<Observation>();
        var problems = new List<string>();
        var periods = new SeriesPeriods();
        int index = 0;
        foreach (Observation? o in observations)
        {
            if (o is null)
            {
                problems.Add(Fmt($"observation #{index} is null"));
            }
            else
            {
                AddObservationProblems(o, index, target.Indicator, unit, periods, problems);
                series.Add(o);
            }

            index++;
        }

        if (problems.Count > 0)
        {
            var sb = new StringBuilder();
            sb.Append(CultureInfo.InvariantCulture, $"Cannot evaluate target '{target.Code}' for unit '{unit}': {problems.Count} problem(s) in the observations:");
            foreach (string p in problems)
            {
                sb.AppendLine().Append("  ").Append(p).Append('.');
            }

            throw new ArgumentException(sb.ToString(), nameof(observations));
        }

        return series;
    }

    private static void AddObservationProblems(Observation o, int index, string indicator, string unit, SeriesPeriods periods, List<string> problems)
    {
        if (!string.Equals(o.Unit, unit, StringComparison.Ordinal))
        {
            problems.Add(Fmt($"observation #{index} ({o.Period}) belongs to unit '{o.Unit}', not '{unit}'"));
        }

        if (!string.Equals(o.Indicator, indicator, StringComparison.Ordinal))
        {
            problems.Add(Fmt($"observation #{index} ({o.Period}) is of indicator '{o.Indicator}', not '{indicator}'"));
        }

        if (!double.IsFinite(o.Value))
        {
            problems.Add(Fmt($"observation #{index} ({o.Period}) has a non-finite value ({o.Value})"));
        }

        if (!Enum.IsDefined(o.Qualifier))
        {
            problems.Add(Fmt($"observation #{index} ({o.Period}) has an undefined qualifier ({(int)o.Qualifier})"));
        }

        if (!periods.Seen.Add(o.Period))
        {
            problems.Add(Fmt($"observation #{index} repeats period {o.Period}; keep one value per period (for example the official over the provisional one)"));
        }
        else if (periods.Ends.TryGetValue(o.Period.End, out ReportingPeriod other))
        {
            // 2024 and 2024-Q4 both end on 2024-12-31: which is "latest" would be a silent choice.
            problems.Add(Fmt($"observation #{index} ({o.Period}) ends on the same day as {other} ({Iso(o.Period.End)}); evaluate one granularity at a time"));
        }
        else
        {
            periods.Ends[o.Period.End] = o.Period;
        }
    }

    private static string Describe(Observation o) => o.Qualifier switch
    {
        Qualifier.LowerBound => Fmt($"over {o.Value}"),
        Qualifier.UpperBound => Fmt($"under {o.Value}"),
        Qualifier.Estimate => Fmt($"about {o.Value}"),
        _ => Fmt($"{o.Value}"),
    };

    /// <summary>Formats a target's comparison as text ("≥ 95", "between 10 and 20", "rank ≤ 70").</summary>
    internal static string ComparatorText(TargetRule target) => target.Comparator switch
    {
        Comparator.AtLeast => Fmt($"≥ {target.Threshold}"),
        Comparator.GreaterThan => Fmt($"> {target.Threshold}"),
        Comparator.AtMost => Fmt($"≤ {target.Threshold}"),
        Comparator.LessThan => Fmt($"< {target.Threshold}"),
        Comparator.EqualTo => Fmt($"= {target.Threshold}"),
        Comparator.Between => Fmt($"between {target.Threshold} and {target.UpperThreshold}"),
        _ => Fmt($"rank ≤ {target.Threshold}"),
    };

    private static string Iso(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private static string Fmt(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private sealed class Pace
    {
        public double? BaseValue { get; init; }

        public LocalDate? BaseDate { get; init; }

        public double? Observed { get; set; }

        public double? Required { get; set; }

        public double? Ratio { get; set; }

        public string? RatioNote { get; set; }

        public LocalDate? Linear { get; set; }

        public string? LinearNote { get; set; }

        public LocalDate? Compound { get; set; }

        public string? CompoundNote { get; set; }

        public static Pace None(string why) => new()
        {
            RatioNote = why,
            LinearNote = "not computable: " + why,
            CompoundNote = "not computable: " + why,
        };
    }

    // The periods met so far in one series: each must be new, and no two may end on the same day.
    private sealed class SeriesPeriods
    {
        public HashSet<ReportingPeriod> Seen { get; } = [];

        public Dictionary<LocalDate, ReportingPeriod> Ends { get; } = [];
    }
}
