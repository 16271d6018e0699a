using System.Globalization;

namespace DxIndicators;

/// <summary>The one way numbers are read from and written to text in every format (CSV, JSON, CLI options):
/// invariant culture, '.' as decimal point, no thousands separators, shortest round-trip output.</summary>
/// <remarks>Reading is strict: text that is not a number is <see cref="ProblemRules.BadNumber"/>; <c>NaN</c>,
/// infinities and numbers beyond ±1.8e308 are <see cref="ProblemRules.NotFinite"/>; a non-zero number too small for a
/// double (<c>1e-400</c>, which <see cref="double.Parse(string)"/> silently turns into 0) is
/// <see cref="ProblemRules.Underflow"/>. Nothing is clamped or rounded to zero without a word.</remarks>
public static class NumberText
{
    /// <summary>Parses a number strictly.</summary>
    /// <param name="text">The text (surrounding white space is allowed).</param>
    /// <param name="value">The finite value, when the text is one.</param>
    /// <param name="rule">Null on success, otherwise the <see cref="ProblemRules"/> name of what is wrong.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a finite number representable as a double.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out double value, out string? rule)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            rule = ProblemRules.BadNumber;
            return false;
        }

        if (!double.IsFinite(value))
        {
            rule = ProblemRules.NotFinite;
            return false;
        }

        if (value == 0 && HasNonZeroDigit(text))
        {
            rule = ProblemRules.Underflow;
            return false;
        }

        rule = null;
        return true;
    }

    /// <summary>Parses a number strictly.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The finite value, when the text is one.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a finite, representable number.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out double value) => TryParse(text, out value, out _);

    /// <summary>Explains a failed parse in words, for messages.</summary>
    /// <param name="rule">The rule returned by <see cref="TryParse(ReadOnlySpan{char}, out double, out string?)"/>.</param>
    /// <returns>A short explanation.</returns>
    public static string Explain(string? rule) => rule switch
    {
        ProblemRules.NotFinite => "not a finite number (NaN, an infinity, or beyond ±1.8e308)",
        ProblemRules.Underflow => "a non-zero number too small for a double (it would silently become 0)",
        _ => "not a number (invariant culture: '.' decimal point, no thousands separators)",
    };

    /// <summary>Formats a number in shortest round-trip form (<c>R</c>, invariant culture), so reading it back gives
    /// the same bits: 0.1+0.2 is <c>0.30000000000000004</c>, −0.0 is <c>-0</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static bool HasNonZeroDigit(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (c is 'e' or 'E')
            {
                return false;
            }

            if (c is >= '1' and <= '9')
            {
                return true;
            }
        }

        return false;
    }
}
