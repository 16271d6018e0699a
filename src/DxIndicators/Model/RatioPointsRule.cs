using System.Globalization;

namespace DxIndicators.Model;

/// <summary>Ratio rule: <c>points = min(value / FullAt, 1) · MaxPoints</c> ("Tỷ lệ = a/b; Điểm = Tỷ lệ × Điểm tối đa").</summary>
public sealed class RatioPointsRule : PointsRule
{
    /// <summary>Initializes a new instance of the <see cref="RatioPointsRule"/> class.</summary>
    /// <param name="maxPoints">The most points.</param>
    /// <param name="fullAt">The value that earns full points (100 for a percentage, 1 for a share).</param>
    /// <exception cref="ArgumentOutOfRangeException">Max points are not a finite number ≥ 0, or <paramref name="fullAt"/>
    /// is not a finite number &gt; 0.</exception>
    public RatioPointsRule(double maxPoints, double fullAt)
        : this(maxPoints, fullAt, FieldRules.Mode.Checked)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="RatioPointsRule"/> class, checking its fields or not.</summary>
    /// <param name="maxPoints">The most points.</param>
    /// <param name="fullAt">The value that earns full points.</param>
    /// <param name="mode"><see cref="FieldRules.Mode.Deferred"/> for readers, whose input the validator checks.</param>
    internal RatioPointsRule(double maxPoints, double fullAt, FieldRules.Mode mode)
        : base(maxPoints, mode)
    {
        if (mode == FieldRules.Mode.Checked)
        {
            FieldRules.Require(FieldRules.Positive(fullAt), nameof(fullAt), fullAt);
        }

        FullAt = fullAt;
    }

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
