namespace DxIndicators.Reporting.Charts;

/// <summary>The framework as an indented tree: index, components and indicators, each with a unit's score bar.</summary>
internal static class TreeChart
{
    public sealed record Node(int Depth, string Code, string Label, double Score, bool IsIndicator);

    public static string Render(string title, IReadOnlyList<Node> nodes, double scaleMin, double scaleMax, ReportLanguage language)
    {
        const double row = 18, top = 30, indent = 18, labelWidth = 470, barWidth = 120;
        double width = labelWidth + barWidth + 70;
        double height = top + (nodes.Count * row) + 10;
        var svg = new Svg("framework-tree", width, height, title);
        svg.Text(0, 16, Svg.FitWidth(title, width, 13), weight: "600", size: 13, cssClass: "chart-title");
        var lastAtDepth = new Dictionary<int, double>();
        double range = scaleMax - scaleMin;
        for (int i = 0; i < nodes.Count; i++)
        {
            Node n = nodes[i];
            double y = top + (i * row) + (row / 2);
            double x = 6 + (n.Depth * indent);
            if (n.Depth > 0 && lastAtDepth.TryGetValue(n.Depth - 1, out double parentY))
            {
                double px = 6 + ((n.Depth - 1) * indent) + 4;
                svg.Line(px, parentY + 5, px, y, "#afb8c1", 1);
                svg.Line(px, y, x - 2, y, "#afb8c1", 1);
            }

            lastAtDepth[n.Depth] = y;
            svg.Circle(x + 2, y, n.IsIndicator ? 2.5 : 4, n.IsIndicator ? "#ffffff" : "#0969da", "#0969da", n.IsIndicator ? "tree-leaf" : "tree-node");
            svg.Text(x + 10, y + 4, Svg.FitWidth(n.Label, labelWidth - x - 16, n.IsIndicator ? 11 : 12), size: n.IsIndicator ? 11 : 12, weight: n.IsIndicator ? "normal" : "600");
            double w = double.IsNaN(n.Score) ? 0 : barWidth * Math.Clamp((n.Score - scaleMin) / range, 0, 1);
            svg.Rect(labelWidth, y - 5, barWidth, 10, "#eaeef2");
            svg.Rect(labelWidth, y - 5, w, 10, n.IsIndicator ? "#8c959f" : "#54aeff", "tree-bar", $"{n.Label} ({n.Code}): {Text.Score(n.Score, language)}");
            svg.Text(labelWidth + barWidth + 6, y + 4, Text.Score(n.Score, language), size: 10, fill: "#57606a");
        }

        return svg.ToString();
    }
}
