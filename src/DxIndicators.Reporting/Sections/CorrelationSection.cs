using DxIndicators.Analysis;
using DxIndicators.Reporting.Charts;
using DxIndicators.Scoring;

namespace DxIndicators.Reporting.Sections;

/// <summary>Pearson correlations between the index and its components across units, from the statistical audit (<see cref="StatisticalAudit"/>).</summary>
internal sealed class CorrelationSection : ReportSection
{
    public const int MinimumUnits = 3;

    public override string Id => "correlation";

    public override string Title(ReportLanguage language) => Labels.Get("section.correlation", language);

    public override string ToHtml(DxReport report)
    {
        if (report.Scores.Units.Count < MinimumUnits)
        {
            return $"<p class=\"lead\">{Text.Html(TooFew(report))}</p>";
        }

        (List<string> labels, double[,] r) = Matrix(report);
        return $"<p class=\"lead\">{Text.Html(report.L("section.correlation.lead"))}</p>" + CorrelationHeatMap.Render(report.L("section.correlation"), labels, r, report.Language);
    }

    public override string ToMarkdown(DxReport report)
    {
        if (report.Scores.Units.Count < MinimumUnits)
        {
            return TooFew(report) + Environment.NewLine;
        }

        (List<string> labels, double[,] r) = Matrix(report);
        var columns = new List<(string, bool)> { (string.Empty, false) };
        columns.AddRange(labels.Select(l => (l, true)));
        var table = new Tables([.. columns]);
        for (int i = 0; i < labels.Count; i++)
        {
            var row = new List<string> { labels[i] };
            row.AddRange(Enumerable.Range(0, labels.Count).Select(j => Text.Number(r[i, j], 2, report.Language, trim: false)));
            table.Add([.. row]);
        }

        return table.ToMarkdown();
    }

    private static string TooFew(DxReport report) => string.Format(System.Globalization.CultureInfo.InvariantCulture, report.L("section.correlation.few"), report.Scores.Units.Count);

    /// <summary>
    /// The coefficients between the index and its components, from the statistical audit: the report's
    /// <see cref="AuditSection"/> when it has one (no recomputation), else <see cref="StatisticalAudit.Correlations(IReadOnlyList{string}, IReadOnlyList{int}, IReadOnlyList{double[]}, CorrelationMethod)"/>
    /// on the report's scores. A pair with fewer than <see cref="MinimumUnits"/> complete units is shown as missing.
    /// </summary>
    internal static (List<string> Labels, double[,] R) Matrix(DxReport report)
    {
        ScoreTable t = report.Scores;
        List<string> nodes = [t.Root, .. report.ProfileNodes()];
        CorrelationMatrix m = report.ExtraSections.OfType<AuditSection>().Select(a => a.Audit.Pearson).FirstOrDefault(p => nodes.All(n => p.Codes.AsSpan().IndexOf(n) >= 0))
            ?? StatisticalAudit.Correlations(nodes, [.. nodes.Select(_ => 1)], [.. nodes.Select(n => t.Scores(n).ToArray())], CorrelationMethod.Pearson);
        int[] at = [.. nodes.Select(n => m.Codes.AsSpan().IndexOf(n))];
        int p = m.Codes.Count;
        var r = new double[nodes.Count, nodes.Count];
        for (int i = 0; i < nodes.Count; i++)
        {
            for (int j = 0; j < nodes.Count; j++)
            {
                int k = (at[i] * p) + at[j];
                r[i, j] = m.Pairs[k] < MinimumUnits ? double.NaN : m.Values[k];
            }
        }

        return (nodes.Select(report.NodeName).ToList(), r);
    }
}
