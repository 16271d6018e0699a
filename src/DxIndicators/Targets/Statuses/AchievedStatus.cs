namespace DxIndicators.Targets;

/// <summary>Target status <see cref="TargetStatus.Achieved"/>: its texts, words, symbol and meaning (one line of <see cref="TargetStatusRegistry"/>).</summary>
internal static class AchievedStatus
{
    public static TargetStatusInfo Entry { get; } = new(
        TargetStatus.Achieved,
        name: "achieved",
        label: ("achieved", "đã đạt"),
        shortLabel: ("met", "đạt"),
        symbol: "✓",
        detail: TargetStatusDetail.Achievement,
        meaning: "The latest value meets the target.",
        docs: "2-target-statuses-targetevaluator-targetstatus");
}
