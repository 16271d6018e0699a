namespace DxIndicators.Model;

/// <summary>
/// Additive rule: the value is a bit set of the parts met (bit i ↔ part i); points = Σ fractions of the parts met · MaxPoints, capped.
/// </summary>
/// <param name="MaxPoints">The most points.</param>
/// <param name="Parts">The parts (at most 52, so every bit set is an exact double).</param>
public sealed record AdditivePointsRule(double MaxPoints, ValueList<PointsPart> Parts) : PointsRule(MaxPoints)
{
    /// <inheritdoc/>
    public override double Evaluate(double value, Polarity polarity)
    {
        if (double.IsNaN(value) || value < 0 || value != Math.Floor(value) || value >= Math.Pow(2, Parts.Count))
        {
            return double.NaN;
        }

        long bits = (long)value;
        double fraction = 0;
        for (int i = 0; i < Parts.Count; i++)
        {
            if ((bits & (1L << i)) != 0)
            {
                fraction += Parts[i].Fraction;
            }
        }

        return Cap(fraction * MaxPoints);
    }
}
