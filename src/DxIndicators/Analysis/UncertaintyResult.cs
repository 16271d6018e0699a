namespace DxIndicators.Analysis;

/// <summary>The result of an <see cref="UncertaintyAnalysis"/> or <see cref="WeightUncertainty"/> analysis: rank statistics per analysed node and unit.</summary>
/// <remarks>Immutable; safe to share.</remarks>
public sealed class UncertaintyResult
{
    internal UncertaintyResult(int runs, ValueList<NodeRankStatistics> nodes, ValueList<UncertainInput>? inputs = null, int? seed = null)
    {
        Runs = runs;
        Nodes = nodes;
        Inputs = inputs ?? ValueList.Of(UncertainInput.Weights);
        Seed = seed;
    }

    /// <summary>Gets the inputs that were varied.</summary>
    public ValueList<UncertainInput> Inputs { get; }

    /// <summary>Gets the seed of the draws (null when the weight vectors were supplied).</summary>
    public int? Seed { get; }

    /// <summary>Gets the number of runs (weightings) evaluated.</summary>
    public int Runs { get; }

    /// <summary>Gets the statistics of every analysed node, the framework root first.</summary>
    public ValueList<NodeRankStatistics> Nodes { get; }

    /// <summary>Gets the statistics of the framework root.</summary>
    public NodeRankStatistics Root => Nodes[0];

    /// <summary>Gets the statistics of one analysed node.</summary>
    /// <param name="node">The node code.</param>
    /// <returns>The node's statistics.</returns>
    /// <exception cref="KeyNotFoundException">The node was not analysed (see <see cref="WeightUncertainty.WithNodes"/>).</exception>
    public NodeRankStatistics Node(string node)
    {
        foreach (NodeRankStatistics s in Nodes)
        {
            if (string.Equals(s.Node, node, StringComparison.Ordinal))
            {
                return s;
            }
        }

        throw new KeyNotFoundException($"Node '{node}' was not analysed; add it with WeightUncertainty.WithNodes.");
    }
}
