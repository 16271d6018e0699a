namespace DxIndicators.Reporting.Charts;

/// <summary>
/// Horizontal bars on a [0, 1] axis, one group of bars per row (e.g. first-order and total Sobol index), each with an
/// optional interval whisker and its value written beside it; an optional dashed reference line (e.g. α = 0.7).
/// A value outside the axis is drawn to the axis end and its text gives the true value.
/// </summary>
internal static class IntervalBarChart
{
    public sealed record Bar(double Value, double Low, double High);

    public sealed record Row(string Label, IReadOnlyList<Bar> Bars);

    public static string Render(string chart, string title, IReadOnlyList<string> seriesNames, IReadOnlyList<string> colours, IReadOnlyList<Row> rows, ReportLanguage language, double? reference = null, string? referenceLabel = null)
    {
        int k = seriesNames.Count;
        const double labelWidth = 240, barWidth = 360, valueWidth = 150, top = 50, bottom = 28, bar = 14, gap = 10;
        double rowHeight = (k * bar) + gap;
        double width = labelWidth + barWidth + valueWidth;
        double height = top + (rows.Count * rowHeight) + bottom;
        var svg = new Svg(chart, width, height, title);
        svg.Text(0, 16, Svg.FitWidth(title, width, 13), weight: "600", size: 13, cssClass: "chart-title");
        double lx = labelWidth;
        for (int s = 0; s < k; s++)
        {
            svg.Rect(lx, 26, 12, 12, colours[s], "legend-swatch");
            svg.Text(lx + 16, 36, seriesNames[s], size: 11, cssClass: "legend-label");
            lx += 16 + Svg.TextWidth(seriesNames[s], 11) + 18;
        }

        double X(double v) => labelWidth + (barWidth * Math.Clamp(double.IsNaN(v) ? 0 : v, 0, 1));
        double bottomY = top + (rows.Count * rowHeight);
        for (int t = 0; t <= 4; t++)
        {
            double x = labelWidth + (barWidth * t / 4);
            svg.Line(x, top - 4, x, bottomY, "#d0d7de", 1, t == 0 ? null : "2 3");
            svg.Text(x, height - 8, Text.Number(t / 4.0, 2, language, trim: true), "middle", "#57606a", 10);
        }

        if (reference is { } r)
        {
            svg.Line(X(r), top - 4, X(r), bottomY, "#cf222e", 1.5, "5 3", "reference-line");
            if (referenceLabel is not null)
            {
                svg.Text(X(r) + 4, top - 8, referenceLabel, fill: "#cf222e", size: 10);
            }
        }

        for (int i = 0; i < rows.Count; i++)
        {
            double y = top + (i * rowHeight);
            svg.Text(labelWidth - 8, y + (k * bar / 2) + 4, Svg.FitWidth(rows[i].Label, labelWidth - 12), "end");
            for (int s = 0; s < k; s++)
            {
                Bar b = rows[i].Bars[s];
                double by = y + (s * bar);
                string value = Text.Number(b.Value, 2, language, trim: false);
                bool interval = !double.IsNaN(b.Low) && !double.IsNaN(b.High);
                string text = interval ? $"{value} [{Text.Number(b.Low, 2, language, trim: false)}; {Text.Number(b.High, 2, language, trim: false)}]" : value;
                svg.Rect(labelWidth, by + 1, X(b.Value) - labelWidth, bar - 2, colours[s], "bar", $"{rows[i].Label} — {seriesNames[s]}: {text}");
                if (interval)
                {
                    double cy = by + (bar / 2);
                    svg.Line(X(b.Low), cy, X(b.High), cy, "#1f2328", 1.2, cssClass: "whisker");
                    svg.Line(X(b.Low), cy - 3, X(b.Low), cy + 3, "#1f2328", 1.2);
                    svg.Line(X(b.High), cy - 3, X(b.High), cy + 3, "#1f2328", 1.2);
                }

                svg.Text(labelWidth + barWidth + 8, by + bar - 3, text, fill: "#24292f", size: 11, cssClass: "bar-value");
            }
        }

        return svg.ToString();
    }
}
