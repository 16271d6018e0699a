namespace DxIndicators.Model;

/// <summary>An aggregate node of the indicator tree (index, pillar, main index, sub-index, component).</summary>
/// <remarks>Immutable, compared by value (children as a sequence). Not a positional record: there is no <c>with</c>
/// to copy one past the checks. The constructor and the init accessors check the rules on their values (a non-blank
/// code, a name, at least one child, a finite non-zero power, a share in (0, 1], max points finite ≥ 0, a defined
/// status; each <see cref="NodeLink"/> checks its weight and points) and throw <see cref="ArgumentException"/> naming
/// the parameter, the rule and the value. Rules between members (a power iff a generalised mean, a status note iff
/// provisional, points adding up) and across nodes (references, duplicates, cycles) are checked with their JSON
/// paths when a <see cref="Framework"/> is built (docs/framework-format.md).</remarks>
public sealed class FrameworkNode : IEquatable<FrameworkNode>
{
    // True for the public constructor; false on the readers' path, whose values the validator checks.
    private readonly bool _checked;

    /// <summary>Initializes a new instance of the <see cref="FrameworkNode"/> class.</summary>
    /// <param name="code">The node code, unique within the framework (shared with indicator codes).</param>
    /// <param name="name">The bilingual name.</param>
    /// <param name="kind">The level of the node.</param>
    /// <param name="children">The links to children, in order.</param>
    /// <exception cref="ArgumentNullException">A reference argument is null.</exception>
    /// <exception cref="ArgumentException">The code is blank, the name has no text or there are no children.</exception>
    public FrameworkNode(string code, LocalizedText name, NodeKind kind, ValueList<NodeLink> children)
        : this(code, name, kind, children, FieldRules.Mode.Checked)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="FrameworkNode"/> class, checking its fields or not.</summary>
    /// <param name="code">The node code.</param>
    /// <param name="name">The bilingual name.</param>
    /// <param name="kind">The level of the node.</param>
    /// <param name="children">The links to children.</param>
    /// <param name="mode"><see cref="FieldRules.Mode.Deferred"/> for readers, whose input the validator checks.</param>
    internal FrameworkNode(string code, LocalizedText name, NodeKind kind, ValueList<NodeLink> children, FieldRules.Mode mode)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(children);
        _checked = mode == FieldRules.Mode.Checked;
        if (_checked)
        {
            FieldRules.Require(FieldRules.Text(code), nameof(code), code);
            FieldRules.Require(FieldRules.Name(name), nameof(name), name);
            FieldRules.Require(FieldRules.NotEmpty(children.Count, ProblemRules.EmptyNode), nameof(children), children.Count);
        }

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
    /// <exception cref="ArgumentException">Set to 0 or a value that is not finite.</exception>
    public double? Power
    {
        get;
        init => field = FieldRules.Checked(_checked, value, FieldRules.Power, nameof(Power));
    }

    /// <summary>Gets the share of children that must be present for the node to have a score (null: any one child suffices).</summary>
    /// <exception cref="ArgumentException">Set to a value outside (0, 1].</exception>
    public double? MinShare
    {
        get;
        init => field = FieldRules.Checked(_checked, value, FieldRules.Share, nameof(MinShare));
    }

    /// <summary>Gets the total points of the node, which its children's max points must add up to.</summary>
    /// <exception cref="ArgumentException">Set to a value that is not a finite number ≥ 0.</exception>
    public double? MaxPoints
    {
        get;
        init => field = FieldRules.Checked(_checked, value, FieldRules.Points, nameof(MaxPoints));
    }

    /// <summary>Gets the pillar the node represents or belongs to.</summary>
    public Pillar? Pillar { get; init; }

    /// <summary>Gets the foundation group the node represents.</summary>
    public FoundationGroup? Foundation { get; init; }

    /// <summary>Gets whether the node (its children, points and weights) is stated in its source or provisional (modelled from what is public).</summary>
    /// <exception cref="ArgumentException">Set to an undefined status.</exception>
    public DefinitionStatus Status
    {
        get;
        init => field = FieldRules.Checked(_checked, value, FieldRules.Status, nameof(Status));
    } = DefinitionStatus.Confirmed;

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
