using System.Globalization;
using System.Text;
using DxIndicators.Analysis;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Reporting.Charts;
using DxIndicators.Reporting.Sections;
using DxIndicators.Scoring;

namespace DxIndicators.Reporting;

/// <summary>
/// A report section on what makes up each unit's index score (<see cref="UnitAnalysis.Contributions"/>): a stacked
/// bar per unit whose parts, one per component of the index, add up to the score; each indicator's contribution for
/// up to three units; and each unit's strongest and weakest indicators (<see cref="UnitAnalysis.StrengthsAndWeaknesses"/>).
/// </summary>
/// <remarks>
/// Immutable. Add it with <see cref="DxReport.WithSection"/>. An indicator reached through two components of the index
/// is drawn in the first; the bar still adds up to the score. With one unit there is no ranking, so the strongest and
/// weakest indicators are those with the highest and lowest normalised values.
/// </remarks>
public sealed class ContributionsSection : ReportSection
{
    /// <summary>The most units for which every indicator's contribution is tabulated (more: the stacked chart and its table only).</summary>
    public const int DetailUnits = 3;

    /// <summary>Creates the section from analysis results.</summary>
    /// <param name="contributions">Contributions at the framework's root, for any units.</param>
    /// <param name="strengthsAndWeaknesses">Strengths and weaknesses of any units (may be empty).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public ContributionsSection(IEnumerable<IndicatorContribution> contributions, IEnumerable<StrengthOrWeakness> strengthsAndWeaknesses)
    {
        ArgumentNullException.ThrowIfNull(contributions);
        ArgumentNullException.ThrowIfNull(strengthsAndWeaknesses);
        Contributions = contributions.ToValueList();
        StrengthsAndWeaknesses = strengthsAndWeaknesses.ToValueList();
    }

    private ContributionsSection(string unavailable)
    {
        Contributions = ValueList<IndicatorContribution>.Empty;
        StrengthsAndWeaknesses = ValueList<StrengthOrWeakness>.Empty;
        Unavailable = unavailable;
    }

    /// <summary>Gets the indicator contributions shown.</summary>
    public ValueList<IndicatorContribution> Contributions { get; }

    /// <summary>Gets the strengths and weaknesses shown.</summary>
    public ValueList<StrengthOrWeakness> StrengthsAndWeaknesses { get; }

    /// <summary>Gets why contributions could not be computed (a non-linear aggregator), or null.</summary>
    public string? Unavailable { get; }

    /// <inheritdoc/>
    public override string Id => "contributions";

    /// <summary>Computes the contributions at the root and each unit's <paramref name="top"/> strongest and weakest indicators.</summary>
    /// <param name="plan">The plan the report's scores come from.</param>
    /// <param name="matrix">The raw values scored.</param>
    /// <param name="top">Strengths and weaknesses per unit, at least 1.</param>
    /// <returns>The section; when the plan aggregates non-linearly (contributions do not add up), a section that says so.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="top"/> is below 1.</exception>
    public static ContributionsSection Compute(ScoringPlan plan, IndicatorMatrix matrix, int top = 3)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        ValueList<IndicatorContribution> rows;
        try
        {
            rows = UnitAnalysis.Contributions(plan, matrix);
        }
        catch (InvalidOperationException e)
        {
            return new ContributionsSection(e.Message);
        }

        var sw = new List<StrengthOrWeakness>();
        if (matrix.RowCount > 1)
        {
            ScoreTable table = plan.Score(matrix);
            foreach (string unit in matrix.Units)
            {
                sw.AddRange(UnitAnalysis.StrengthsAndWeaknesses(table, matrix, unit, top));
            }
        }

