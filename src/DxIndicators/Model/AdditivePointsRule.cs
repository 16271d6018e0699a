using System.Globalization;

namespace DxIndicators.Model;

/// <summary>
/// Additive rule: the value is a bit set of the parts met (bit i ↔ part i); points = Σ fractions of the parts met · MaxPoints, capped.
/// </summary>
public sealed class AdditivePointsRule : PointsRule
{
    /// <summary>Initializes a new instance of the <see cref="AdditivePointsRule"/> class.</summary>
    /// <param name="maxPoints">The most points.</param>
    /// <param name="parts">The parts (at most 52, so every bit set is an exact double).</param>
    /// <exception cref="ArgumentNullException"><paramref name="parts"/> is null.</exception>
    /// <exception cref="ArgumentException">Max points are not a finite number ≥ 0, there are not 1 to 52 parts, or a
    /// fraction is outside [0, 1].</exception>
    public AdditivePointsRule(double maxPoints, ValueList<PointsPart> parts)
        : this(maxPoints, parts, FieldRules.Mode.Checked)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="AdditivePointsRule"/> class, checking its fields or not.</summary>
    /// <param name="maxPoints">The most points.</param>
    /// <param name="parts">The parts.</param>
    /// <param name="mode"><see cref="FieldRules.Mode.Deferred"/> for readers, whose input the validator checks.</param>
    internal AdditivePointsRule(double maxPoints, ValueList<PointsPart> parts, FieldRules.Mode mode)
        : base(maxPoints, mode)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (mode == FieldRules.Mode.Checked)
        {
            FieldRules.Require(FieldRules.PartCount(parts.Count), nameof(parts), parts.Count);
            foreach (PointsPart part in parts)
            {
                FieldRules.Require(FieldRules.Fraction(part.Fraction), nameof(parts), part.Fraction);
            }
        }

        Parts = parts;
    }

    /// <summary>Gets the parts (at most 52, so every bit set is an exact double).</summary>
    public ValueList<PointsPart> Parts { get; }

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

    /// <inheritdoc/>
    public override bool Equals(PointsRule? other) => other is AdditivePointsRule r && MaxPoints.Equals(r.MaxPoints) && Parts == r.Parts;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(typeof(AdditivePointsRule), MaxPoints, Parts);

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"additive[{MaxPoints}, {Parts.Count} parts]");
}
