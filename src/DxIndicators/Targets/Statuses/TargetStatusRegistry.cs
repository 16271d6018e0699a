namespace DxIndicators.Targets;

/// <summary>
/// The closed set of target statuses, one line each, in the order of <see cref="TargetStatus"/>'s members and of
/// docs/targets.md's "Status texts" table. The CSV/JSON names (<see cref="TargetNames"/>), the CLI's descriptions and
/// the reports' words and symbols come from here; MethodRegistryTests-style tests check the enum and the docs table.
/// Adding a status: its enum member, one file in this folder, one line below (and its colours in Reporting's
/// <c>TargetStatusColours</c>).
/// </summary>
internal static class TargetStatusRegistry
{
    public static IReadOnlyList<TargetStatusInfo> Statuses { get; } =
    [
        AchievedStatus.Entry,
        OnTrackStatus.Entry,
        NeedsAccelerationStatus.Entry,
        LimitedProgressStatus.Entry,
        DeteriorationStatus.Entry,
        MissedStatus.Entry,
        IndeterminateStatus.Entry,
        NoDataStatus.Entry,
    ];

    private static readonly TargetStatusInfo[] s_byValue = StatusIndex.ByValue(Statuses, s => s.Status);

    /// <summary>Gets the description of a status (an array index: reports call it per cell).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The status is not a member.</exception>
    public static TargetStatusInfo Of(TargetStatus status) =>
        (uint)status < (uint)s_byValue.Length ? s_byValue[(int)status] : throw new ArgumentOutOfRangeException(nameof(status), status, "Undefined target status.");
}
