namespace DxIndicators.Targets;

/// <summary>Target status <see cref="TargetStatus.Missed"/>: its texts, words, symbol and meaning (one line of <see cref="TargetStatusRegistry"/>).</summary>
internal static class MissedStatus
{
    public static TargetStatusInfo Entry { get; } = new(
        TargetStatus.Missed,
        name: "missed",
        label: ("missed", "không đạt"),
        shortLabel: ("missed", "không đạt"),
        symbol: "✗",
        detail: TargetStatusDetail.Deadline,
        meaning: "The deadline has passed and the latest value does not meet the target.",
        docs: "2-target-statuses-targetevaluator-targetstatus");
}
