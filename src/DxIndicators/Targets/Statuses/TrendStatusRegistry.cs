namespace DxIndicators.Targets;

/// <summary>
/// The closed set of trend statuses, one line each, in the order of <see cref="TrendStatus"/>'s members and of
/// docs/targets.md's "Trend status texts" table; the CLI's trend arrows come from here. Adding one: its enum member,
/// one file in this folder, one line below.
/// </summary>
internal static class TrendStatusRegistry
{
    public static IReadOnlyList<TrendStatusInfo> Statuses { get; } =
    [
        ImprovingTrend.Entry,
        StableTrend.Entry,
        WorseningTrend.Entry,
        NotEnoughDataTrend.Entry,
    ];

    private static readonly TrendStatusInfo[] s_byValue = StatusIndex.ByValue(Statuses, s => s.Status);

    /// <summary>Gets the description of a trend status.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The status is not a member.</exception>
    public static TrendStatusInfo Of(TrendStatus status) =>
        (uint)status < (uint)s_byValue.Length ? s_byValue[(int)status] : throw new ArgumentOutOfRangeException(nameof(status), status, "Undefined trend status.");
}
