using DxIndicators.Model;

namespace DxIndicators.Targets;

/// <summary>
/// What one <see cref="TargetStatus"/> says in every front end: its name in the formats (CSV, JSON), its words in
/// English and Vietnamese (long, and short for a heat-map cell), the symbol that makes it readable without colour, and
/// its meaning. There is one per member, read-only; the set of statuses stays closed (docs/targets.md, "Status texts").
/// </summary>
/// <remarks>Colours are the report's business: <c>DxIndicators.Reporting</c> keeps them, keyed by the same enum.</remarks>
public sealed class TargetStatusInfo
{
    internal TargetStatusInfo(TargetStatus status, string name, (string En, string Vi) label, (string En, string Vi) shortLabel, string symbol, TargetStatusDetail detail, string meaning, string docs)
    {
        Status = status;
        Name = name;
        Label = new LocalizedText(label.Vi, label.En);
        ShortLabel = new LocalizedText(shortLabel.Vi, shortLabel.En);
        Symbol = symbol;
        Detail = detail;
        Meaning = meaning;
        Docs = docs;
    }

    /// <summary>Gets every status, in the order of <see cref="TargetStatus"/>'s members.</summary>
    public static IReadOnlyList<TargetStatusInfo> All => TargetStatusRegistry.Statuses;

    /// <summary>Gets the status described.</summary>
    public TargetStatus Status { get; }

    /// <summary>Gets the status's text in the formats: the <c>status</c> column of the result CSV and field of the JSON (<c>onTrack</c>).</summary>
    public string Name { get; }

    /// <summary>Gets the status in words (<c>on track</c>, <c>đúng tiến độ</c>), as the CLI and the reports write it.</summary>
    public LocalizedText Label { get; }

    /// <summary>Gets the status in one or two words for a small cell (<c>speed up</c>, <c>tăng tốc</c>).</summary>
    public LocalizedText ShortLabel { get; }

    /// <summary>Gets the symbol shown beside the words (<c>↗</c>), so a cell reads without colour.</summary>
    public string Symbol { get; }

    /// <summary>Gets what the status means, in English (the docs table's last column).</summary>
    public string Meaning { get; }

    /// <summary>Gets whether the status grades the progress ratio (on track, needs acceleration, limited progress), so
    /// displays show the ratio beside its words.</summary>
    public bool GradesProgress => Detail == TargetStatusDetail.Progress;

    /// <summary>Gets what the CLI's description adds to the words (the deadline, the progress ratio …).</summary>
    internal TargetStatusDetail Detail { get; }

    /// <summary>Gets the docs/targets.md heading (anchor) that explains when the status applies.</summary>
    internal string Docs { get; }

    /// <summary>Gets the row of docs/targets.md's status table.</summary>
    internal string TableRow => $"| `{Status}` | `{Name}` | {Label.En} | {Label.Vi} | {ShortLabel.En} / {ShortLabel.Vi} | {Symbol} | {Meaning} |";

    /// <summary>Gets the description of a status.</summary>
    /// <param name="status">The status.</param>
    /// <returns>Its description.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not a member of <see cref="TargetStatus"/>.</exception>
    public static TargetStatusInfo Of(TargetStatus status) => TargetStatusRegistry.Of(status);
}
