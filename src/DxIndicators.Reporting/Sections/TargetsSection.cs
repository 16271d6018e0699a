using System.Text;
using DxIndicators.Model;
using DxIndicators.Reporting.Charts;
using DxIndicators.Targets;

namespace DxIndicators.Reporting.Sections;

/// <summary>The target-status heat map (targets × units, colour plus words) and the table with statuses and deadlines.</summary>
internal sealed class TargetsSection : ReportSection
{
    public override string Id => "targets";

    public override string Title(ReportLanguage language) => Labels.Get("section.targets", language);

    public override string ToHtml(DxReport report)
    {
        (List<TargetRule> targets, List<string> units, Dictionary<(string, string), TargetEvaluation> cells) = Grid(report);
        var sb = new StringBuilder();
        sb.Append("<p class=\"lead\">").Append(Text.Html(report.L("section.targets.lead"))).Append("</p>");
        sb.Append(TargetHeatMap.Render(
            report.L("section.targets"),
            targets.Select(t => new TargetHeatMap.RowHeader(t.Code, report.TargetName(t), $"{Text.Rule(t, report.Language)} · {t.Deadline.Year} · {ShortSource(t.LegalSource)}")).ToList(),
            units.Select(u => new TargetHeatMap.Column(u, report.UnitName(u))).ToList(),
            (t, u) => cells.GetValueOrDefault((targets[t].Code, units[u])),
            report.Language));
        Tables table = Table(report, out List<string?[]> _);
        sb.Append(table.ToHtml("targets"));
        return sb.ToString();
    }

    public override string ToMarkdown(DxReport report) => Table(report, out _).ToMarkdown();

    internal static (List<TargetRule> Targets, List<string> Units, Dictionary<(string, string), TargetEvaluation> Cells) Grid(DxReport report)
    {
        var targets = new List<TargetRule>();
        var units = new List<string>();
        var cells = new Dictionary<(string, string), TargetEvaluation>();
        foreach (TargetEvaluation e in report.Targets)
        {
            if (!targets.Any(t => t.Code == e.Target.Code))
            {
                targets.Add(e.Target);
            }

            if (!units.Contains(e.Unit))
            {
                units.Add(e.Unit);
            }

            cells[(e.Target.Code, e.Unit)] = e;
        }

        return (targets, units, cells);
    }

    private static Tables Table(DxReport report, out List<string?[]> html)
    {
        ReportLanguage lang = report.Language;
        bool manyUnits = report.Targets.Select(e => e.Unit).Distinct().Count() > 1;
        var columns = new List<(string, bool)>();
        if (manyUnits)
        {
            columns.Add((report.L("unit"), false));
        }

        columns.AddRange([(report.L("target"), false), (report.L("indicator"), false), (report.L("rule"), true), (report.L("deadline"), true), (report.L("latest"), true), (report.L("gap"), true), (report.L("status"), false), (report.L("source"), false)]);
        var table = new Tables([.. columns]);
        html = [];
        foreach (TargetEvaluation e in report.Targets)
        {
            string latest = e.LatestValue is { } v ? $"{Text.Qualified(v, e.LatestQualifier ?? Data.Qualifier.Exact, lang)} ({e.LatestPeriod})" : Text.Missing;
            string gap = e.Gap is { } g ? Text.Value(g, lang) : Text.Missing;
            string status = StatusText(e, lang);
            var cells = new List<string>();
            if (manyUnits)
            {
                cells.Add(report.UnitName(e.Unit));
            }

            cells.AddRange([e.Target.Code, report.TargetName(e.Target), Text.Rule(e.Target, lang), Text.Date(e.Target.Deadline), latest, gap, status, report.LegalSource(e.Target.LegalSource)]);
            (string fill, string ink) = Text.StatusColours(e.Status);
            var htmlCells = new string?[cells.Count];
            htmlCells[cells.Count - 2] = $"<span class=\"status\" data-status=\"{e.Status}\" style=\"background:{fill};color:{ink}\">{Text.Html(Text.StatusSymbol(e.Status) + " " + Text.Status(e.Status, lang))}</span>"
                + Text.Html(status[Text.Status(e.Status, lang).Length..]);
            table.Add([.. cells], htmlCells);
            html.Add(htmlCells);
        }

        return table;
    }

    /// <summary>The legal source without its date ("Decision 749/QĐ-TTg (2020-06-03)" → "749/QĐ-TTg"), so rows from two decrees differ.</summary>
    internal static string ShortSource(string source)
    {
        string s = source.Split(" (")[0].Trim();
        int space = s.LastIndexOf(' ');
        return space >= 0 && s.Contains('/', StringComparison.Ordinal) ? s[(space + 1)..] : s;
    }

    internal static string StatusText(TargetEvaluation e, ReportLanguage lang)
    {
        string s = Text.Status(e.Status, lang);
        if (e.MetAheadOfDeadline)
        {
            s += " (" + string.Format(System.Globalization.CultureInfo.InvariantCulture, Labels.Get("ahead", lang), Text.Value(e.DaysAheadOfDeadline ?? 0, lang, 0)) + ")";
        }
        else if (e.ProgressRatio is { } p && TargetStatusInfo.Of(e.Status).GradesProgress)
        {
            s += " (" + Text.Number(p, 2, lang, trim: false) + ")";
        }

        if (e.Note is { } note)
        {
            s += " — " + (lang == ReportLanguage.Vietnamese ? Vietnamese.Note(note) : note);
        }

        return s;
    }
}
