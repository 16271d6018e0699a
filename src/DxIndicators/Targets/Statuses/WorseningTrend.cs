namespace DxIndicators.Targets;

/// <summary>Trend status <see cref="TrendStatus.Worsening"/>: its words, symbol and meaning (one line of <see cref="TrendStatusRegistry"/>).</summary>
internal static class WorseningTrend
{
    public static TrendStatusInfo Entry { get; } = new(
        TrendStatus.Worsening,
        label: ("worsening", "xấu đi"),
        symbol: "↓",
        meaning: "Moving in the worse direction by at least the worsening threshold per year.",
        docs: "6-trends-without-a-target-trendevaluator");
}
