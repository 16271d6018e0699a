namespace DxIndicators.Model;

/// <summary>An aggregate node of the indicator tree (index, pillar, main index, sub-index, component).</summary>
/// <remarks>Immutable, compared by value (children as a sequence). Not a positional record: there is no <c>with</c>
/// to copy one past the checks. The constructor rejects nulls; the rules on values (a name, at least one child,
/// weights, points, power, share) are framework rules, checked with their JSON paths when a <see cref="Framework"/>
/// is built (docs/framework-format.md).</remarks>
public sealed class FrameworkNode : IEquatable<FrameworkNode>
{
    /// <summary>Initializes a new instance of the <see cref="FrameworkNode"/> class.</summary>
    /// <param name="code">The node code, unique within the framework (shared with indicator codes).</param>
    /// <param name="name">The bilingual name.</param>
    /// <param name="kind">The level of the node.</param>
    /// <param name="children">The links to children, in order.</param>
    /// <exception cref="ArgumentNullException">A reference argument is null.</exception>
    public FrameworkNode(string code, LocalizedText name, NodeKind kind, ValueList<NodeLink> children)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(children);
        Code = code;
        Name = name;
        Kind = kind;
        Children = children;
    }

    /// <summary>Gets the node code, unique within the framework (shared with indicator codes).</summary>
    public string Code { get; }

    /// <summary>Gets the bilingual name.</summary>
    public LocalizedText Name { get; }

    /// <summary>Gets the level of the node.</summary>
    public NodeKind Kind { get; }

    /// <summary>Gets the links to children, in order.</summary>
    public ValueList<NodeLink> Children { get; }

    /// <summary>Gets how the node combines its children (default weighted arithmetic mean).</summary>
    public AggregationMethod Aggregation { get; init; } = AggregationMethod.ArithmeticMean;

    /// <summary>Gets the exponent p of a generalised mean (required, non-zero, for <see cref="AggregationMethod.GeneralisedMean"/>).</summary>
    public double? Power { get; init; }

    /// <summary>Gets the share of children that must be present for the node to have a score (null: any one child suffices).</summary>
    public double? MinShare { get; init; }

    /// <summary>Gets the total points of the node, which its children's max points must add up to.</summary>
    public double? MaxPoints { get; init; }

    /// <summary>Gets the pillar the node represents or belongs to.</summary>
    public Pillar? Pillar { get; init; }

    /// <summary>Gets the foundation group the node represents.</summary>
    public FoundationGroup? Foundation { get; init; }

    /// <summary>Gets whether the node (its children, points and weights) is stated in its source or provisional (modelled from what is public).</summary>
    public DefinitionStatus Status { get; init; } = DefinitionStatus.Confirmed;

    /// <summary>Gets what is missing and where the model comes from; required when <see cref="Status"/> is
    /// <see cref="DefinitionStatus.Provisional"/>, not allowed otherwise.</summary>
    public string? StatusNote { get; init; }

    /// <summary>Compares two nodes by value.</summary>
    /// <param name="left">The first node.</param>
    /// <param name="right">The second node.</param>
    /// <returns>True when both are null or every member is equal.</returns>
    public static bool operator ==(FrameworkNode? left, FrameworkNode? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two nodes by value.</summary>
    /// <param name="left">The first node.</param>
    /// <param name="right">The second node.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(FrameworkNode? left, FrameworkNode? right) => !(left == right);

    /// <inheritdoc/>
    public bool Equals(FrameworkNode? other) =>
        other is not null
        && string.Equals(Code, other.Code, StringComparison.Ordinal)
        && Name == other.Name
        && Kind == other.Kind
        && Children == other.Children
        && Aggregation == other.Aggregation
        && Nullable.Equals(Power, other.Power)
        && Nullable.Equals(MinShare, other.MinShare)
        && Nullable.Equals(MaxPoints, other.MaxPoints)
        && Pillar == other.Pillar
        && Foundation == other.Foundation
        && Status == other.Status
        && string.Equals(StatusNote, other.StatusNote, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as FrameworkNode);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Code), Name, Kind, Children, Aggregation);

    /// <inheritdoc/>
    public override string ToString() => Code;
}
