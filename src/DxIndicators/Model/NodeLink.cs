using System.Globalization;

namespace DxIndicators.Model;

/// <summary>A parent → child link in the indicator tree, carrying a relative weight and optionally max points.</summary>
/// <remarks>Immutable, compared by value. Not a positional record: there is no <c>with</c> to copy one past the checks.
/// The constructor checks its values (a non-blank code, a weight and max points that are finite numbers ≥ 0) and
/// throws <see cref="ArgumentException"/> naming the parameter, the rule and the value; whether the code names a node
/// or an indicator, and whether the points agree with the child's, is checked when a <see cref="Framework"/> is built.</remarks>
public sealed class NodeLink : IEquatable<NodeLink>
{
    /// <summary>Initializes a new instance of the <see cref="NodeLink"/> class.</summary>
    /// <param name="code">The child's code (a node or an indicator).</param>
    /// <param name="weight">The relative weight (≥ 0, finite); ignored when the parent aggregates by points.</param>
    /// <param name="maxPoints">The points the child is worth in this parent, if the parent aggregates by points (≥ 0, finite).</param>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    /// <exception cref="ArgumentException">The code is blank, or the weight or max points are not finite numbers ≥ 0.</exception>
    public NodeLink(string code, double weight = 1, double? maxPoints = null)
        : this(code, weight, maxPoints, FieldRules.Mode.Checked)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="NodeLink"/> class, checking its fields or not.</summary>
    /// <param name="code">The child's code.</param>
    /// <param name="weight">The relative weight.</param>
    /// <param name="maxPoints">The points the child is worth in this parent, if any.</param>
    /// <param name="mode"><see cref="FieldRules.Mode.Deferred"/> for readers, whose input the validator checks.</param>
    internal NodeLink(string code, double weight, double? maxPoints, FieldRules.Mode mode)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (mode == FieldRules.Mode.Checked)
        {
            FieldRules.Require(FieldRules.Text(code), nameof(code), code);
            FieldRules.Require(FieldRules.Weight(weight), nameof(weight), weight);
            if (maxPoints is { } points)
            {
                FieldRules.Require(FieldRules.Points(points), nameof(maxPoints), points);
            }
        }

        Code = code;
        Weight = weight;
        MaxPoints = maxPoints;
    }

    /// <summary>Gets the child's code (a node or an indicator).</summary>
    public string Code { get; }

    /// <summary>Gets the relative weight (≥ 0, finite); ignored when the parent aggregates by points.</summary>
    public double Weight { get; }

    /// <summary>Gets the points the child is worth in this parent, if the parent aggregates by points.</summary>
    public double? MaxPoints { get; }

    /// <summary>Gets the weight the parent uses: max points when given, else <see cref="Weight"/>.</summary>
    public double EffectiveWeight => MaxPoints ?? Weight;

    /// <summary>Compares two links by value.</summary>
    /// <param name="left">The first link.</param>
    /// <param name="right">The second link.</param>
    /// <returns>True when both are null or code, weight and max points are equal.</returns>
    public static bool operator ==(NodeLink? left, NodeLink? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two links by value.</summary>
    /// <param name="left">The first link.</param>
    /// <param name="right">The second link.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(NodeLink? left, NodeLink? right) => !(left == right);

    /// <inheritdoc/>
    public bool Equals(NodeLink? other) =>
        other is not null
        && string.Equals(Code, other.Code, StringComparison.Ordinal)
        && Weight.Equals(other.Weight)
        && Nullable.Equals(MaxPoints, other.MaxPoints);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as NodeLink);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Code), Weight, MaxPoints);

    /// <inheritdoc/>
    public override string ToString() => MaxPoints is { } points
        ? string.Create(CultureInfo.InvariantCulture, $"{Code} ({points} points)")
        : string.Create(CultureInfo.InvariantCulture, $"{Code} (weight {Weight})");
}
