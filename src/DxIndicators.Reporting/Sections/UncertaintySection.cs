using System.Text;
using DxIndicators.Analysis;

namespace DxIndicators.Reporting.Sections;

/// <summary>Rank intervals of every analysed node under uncertain weights (<see cref="UncertaintyResult"/>).</summary>
internal sealed class UncertaintySection : ReportSection
{
    public override string Id => "uncertainty";

    public override string Title(ReportLanguage language) => Labels.Get("section.uncertainty", language);

    public override string ToHtml(DxReport report)
    {
        UncertaintyResult u = report.Uncertainty!;
        var sb = new StringBuilder();
        sb.Append("<p class=\"lead\">").Append(Text.Html($"{u.Runs} {report.L("runs")}. {report.L("section.ranking.lead")}")).Append("</p>");
        foreach (NodeRankStatistics node in u.Nodes)
        {
            sb.Append("<h3>").Append(Text.Html(report.NodeName(node.Node))).Append("</h3>");
            if (!string.Equals(node.Node, report.Scores.Root, StringComparison.Ordinal) || report.Scores.Units.Count == 1)
            {
                sb.Append(RankingSection.Chart(report, node.Node, u));
            }

            sb.Append(Table(report, node).ToHtml("uncertainty"));
        }

        return sb.ToString();
    }

    public override string ToMarkdown(DxReport report)
    {
        UncertaintyResult u = report.Uncertainty!;
        var sb = new StringBuilder();
        sb.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"{u.Runs} {report.L("runs")}.").AppendLine();
        foreach (NodeRankStatistics node in u.Nodes)
        {
            sb.Append("### ").AppendLine(report.NodeName(node.Node)).AppendLine();
            sb.Append(Table(report, node).ToMarkdown()).AppendLine();
        }

        return sb.ToString();
    }

    internal static Tables Table(DxReport report, NodeRankStatistics node)
    {
        var table = new Tables((report.L("unit"), false), (report.L("nominal"), true), (report.L("median"), true), (report.L("interval"), true));
        foreach (UnitRankStatistics s in node.Units.OrderBy(s => double.IsNaN(s.Nominal) ? double.MaxValue : s.Nominal))
        {
            table.Add([report.UnitName(s.Unit), Text.Value(s.Nominal, report.Language, 1), Text.Value(s.Median, report.Language, 1), $"{Text.Value(s.Percentile5, report.Language, 1)}–{Text.Value(s.Percentile95, report.Language, 1)}"]);
        }

        return table;
    }
}
