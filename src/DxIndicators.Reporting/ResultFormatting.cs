using System.Text;
using DxIndicators.Analysis;
using DxIndicators.Model;
using DxIndicators.Reporting.Sections;
using DxIndicators.Scoring;
using DxIndicators.Targets;

namespace DxIndicators.Reporting;

/// <summary>Markdown and HTML views of single results, for notebooks and documents (the core carries no rendering).</summary>
/// <remarks>HTML views are fragments (a table, an inline SVG) without script or external resources.</remarks>
public static class ResultFormatting
{
    /// <summary>Renders a score table as an HTML table: one row per unit, the root and every node given (default: root and pillars).</summary>
    /// <param name="table">The scores.</param>
    /// <param name="framework">The framework, for names and pillars; null = codes and every node.</param>
    /// <param name="language">The label language.</param>
    /// <returns>An HTML fragment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    public static string ToHtml(this ScoreTable table, Framework? framework = null, ReportLanguage language = ReportLanguage.English) =>
        "<div class=\"dx-scores\">" + ScoreGrid(table, framework, language).ToHtml("dx-scores") + "</div>";

    /// <summary>Renders a score table as a Markdown table (see <see cref="ToHtml(ScoreTable, Framework?, ReportLanguage)"/>).</summary>
    /// <param name="table">The scores.</param>
    /// <param name="framework">The framework, for names and pillars; null = codes and every node.</param>
    /// <param name="language">The label language.</param>
    /// <returns>The Markdown text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    public static string ToMarkdown(this ScoreTable table, Framework? framework = null, ReportLanguage language = ReportLanguage.English) =>
        ScoreGrid(table, framework, language).ToMarkdown();

    /// <summary>Renders an uncertainty result as a rank-interval chart (inline SVG) and a table per analysed node.</summary>
    /// <param name="result">The analysis.</param>
    /// <param name="framework">The framework analysed.</param>
    /// <param name="scores">The nominal scores of the same framework and units.</param>
    /// <param name="language">The label language.</param>
    /// <returns>An HTML fragment.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static string ToHtml(this UncertaintyResult result, Framework framework, ScoreTable scores, ReportLanguage language = ReportLanguage.English)
    {
        ArgumentNullException.ThrowIfNull(result);
        DxReport report = DxReport.Create(framework, scores).WithLanguage(language).WithUncertainty(result);
        var sb = new StringBuilder("<div class=\"dx-uncertainty\">");
        foreach (NodeRankStatistics node in result.Nodes)
        {
            sb.Append(RankingSection.Chart(report, node.Node, result));
            sb.Append(UncertaintySection.Table(report, node).ToHtml("dx-uncertainty"));
        }

        return sb.Append("</div>").ToString();
    }

    /// <summary>Draws the rank-interval chart of one analysed node: units in rank order, score bar, nominal rank and 5–95 % whisker.</summary>
    /// <param name="result">The analysis.</param>
    /// <param name="framework">The framework analysed.</param>
    /// <param name="scores">The nominal scores of the same framework and units.</param>
    /// <param name="node">The node (null = the framework's root).</param>
    /// <param name="language">The label language.</param>
    /// <returns>The chart (inline SVG).</returns>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="KeyNotFoundException">The node was not analysed.</exception>
    public static HtmlView RankIntervalChart(this UncertaintyResult result, Framework framework, ScoreTable scores, string? node = null, ReportLanguage language = ReportLanguage.English)
    {
        ArgumentNullException.ThrowIfNull(result);
        string code = result.Node(node ?? framework.Root).Node;
        DxReport report = DxReport.Create(framework, scores).WithLanguage(language).WithUncertainty(result);
        return new HtmlView(RankingSection.Chart(report, code, result));
    }

