using System.Globalization;

namespace DxIndicators.Model;

/// <summary>Step rule: the best step reached earns its points; below every step earns 0 ("4 lần: 20 điểm; 3 lần: 15; …").</summary>
public sealed class StepPointsRule : PointsRule
{
    /// <summary>Initializes a new instance of the <see cref="StepPointsRule"/> class.</summary>
    /// <param name="maxPoints">The most points.</param>
    /// <param name="steps">Steps with strictly increasing thresholds; points non-decreasing (higher-is-better) or non-increasing (lower-is-better).</param>
    /// <exception cref="ArgumentNullException"><paramref name="steps"/> is null.</exception>
    /// <exception cref="ArgumentException">Max points are not a finite number ≥ 0, there are no steps, or a step has a
    /// threshold that is not finite or points outside [0, <paramref name="maxPoints"/>]. (That thresholds increase and
    /// points follow the polarity is checked with the indicator, when a framework is built.)</exception>
    public StepPointsRule(double maxPoints, ValueList<PointsStep> steps)
        : this(maxPoints, steps, FieldRules.Mode.Checked)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="StepPointsRule"/> class, checking its fields or not.</summary>
    /// <param name="maxPoints">The most points.</param>
    /// <param name="steps">The steps.</param>
    /// <param name="mode"><see cref="FieldRules.Mode.Deferred"/> for readers, whose input the validator checks.</param>
    internal StepPointsRule(double maxPoints, ValueList<PointsStep> steps, FieldRules.Mode mode)
        : base(maxPoints, mode)
    {
        ArgumentNullException.ThrowIfNull(steps);
        if (mode == FieldRules.Mode.Checked)
        {
            FieldRules.Require(FieldRules.NotEmpty(steps.Count, ProblemRules.EmptySteps), nameof(steps), steps.Count);
            foreach (PointsStep step in steps)
            {
                FieldRules.Require(FieldRules.Finite(step.Threshold), nameof(steps), step.Threshold);
                FieldRules.Require(FieldRules.StepPoints(step.Points, maxPoints), nameof(steps), step.Points);
            }
        }

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
