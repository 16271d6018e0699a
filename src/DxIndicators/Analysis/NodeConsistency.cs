namespace DxIndicators.Analysis;

/// <summary>The internal consistency of one node's children.</summary>
/// <param name="Node">The node code.</param>
/// <param name="Children">The number of children.</param>
/// <param name="CronbachAlpha">Cronbach's alpha over the children's normalised values or scores (COINr <c>get_cronbach</c>, pairwise-complete covariances).</param>
public readonly record struct NodeConsistency(string Node, int Children, double CronbachAlpha);
