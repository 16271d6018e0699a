using DxIndicators.Data;
using NodaTime;

namespace DxIndicators.Reporting.Charts;

/// <summary>An indicator's observed values over time against its target levels (dashed) and deadlines (dotted).</summary>
internal static class TimeSeriesChart
{
    public sealed record Point(LocalDate Date, double Value, Qualifier Qualifier, string Period);

    public sealed record Series(string Label, IReadOnlyList<Point> Points);

    public sealed record TargetLine(string Code, double Threshold, LocalDate Deadline, string Label);

    private static readonly string[] s_palette = ["#0969da", "#bf3989", "#1a7f37", "#9a6700", "#8250df", "#cf222e", "#116329", "#0550ae"];

    public static string Render(string title, string unitLabel, IReadOnlyList<Series> series, IReadOnlyList<TargetLine> targets, ReportLanguage language)
    {
        const double left = 64, right = 170, top = 36, plotHeight = 200, bottom = 34, plotWidth = 340;
        double width = left + plotWidth + right;
        double legendRows = series.Count is > 1 and <= 8 ? series.Count : 0;
        double height = top + plotHeight + bottom + (legendRows * 16);
        var svg = new Svg("time-series", width, height, title);
        svg.Text(0, 16, Svg.FitWidth(title, width, 13), weight: "600", size: 13, cssClass: "chart-title");

        var dates = series.SelectMany(s => s.Points).Select(p => p.Date).Concat(targets.Select(t => t.Deadline)).ToList();
        var values = series.SelectMany(s => s.Points).Select(p => p.Value).Concat(targets.Select(t => t.Threshold)).Where(double.IsFinite).ToList();
        if (dates.Count == 0 || values.Count == 0)
        {
            svg.Text(left, top + 20, Labels.Get("no-series", language), fill: "#57606a");
            return svg.ToString();
        }

        int firstYear = dates.Min().Year, lastYear = dates.Max().Year + 1;
        LocalDate x0 = new(firstYear, 1, 1), x1 = new(lastYear, 1, 1);
        double span = Math.Max(1, Days(x0, x1));
        double X(LocalDate d) => left + (plotWidth * Days(x0, d) / span);
        (double y0, double y1, double step) = NiceRange(Math.Min(0, values.Min()), values.Max());
        double Y(double v) => top + plotHeight - (plotHeight * (v - y0) / (y1 - y0));

        // Axes and grid.
        for (double v = y0; v <= y1 + (step / 2); v += step)
        {
            svg.Line(left, Y(v), left + plotWidth, Y(v), "#eaeef2", 1);
            svg.Text(left - 6, Y(v) + 4, Text.Value(v, language), "end", "#57606a", 10);
        }

        // Years are bands: the tick marks 1 January, the label sits in the middle of its year, so a yearly value
        // (drawn at its period's end, 31 December) and a deadline at year end both fall at the end of their year's band.
        int yearStep = Math.Max(1, (int)Math.Ceiling((lastYear - firstYear) / 10.0));
        for (int year = firstYear; year <= lastYear; year++)
        {
            double x = X(new LocalDate(year, 1, 1));
            svg.Line(x, top + plotHeight, x, top + plotHeight + 4, "#57606a", 1);
            if (year < lastYear && (year - firstYear) % yearStep == 0)
            {
                svg.Text(X(new LocalDate(year, 7, 1)), top + plotHeight + 16, year.ToString(System.Globalization.CultureInfo.InvariantCulture), "middle", "#57606a", 10, cssClass: "year-label");
            }
        }

        svg.Line(left, top + plotHeight, left + plotWidth, top + plotHeight, "#57606a", 1);
        svg.Line(left, top, left, top + plotHeight, "#57606a", 1);
        svg.Text(14, top + (plotHeight / 2), Svg.Fit(unitLabel, 34), "middle", "#57606a", 10, rotate: -90);

        // Targets: level from the start of the axis to the deadline, and the deadline itself.
        var labelYs = new List<double>();
        foreach (TargetLine t in targets.OrderByDescending(t => t.Threshold))
        {
            double x = X(t.Deadline), y = Y(t.Threshold);
            svg.Line(left, y, x, y, "#cf222e", 1.5, "6 4", "target-line");
            svg.Line(x, top, x, top + plotHeight, "#cf222e", 1, "2 3", "deadline-line");
            svg.Path($"M{Svg.N(x)} {Svg.N(y - 5)} L{Svg.N(x + 5)} {Svg.N(y)} L{Svg.N(x)} {Svg.N(y + 5)} L{Svg.N(x - 5)} {Svg.N(y)} Z", "#cf222e", 1, "#cf222e", "target-marker");
            double ly = y + 4;
            foreach (double used in labelYs)
            {
                if (Math.Abs(used - ly) < 13)
                {
                    ly = used + 13;
                }
            }

            labelYs.Add(ly);
            svg.Text(left + plotWidth + 8, ly, Svg.Fit(t.Label, 30), fill: "#cf222e", size: 10, cssClass: "target-label");
            svg.Line(x + 5, y, left + plotWidth + 6, ly - 4, "#cf222e", 0.5, "1 2");
        }

        // Observations.
        for (int s = 0; s < series.Count; s++)
        {
            string colour = series.Count > 8 ? "#8c959f" : s_palette[s % s_palette.Length];
            var points = series[s].Points.Where(p => double.IsFinite(p.Value)).OrderBy(p => p.Date).ToList();
            if (points.Count > 1)
            {
                string d = string.Join(' ', points.Select((p, i) => (i == 0 ? "M" : "L") + Svg.N(X(p.Date)) + " " + Svg.N(Y(p.Value))));
                svg.Path(d, colour, series.Count > 8 ? 1 : 2, cssClass: "series-line");
            }

            var labelled = new List<(double X, double Y)>();
            foreach (Point p in Enumerable.Reverse(points))
            {
                bool bound = p.Qualifier is Qualifier.LowerBound or Qualifier.UpperBound;
                string tip = $"{series[s].Label} {p.Period}: {Text.Qualified(p.Value, p.Qualifier, language)}";
                svg.Circle(X(p.Date), Y(p.Value), series.Count > 8 ? 2.5 : 4, bound ? "#ffffff" : colour, colour, "series-point", tip);
                if (series.Count == 1 && !labelled.Any(l => Math.Abs(l.X - X(p.Date)) < 34 && Math.Abs(l.Y - Y(p.Value)) < 12))
                {
                    labelled.Add((X(p.Date), Y(p.Value)));
                    svg.Text(X(p.Date), Y(p.Value) - 8, Text.Qualified(p.Value, p.Qualifier, language), "middle", colour, 10, cssClass: "point-label");
                }
            }

            if (legendRows > 0)
            {
                double ly = top + plotHeight + bottom + (s * 16);
                svg.Rect(left, ly - 9, 12, 3, colour);
                svg.Text(left + 18, ly - 4, series[s].Label, size: 10);
            }
        }

        return svg.ToString();
    }

    private static int Days(LocalDate a, LocalDate b) => NodaTime.Period.Between(a, b, PeriodUnits.Days).Days;

    private static (double Min, double Max, double Step) NiceRange(double min, double max)
    {
        if (max <= min)
        {
            max = min + 1;
        }

        double raw = (max - min) / 5;
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double step = new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw);
        return (Math.Floor(min / step) * step, Math.Ceiling(max / step) * step, step);
    }
}
