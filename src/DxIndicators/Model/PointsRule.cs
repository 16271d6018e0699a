namespace DxIndicators.Model;

/// <summary>
/// A rule that turns an indicator's raw value into points, always capped at <see cref="MaxPoints"/>
/// (the four rule types of the DTI component tables; see docs/methodology.md §Points).
/// </summary>
/// <remarks>Immutable, compared by value (a rule equals only a rule of the same type with equal members). Not a
/// positional record: there is no <c>with</c> to copy one past the checks. The constructors check the rules on their
/// values (max points finite ≥ 0, and each rule's own: a positive full-points value, steps with finite thresholds and
/// points in [0, max], categories and parts with fractions in [0, 1]) and throw <see cref="ArgumentException"/> naming
/// the parameter, the rule and the value. Rules that need the indicator (steps ordered for its polarity) or compare
/// items (duplicate category values) are checked with their JSON paths when a <see cref="Framework"/> is built
/// (docs/framework-format.md).</remarks>
public abstract class PointsRule : IEquatable<PointsRule>
{
    /// <summary>Initializes a new instance of the <see cref="PointsRule"/> class.</summary>
    /// <param name="maxPoints">The most points the indicator can earn (≥ 0).</param>
    /// <param name="mode">Whether to check the fields (the public constructors) or leave them to the validator (readers).</param>
    /// <exception cref="ArgumentOutOfRangeException">Checked, and <paramref name="maxPoints"/> is not a finite number ≥ 0.</exception>
    private protected PointsRule(double maxPoints, FieldRules.Mode mode)
    {
        if (mode == FieldRules.Mode.Checked)
        {
            FieldRules.Require(FieldRules.Points(maxPoints), nameof(maxPoints), maxPoints);
        }

        MaxPoints = maxPoints;
    }

    /// <summary>Gets the most points the indicator can earn (≥ 0).</summary>
    public double MaxPoints { get; }

    /// <summary>Compares two rules by value.</summary>
    /// <param name="left">The first rule.</param>
    /// <param name="right">The second rule.</param>
    /// <returns>True when both are null or both are the same rule type with equal members.</returns>
    public static bool operator ==(PointsRule? left, PointsRule? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two rules by value.</summary>
    /// <param name="left">The first rule.</param>
    /// <param name="right">The second rule.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(PointsRule? left, PointsRule? right) => !(left == right);

    /// <summary>Computes the points earned by <paramref name="value"/>.</summary>
    /// <param name="value">The raw value (NaN = missing).</param>
    /// <param name="polarity">The indicator's polarity (used by step tables).</param>
    /// <returns>Points in [0, <see cref="MaxPoints"/>]; NaN when <paramref name="value"/> is NaN.</returns>
    public abstract double Evaluate(double value, Polarity polarity);

    /// <inheritdoc/>
    public abstract bool Equals(PointsRule? other);

    /// <inheritdoc/>
    public sealed override bool Equals(object? obj) => Equals(obj as PointsRule);

    /// <inheritdoc/>
    public abstract override int GetHashCode();

    /// <summary>Caps points into [0, MaxPoints]; the cap is the documented rule, not a silent clamp.</summary>
    /// <param name="points">Uncapped points.</param>
    /// <returns>Capped points.</returns>
    private protected double Cap(double points) => double.IsNaN(points) ? double.NaN : Math.Clamp(points, 0, MaxPoints);
}
