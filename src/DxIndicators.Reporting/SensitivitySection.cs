using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DxIndicators.Analysis;
using DxIndicators.Reporting.Charts;
using DxIndicators.Reporting.Sections;

namespace DxIndicators.Reporting;

/// <summary>
/// A report section on a Sobol sensitivity analysis (<see cref="SobolSensitivity"/>): each uncertain choice's
/// first-order and total index with its bootstrap interval, as a bar chart with whiskers and as a table.
/// </summary>
/// <remarks>Immutable. Add it with <see cref="DxReport.WithSection"/>. When the output did not vary (one unit, or
/// nothing that moves a rank), the indices are undefined and the section says so.</remarks>
public sealed partial class SensitivitySection : ReportSection
{
    /// <summary>Creates the section.</summary>
    /// <param name="result">The analysis result.</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public SensitivitySection(SobolResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Result = result;
    }

    /// <summary>Gets the analysis shown.</summary>
    public SobolResult Result { get; }

    /// <inheritdoc/>
    public override string Id => "sensitivity";

    /// <inheritdoc/>
    public override string Title(ReportLanguage language) => Labels.Get("section.sensitivity", language);

    /// <inheritdoc/>
    public override string ToHtml(DxReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        sb.Append("<p class=\"lead\">").Append(Text.Html(Lead(report))).Append("</p>");
        sb.Append("<p class=\"lead\">").Append(Text.Html($"{report.L("section.sensitivity.output")}: {Output(report)}.")).Append("</p>");
        if (!(Result.Variance > 0))
        {
            return sb.Append("<p>").Append(Text.Html(report.L("section.sensitivity.constant"))).Append("</p>").ToString();
        }

        var rows = Result.Indices.Select(s => new IntervalBarChart.Row(
            InputName(s.Input, report.Language),
            [new IntervalBarChart.Bar(s.First, s.FirstLow, s.FirstHigh), new IntervalBarChart.Bar(s.Total, s.TotalLow, s.TotalHigh)])).ToList();
        sb.Append(IntervalBarChart.Render(
            "sensitivity", $"{report.L("section.sensitivity")} — {report.NodeName(Node(report))}", [report.L("first-order"), report.L("total-order")], ["#54aeff", "#0550ae"], rows, report.Language));
        sb.Append(Table(report).ToHtml("sensitivity"));
        return sb.ToString();
    }

    /// <inheritdoc/>
    public override string ToMarkdown(DxReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        sb.AppendLine(Lead(report)).AppendLine().AppendLine(CultureInfo.InvariantCulture, $"{report.L("section.sensitivity.output")}: {Output(report)}.").AppendLine();
        if (!(Result.Variance > 0))
        {
            return sb.AppendLine(report.L("section.sensitivity.constant")).ToString();
        }

        return sb.Append(Table(report).ToMarkdown()).ToString();
    }

    private Tables Table(DxReport report)
    {
        ReportLanguage lang = report.Language;
        var table = new Tables((report.L("input"), false), (report.L("first-order"), true), (report.L("bounds"), true), (report.L("total-order"), true), (report.L("bounds"), true));
        foreach (SobolIndex s in Result.Indices)
        {
            table.Add([InputName(s.Input, lang), Text.Number(s.First, 3, lang, trim: false), Bounds(s.FirstLow, s.FirstHigh, lang), Text.Number(s.Total, 3, lang, trim: false), Bounds(s.TotalLow, s.TotalHigh, lang)]);
        }

        return table;
    }

    private static string Bounds(double low, double high, ReportLanguage lang) =>
        double.IsNaN(low) || double.IsNaN(high) ? Text.Missing : $"{Text.Number(low, 3, lang, trim: false)} – {Text.Number(high, 3, lang, trim: false)}";

    private string Lead(DxReport report) => string.Format(
        CultureInfo.InvariantCulture,
        report.L("section.sensitivity.lead"),
        Text.Value(Result.Confidence * 100, report.Language, 1),
        Text.Value(Result.BootstrapResamples, report.Language, 0),
        Text.Value(Result.BaseSamples, report.Language, 0),
        Text.Value(Result.Runs, report.Language, 0));

    /// <summary>The output in words, from <see cref="SobolResult.Target"/> ("mean absolute rank shift of N" or "rank of U at N").</summary>
    private string Output(DxReport report)
    {
        if (ShiftTarget().Match(Result.Target) is { Success: true } shift)
        {
            return string.Format(CultureInfo.InvariantCulture, report.L("section.sensitivity.shift"), report.NodeName(shift.Groups[1].Value));
        }

        if (RankTarget().Match(Result.Target) is { Success: true } rank)
        {
            return string.Format(CultureInfo.InvariantCulture, report.L("section.sensitivity.rank"), report.NodeName(rank.Groups[2].Value), report.UnitName(rank.Groups[1].Value));
        }

        return Result.Target;
    }

    private string Node(DxReport report)
    {
        Match m = ShiftTarget().Match(Result.Target);
        if (m.Success)
        {
            return m.Groups[1].Value;
        }

        m = RankTarget().Match(Result.Target);
        return m.Success ? m.Groups[2].Value : report.Scores.Root;
    }

    /// <summary>The name of an uncertain input (<see cref="UncertainInput"/>), or the input's own name when it is not one.</summary>
    internal static string InputName(string input, ReportLanguage language) =>
        Enum.TryParse(input, ignoreCase: false, out UncertainInput known) && Enum.IsDefined(known) ? Labels.Get("input." + known, language) : input;

    [GeneratedRegex("^mean absolute rank shift of (.+)$")]
    private static partial Regex ShiftTarget();

    [GeneratedRegex("^rank of (.+) at (.+)$")]
    private static partial Regex RankTarget();
}
