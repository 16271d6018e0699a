using DxIndicators.Targets;

namespace DxIndicators.Reporting.Charts;

/// <summary>Units × targets: one cell per evaluation, filled by status colour and labelled with the status in words.</summary>
internal static class TargetHeatMap
{
    public sealed record Column(string Unit, string Label);

    public sealed record RowHeader(string Code, string Label, string Rule);

    public static string Render(string title, IReadOnlyList<RowHeader> targets, IReadOnlyList<Column> units, Func<int, int, TargetEvaluation?> cell, ReportLanguage language)
    {
        const double top = 34;
        double cellWidth = units.Count <= 4 ? 120 : units.Count <= 12 ? 64 : 30;
        // With few units the page has room: long target names and sources are cut later (the table below has them whole).
        double ruleWidth = units.Count <= 4 ? 250 : 190;
        double labelWidth = units.Count <= 4 ? Math.Min(600, 1200 - ruleWidth - (units.Count * cellWidth) - 20) : 330;
        double cellHeight = units.Count <= 12 ? 26 : 20;
        double headerHeight = units.Count <= 4 ? 24 : 60;
        double legendTop = top + headerHeight + (targets.Count * cellHeight) + 16;
        double width = Math.Max(labelWidth + ruleWidth + (units.Count * cellWidth) + 20, 760);
        double height = legendTop + 28 * 2 + 8;
        var svg = new Svg("target-heatmap", width, height, title);
        svg.Text(0, 16, Svg.FitWidth(title, width, 13), weight: "600", size: 13, cssClass: "chart-title");
        double gridLeft = labelWidth + ruleWidth;
        svg.Text(labelWidth + 4, top + headerHeight - 8, Labels.Get("rule", language), fill: "#57606a", size: 11);
        for (int u = 0; u < units.Count; u++)
        {
            double x = gridLeft + (u * cellWidth) + (cellWidth / 2);
            if (units.Count <= 4)
            {
                svg.Text(x, top + headerHeight - 8, Svg.FitWidth(units[u].Label, cellWidth - 4, 11), "middle", weight: "600", size: 11);
            }
            else
            {
                svg.Text(x + 3, top + headerHeight - 6, Svg.Fit(units[u].Label, 10), "start", size: 10, rotate: -60);
            }
        }

        for (int t = 0; t < targets.Count; t++)
        {
            double y = top + headerHeight + (t * cellHeight);
            svg.Text(labelWidth - 6, y + (cellHeight / 2) + 4, Svg.FitWidth(targets[t].Label, labelWidth - 10, 11), "end", size: 11);
            svg.Text(labelWidth + 4, y + (cellHeight / 2) + 4, Svg.FitWidth(targets[t].Rule, ruleWidth - 10, 11), size: 11, fill: "#57606a");
            for (int u = 0; u < units.Count; u++)
            {
                TargetEvaluation? e = cell(t, u);
                TargetStatus status = e?.Status ?? TargetStatus.NoData;
                (string fill, string ink) = Text.StatusColours(status);
                double x = gridLeft + (u * cellWidth);
                string tip = $"{targets[t].Code} · {units[u].Label}: {Text.Status(status, language)}" + (e?.Note is { } note ? " — " + (language == ReportLanguage.Vietnamese ? Vietnamese.Note(note) : note) : string.Empty);
                svg.Rect(x + 1, y + 1, cellWidth - 2, cellHeight - 2, fill, "cell", tip, $" data-status=\"{status}\" stroke=\"#ffffff\"");
                string label = cellWidth >= 64 ? $"{Text.StatusSymbol(status)} {Text.StatusShort(status, language)}" : Text.StatusSymbol(status);
                svg.Text(x + (cellWidth / 2), y + (cellHeight / 2) + 4, label, "middle", ink, cellWidth >= 64 ? 11 : 10, "600");
            }
        }

        Legend(svg, legendTop, language);
        return svg.ToString();
    }

    /// <summary>The legend: symbol, colour and word for every status, in two rows from <paramref name="legendTop"/>.</summary>
    private static void Legend(Svg svg, double legendTop, ReportLanguage language)
    {
        var statuses = Enum.GetValues<TargetStatus>();
        double lx = 0, ly = legendTop;
        int perRow = (statuses.Length + 1) / 2;
        for (int i = 0; i < statuses.Length; i++)
        {
            if (i == perRow)
            {
                lx = 0;
                ly += 28;
            }

            (string fill, string ink) = Text.StatusColours(statuses[i]);
            svg.Rect(lx, ly, 26, 20, fill, "legend-swatch", extra: " stroke=\"#d0d7de\"");
            svg.Text(lx + 13, ly + 14, Text.StatusSymbol(statuses[i]), "middle", ink, 11, "600");
            string word = Text.Status(statuses[i], language);
            svg.Text(lx + 32, ly + 14, word, size: 11, cssClass: "legend-label");
            lx += 40 + Math.Max(Svg.TextWidth(word, 11), 60) + 16;
        }
    }
}
