namespace DxIndicators.Model;

/// <summary>An aggregate node of the indicator tree (index, pillar, main index, sub-index, component).</summary>
/// <param name="Code">The node code, unique within the framework (shared with indicator codes).</param>
/// <param name="Name">The bilingual name.</param>
/// <param name="Kind">The level of the node.</param>
/// <param name="Children">The links to children, in order.</param>
public sealed record FrameworkNode(string Code, LocalizedText Name, NodeKind Kind, ValueList<NodeLink> Children)
{
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
}
