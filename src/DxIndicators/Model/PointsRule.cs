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
