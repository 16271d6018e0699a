namespace DxIndicators.Targets;

/// <summary>Target status <see cref="TargetStatus.Indeterminate"/>: its texts, words, symbol and meaning (one line of <see cref="TargetStatusRegistry"/>).</summary>
internal static class IndeterminateStatus
{
    public static TargetStatusInfo Entry { get; } = new(
        TargetStatus.Indeterminate,
        name: "indeterminate",
        label: ("indeterminate", "chưa xác định"),
        shortLabel: ("unclear", "chưa rõ"),
        symbol: "?",
        detail: TargetStatusDetail.None,
        meaning: "The data cannot decide: a bound that does not settle the comparison, a single observation with no baseline, or a pace that cannot be computed.",
        docs: "2-target-statuses-targetevaluator-targetstatus");
}
