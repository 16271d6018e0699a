namespace DxIndicators.Analysis;

/// <summary>One link of a scoring plan (a parent node and one of its children) with the plan's own weight.</summary>
/// <param name="Parent">The parent node code.</param>
/// <param name="Child">The child code (an indicator or a node).</param>
/// <param name="Weight">The plan's weight of the link (for points-ratio nodes, the child's maximum points).</param>
/// <remarks>
/// <see cref="WeightUncertainty.Links"/> lists the links in the order every weight vector uses: nodes bottom-up
/// (as <see cref="Scoring.ScoringPlan.NodeCodes"/>), and each node's links in framework order.
/// </remarks>
public readonly record struct WeightLink(string Parent, string Child, double Weight);
