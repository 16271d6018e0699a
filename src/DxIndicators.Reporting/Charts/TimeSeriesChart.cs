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

    // The plot area and its margins (the right margin holds the target labels).
    private const double Left = 64, Right = 170, Top = 36, PlotHeight = 200, Bottom = 34, PlotWidth = 340;

    public static string Render(string title, string unitLabel, IReadOnlyList<Series> series, IReadOnlyList<TargetLine> targets, ReportLanguage language)
    {
        double width = Left + PlotWidth + Right;
        double legendRows = series.Count is > 1 and <= 8 ? series.Count : 0;
        double height = Top + PlotHeight + Bottom + (legendRows * 16);
        var svg = new Svg("time-series", width, height, title);
        svg.Text(0, 16, Svg.FitWidth(title, width, 13), weight: "600", size: 13, cssClass: "chart-title");

        var dates = series.SelectMany(s => s.Points).Select(p => p.Date).Concat(targets.Select(t => t.Deadline)).ToList();
        var values = series.SelectMany(s => s.Points).Select(p => p.Value).Concat(targets.Select(t => t.Threshold)).Where(double.IsFinite).ToList();
        if (dates.Count == 0 || values.Count == 0)
        {
            svg.Text(Left, Top + 20, Labels.Get("no-series", language), fill: "#57606a");
            return svg.ToString();
        }

        var scale = new Scale(dates.Min().Year, dates.Max().Year + 1, Math.Min(0, values.Min()), values.Max());
        DrawAxes(svg, scale, unitLabel, language);
        DrawTargets(svg, scale, targets);
        for (int s = 0; s < series.Count; s++)
        {
            DrawSeries(svg, scale, series, s, legendRows > 0, language);
        }

        return svg.ToString();
    }

    /// <summary>Draws the value grid with its labels, the year ticks and labels, both axes and the unit label.</summary>
    private static void DrawAxes(Svg svg, Scale scale, string unitLabel, ReportLanguage language)
    {
        for (double v = scale.Y0; v <= scale.Y1 + (scale.Step / 2); v += scale.Step)
        {
            svg.Line(Left, scale.Y(v), Left + PlotWidth, scale.Y(v), "#eaeef2", 1);
            svg.Text(Left - 6, scale.Y(v) + 4, Text.Value(v, language), "end", "#57606a", 10);
        }

        // Years are bands: the tick marks 1 January, the label sits in the middle of its year, so a yearly value
        // (drawn at its period's end, 31 December) and a deadline at year end both fall at the end of their year's band.
        int yearStep = Math.Max(1, (int)Math.Ceiling((scale.LastYear - scale.FirstYear) / 10.0));
        for (int year = scale.FirstYear; year <= scale.LastYear; year++)
        {
            double x = scale.X(new LocalDate(year, 1, 1));
            svg.Line(x, Top + PlotHeight, x, Top + PlotHeight + 4, "#57606a", 1);
            if (year < scale.LastYear && (year - scale.FirstYear) % yearStep == 0)
            {
                svg.Text(scale.X(new LocalDate(year, 7, 1)), Top + PlotHeight + 16, year.ToString(System.Globalization.CultureInfo.InvariantCulture), "middle", "#57606a", 10, cssClass: "year-label");
            }
        }

        svg.Line(Left, Top + PlotHeight, Left + PlotWidth, Top + PlotHeight, "#57606a", 1);
        svg.Line(Left, Top, Left, Top + PlotHeight, "#57606a", 1);
        svg.Text(14, Top + (PlotHeight / 2), Svg.Fit(unitLabel, 34), "middle", "#57606a", 10, rotate: -90);
    }

    /// <summary>Draws each target: its level from the start of the axis to the deadline, the deadline itself, and its
    /// label in the right margin (highest level first, labels pushed down so they do not overlap).</summary>
    private static void DrawTargets(Svg svg, Scale scale, IReadOnlyList<TargetLine> targets)
    {
        var labelYs = new List<double>();
        foreach (TargetLine t in targets.OrderByDescending(t => t.Threshold))
        {
            double x = scale.X(t.Deadline), y = scale.Y(t.Threshold);
            svg.Line(Left, y, x, y, "#cf222e", 1.5, "6 4", "target-line");
            svg.Line(x, Top, x, Top + PlotHeight, "#cf222e", 1, "2 3", "deadline-line");
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
            svg.Text(Left + PlotWidth + 8, ly, Svg.Fit(t.Label, 30), fill: "#cf222e", size: 10, cssClass: "target-label");
            svg.Line(x + 5, y, Left + PlotWidth + 6, ly - 4, "#cf222e", 0.5, "1 2");
        }
    }

    /// <summary>Draws series <paramref name="s"/>: its line, its points (hollow for bounds, labelled when it is the
    /// only series) and, when there is a legend, its legend row.</summary>
    private static void DrawSeries(Svg svg, Scale scale, IReadOnlyList<Series> series, int s, bool legend, ReportLanguage language)
    {
        string colour = series.Count > 8 ? "#8c959f" : s_palette[s % s_palette.Length];
        var points = series[s].Points.Where(p => double.IsFinite(p.Value)).OrderBy(p => p.Date).ToList();
        if (points.Count > 1)
        {
            string d = string.Join(' ', points.Select((p, i) => (i == 0 ? "M" : "L") + Svg.N(scale.X(p.Date)) + " " + Svg.N(scale.Y(p.Value))));
            svg.Path(d, colour, series.Count > 8 ? 1 : 2, cssClass: "series-line");
        }

        var labelled = new List<(double X, double Y)>();
        foreach (Point p in Enumerable.Reverse(points))
        {
            double x = scale.X(p.Date), y = scale.Y(p.Value);
            bool bound = p.Qualifier is Qualifier.LowerBound or Qualifier.UpperBound;
            string tip = $"{series[s].Label} {p.Period}: {Text.Qualified(p.Value, p.Qualifier, language)}";
            svg.Circle(x, y, series.Count > 8 ? 2.5 : 4, bound ? "#ffffff" : colour, colour, "series-point", tip);
            if (series.Count == 1 && !labelled.Any(l => Math.Abs(l.X - x) < 34 && Math.Abs(l.Y - y) < 12))
            {
                labelled.Add((x, y));
                svg.Text(x, y - 8, Text.Qualified(p.Value, p.Qualifier, language), "middle", colour, 10, cssClass: "point-label");
            }
        }

        if (legend)
        {
            double ly = Top + PlotHeight + Bottom + (s * 16);
            svg.Rect(Left, ly - 9, 12, 3, colour);
            svg.Text(Left + 18, ly - 4, series[s].Label, size: 10);
        }
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

    /// <summary>The plot's scales: the years from 1 January of the first to 1 January of the last across, a nice
    /// value range (<see cref="NiceRange"/>) up.</summary>
    private sealed class Scale
    {
        private readonly LocalDate _x0;
        private readonly double _span;

        public Scale(int firstYear, int lastYear, double min, double max)
        {
            FirstYear = firstYear;
            LastYear = lastYear;
            _x0 = new LocalDate(firstYear, 1, 1);
            _span = Math.Max(1, Days(_x0, new LocalDate(lastYear, 1, 1)));
            (Y0, Y1, Step) = NiceRange(min, max);
        }

        public int FirstYear { get; }

        public int LastYear { get; }

        public double Y0 { get; }

        public double Y1 { get; }

        public double Step { get; }

        public double X(LocalDate d) => Left + (PlotWidth * Days(_x0, d) / _span);

        public double Y(double v) => Top + PlotHeight - (PlotHeight * (v - Y0) / (Y1 - Y0));
    }
}
