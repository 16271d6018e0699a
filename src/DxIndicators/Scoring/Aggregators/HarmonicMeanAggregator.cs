using DxIndicators.Model;
using DxIndicators.Scoring.Kernels;
using DxIndicators.Scoring.Methods;

namespace DxIndicators.Scoring;

/// <summary>Weighted harmonic mean, <c>Σ w / Σ (w/x)</c>; every present child must be positive. Text <c>hmean</c>;
/// docs/methodology.md#aggregation.</summary>
internal sealed class HarmonicMeanAggregator : AggregationRule
{
    public override AggregationMethod Method => AggregationMethod.HarmonicMean;

    public override MethodSyntax<Aggregator> Entry { get; } = new(
        "hmean", "hmean", "`Σ w / Σ (w/x)`", "any present x ≤ 0 (COINr checks only x = 0)", "aggregation", t => t.WithoutArguments(Aggregator.HarmonicMean));

    public override bool Aggregate(in NodeAggregation node)
    {
        node.CheckPositive("harmonic mean", "non-zero, positive");
        for (int c = node.Start; c < node.End; c++)
        {
            HarmonicSum.Accumulate(node.Child(c), node.Weight[c], node.Sum, node.WeightSum, node.Path);
        }

        Quotient.Divide(node.WeightSum, node.Sum, node.Y, node.Path);
        return false;
    }
}
