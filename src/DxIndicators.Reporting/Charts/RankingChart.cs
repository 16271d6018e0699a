namespace DxIndicators.Reporting.Charts;

/// <summary>Units in rank order: a bar of the index score and, on a rank axis, the nominal rank with its 5–95 % whisker.</summary>
internal static class RankingChart
{
    public sealed record Row(string Unit, string Label, double Score, double Rank, double? P5, double? Median, double? P95);

    public static string Render(string title, IReadOnlyList<Row> rows, int universe, double scaleMin, double scaleMax, ReportLanguage language)
    {
        const double labelWidth = 170, scoreWidth = 190, gap = 70, rankWidth = 300, row = 18, top = 44, bottom = 30;
        double width = labelWidth + scoreWidth + gap + rankWidth + 20;
        double height = top + (rows.Count * row) + bottom;
        var svg = new Svg("ranking", width, height, title);
        svg.Text(0, 16, Svg.FitWidth(title, width, 13), weight: "600", size: 13, cssClass: "chart-title");
        double rankLeft = labelWidth + scoreWidth + gap;
        int n = Math.Max(universe, 1);
        double RankX(double r) => rankLeft + (n == 1 ? rankWidth / 2 : rankWidth * (r - 1) / (n - 1));
        svg.Text(labelWidth, top - 10, Labels.Get("score", language), fill: "#57606a", size: 11);
        svg.Text(rankLeft, top - 10, Labels.Get("rank", language) + " (1 = " + (language == ReportLanguage.Vietnamese ? "cao nhất" : "best") + ")", fill: "#57606a", size: 11);
        foreach (int tick in RankTicks(n))
        {
            double x = RankX(tick);
            svg.Line(x, top - 4, x, top + (rows.Count * row), "#eaeef2", 1);
            svg.Text(x, height - 12, tick.ToString(System.Globalization.CultureInfo.InvariantCulture), "middle", "#57606a", 10);
        }

        double range = scaleMax - scaleMin;
        for (int i = 0; i < rows.Count; i++)
        {
            Row r = rows[i];
            double y = top + (i * row);
            svg.Text(labelWidth - 6, y + 13, Svg.FitWidth(r.Label, labelWidth - 10, 11), "end", size: 11);
            double w = double.IsNaN(r.Score) ? 0 : scoreWidth * Math.Clamp((r.Score - scaleMin) / range, 0, 1);
            svg.Rect(labelWidth, y + 3, w, row - 6, "#54aeff", "bar", $"{r.Label}: {Text.Score(r.Score, language)}");
            svg.Text(labelWidth + w + 4, y + 13, Text.Score(r.Score, language), size: 10, fill: "#57606a");
            if (double.IsNaN(r.Rank))
            {
                continue;
            }

            double cy = y + (row / 2);
            if (r.P5 is { } lo && r.P95 is { } hi)
            {
                svg.Line(RankX(lo), cy, RankX(hi), cy, "#1f2328", 1.5, cssClass: "whisker");
                svg.Line(RankX(lo), cy - 4, RankX(lo), cy + 4, "#1f2328", 1.5);
                svg.Line(RankX(hi), cy - 4, RankX(hi), cy + 4, "#1f2328", 1.5);
            }

            string tip = r.P5 is { } a && r.P95 is { } b
                ? $"{r.Label}: {Labels.Get("rank", language)} {Text.Value(r.Rank, language)}, {Labels.Get("interval", language)} [{Text.Value(a, language)}, {Text.Value(b, language)}]"
                : $"{r.Label}: {Labels.Get("rank", language)} {Text.Value(r.Rank, language)}";
            svg.Circle(RankX(r.Rank), cy, 4, "#0969da", "#ffffff", "rank-dot", tip);
        }

        return svg.ToString();
    }

    private static IEnumerable<int> RankTicks(int n)
    {
        int step = n <= 10 ? 1 : n <= 40 ? 5 : 10;
        yield return 1;
        for (int t = step; t < n; t += step)
        {
            if (t != 1)
            {
                yield return t;
            }
        }

        if (n > 1)
        {
            yield return n;
        }
    }
}
