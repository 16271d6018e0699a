using DxIndicators.Model;
using DxIndicators.Scoring.Methods;

namespace DxIndicators.Scoring;

/// <summary>Weighted generalised mean with exponent p, <c>(Σ w·x^p / Σ w)^(1/p)</c> (scalar <c>Math.Pow</c>), re-weighted
/// over the children present (COINr's <c>a_genmean</c> gives NA instead). Text <c>genmean:P</c>; docs/methodology.md#aggregation.</summary>
internal sealed class GeneralisedMeanAggregator : AggregationRule
{
    public override AggregationMethod Method => AggregationMethod.GeneralisedMean;

    public override MethodSyntax<Aggregator> Entry { get; } = new(
        "genmean", "genmean:P", "`(Σ w·x^P / Σ w)^(1/P)` (scalar `Math.Pow`)", "P finite, ≠ 0; P < 0 with any present x ≤ 0; P > 0 with any present x < 0 (x^P would be NaN)", "aggregation", t => Aggregator.GeneralisedMean(t.Expect(1).Number(0)));

    public override IEnumerable<string> Arguments(Aggregator aggregator) => [NumberText.Format(aggregator.Power)];

    public override bool Aggregate(in NodeAggregation node)
    {
        double p = node.Power;
        if (p < 0)
        {
            node.CheckPositive("generalised mean with negative power", "positive");
        }
        else
        {
            // x^p of a negative x is NaN for most p (and sign-dependent for the rest): reject it rather than let
            // the unit silently become "missing" one level up.
            node.CheckPositive("generalised mean", "non-negative", allowZero: true);
        }

        Span<double> sum = node.Sum, wsum = node.WeightSum, y = node.Y;
        for (int c = node.Start; c < node.End; c++)
        {
            ReadOnlySpan<double> x = node.Child(c);
            double w = node.Weight[c];
            for (int i = 0; i < x.Length; i++)
            {
                if (!double.IsNaN(x[i]))
                {
                    sum[i] += w * Math.Pow(x[i], p);
                    wsum[i] += w;
                }
            }
        }

        for (int i = 0; i < y.Length; i++)
        {
            y[i] = Math.Pow(sum[i] / wsum[i], 1 / p);
        }

        return false;
    }
}
