using System.Collections.Frozen;

namespace DxIndicators.Scoring;

/// <summary>One unit's score and rank on one node: the row view of a <see cref="ScoreTable"/>.</summary>
/// <param name="Unit">The unit code.</param>
/// <param name="Node">The node code.</param>
/// <param name="Score">The score, full precision (NaN = missing).</param>
/// <param name="Rank">The rank among all units (NaN = not ranked).</param>
/// <param name="UniverseSize">The number of units ranked on the node.</param>
public sealed record ScoreRow(string Unit, string Node, double Score, double Rank, int UniverseSize);
