using DxIndicators.Reporting.Charts;
using DxIndicators.Scoring;

namespace DxIndicators.Reporting.Sections;

/// <summary>Pearson correlations between the index and its components across units.</summary>
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

    private static (List<string> Labels, double[,] R) Matrix(DxReport report)
    {
        ScoreTable t = report.Scores;
        List<string> nodes = [t.Root, .. report.ProfileNodes()];
        var r = new double[nodes.Count, nodes.Count];
        for (int i = 0; i < nodes.Count; i++)
        {
            for (int j = i; j < nodes.Count; j++)
            {
                r[i, j] = r[j, i] = Pearson(t.Scores(nodes[i]), t.Scores(nodes[j]));
            }
        }

        return (nodes.Select(report.NodeName).ToList(), r);
    }

    /// <summary>Pearson's r over the units where both values exist; NaN when fewer than 3 pairs or a constant column.</summary>
    internal static double Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double sx = 0, sy = 0;
        int n = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (!double.IsNaN(x[i]) && !double.IsNaN(y[i]))
            {
                sx += x[i];
                sy += y[i];
                n++;
            }
        }

        if (n < MinimumUnits)
        {
            return double.NaN;
        }

        double mx = sx / n, my = sy / n, sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (!double.IsNaN(x[i]) && !double.IsNaN(y[i]))
            {
                double dx = x[i] - mx, dy = y[i] - my;
                sxy += dx * dy;
                sxx += dx * dx;
                syy += dy * dy;
            }
        }

        return sxx == 0 || syy == 0 ? double.NaN : sxy / Math.Sqrt(sxx * syy);
    }
}
