using System.Globalization;
using System.Text;

namespace DxIndicators.Reporting.Charts;

/// <summary>A small SVG writer: coordinates in invariant culture with two decimals, every text escaped.</summary>
internal sealed class Svg
{
    public const string Font = "'Noto Sans','DejaVu Sans','Segoe UI',Roboto,Arial,sans-serif";
    private readonly StringBuilder _sb = new();

    public Svg(string chart, double width, double height, string title)
    {
        Width = width;
        Height = height;
        _sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" data-chart=\"{chart}\" role=\"img\" viewBox=\"0 0 {N(width)} {N(height)}\" width=\"{N(width)}\" height=\"{N(height)}\" font-family=\"{Font}\" font-size=\"12\">");
        Reporting.Text.AppendHtml(_sb.Append("<title>"), title).Append("</title>");
    }

    public double Width { get; }

    public double Height { get; }

    /// <summary>A coordinate with at most two decimals ("12", "12.5", "12.25"); layout only, never a displayed value.</summary>
    public static string N(double v)
    {
        double r = Math.Round(v, 2);
        if (r == Math.Floor(r) && Math.Abs(r) < 1e9)
        {
            return ((long)r).ToString(CultureInfo.InvariantCulture);
        }

        return r.ToString("F2", CultureInfo.InvariantCulture).TrimEnd('0');
    }

    public Svg Rect(double x, double y, double w, double h, string fill, string? cssClass = null, string? tooltip = null, string extra = "")
    {
        _sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(Math.Max(0, w))}\" height=\"{N(Math.Max(0, h))}\" fill=\"{fill}\"");
        if (cssClass is not null)
        {
            _sb.Append(" class=\"").Append(cssClass).Append('"');
        }

        _sb.Append(extra);
        if (tooltip is null)
        {
            _sb.Append("/>");
        }
        else
        {
            Reporting.Text.AppendHtml(_sb.Append("><title>"), tooltip).Append("</title></rect>");
        }

        return this;
    }

    public Svg Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null, string? cssClass = null)
    {
        _sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\" stroke=\"{stroke}\" stroke-width=\"{N(width)}\"");
        if (dash is not null)
        {
            _sb.Append(" stroke-dasharray=\"").Append(dash).Append('"');
        }

        if (cssClass is not null)
        {
            _sb.Append(" class=\"").Append(cssClass).Append('"');
        }

        _sb.Append("/>");
        return this;
    }

    public Svg Circle(double cx, double cy, double r, string fill, string stroke, string? cssClass = null, string? tooltip = null)
    {
        _sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{N(cx)}\" cy=\"{N(cy)}\" r=\"{N(r)}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"1.5\"");
        if (cssClass is not null)
        {
            _sb.Append(" class=\"").Append(cssClass).Append('"');
        }

        if (tooltip is null)
        {
            _sb.Append("/>");
        }
        else
        {
            Reporting.Text.AppendHtml(_sb.Append("><title>"), tooltip).Append("</title></circle>");
        }

        return this;
    }

    public Svg Path(string d, string stroke, double width, string fill = "none", string? cssClass = null)
    {
        _sb.Append(CultureInfo.InvariantCulture, $"<path d=\"{d}\" stroke=\"{stroke}\" stroke-width=\"{N(width)}\" fill=\"{fill}\"");
        if (cssClass is not null)
        {
            _sb.Append(" class=\"").Append(cssClass).Append('"');
        }

        _sb.Append("/>");
        return this;
    }

    public Svg Text(double x, double y, string text, string anchor = "start", string fill = "#24292f", double size = 12, string weight = "normal", string? cssClass = null, double rotate = 0)
    {
        _sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(x)}\" y=\"{N(y)}\" text-anchor=\"{anchor}\" fill=\"{fill}\"");
        if (size != 12)
        {
            _sb.Append(CultureInfo.InvariantCulture, $" font-size=\"{N(size)}\"");
        }

        if (weight != "normal")
        {
            _sb.Append(" font-weight=\"").Append(weight).Append('"');
        }

        if (cssClass is not null)
        {
            _sb.Append(" class=\"").Append(cssClass).Append('"');
        }

        if (rotate != 0)
        {
            _sb.Append(CultureInfo.InvariantCulture, $" transform=\"rotate({N(rotate)} {N(x)} {N(y)})\"");
        }

        Reporting.Text.AppendHtml(_sb.Append('>'), text).Append("</text>");
        return this;
    }

    public Svg Raw(string fragment)
    {
        _sb.Append(fragment);
        return this;
    }

    public override string ToString() => _sb.ToString() + "</svg>";

    /// <summary>Cuts a label to about <paramref name="max"/> characters (the full text stays in the tooltip).</summary>
    public static string Fit(string label, int max) => label.Length <= max ? label : string.Concat(label.AsSpan(0, max - 1).TrimEnd(), "…");

    /// <summary>Cuts a label to fit about <paramref name="pixels"/> at font size <paramref name="size"/> (DejaVu/Noto Sans average glyph ≈ 0.6 em).</summary>
    public static string FitWidth(string label, double pixels, double size = 12) => Fit(label, Math.Max(4, (int)(pixels / (size * 0.6))));

    /// <summary>A rough width of a text in pixels at 12 px (average glyph 6.6 px), for layout.</summary>
    public static double TextWidth(string text, double size = 12) => text.Length * size * 0.6;
}
