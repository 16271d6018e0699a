namespace DxIndicators.Targets;

/// <summary>Target status <see cref="TargetStatus.NeedsAcceleration"/>: its texts, words, symbol and meaning (one line of <see cref="TargetStatusRegistry"/>).</summary>
internal static class NeedsAccelerationStatus
{
    public static TargetStatusInfo Entry { get; } = new(
        TargetStatus.NeedsAcceleration,
        name: "needsAcceleration",
        label: ("needs acceleration", "cần tăng tốc"),
        shortLabel: ("speed up", "tăng tốc"),
        symbol: "!",
        detail: TargetStatusDetail.Progress,
        meaning: "Not met; observed growth is 60–95% of the required growth.",
        docs: "2-target-statuses-targetevaluator-targetstatus");
}
