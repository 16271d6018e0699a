using DxIndicators.Scoring;
using DxIndicators.Targets;

namespace DxIndicators.Reporting.Sections;

/// <summary>The change of the index and pillars since the earlier scoring, with rank movements where universes agree.</summary>
internal sealed class ChangeSection : ReportSection
{
    public override string Id => "change";

    public override string Title(ReportLanguage language) => Labels.Get("section.change", language);

    public override string ToHtml(DxReport report) => $"<p class=\"lead\">{Text.Html(Lead(report))}</p>" + Table(report).ToHtml("change");

    public override string ToMarkdown(DxReport report) => Lead(report) + Environment.NewLine + Environment.NewLine + Table(report).ToMarkdown();

    private static string Lead(DxReport report) => $"{report.L("since")} {report.PreviousLabel}";

    private static Tables Table(DxReport report)
    {
        ScoreTable now = report.Scores, then = report.Previous!;
        var table = new Tables((report.L("unit"), false), (report.L("node"), false), (report.L("then"), true), (report.L("now"), true), (report.L("change"), true), (report.L("rank-change"), true));
        IReadOnlyList<string> nodes = [now.Root, .. report.ProfileNodes()];
        foreach (string unit in now.Units.Where(then.Units.Contains))
        {
            foreach (string node in nodes)
            {
                double a = then.GetScore(unit, node), b = now.GetScore(unit, node);
                UnitRank ra = then.GetRank(unit, node), rb = now.GetRank(unit, node);
                string rank = ra.IsRanked && rb.IsRanked
                    ? $"{Text.Rank(ra.Rank, ra.UniverseSize, report.Language)} → {Text.Rank(rb.Rank, rb.UniverseSize, report.Language)}"
                    : Text.Missing;
                table.Add([report.UnitName(unit), report.NodeName(node), Text.Score(a, report.Language), Text.Score(b, report.Language), Text.Change(b - a, report.Language), rank]);
            }
        }

        return table;
    }
}
