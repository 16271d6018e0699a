using System.Globalization;

namespace DxIndicators.Model;

/// <summary>Ratio rule: <c>points = min(value / FullAt, 1) · MaxPoints</c> ("Tỷ lệ = a/b; Điểm = Tỷ lệ × Điểm tối đa").</summary>
public sealed class RatioPointsRule : PointsRule
{
    /// <summary>Initializes a new instance of the <see cref="RatioPointsRule"/> class.</summary>
    /// <param name="maxPoints">The most points.</param>
    /// <param name="fullAt">The value that earns full points (100 for a percentage, 1 for a share).</param>
    public RatioPointsRule(double maxPoints, double fullAt)
        : base(maxPoints) => FullAt = fullAt;

    /// <summary>Gets the value that earns full points (100 for a percentage, 1 for a share).</summary>
    public double FullAt { get; }

    /// <inheritdoc/>
    public override double Evaluate(double value, Polarity polarity) => Cap(value / FullAt * MaxPoints);

    /// <inheritdoc/>
    public override bool Equals(PointsRule? other) => other is RatioPointsRule r && MaxPoints.Equals(r.MaxPoints) && FullAt.Equals(r.FullAt);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(typeof(RatioPointsRule), MaxPoints, FullAt);

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"ratio[{MaxPoints}, full at {FullAt}]");
}
