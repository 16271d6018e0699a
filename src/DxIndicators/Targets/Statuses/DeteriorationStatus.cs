namespace DxIndicators.Targets;

/// <summary>Target status <see cref="TargetStatus.Deterioration"/>: its texts, words, symbol and meaning (one line of <see cref="TargetStatusRegistry"/>).</summary>
internal static class DeteriorationStatus
{
    public static TargetStatusInfo Entry { get; } = new(
        TargetStatus.Deterioration,
        name: "deterioration",
        label: ("deterioration", "suy giảm"),
        shortLabel: ("worse", "giảm"),
        symbol: "↘",
        detail: TargetStatusDetail.None,
        meaning: "Not met; the value moves away from the target.",
        docs: "2-target-statuses-targetevaluator-targetstatus");
}
