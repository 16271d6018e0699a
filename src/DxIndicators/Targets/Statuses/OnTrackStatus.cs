namespace DxIndicators.Targets;

/// <summary>Target status <see cref="TargetStatus.OnTrack"/>: its texts, words, symbol and meaning (one line of <see cref="TargetStatusRegistry"/>).</summary>
internal static class OnTrackStatus
{
    public static TargetStatusInfo Entry { get; } = new(
        TargetStatus.OnTrack,
        name: "onTrack",
        label: ("on track", "đúng tiến độ"),
        shortLabel: ("on track", "đúng hạn"),
        symbol: "↗",
        detail: TargetStatusDetail.Progress,
        meaning: "Not met yet; observed growth is at least 95% (configurable) of the growth the deadline requires.",
        docs: "2-target-statuses-targetevaluator-targetstatus");
}