    /// <summary>Renders an uncertainty result as HTML tables by unit code (one per analysed node), without needing the framework.</summary>
    /// <param name="result">The analysis.</param>
    /// <returns>An HTML fragment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static string ToHtml(this UncertaintyResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder("<div class=\"dx-uncertainty\">");
        sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"<p>{result.Runs} runs</p>");
        foreach (NodeRankStatistics node in result.Nodes)
        {
            var table = new Tables(("unit", false), ("nominal rank", true), ("median rank", true), ("5–95 %", true));
            foreach (UnitRankStatistics s in node.Units.OrderBy(s => double.IsNaN(s.Nominal) ? double.MaxValue : s.Nominal))
            {
                table.Add([s.Unit, Text.Value(s.Nominal, ReportLanguage.English, 1), Text.Value(s.Median, ReportLanguage.English, 1), $"{Text.Value(s.Percentile5, ReportLanguage.English, 1)}–{Text.Value(s.Percentile95, ReportLanguage.English, 1)}"]);
            }

            sb.Append("<h4>").Append(Text.Html(node.Node)).Append("</h4>").Append(table.ToHtml("dx-uncertainty"));
        }

        return sb.Append("</div>").ToString();
    }

    /// <summary>Renders an uncertainty result as Markdown tables, one per analysed node.</summary>
    /// <param name="result">The analysis.</param>
    /// <param name="framework">The framework analysed.</param>
    /// <param name="scores">The nominal scores.</param>
    /// <param name="language">The label language.</param>
    /// <returns>The Markdown text.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static string ToMarkdown(this UncertaintyResult result, Framework framework, ScoreTable scores, ReportLanguage language = ReportLanguage.English)
    {
        ArgumentNullException.ThrowIfNull(result);
        DxReport report = DxReport.Create(framework, scores).WithLanguage(language).WithUncertainty(result);
        return new UncertaintySection().ToMarkdown(report);
    }

    /// <summary>Renders target evaluations as an HTML table with coloured, worded statuses.</summary>
    /// <param name="evaluations">The evaluations.</param>
    /// <param name="language">The label language.</param>
    /// <returns>An HTML fragment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="evaluations"/> is null.</exception>
    public static string ToHtml(this IEnumerable<TargetEvaluation> evaluations, ReportLanguage language = ReportLanguage.English) =>
        "<div class=\"dx-targets\">" + TargetTable(evaluations, language).ToHtml("dx-targets") + "</div>";

    /// <summary>Renders target evaluations as a Markdown table.</summary>
    /// <param name="evaluations">The evaluations.</param>
    /// <param name="language">The label language.</param>
    /// <returns>The Markdown text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="evaluations"/> is null.</exception>
    public static string ToMarkdown(this IEnumerable<TargetEvaluation> evaluations, ReportLanguage language = ReportLanguage.English) =>
        TargetTable(evaluations, language).ToMarkdown();

    private static Tables ScoreGrid(ScoreTable table, Framework? framework, ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(table);
        IReadOnlyList<string> nodes = framework is null
            ? [table.Root, .. table.Nodes.Where(n => n != table.Root)]
            : [table.Root, .. DxReport.Create(framework, table).ProfileNodes()];
        string Name(string code) => framework is not null && framework.TryGetNode(code, out FrameworkNode? n) ? n.Name.In(language.Code()) : code;
        var columns = new List<(string, bool)> { (Labels.Get("unit", language), false) };
        foreach (string n in nodes)
        {
            columns.Add((Name(n), true));
        }

        columns.Add((Labels.Get("rank", language), true));
        var grid = new Tables([.. columns]);
        for (int u = 0; u < table.Units.Count; u++)
        {
            var cells = new List<string> { table.Units[u] };
            cells.AddRange(nodes.Select(n => Text.Score(table.Scores(n)[u], language)));
            cells.Add(Text.Rank(table.Ranks(table.Root)[u], table.UniverseSize(table.Root), language));
            grid.Add([.. cells]);
        }

        return grid;
    }

    private static Tables TargetTable(IEnumerable<TargetEvaluation> evaluations, ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(evaluations);
        var table = new Tables((Labels.Get("unit", language), false), (Labels.Get("target", language), false), (Labels.Get("rule", language), true), (Labels.Get("deadline", language), false), (Labels.Get("latest", language), true), (Labels.Get("status", language), false));
        foreach (TargetEvaluation e in evaluations)
        {
            string latest = e.LatestValue is { } v ? $"{Text.Qualified(v, e.LatestQualifier ?? Data.Qualifier.Exact, language)} ({e.LatestPeriod})" : Text.Missing;
            (string fill, string ink) = Text.StatusColours(e.Status);
            string status = TargetsSection.StatusText(e, language);
            string html = $"<span class=\"status\" data-status=\"{e.Status}\" style=\"background:{fill};color:{ink};padding:1px 8px;border-radius:10px\">{Text.Html(Text.StatusSymbol(e.Status) + " " + Text.Status(e.Status, language))}</span>{Text.Html(status[Text.Status(e.Status, language).Length..])}";
            table.Add([e.Unit, e.Target.Code, Text.Rule(e.Target, language), Text.Date(e.Target.Deadline), latest, status], [null, null, null, null, null, html]);
        }

        return table;
    }
}
