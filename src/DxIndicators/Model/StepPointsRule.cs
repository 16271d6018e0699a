using System.Globalization;

namespace DxIndicators.Model;

/// <summary>Step rule: the best step reached earns its points; below every step earns 0 ("4 lần: 20 điểm; 3 lần: 15; …").</summary>
public sealed class StepPointsRule : PointsRule
{
    /// <summary>Initializes a new instance of the <see cref="StepPointsRule"/> class.</summary>
    /// <param name="maxPoints">The most points.</param>
    /// <param name="steps">Steps with strictly increasing thresholds; points non-decreasing (higher-is-better) or non-increasing (lower-is-better).</param>
    /// <exception cref="ArgumentNullException"><paramref name="steps"/> is null.</exception>
    public StepPointsRule(double maxPoints, ValueList<PointsStep> steps)
        : base(maxPoints)
    {
        ArgumentNullException.ThrowIfNull(steps);
        Steps = steps;
    }

    /// <summary>Gets the steps, thresholds strictly increasing.</summary>
    public ValueList<PointsStep> Steps { get; }

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

    /// <inheritdoc/>
    public override bool Equals(PointsRule? other) => other is StepPointsRule r && MaxPoints.Equals(r.MaxPoints) && Steps == r.Steps;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(typeof(StepPointsRule), MaxPoints, Steps);

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"steps[{MaxPoints}, {Steps.Count} steps]");
}
