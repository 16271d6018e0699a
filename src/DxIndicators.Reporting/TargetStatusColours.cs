using DxIndicators.Targets;

namespace DxIndicators.Reporting;

/// <summary>
/// The report's colours of each target status, one line per <see cref="TargetStatus"/> member: the presentation half
/// of a status (its words and symbol are the core's <see cref="TargetStatusInfo"/>). Cells carry the words too, so a
/// page reads without colour. Adding a status: one line here (docs/architecture.md explains the split).
/// </summary>
internal static class TargetStatusColours
{
    /// <summary>Gets every status's fill and text colour, in member order.</summary>
    public static IReadOnlyList<(TargetStatus Status, string Fill, string Ink)> All { get; } =
    [
        (TargetStatus.Achieved, "#1a7f37", "#ffffff"),
        (TargetStatus.OnTrack, "#8fd19e", "#0b3d17"),
        (TargetStatus.NeedsAcceleration, "#f6c343", "#3d2e00"),
        (TargetStatus.LimitedProgress, "#f0883e", "#2b1400"),
        (TargetStatus.Deterioration, "#cf5a5a", "#ffffff"),
        (TargetStatus.Missed, "#a40e26", "#ffffff"),
        (TargetStatus.Indeterminate, "#d0d7de", "#24292f"),
        (TargetStatus.NoData, "#f6f8fa", "#57606a"),
    ];

    private static readonly (string Fill, string Ink)[] s_byValue = Index();

    /// <summary>Gets the fill and text colour of a status.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The status is not a member.</exception>
    public static (string Fill, string Ink) Of(TargetStatus status) =>
        (uint)status < (uint)s_byValue.Length ? s_byValue[(int)status] : throw new ArgumentOutOfRangeException(nameof(status), status, "Undefined target status.");

    /// <summary>Indexes the lines by status, checking that every member has exactly one.</summary>
    /// <exception cref="InvalidOperationException">A status has no line or more than one (the list is incomplete).</exception>
    private static (string Fill, string Ink)[] Index()
    {
        TargetStatus[] members = Enum.GetValues<TargetStatus>();
        var byValue = new (string Fill, string Ink)[members.Length];
        foreach ((TargetStatus status, string fill, string ink) in All)
        {
            if ((uint)status >= (uint)byValue.Length || byValue[(int)status].Fill is not null)
            {
                throw new InvalidOperationException($"TargetStatusColours lists {status} twice or it is not a member.");
            }

            byValue[(int)status] = (fill, ink);
        }

        TargetStatus[] missing = [.. members.Where(m => byValue[(int)m].Fill is null)];
        return missing.Length == 0 ? byValue : throw new InvalidOperationException($"TargetStatusColours has no line for {string.Join(", ", missing)}.");
    }
}
