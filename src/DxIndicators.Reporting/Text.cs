using System.Globalization;
using System.Text;
using DxIndicators.Model;
using DxIndicators.Targets;

namespace DxIndicators.Reporting;

/// <summary>Display text: numbers rounded once by <see cref="DisplayRounding"/>, escaping, bilingual labels.</summary>
internal static class Text
{
    private static readonly System.Buffers.SearchValues<char> s_markup = System.Buffers.SearchValues.Create("&<>\"'");

    public const string Missing = "—";

    /// <summary>A score on the framework's scale: 4 decimals, as the DTI is published.</summary>
    public static string Score(double value, ReportLanguage language) => Number(value, 4, language, trim: false);

    /// <summary>A raw value: up to <paramref name="decimals"/> decimals, trailing zeros dropped, grouped thousands.</summary>
    public static string Value(double value, ReportLanguage language, int decimals = 2) => Number(value, decimals, language, trim: true);

    public static string Number(double value, int decimals, ReportLanguage language, bool trim)
    {
        if (double.IsNaN(value))
        {
            return Missing;
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "∞" : "−∞";
        }

        string text = Rounded(value, decimals);
        bool negative = text.StartsWith('-');
        if (negative)
        {
            text = text[1..];
        }

        int dot = text.IndexOf('.', StringComparison.Ordinal);
        string whole = dot < 0 ? text : text[..dot];
        string fraction = dot < 0 ? string.Empty : text[(dot + 1)..];
        if (trim)
        {
            fraction = fraction.TrimEnd('0');
        }

        bool vi = language == ReportLanguage.Vietnamese;
        var sb = new StringBuilder(text.Length + 4);
        if (negative)
        {
            sb.Append('−');
        }

        for (int i = 0; i < whole.Length; i++)
        {
            if (i > 0 && (whole.Length - i) % 3 == 0)
            {
                sb.Append(vi ? '.' : ',');
            }

            sb.Append(whole[i]);
        }

        if (fraction.Length > 0)
        {
            sb.Append(vi ? ',' : '.').Append(fraction);
        }

        return sb.ToString();
    }

    private static readonly double[] s_pow10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6];
    private static readonly long[] s_lpow10 = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

    /// <summary>
    /// <see cref="DisplayRounding.Format(double, int)"/>'s result, with a fast path: for |v|·10^d &lt; 10^12 the scaled
    /// product is within 10^-3 of the exact value, so when its fraction is more than 10^-3 away from one half the
    /// nearest integer is the exact rounding; ties and near-ties go to <see cref="DisplayRounding"/>. Tests check that
    /// both agree on random and boundary values.
    /// </summary>
    internal static string Rounded(double value, int decimals)
    {
        if (decimals < s_pow10.Length && double.IsFinite(value))
        {
            double x = Math.Abs(value) * s_pow10[decimals];
            double floor = Math.Floor(x);
            double f = x - floor;
            if (x < 1e12 && Math.Abs(f - 0.5) > 1e-3)
            {
                long q = (long)floor + (f > 0.5 ? 1 : 0);
                long whole = q / s_lpow10[decimals], part = q % s_lpow10[decimals];
                string sign = value < 0 && q != 0 ? "-" : string.Empty;
                return decimals == 0
                    ? sign + whole.ToString(CultureInfo.InvariantCulture)
                    : string.Create(CultureInfo.InvariantCulture, $"{sign}{whole}.{part.ToString("D" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)}");
            }
        }

        return DisplayRounding.Format(value, decimals);
    }

    /// <summary>A signed change with 4 decimals (+0.0123, −0.0050, 0.0000).</summary>
    public static string Change(double value, ReportLanguage language)
    {
        if (double.IsNaN(value))
        {
            return Missing;
        }

        string body = Number(value, 4, language, trim: false);
        return body.StartsWith('−') || body.TrimStart('0', ',', '.').Length == 0 ? body : "+" + body;
    }

    public static string Rank(double rank, int universe, ReportLanguage language) =>
        double.IsNaN(rank) ? Missing : string.Create(CultureInfo.InvariantCulture, $"{Number(rank, 1, language, trim: true)}/{universe}");

    public static string Date(NodaTime.LocalDate date) => NodaTime.Text.LocalDatePattern.Iso.Format(date);

    public static string Html(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (text.AsSpan().IndexOfAny(s_markup) < 0)
        {
            return text; // most labels need no escaping: no copy
        }

        var sb = new StringBuilder(text.Length + 16);
        AppendHtml(sb, text);
        return sb.ToString();
    }

    /// <summary>Appends <paramref name="text"/> HTML-escaped (&amp; &lt; &gt; " ') without intermediate strings.</summary>
    public static StringBuilder AppendHtml(StringBuilder sb, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return sb;
        }

        ReadOnlySpan<char> rest = text;
        while (true)
        {
            int at = rest.IndexOfAny(s_markup);
            if (at < 0)
            {
                return sb.Append(rest);
            }

            sb.Append(rest[..at]).Append(rest[at] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => "&#39;",
            });
            rest = rest[(at + 1)..];
        }
    }

    /// <summary>Escapes a Markdown table cell (pipes and line breaks).</summary>
    public static string Md(string? text) => string.IsNullOrEmpty(text) ? string.Empty : text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    public static string Comparator(Comparator comparator) => comparator switch
    {
        Model.Comparator.AtLeast => "≥",
        Model.Comparator.GreaterThan => ">",
        Model.Comparator.AtMost => "≤",
        Model.Comparator.LessThan => "<",
        Model.Comparator.EqualTo => "=",
        Model.Comparator.Between => "∈",
        Model.Comparator.RankAtMost => "rank ≤",
        _ => comparator.ToString(),
    };

    public static string Rule(TargetRule rule, ReportLanguage language) =>
        rule.UpperThreshold is { } upper
            ? $"{Value(rule.Threshold, language)}–{Value(upper, language)}"
            : $"{Comparator(rule.Comparator)} {Value(rule.Threshold, language)}";

    public static string Qualified(double value, Data.Qualifier qualifier, ReportLanguage language) => qualifier switch
    {
        Data.Qualifier.LowerBound => "> " + Value(value, language),
        Data.Qualifier.UpperBound => "< " + Value(value, language),
        Data.Qualifier.Estimate => "≈ " + Value(value, language),
        _ => Value(value, language),
    };

    public static string Status(TargetStatus status, ReportLanguage language) => In(TargetStatusInfo.Of(status).Label, language);

    public static string StatusShort(TargetStatus status, ReportLanguage language) => In(TargetStatusInfo.Of(status).ShortLabel, language);

    public static string StatusSymbol(TargetStatus status) => TargetStatusInfo.Of(status).Symbol;

    /// <summary>Fill and text colour of a status; the cell text carries the meaning too, so it reads without colour.</summary>
    public static (string Fill, string Ink) StatusColours(TargetStatus status) => TargetStatusColours.Of(status);

    private static string In(LocalizedText text, ReportLanguage language) => language == ReportLanguage.Vietnamese ? text.Vi : text.En;
}
