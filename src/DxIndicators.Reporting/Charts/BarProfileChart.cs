namespace DxIndicators.Reporting.Charts;

/// <summary>The pillar profile of one unit: one horizontal bar per component, on the framework's scale.</summary>
internal static class BarProfileChart
{
    public static string Render(string title, IReadOnlyList<(string Code, string Label, double Value)> bars, double scaleMin, double scaleMax, ReportLanguage language)
    {
        const double labelWidth = 320, barWidth = 300, valueWidth = 64, row = 26, top = 30, bottom = 26;
        double width = labelWidth + barWidth + valueWidth + 10;
        double height = top + (bars.Count * row) + bottom;
        var svg = new Svg("pillar-profile", width, height, title);
        svg.Text(0, 16, Svg.FitWidth(title, width, 13), weight: "600", size: 13, cssClass: "chart-title");
        double range = scaleMax - scaleMin;
        for (int t = 0; t <= 4; t++)
        {
            double x = labelWidth + (barWidth * t / 4);
            svg.Line(x, top - 4, x, top + (bars.Count * row), "#d0d7de", 1, t == 0 ? null : "2 3");
            svg.Text(x, height - 8, Text.Value(scaleMin + (range * t / 4), language), "middle", "#57606a", 10);
        }

        for (int i = 0; i < bars.Count; i++)
        {
            (string code, string label, double value) = bars[i];
            double y = top + (i * row);
            svg.Text(labelWidth - 8, y + 16, Svg.FitWidth(label, labelWidth - 12), "end");
            double w = double.IsNaN(value) ? 0 : barWidth * Math.Clamp((value - scaleMin) / range, 0, 1);
            svg.Rect(labelWidth, y + 4, w, row - 8, i == 0 ? "#0969da" : "#54aeff", "bar", $"{label} ({code}): {Text.Score(value, language)}", $" data-node=\"{Text.Html(code)}\"");
            svg.Text(labelWidth + barWidth + 6, y + 16, Text.Score(value, language), fill: "#24292f", cssClass: "bar-value");
        }

        return svg.ToString();
    }
}
