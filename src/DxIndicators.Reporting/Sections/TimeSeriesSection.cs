using System.Text;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Reporting.Charts;
using DxIndicators.Targets;

namespace DxIndicators.Reporting.Sections;

/// <summary>For each indicator with a target: the observed series of each unit against the target levels and deadlines.</summary>
internal sealed class TimeSeriesSection : ReportSection
{
    public override string Id => "series";

    public override string Title(ReportLanguage language) => Labels.Get("section.series", language);

    public override string ToHtml(DxReport report)
    {
        var sb = new StringBuilder();
        sb.Append("<p class=\"lead\">").Append(Text.Html(report.L("section.series.lead"))).Append("</p><div class=\"charts\">");
        foreach ((string indicator, List<TargetRule> targets, List<string> units) in Groups(report))
        {
            IndicatorDefinition? def = report.Indicator(indicator);
            var series = units.Select(u => new TimeSeriesChart.Series(
                report.UnitName(u),
                report.Series!.Series(u, indicator).Select(o => new TimeSeriesChart.Point(o.Period.End, o.Value, o.Qualifier, o.Period.ToString())).ToList())).ToList();
            var lines = targets.Select(t => new TimeSeriesChart.TargetLine(t.Code, t.Threshold, t.Deadline, $"{Text.Rule(t, report.Language)} {report.L("by")} {Text.Date(t.Deadline)}")).ToList();
            string unitLabel = def is null ? string.Empty : report.IndicatorUnit(def.Unit);
            sb.Append(TimeSeriesChart.Render(report.IndicatorName(indicator), unitLabel, series, lines, report.Language));
        }

        sb.Append("</div>");
        return sb.ToString();
    }

    public override string ToMarkdown(DxReport report)
    {
        var sb = new StringBuilder();
        foreach ((string indicator, List<TargetRule> targets, List<string> units) in Groups(report))
        {
            sb.Append("### ").AppendLine(report.IndicatorName(indicator)).AppendLine();
            sb.Append(report.L("target")).Append(": ").AppendLine(string.Join("; ", targets.Select(t => $"{Text.Rule(t, report.Language)} {report.L("by")} {Text.Date(t.Deadline)}"))).AppendLine();
            var table = new Tables((report.L("unit"), false), (report.L("period"), false), (report.L("value"), true));
            foreach (string u in units)
            {
                foreach (Observation o in report.Series!.Series(u, indicator))
                {
                    table.Add([report.UnitName(u), o.Period.ToString(), Text.Qualified(o.Value, o.Qualifier, report.Language)]);
                }
            }

            sb.Append(table.ToMarkdown()).AppendLine();
        }

        return sb.ToString();
    }

    private static IEnumerable<(string Indicator, List<TargetRule> Targets, List<string> Units)> Groups(DxReport report)
    {
        (List<TargetRule> targets, List<string> units, _) = TargetsSection.Grid(report);
        foreach (IGrouping<string, TargetRule> g in targets.GroupBy(t => t.Indicator))
        {
            // One line per distinct level and deadline: several decrees often repeat the same target.
            List<TargetRule> distinct = g.DistinctBy(t => (t.Comparator, t.Threshold, t.UpperThreshold, t.Deadline)).ToList();
            yield return (g.Key, distinct, units);
        }
    }
}
