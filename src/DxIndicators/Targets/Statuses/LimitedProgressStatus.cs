namespace DxIndicators.Targets;

/// <summary>Target status <see cref="TargetStatus.LimitedProgress"/>: its texts, words, symbol and meaning (one line of <see cref="TargetStatusRegistry"/>).</summary>
internal static class LimitedProgressStatus
{
    public static TargetStatusInfo Entry { get; } = new(
        TargetStatus.LimitedProgress,
        name: "limitedProgress",
        label: ("limited progress", "tiến triển chậm"),
        shortLabel: ("slow", "chậm"),
        symbol: "!!",
        detail: TargetStatusDetail.Progress,
        meaning: "Not met; observed growth is below 60% of the required growth but not backwards.",
        docs: "2-target-statuses-targetevaluator-targetstatus");
}
