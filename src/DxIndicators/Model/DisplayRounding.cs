using System.Globalization;
using System.Numerics;

namespace DxIndicators.Model;

/// <summary>The one rule by which a number is rounded for display: once, from the exact binary value, half away from zero.</summary>
/// <remarks>
/// The value a double holds is a finite binary fraction; it is rounded to the requested decimals exactly (integer
/// arithmetic), ties away from zero. No intermediate decimal form is used: custom formats such as "0.0000" first cut
/// the value to 15 significant digits and so round twice (0.9637499999999999 would print 0.9638), and the standard
/// "F" format breaks exact ties to even (0.125 → 0.12). Negative zero and values that round to zero print without a
/// sign. NaN formats as an empty string; infinities as "∞" / "-∞".
/// </remarks>
public static class DisplayRounding
{
    private static readonly BigInteger[] s_powersOfTen = Enumerable.Range(0, 16).Select(d => BigInteger.Pow(10, d)).ToArray();

    /// <summary>Rounds a value for display.</summary>
    /// <param name="value">The full-precision value.</param>
    /// <param name="decimals">Decimal places, 0 to 15.</param>
    /// <returns>The double nearest to the rounded decimal (NaN and infinities unchanged).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decimals"/> is outside 0–15.</exception>
    public static double Round(double value, int decimals)
    {
        CheckDecimals(decimals);
        return double.IsFinite(value) ? double.Parse(Format(value, decimals), NumberStyles.Float, CultureInfo.InvariantCulture) : value;
    }

    /// <summary>Formats a value rounded for display: invariant culture, '.' decimal point, no grouping, exactly <paramref name="decimals"/> decimals.</summary>
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

        if (double.IsInfinity(value))
        {
            return value > 0 ? "∞" : "-∞";
        }

        // value = mantissa · 2^exponent exactly; scaled = |value| · 10^decimals = numerator / denominator.
        long bits = BitConverter.DoubleToInt64Bits(value);
        bool negative = bits < 0;
        int rawExponent = (int)((bits >> 52) & 0x7FF);
        long fraction = bits & 0xFFFFFFFFFFFFFL;
        BigInteger mantissa = rawExponent == 0 ? fraction : fraction | (1L << 52);
        int exponent = (rawExponent == 0 ? 1 : rawExponent) - 1075;
        BigInteger numerator = mantissa * s_powersOfTen[decimals];
        BigInteger denominator = BigInteger.One;
        if (exponent >= 0)
        {
            numerator <<= exponent;
        }
        else
        {
            denominator <<= -exponent;
        }

        BigInteger quotient = BigInteger.DivRem(numerator, denominator, out BigInteger remainder);
        if (remainder * 2 >= denominator)
        {
            quotient += 1; // ties (remainder exactly half) go away from zero
        }

        string digits = quotient.ToString(CultureInfo.InvariantCulture).PadLeft(decimals + 1, '0');
        string text = decimals == 0 ? digits : string.Concat(digits.AsSpan(0, digits.Length - decimals), ".", digits.AsSpan(digits.Length - decimals));
        return negative && !quotient.IsZero ? "-" + text : text;
    }

    private static void CheckDecimals(int decimals)
    {
        if (decimals is < 0 or > 15)
        {
            throw new ArgumentOutOfRangeException(nameof(decimals), decimals, "Decimal places must be in [0, 15].");
        }
    }
}
