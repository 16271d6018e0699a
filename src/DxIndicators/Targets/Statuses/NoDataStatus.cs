namespace DxIndicators.Targets;

/// <summary>Target status <see cref="TargetStatus.NoData"/>: its texts, words, symbol and meaning (one line of <see cref="TargetStatusRegistry"/>).</summary>
internal static class NoDataStatus
{
    public static TargetStatusInfo Entry { get; } = new(
        TargetStatus.NoData,
        name: "noData",
        label: ("no data", "không có số liệu"),
        shortLabel: ("no data", "không số liệu"),
        symbol: "∅",
        detail: TargetStatusDetail.None,
        meaning: "No observation with a period ending on or before the as-of date.",
        docs: "2-target-statuses-targetevaluator-targetstatus");
}
