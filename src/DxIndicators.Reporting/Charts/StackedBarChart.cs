namespace DxIndicators.Reporting.Charts;

/// <summary>One horizontal bar per unit split into coloured parts that add up to its score, with a legend of the parts.</summary>
internal static class StackedBarChart
{
    /// <summary>Colour-blind-safe qualitative palette (Okabe–Ito, then Tol's muted), cycled.</summary>
    public static readonly string[] Palette = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#332288", "#88ccee", "#999933", "#aa4499", "#44aa99"];

    public sealed record Row(string Unit, string Label, double Total, IReadOnlyList<double> Parts);

    public static string Render(string title, IReadOnlyList<string> parts, IReadOnlyList<Row> rows, double scaleMin, double scaleMax, ReportLanguage language)
    {
        const double labelWidth = 180, barWidth = 560, valueWidth = 70, legendRow = 20;
        double row = rows.Count > 12 ? 18 : 26;
        int legendColumns = 3;
        int legendRows = (parts.Count + legendColumns - 1) / legendColumns;
        double width = labelWidth + barWidth + valueWidth;
        double top = 30 + (legendRows * legendRow) + 8;
        double height = top + (rows.Count * row) + 26;
        var svg = new Svg("contributions", width, height, title);
        svg.Text(0, 16, Svg.FitWidth(title, width, 13), weight: "600", size: 13, cssClass: "chart-title");
        double columnWidth = width / legendColumns;
        for (int p = 0; p < parts.Count; p++)
        {
            double x = (p % legendColumns) * columnWidth, y = 28 + ((p / legendColumns) * legendRow);
            svg.Rect(x, y, 12, 12, Palette[p % Palette.Length], "legend-swatch");
            svg.Text(x + 16, y + 10, Svg.FitWidth(parts[p], columnWidth - 22, 11), size: 11, cssClass: "legend-label");
        }

        double range = scaleMax - scaleMin;
        double bottomY = top + (rows.Count * row);
        for (int t = 0; t <= 4; t++)
        {
            double x = labelWidth + (barWidth * t / 4);
            svg.Line(x, top - 4, x, bottomY, "#d0d7de", 1, t == 0 ? null : "2 3");
            svg.Text(x, height - 8, Text.Value(scaleMin + (range * t / 4), language), "middle", "#57606a", 10);
        }

        for (int i = 0; i < rows.Count; i++)
        {
            Row r = rows[i];
            double y = top + (i * row);
            svg.Text(labelWidth - 8, y + (row / 2) + 4, Svg.FitWidth(r.Label, labelWidth - 12, 11), "end", size: 11);
            double x = labelWidth;
            for (int p = 0; p < r.Parts.Count; p++)
            {
                double v = r.Parts[p];
                if (!(v > 0))
                {
                    continue;
                }

                double w = barWidth * v / range;
                svg.Rect(x, y + 3, Math.Min(w, labelWidth + barWidth - x), row - 6, Palette[p % Palette.Length], "segment", $"{r.Label} — {parts[p]}: {Text.Score(v, language)}", $" data-unit=\"{Text.Html(r.Unit)}\"");
                x += w;
            }

            svg.Text(Math.Min(x, labelWidth + barWidth) + 6, y + (row / 2) + 4, Text.Score(r.Total, language), size: 11, cssClass: "bar-value");
        }

        return svg.ToString();
    }
}
