namespace DxIndicators.Targets;

/// <summary>Trend status <see cref="TrendStatus.Stable"/>: its words, symbol and meaning (one line of <see cref="TrendStatusRegistry"/>).</summary>
internal static class StableTrend
{
    public static TrendStatusInfo Entry { get; } = new(
        TrendStatus.Stable,
        label: ("stable", "ổn định"),
        symbol: "→",
        meaning: "Moving less than the thresholds either way.",
        docs: "6-trends-without-a-target-trendevaluator");
}
