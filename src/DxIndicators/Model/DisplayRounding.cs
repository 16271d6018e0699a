using System.Globalization;

namespace DxIndicators.Model;

/// <summary>The one rule by which a number is rounded for display: once, from full precision, half away from zero.</summary>
/// <remarks>
/// The standard "F" format of .NET formats the exact binary value of a double, so rounding through it happens once
/// (custom formats such as "0.0000" first cut the value to 15 significant digits and so round twice:
/// 0.9637499999999999 would print 0.9638). Negative zero prints as zero. NaN prints as an empty string.
/// </remarks>
public static class DisplayRounding
{
    /// <summary>Rounds a value for display.</summary>
    /// <param name="value">The full-precision value.</param>
    /// <param name="decimals">Decimal places, 0 to 15.</param>
    /// <returns>The rounded value (NaN and infinities unchanged).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decimals"/> is outside 0–15.</exception>
    public static double Round(double value, int decimals)
    {
        CheckDecimals(decimals);
        return double.IsFinite(value) ? double.Parse(Format(value, decimals), NumberStyles.Float, CultureInfo.InvariantCulture) : value;
    }

    /// <summary>Formats a value rounded for display, invariant culture, no grouping.</summary>
    /// <param name="value">The full-precision value.</param>
    /// <param name="decimals">Decimal places, 0 to 15.</param>
    /// <returns>The text; empty for NaN.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decimals"/> is outside 0–15.</exception>
    public static string Format(double value, int decimals)
    {
        CheckDecimals(decimals);
        if (double.IsNaN(value))
        {
            return string.Empty;
        }

        string text = value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return text.StartsWith('-') && text.AsSpan(1).IndexOfAnyExcept("0.") < 0 ? text[1..] : text;
    }

    private static void CheckDecimals(int decimals)
    {
        if (decimals is < 0 or > 15)
        {
            throw new ArgumentOutOfRangeException(nameof(decimals), decimals, "Decimal places must be in [0, 15].");
        }
    }
}
