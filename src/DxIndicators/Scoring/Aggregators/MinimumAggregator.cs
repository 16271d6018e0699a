using DxIndicators.Model;
using DxIndicators.Scoring.Kernels;
using DxIndicators.Scoring.Methods;

namespace DxIndicators.Scoring;

/// <summary>The smallest present child score (counts the children present on the way). Text <c>min</c>;
/// docs/methodology.md#aggregation.</summary>
internal sealed class MinimumAggregator : AggregationRule
{
    public override AggregationMethod Method => AggregationMethod.Minimum;

    public override MethodSyntax<Aggregator> Entry { get; } = new(
        "min", "min", "smallest present x", "none", "aggregation", t => t.WithoutArguments(Aggregator.Minimum));

    public override bool Aggregate(in NodeAggregation node)
    {
        node.Y.Fill(double.NaN);
        node.Count.Clear();
        for (int c = node.Start; c < node.End; c++)
        {
            RunningMinimum.Accumulate(node.Child(c), node.Y, node.Count, node.Path);
        }

        return true;
    }
}
