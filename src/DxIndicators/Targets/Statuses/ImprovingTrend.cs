namespace DxIndicators.Targets;

/// <summary>Trend status <see cref="TrendStatus.Improving"/>: its words, symbol and meaning (one line of <see cref="TrendStatusRegistry"/>).</summary>
internal static class ImprovingTrend
{
    public static TrendStatusInfo Entry { get; } = new(
        TrendStatus.Improving,
        label: ("improving", "cải thiện"),
        symbol: "↑",
        meaning: "Moving in the better direction by at least the improving threshold per year.",
        docs: "6-trends-without-a-target-trendevaluator");
}