        return new ContributionsSection(rows, sw);
    }

    /// <inheritdoc/>
    public override string Title(ReportLanguage language) => Labels.Get("section.contributions", language);

    /// <inheritdoc/>
    public override string ToHtml(DxReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (Message(report) is { } message)
        {
            return $"<p class=\"lead\">{Text.Html(message)}</p>";
        }

        (List<string> groups, List<StackedBarChart.Row> rows) = Stacks(report);
        var sb = new StringBuilder();
        sb.Append("<p class=\"lead\">").Append(Text.Html(report.L("section.contributions.lead"))).Append("</p>");
        (double min, double max) = report.Scale;
        sb.Append(StackedBarChart.Render($"{report.NodeName(report.Scores.Root)} — {report.L("section.contributions")}", groups.Select(report.NodeName).ToList(), rows, min, max, report.Language));
        foreach ((string unit, Tables table, string? note) in DetailTables(report))
        {
            sb.Append("<h3>").Append(Text.Html($"{report.L("section.contributions.table")} — {report.UnitName(unit)}")).Append("</h3>").Append(table.ToHtml("contributions"));
            if (note is not null)
            {
                sb.Append("<p class=\"lead\">").Append(Text.Html(note)).Append("</p>");
            }
        }

        (string lead, Tables strengths) = StrengthTable(report);
        sb.Append("<h3>").Append(Text.Html(report.L("section.contributions.strengths"))).Append("</h3><p class=\"lead\">").Append(Text.Html(lead)).Append("</p>").Append(strengths.ToHtml("strengths"));
        return sb.ToString();
    }

    /// <inheritdoc/>
    public override string ToMarkdown(DxReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (Message(report) is { } message)
        {
            return message + Environment.NewLine;
        }

        (List<string> groups, List<StackedBarChart.Row> rows) = Stacks(report);
        var sb = new StringBuilder();
        sb.AppendLine(report.L("section.contributions.lead")).AppendLine();
        var columns = new List<(string, bool)> { (report.L("unit"), false), (report.NodeName(report.Scores.Root), true) };
        columns.AddRange(groups.Select(g => (report.NodeName(g), true)));
        var stack = new Tables([.. columns]);
        foreach (StackedBarChart.Row r in rows)
        {
            stack.Add([r.Label, Text.Score(r.Total, report.Language), .. r.Parts.Select(p => Text.Score(p, report.Language))]);
        }

        sb.Append(stack.ToMarkdown());
        foreach ((string unit, Tables table, string? note) in DetailTables(report))
        {
            sb.AppendLine().Append("### ").AppendLine(CultureInfo.InvariantCulture, $"{report.L("section.contributions.table")} — {report.UnitName(unit)}").AppendLine().Append(table.ToMarkdown());
            if (note is not null)
            {
                sb.AppendLine().AppendLine(note);
            }
        }

        (string lead, Tables strengths) = StrengthTable(report);
        sb.AppendLine().Append("### ").AppendLine(report.L("section.contributions.strengths")).AppendLine().AppendLine(lead).AppendLine().Append(strengths.ToMarkdown());
        return sb.ToString();
    }

    private string? Message(DxReport report) =>
        Unavailable is not null ? Labels.Get("section.contributions.nonlinear", report.Language)
        : Contributions.Count == 0 ? report.L("section.contributions.none")
        : null;

    /// <summary>The root's children in framework order and, for each unit in rank order, the sum of its indicators' contributions through each.</summary>
    private (List<string> Groups, List<StackedBarChart.Row> Rows) Stacks(DxReport report)
    {
        Framework f = report.Framework;
        List<string> groups = f.GetNode(f.Root).Children.Select(c => c.Code).ToList();
        Dictionary<string, int> groupOf = GroupOf(f, groups);
        var byUnit = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var weighted = new bool[groups.Count];
        foreach (IndicatorContribution c in Contributions)
        {
            if (!byUnit.TryGetValue(c.Unit, out double[]? parts))
            {
                byUnit[c.Unit] = parts = new double[groups.Count];
            }

            int g = groupOf.GetValueOrDefault(c.Indicator);
            parts[g] += c.Value;
            weighted[g] |= c.EffectiveWeight > 0;
        }

        // A component with weight 0 for every unit (shown for information, e.g. a published rank) adds nothing: no part.
        int[] keep = [.. Enumerable.Range(0, groups.Count).Where(g => weighted[g])];
        groups = [.. keep.Select(g => groups[g])];
        foreach (string unit in byUnit.Keys.ToList())
        {
            byUnit[unit] = [.. keep.Select(g => byUnit[unit][g])];
        }

        ScoreTable t = report.Scores;
        var rows = new List<StackedBarChart.Row>();
        foreach (int u in Enumerable.Range(0, t.Units.Count).OrderBy(u => double.IsNaN(t.Ranks(t.Root)[u]) ? double.MaxValue : t.Ranks(t.Root)[u]))
        {
            if (byUnit.TryGetValue(t.Units[u], out double[]? parts))
            {
                rows.Add(new StackedBarChart.Row(t.Units[u], report.UnitName(t.Units[u]), parts.Sum(), parts));
            }
        }

        return (groups, rows);
    }

    /// <summary>The index in <paramref name="groups"/> of the part under the root each indicator is reached from first.</summary>
    private static Dictionary<string, int> GroupOf(Framework f, List<string> groups)
    {
        var groupOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int g = 0; g < groups.Count; g++)
        {
            var stack = new Stack<string>();
            stack.Push(groups[g]);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (stack.Count > 0)
            {
                string code = stack.Pop();
                if (!seen.Add(code))
                {
                    continue;
                }

                if (f.TryGetNode(code, out FrameworkNode? node))
                {
                    foreach (NodeLink c in node.Children)
                    {
                        stack.Push(c.Code);
                    }
                }
                else
                {
                    groupOf.TryAdd(code, g);
                }
            }
        }

        return groupOf;
    }

    private IEnumerable<(string Unit, Tables Table, string? Note)> DetailTables(DxReport report)
    {
        List<string> units = Contributions.Select(c => c.Unit).Distinct().ToList();
        if (units.Count > DetailUnits)
        {
            yield break;
        }

        ReportLanguage lang = report.Language;
        foreach (string unit in units)
        {
            var rows = Contributions.Where(c => c.Unit == unit && c.EffectiveWeight > 0).OrderByDescending(c => c.Value).ToList();
            double score = rows.Sum(r => r.Value);
            var table = new Tables((report.L("indicator"), false), (report.L("weight"), true), (report.L("normalised"), true), (report.L("contribution"), true), (report.L("share"), true));
            foreach (IndicatorContribution r in rows)
            {
                table.Add([report.IndicatorName(r.Indicator), Text.Number(r.EffectiveWeight, 4, lang, trim: false), Text.Score(r.Normalised, lang), Text.Score(r.Value, lang), Percent(score > 0 ? r.Value / score : double.NaN, lang)]);
            }

            table.Add([report.L("total"), Text.Number(rows.Sum(r => r.EffectiveWeight), 4, lang, trim: false), string.Empty, Text.Score(score, lang), Percent(score > 0 ? 1 : double.NaN, lang)]);
            int unweighted = Contributions.Count(c => c.Unit == unit && !(c.EffectiveWeight > 0));
            yield return (unit, table, unweighted == 0 ? null : string.Format(System.Globalization.CultureInfo.InvariantCulture, report.L("section.contributions.unweighted"), unweighted));
        }
    }

    private (string Lead, Tables Table) StrengthTable(DxReport report)
    {
        ReportLanguage lang = report.Language;
        var table = new Tables((report.L("unit"), false), (report.L("strongest"), false), (report.L("weakest"), false));
        List<string> units = Contributions.Select(c => c.Unit).Distinct().ToList();
        if (StrengthsAndWeaknesses.Count == 0)
        {
            // One unit: no ranking, so the highest and lowest normalised values.
            foreach (string unit in units)
            {
                var rows = Contributions.Where(c => c.Unit == unit && c.EffectiveWeight > 0 && !double.IsNaN(c.Normalised)).ToList();
                int k = Math.Min(3, rows.Count / 2);
                string Item(IndicatorContribution c) => $"{report.IndicatorName(c.Indicator)} ({Text.Score(c.Normalised, lang)})";
                table.Add(
                    [report.UnitName(unit), string.Join("; ", rows.OrderByDescending(c => c.Normalised).Take(k).Select(Item)), string.Join("; ", rows.OrderBy(c => c.Normalised).Take(k).Select(Item))],
                    [null, string.Join("<br>", rows.OrderByDescending(c => c.Normalised).Take(k).Select(c => Text.Html(Item(c)))), string.Join("<br>", rows.OrderBy(c => c.Normalised).Take(k).Select(c => Text.Html(Item(c))))]);
            }

            return (report.L("section.contributions.strengths.single"), table);
        }

        ScoreTable t = report.Scores;
        foreach (int u in Enumerable.Range(0, t.Units.Count).OrderBy(u => double.IsNaN(t.Ranks(t.Root)[u]) ? double.MaxValue : t.Ranks(t.Root)[u]))
        {
            string unit = t.Units[u];
            var mine = StrengthsAndWeaknesses.Where(s => s.Unit == unit).ToList();
            if (mine.Count == 0)
            {
                continue;
            }

            string Item(StrengthOrWeakness s) => $"{report.IndicatorName(s.Indicator)} ({Text.Rank(s.Rank, s.RankedUnits, lang)})";
            var strong = mine.Where(s => s.IsStrength).Select(Item).ToList();
            var weak = mine.Where(s => !s.IsStrength).Select(Item).ToList();
            table.Add(
                [report.UnitName(unit), string.Join("; ", strong), string.Join("; ", weak)],
                [null, string.Join("<br>", strong.Select(Text.Html)), string.Join("<br>", weak.Select(Text.Html))]);
        }

        return (report.L("section.contributions.strengths.lead"), table);
    }

    internal static string Percent(double share, ReportLanguage language) =>
        double.IsNaN(share) ? Text.Missing : Text.Number(share * 100, 1, language, trim: false) + " %";
}
