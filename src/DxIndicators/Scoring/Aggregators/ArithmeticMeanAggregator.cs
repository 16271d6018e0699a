using DxIndicators.Model;
using DxIndicators.Scoring.Methods;

namespace DxIndicators.Scoring;

/// <summary>Weighted arithmetic mean, <c>Σ w·x / Σ w</c> over the children present; fused with normalisation
/// (<see cref="ScoringPlan"/>'s <c>AggregateArithmetic</c>). Text <c>amean</c>; docs/methodology.md#aggregation.</summary>
internal sealed class ArithmeticMeanAggregator : AggregationRule
{
    public override AggregationMethod Method => AggregationMethod.ArithmeticMean;

    public override MethodSyntax<Aggregator> Entry { get; } = new(
        "amean", "amean", "`Σ w·x / Σ w`", "none", "aggregation", t => t.WithoutArguments(Aggregator.ArithmeticMean));

    public override bool Streaming => true;

    public override bool Aggregate(in NodeAggregation node)
    {
        node.Arithmetic();
        return false;
    }
}
