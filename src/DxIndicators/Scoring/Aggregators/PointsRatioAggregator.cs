using DxIndicators.Model;
using DxIndicators.Scoring.Kernels;
using DxIndicators.Scoring.Methods;

namespace DxIndicators.Scoring;

/// <summary>Points ratio, <c>Σ maxPoints·x / Σ maxPoints</c> over all children: a missing child earns 0; NaN only when no
/// child has data. Text <c>points</c>; docs/methodology.md#aggregation.</summary>
internal sealed class PointsRatioAggregator : AggregationRule
{
    public override AggregationMethod Method => AggregationMethod.PointsRatio;

    public override MethodSyntax<Aggregator> Entry { get; } = new(
        "points", "points", "`Σ maxPoints·x / Σ maxPoints over all children`: a missing child earns 0", "none", "aggregation", t => t.WithoutArguments(Aggregator.PointsRatio));

    public override bool Streaming => true;

    public override bool Aggregate(in NodeAggregation node)
    {
        for (int c = node.Start; c < node.End; c++)
        {
            node.EnsureNormalised(c);
            WeightedSum.Accumulate(node.Child(c), node.Weight[c], node.Sum, node.WeightSum, node.Path);
        }

        double total = node.TotalWeight();
        Span<double> y = node.Y, sum = node.Sum, wsum = node.WeightSum;
        for (int i = 0; i < y.Length; i++)
        {
            y[i] = wsum[i] == 0 && sum[i] == 0 && !node.AnyPresent(i) ? double.NaN : sum[i] / total;
        }

        return false;
    }
}
