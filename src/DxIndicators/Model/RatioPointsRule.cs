namespace DxIndicators.Model;

/// <summary>Ratio rule: <c>points = min(value / FullAt, 1) · MaxPoints</c> ("Tỷ lệ = a/b; Điểm = Tỷ lệ × Điểm tối đa").</summary>
/// <param name="MaxPoints">The most points.</param>
/// <param name="FullAt">The value that earns full points (100 for a percentage, 1 for a share).</param>
public sealed record RatioPointsRule(double MaxPoints, double FullAt) : PointsRule(MaxPoints)
{
    /// <inheritdoc/>
    public override double Evaluate(double value, Polarity polarity) => Cap(value / FullAt * MaxPoints);
}
