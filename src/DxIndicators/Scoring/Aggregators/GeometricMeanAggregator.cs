using DxIndicators.Model;
using DxIndicators.Scoring.Methods;

namespace DxIndicators.Scoring;

/// <summary>Weighted geometric mean, <c>exp(Σ w·ln x / Σ w)</c> (scalar <c>Math.Log</c>/<c>Math.Exp</c> on every path);
/// every present child must be positive. Text <c>gmean</c>; docs/methodology.md#aggregation.</summary>
internal sealed class GeometricMeanAggregator : AggregationRule
{
    public override AggregationMethod Method => AggregationMethod.GeometricMean;

    public override MethodSyntax<Aggregator> Entry { get; } = new(
        "gmean", "gmean", "`exp(Σ w·ln x / Σ w)` (scalar `Math.Log`/`Math.Exp` on every path)", "any present x ≤ 0: error naming the node, and every offending unit, child and value", "aggregation", t => t.WithoutArguments(Aggregator.GeometricMean));

    public override bool Aggregate(in NodeAggregation node)
    {
        node.CheckPositive("geometric mean", "positive");
        Span<double> sum = node.Sum, wsum = node.WeightSum, y = node.Y;
        for (int c = node.Start; c < node.End; c++)
        {
            ReadOnlySpan<double> x = node.Child(c);
            double w = node.Weight[c];
            for (int i = 0; i < x.Length; i++)
            {
                if (!double.IsNaN(x[i]))
                {
                    sum[i] += w * Math.Log(x[i]);
                    wsum[i] += w;
                }
            }
        }

        for (int i = 0; i < y.Length; i++)
        {
            y[i] = Math.Exp(sum[i] / wsum[i]);
        }

        return false;
    }
}
