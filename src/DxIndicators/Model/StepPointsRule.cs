namespace DxIndicators.Model;

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
