using DxIndicators.Model;

namespace DxIndicators.Targets;

/// <summary>
/// What one <see cref="TrendStatus"/> says in every front end: its words in English and Vietnamese, its arrow and its
/// meaning. There is one per member, read-only; the set stays closed (docs/targets.md, "Trend status texts").
/// </summary>
public sealed class TrendStatusInfo
{
    internal TrendStatusInfo(TrendStatus status, (string En, string Vi) label, string symbol, string meaning, string docs)
    {
        Status = status;
        Label = new LocalizedText(label.Vi, label.En);
        Symbol = symbol;
        Meaning = meaning;
        Docs = docs;
    }

    /// <summary>Gets every trend status, in the order of <see cref="TrendStatus"/>'s members.</summary>
    public static IReadOnlyList<TrendStatusInfo> All => TrendStatusRegistry.Statuses;

    /// <summary>Gets the status described.</summary>
    public TrendStatus Status { get; }

    /// <summary>Gets the status in words (<c>improving</c>, <c>cải thiện</c>).</summary>
    public LocalizedText Label { get; }

    /// <summary>Gets the arrow shown before the words (<c>↑</c>).</summary>
    public string Symbol { get; }

    /// <summary>Gets what the status means, in English (the docs table's last column).</summary>
    public string Meaning { get; }

    /// <summary>Gets the docs/targets.md heading (anchor) that explains when the status applies.</summary>
    internal string Docs { get; }

    /// <summary>Gets the row of docs/targets.md's trend status table.</summary>
    internal string TableRow => $"| `{Status}` | {Label.En} | {Label.Vi} | {Symbol} | {Meaning} |";

    /// <summary>Gets the description of a trend status.</summary>
    /// <param name="status">The status.</param>
    /// <returns>Its description.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not a member of <see cref="TrendStatus"/>.</exception>
    public static TrendStatusInfo Of(TrendStatus status) => TrendStatusRegistry.Of(status);
}
