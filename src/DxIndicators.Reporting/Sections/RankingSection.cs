using DxIndicators.Analysis;
using DxIndicators.Reporting.Charts;
using DxIndicators.Scoring;

namespace DxIndicators.Reporting.Sections;

/// <summary>Units in rank order with their index score and, when an uncertainty analysis is present, the 5–95 % rank interval.</summary>
internal sealed class RankingSection : ReportSection
{
    public override string Id => "ranking";

    public override string Title(ReportLanguage language) => Labels.Get("section.ranking", language);

    public override string ToHtml(DxReport report)
    {
        string lead = report.Uncertainty is null ? report.L("section.ranking.nointervals") : report.L("section.ranking.lead");
        return $"<p class=\"lead\">{Text.Html(lead)}</p>" + Chart(report, report.Scores.Root, report.Uncertainty);
    }

    public override string ToMarkdown(DxReport report)
    {
        ScoreTable t = report.Scores;
        var table = new Tables((report.L("rank"), true), (report.L("unit"), false), (report.L("score"), true), (report.L("interval"), true));
        NodeRankStatistics? stats = Stats(report.Uncertainty, t.Root);
        foreach (RankingChart.Row r in Rows(report, t.Root, stats))
        {
            string interval = r.P5 is { } a && r.P95 is { } b ? $"{Text.Value(a, report.Language)}–{Text.Value(b, report.Language)}" : Text.Missing;
            table.Add([Text.Value(r.Rank, report.Language), r.Label, Text.Score(r.Score, report.Language), interval]);
        }

        return table.ToMarkdown();
    }

    internal static string Chart(DxReport report, string node, UncertaintyResult? uncertainty)
    {
        NodeRankStatistics? stats = Stats(uncertainty, node);
        (double min, double max) = report.Scale;
        string title = $"{report.NodeName(node)} — {report.L("section.ranking")}";
        return RankingChart.Render(title, Rows(report, node, stats), report.Scores.UniverseSize(node), min, max, report.Language);
    }

    private static NodeRankStatistics? Stats(UncertaintyResult? uncertainty, string node) =>
        uncertainty?.Nodes.FirstOrDefault(n => string.Equals(n.Node, node, StringComparison.Ordinal));

    private static List<RankingChart.Row> Rows(DxReport report, string node, NodeRankStatistics? stats)
    {
        ScoreTable t = report.Scores;
        var rows = new List<RankingChart.Row>(t.Units.Count);
        for (int u = 0; u < t.Units.Count; u++)
        {
            string unit = t.Units[u];
            UnitRankStatistics? s = stats?.Units.Cast<UnitRankStatistics?>().FirstOrDefault(x => x!.Value.Unit == unit);
            rows.Add(new RankingChart.Row(unit, report.UnitName(unit), t.Scores(node)[u], t.Ranks(node)[u], s?.Percentile5, s?.Median, s?.Percentile95));
        }

        rows.Sort((a, b) => (double.IsNaN(a.Rank) ? double.MaxValue : a.Rank).CompareTo(double.IsNaN(b.Rank) ? double.MaxValue : b.Rank));
        return rows;
    }
}
