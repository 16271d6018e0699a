using DxIndicators.Model;
using DxIndicators.Scoring.Methods;

namespace DxIndicators.Scoring;

/// <summary>
/// The closed set of aggregators, one line each, in the order of docs/methodology.md's table. The CLI grammar,
/// <see cref="Aggregator.Parse"/>, <see cref="Aggregator.ToString"/> and the docs table come from here. Adding one:
/// a file in this folder, a line below, and its <see cref="AggregationMethod"/> member (frameworks name it in JSON).
/// </summary>
internal static class AggregatorRegistry
{
    private static readonly AggregationRule[] s_rules =
    [
        new ArithmeticMeanAggregator(),
        new GeometricMeanAggregator(),
        new HarmonicMeanAggregator(),
        new GeneralisedMeanAggregator(),
        new MinimumAggregator(),
        new PointsRatioAggregator(),
    ];

    private static readonly AggregationRule[] s_byMethod = ByMethod();

    public static MethodRegistry<Aggregator> Methods { get; } = new("aggregator", "Aggregation", [.. s_rules.Select(r => r.Entry)]);

    /// <summary>Gets the rule of a method.</summary>
    public static AggregationRule Rule(AggregationMethod method) => s_byMethod[(int)method];

    private static AggregationRule[] ByMethod()
    {
        var byMethod = new AggregationRule[Enum.GetValues<AggregationMethod>().Length];
        foreach (AggregationRule rule in s_rules)
        {
            byMethod[(int)rule.Method] = rule;
        }

        return byMethod;
    }
}
