namespace DxIndicators.Model;

/// <summary>
/// A rule that turns an indicator's raw value into points, always capped at <see cref="MaxPoints"/>
/// (the four rule types of the DTI component tables; see docs/methodology.md §Points).
/// </summary>
/// <param name="MaxPoints">The most points the indicator can earn (≥ 0).</param>
public abstract record PointsRule(double MaxPoints)
{
    /// <summary>Computes the points earned by <paramref name="value"/>.</summary>
    /// <param name="value">The raw value (NaN = missing).</param>
    /// <param name="polarity">The indicator's polarity (used by step tables).</param>
    /// <returns>Points in [0, <see cref="MaxPoints"/>]; NaN when <paramref name="value"/> is NaN.</returns>
    public abstract double Evaluate(double value, Polarity polarity);

    /// <summary>Caps points into [0, MaxPoints]; the cap is the documented rule, not a silent clamp.</summary>
    /// <param name="points">Uncapped points.</param>
    /// <returns>Capped points.</returns>
    protected double Cap(double points) => double.IsNaN(points) ? double.NaN : Math.Clamp(points, 0, MaxPoints);
}

/// <summary>Ratio rule: <c>points = min(value / FullAt, 1) · MaxPoints</c> ("Tỷ lệ = a/b; Điểm = Tỷ lệ × Điểm tối đa").</summary>
/// <param name="MaxPoints">The most points.</param>
/// <param name="FullAt">The value that earns full points (100 for a percentage, 1 for a share).</param>
public sealed record RatioPointsRule(double MaxPoints, double FullAt) : PointsRule(MaxPoints)
{
    /// <inheritdoc/>
    public override double Evaluate(double value, Polarity polarity) => Cap(value / FullAt * MaxPoints);
}

/// <summary>One row of a step table.</summary>
/// <param name="Threshold">The value the step starts at (reached when value ≥ threshold for higher-is-better, ≤ for lower-is-better).</param>
/// <param name="Points">The points the step earns.</param>
public sealed record PointsStep(double Threshold, double Points);

/// <summary>Step rule: the best step reached earns its points; below every step earns 0 ("4 lần: 20 điểm; 3 lần: 15; …").</summary>
/// <param name="MaxPoints">The most points.</param>
/// <param name="Steps">Steps with strictly increasing thresholds; points non-decreasing (higher-is-better) or non-increasing (lower-is-better).</param>
public sealed record StepPointsRule(double MaxPoints, ValueList<PointsStep> Steps) : PointsRule(MaxPoints)
{
    /// <inheritdoc/>
    public override double Evaluate(double value, Polarity polarity)
    {
        if (double.IsNaN(value))
        {
            return double.NaN;
        }

        double points = 0;
        foreach (PointsStep step in Steps)
        {
            bool reached = polarity == Polarity.HigherIsBetter ? value >= step.Threshold : value <= step.Threshold;
            if (reached)
            {
                points = Math.Max(points, step.Points);
            }
        }

        return Cap(points);
    }
}

/// <summary>One category of a categorical rule.</summary>
/// <param name="Value">The numeric code the observation carries.</param>
/// <param name="Fraction">The share of max points it earns, in [0, 1].</param>
/// <param name="Label">A short label ("Chairman", "Vice-chairman", "none").</param>
public sealed record CategoryFraction(double Value, double Fraction, string Label);

/// <summary>Categorical rule: a category earns a fixed fraction of max points; an unknown category is an error at load.</summary>
/// <param name="MaxPoints">The most points.</param>
/// <param name="Categories">The categories, with distinct codes.</param>
public sealed record CategoricalPointsRule(double MaxPoints, ValueList<CategoryFraction> Categories) : PointsRule(MaxPoints)
{
    /// <inheritdoc/>
    public override double Evaluate(double value, Polarity polarity)
    {
        foreach (CategoryFraction category in Categories)
        {
            if (category.Value.Equals(value))
            {
                return Cap(category.Fraction * MaxPoints);
            }
        }

        return double.NaN;
    }
}

/// <summary>One part of an additive rule.</summary>
/// <param name="Label">What the part rewards.</param>
/// <param name="Fraction">The share of max points it earns, in [0, 1].</param>
public sealed record PointsPart(string Label, double Fraction);

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
