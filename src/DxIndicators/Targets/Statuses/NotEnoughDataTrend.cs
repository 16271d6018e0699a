namespace DxIndicators.Targets;

/// <summary>Trend status <see cref="TrendStatus.NotEnoughData"/>: its words, symbol and meaning (one line of <see cref="TrendStatusRegistry"/>).</summary>
internal static class NotEnoughDataTrend
{
    public static TrendStatusInfo Entry { get; } = new(
        TrendStatus.NotEnoughData,
        label: ("not enough data", "chưa đủ số liệu"),
        symbol: "·",
        meaning: "Fewer than two observations with different period ends on or before the as-of date.",
        docs: "6-trends-without-a-target-trendevaluator");
}
