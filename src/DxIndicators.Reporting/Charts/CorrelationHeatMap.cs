namespace DxIndicators.Reporting.Charts;

/// <summary>A symmetric correlation matrix: diverging colour and the coefficient written in each cell.</summary>
internal static class CorrelationHeatMap
{
    public static string Render(string title, IReadOnlyList<string> labels, double[,] r, ReportLanguage language)
    {
        int n = labels.Count;
        const double labelWidth = 220, cell = 44, top = 30;
        double width = labelWidth + (n * cell) + 20;
        double height = top + (n * cell) + 90;
        var svg = new Svg("correlation-heatmap", width, height, title);
        svg.Text(0, 16, Svg.FitWidth(title, width, 13), weight: "600", size: 13, cssClass: "chart-title");
        for (int i = 0; i < n; i++)
        {
            svg.Text(labelWidth - 6, top + (i * cell) + (cell / 2) + 4, Svg.FitWidth(labels[i], labelWidth - 10, 11), "end", size: 11);
            svg.Text(labelWidth + (i * cell) + (cell / 2), top + (n * cell) + 12, Svg.Fit(labels[i], 14), "end", size: 10, rotate: -45);
            for (int j = 0; j < n; j++)
            {
                double v = r[i, j];
                (string fill, string ink) = Colour(v);
                double x = labelWidth + (j * cell), y = top + (i * cell);
                svg.Rect(x + 1, y + 1, cell - 2, cell - 2, fill, "cell", $"{labels[i]} × {labels[j]}: {Text.Number(v, 2, language, trim: false)}");
                svg.Text(x + (cell / 2), y + (cell / 2) + 4, Text.Number(v, 2, language, trim: false), "middle", ink, 11);
            }
        }

        return svg.ToString();
    }

    private static (string Fill, string Ink) Colour(double v)
    {
        if (double.IsNaN(v))
        {
            return ("#f6f8fa", "#57606a");
        }

        // Blue for positive, red for negative, white at zero.
        double a = Math.Clamp(Math.Abs(v), 0, 1);
        (int r0, int g0, int b0) = v >= 0 ? (9, 105, 218) : (207, 34, 46);
        int R(int c) => (int)Math.Round(255 + ((c - 255) * a));
        string fill = $"#{R(r0):x2}{R(g0):x2}{R(b0):x2}";
        return (fill, a > 0.55 ? "#ffffff" : "#24292f");
    }
}
