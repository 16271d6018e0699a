using System.Text;
using DxIndicators.Reporting.Charts;
using DxIndicators.Scoring;

namespace DxIndicators.Reporting.Sections;

/// <summary>The index and its pillars: headline figures, a pillar profile per unit, and the score table.</summary>
internal sealed class IndexSection : ReportSection
{
    public override string Id => "index";

    public override string Title(ReportLanguage language) => Labels.Get("section.index", language);

    public override string ToHtml(DxReport report)
    {
        ScoreTable t = report.Scores;
        var sb = new StringBuilder();
        sb.Append("<p class=\"lead\">").Append(Text.Html(report.L("section.index.lead"))).Append("</p>");
        if (t.Units.Count <= 3)
        {
            sb.Append("<div class=\"kpis\">");
            foreach (string unit in t.Units)
            {
                UnitRank rank = t.GetRank(unit, t.Root);
                sb.Append("<div class=\"kpi\" data-unit=\"").Append(Text.Html(unit)).Append("\"><div class=\"k\">").Append(Text.Html(report.UnitName(unit)))
                  .Append(" · ").Append(Text.Html(report.NodeName(t.Root))).Append("</div><div class=\"v\">")
                  .Append(Text.Html(Text.Score(t.GetScore(unit, t.Root), report.Language))).Append("</div><div class=\"k\">")
                  .Append(Text.Html($"{report.L("rank")} {Text.Rank(rank.Rank, rank.UniverseSize, report.Language)}")).Append("</div></div>");
            }

            sb.Append("</div>");
        }

        IReadOnlyList<string> nodes = report.ProfileNodes();
        (double min, double max) = report.Scale;
        sb.Append("<div class=\"charts\">");
        foreach (string unit in t.Units)
        {
            var bars = new List<(string, string, double)> { (t.Root, report.NodeName(t.Root), t.GetScore(unit, t.Root)) };
            bars.AddRange(nodes.Select(n => (n, report.NodeName(n), t.GetScore(unit, n))));
            sb.Append(BarProfileChart.Render(report.UnitName(unit), bars, min, max, report.Language));
        }

        sb.Append("</div>");
        sb.Append(Table(report).ToHtml("scores"));
        return sb.ToString();
    }

    public override string ToMarkdown(DxReport report) => report.L("section.index.lead") + Environment.NewLine + Environment.NewLine + Table(report).ToMarkdown();

    private static Tables Table(DxReport report)
    {
        ScoreTable t = report.Scores;
        IReadOnlyList<string> nodes = report.ProfileNodes();
        var columns = new List<(string, bool)> { (report.L("unit"), false), (report.NodeName(t.Root), true), (report.L("rank"), true) };
        columns.AddRange(nodes.Select(n => (report.NodeName(n), true)));
        var table = new Tables([.. columns]);
        IEnumerable<int> order = Enumerable.Range(0, t.Units.Count).OrderBy(u => double.IsNaN(t.Ranks(t.Root)[u]) ? double.MaxValue : t.Ranks(t.Root)[u]);
        foreach (int u in order)
        {
            string unit = t.Units[u];
            UnitRank rank = t.GetRank(unit, t.Root);
            var cells = new List<string> { report.UnitName(unit), Text.Score(t.GetScore(unit, t.Root), report.Language), Text.Rank(rank.Rank, rank.UniverseSize, report.Language) };
            cells.AddRange(nodes.Select(n => Text.Score(t.GetScore(unit, n), report.Language)));
            table.Add([.. cells]);
        }

        return table;
    }
}
