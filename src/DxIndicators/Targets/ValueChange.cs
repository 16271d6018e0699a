using System.Globalization;
using DxIndicators.Data;
using DxIndicators.Model;

namespace DxIndicators.Targets;

/// <summary>The change of an indicator's value between two periods, in units, percentage points and percent.</summary>
/// <remarks>
/// Immutable; safe to share. Create with <see cref="Between"/>. Numbers are exact differences of the stated values
/// (never rounded); only <see cref="Describe"/> rounds, for display.
/// </remarks>
public sealed class ValueChange
{
    private ValueChange(IndicatorDefinition indicator, Observation from, Observation to)
    {
        Indicator = indicator;
        From = from;
        To = to;
        Absolute = to.Value - from.Value;
        // A change of a share is in percentage points, whatever the measure kind says, when the unit is "%"
        // (SIPAS is an index score published as a percentage of satisfied respondents).
        PercentagePoints = indicator.Measure is MeasureKind.Percentage or MeasureKind.Rate || string.Equals(indicator.Unit.Trim(), "%", StringComparison.Ordinal) ? Absolute : null;
        RelativePercent = from.Value == 0 ? null : Absolute / Math.Abs(from.Value) * 100;
        Direction = DirectionOf(indicator.Polarity, from, to);
    }

    /// <summary>Gets the indicator.</summary>
    public IndicatorDefinition Indicator { get; }

    /// <summary>Gets the earlier observation.</summary>
    public Observation From { get; }

    /// <summary>Gets the later observation.</summary>
    public Observation To { get; }

    /// <summary>Gets to − from in the indicator's unit.</summary>
    public double Absolute { get; }

    /// <summary>Gets to − from in percentage points for percentage and rate indicators, else null.</summary>
    public double? PercentagePoints { get; }

    /// <summary>Gets (to − from) / |from| × 100, or null when from is zero.</summary>
    public double? RelativePercent { get; }

    /// <summary>Gets whether the change is an improvement by the indicator's polarity.</summary>
    /// <remarks>
    /// Each figure stands for an interval of true values (exact/estimate: the value; "over v": (v, ∞); "under v": (−∞, v)).
    /// The direction is decided only when every pair of possible values moves the same way; otherwise it is
    /// <see cref="ChangeDirection.Undetermined"/>.
    /// </remarks>
    public ChangeDirection Direction { get; }

    /// <summary>Gets the earlier value's qualifier.</summary>
    public Qualifier FromQualifier => From.Qualifier;

    /// <summary>Gets the later value's qualifier.</summary>
    public Qualifier ToQualifier => To.Qualifier;

    /// <summary>Gets whether either value is not exact (an estimate or a bound).</summary>
    public bool IsQualified => From.Qualifier != Qualifier.Exact || To.Qualifier != Qualifier.Exact;

    /// <summary>Computes the change from one observation to another of the same unit and indicator.</summary>
    /// <param name="indicator">The indicator (gives polarity, measure and unit label).</param>
    /// <param name="from">The earlier observation.</param>
    /// <param name="to">The later observation.</param>
    /// <returns>The change.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The observations are of another indicator or of different units, a value is not finite, or <paramref name="to"/>'s period does not end after <paramref name="from"/>'s.</exception>
    public static ValueChange Between(IndicatorDefinition indicator, Observation from, Observation to)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var problems = new List<string>();
        foreach ((Observation o, string name) in new[] { (from, "from"), (to, "to") })
        {
            if (!string.Equals(o.Indicator, indicator.Code, StringComparison.Ordinal))
            {
                problems.Add(Fmt($"'{name}' is of indicator '{o.Indicator}', not '{indicator.Code}'"));
            }

            if (!double.IsFinite(o.Value))
            {
                problems.Add(Fmt($"'{name}' has a non-finite value ({o.Value})"));
            }
        }

        if (!string.Equals(from.Unit, to.Unit, StringComparison.Ordinal))
        {
            problems.Add(Fmt($"the observations are of different units ('{from.Unit}' and '{to.Unit}')"));
        }

        if (!(to.Period.End > from.Period.End))
        {
            problems.Add(Fmt($"'to' ({to.Period}) must end after 'from' ({from.Period})"));
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException(Fmt($"Cannot compute the change of '{indicator.Code}': {string.Join("; ", problems)}."));
        }

        return new ValueChange(indicator, from, to);
    }

    /// <summary>Describes the change for people: "+2.86 percentage points", "-120 stations", "up 9 places", "no change".</summary>
    /// <param name="maxDecimals">The most decimals shown (0–15, default 2); trailing zeros are dropped.</param>
    /// <returns>The text, with " (estimate)" or " (bound)" appended when a value is qualified.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDecimals"/> is outside 0–15.</exception>
    public string Describe(int maxDecimals = 2)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxDecimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxDecimals, 15);
        // One rounding from the exact value (DisplayRounding); Math.Round scales by 10^d first, which can round twice.
        double shown = DisplayRounding.Round(Absolute, maxDecimals);
        string text;
        if (shown == 0)
        {
            text = Absolute == 0 ? "no change" : "no change at this precision";
        }
        else if (Indicator.Measure == MeasureKind.Rank)
        {
            // Ranks: 1 is best, so a smaller number is a move up the table.
            double places = Math.Abs(shown);
            text = (shown < 0 ? "up " : "down ") + DisplayRounding.Format(places, maxDecimals, DisplayStyle.TrimTrailingZeros) + (places == 1 ? " place" : " places");
        }
        else
        {
            string number = DisplayRounding.Format(shown, maxDecimals, DisplayStyle.TrimTrailingZeros | DisplayStyle.ExplicitPlus);
            string unit = PercentagePoints is not null
                ? (Math.Abs(shown) == 1 ? "percentage point" : "percentage points")
                : Indicator.Unit;
            text = string.IsNullOrWhiteSpace(unit) ? number : number + " " + unit;
        }

        bool bound = From.Qualifier is Qualifier.LowerBound or Qualifier.UpperBound || To.Qualifier is Qualifier.LowerBound or Qualifier.UpperBound;
        return bound ? text + " (bound)" : IsQualified ? text + " (estimate)" : text;
    }

    /// <inheritdoc/>
    public override string ToString() => Describe();

    private static ChangeDirection DirectionOf(Polarity polarity, Observation from, Observation to)
    {
        // Possible differences D = x_to − x_from over the two intervals; the change is decided only if D has one sign.
        (double fromLo, double fromHi) = Interval(from);
        (double toLo, double toHi) = Interval(to);
        bool openLo = to.Qualifier == Qualifier.LowerBound || from.Qualifier == Qualifier.UpperBound;
        bool openHi = to.Qualifier == Qualifier.UpperBound || from.Qualifier == Qualifier.LowerBound;
        double lo = toLo - fromHi;
        double hi = toHi - fromLo;
        bool rises = lo > 0 || (lo == 0 && openLo);
        bool falls = hi < 0 || (hi == 0 && openHi);
        if (lo == 0 && hi == 0)
        {
            return ChangeDirection.Unchanged;
        }

        if (!rises && !falls)
        {
            return ChangeDirection.Undetermined;
        }

        return rises == (polarity == Polarity.HigherIsBetter) ? ChangeDirection.Improved : ChangeDirection.Worsened;
    }

    private static (double Lo, double Hi) Interval(Observation o) => o.Qualifier switch
    {
        Qualifier.LowerBound => (o.Value, double.PositiveInfinity),
        Qualifier.UpperBound => (double.NegativeInfinity, o.Value),
        _ => (o.Value, o.Value),
    };

    private static string Fmt(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
