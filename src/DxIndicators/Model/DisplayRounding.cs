using System.Globalization;
using System.Numerics;
using System.Text;

namespace DxIndicators.Model;

/// <summary>Rounds numbers for display once, from their exact binary value, with one rule.</summary>
/// <remarks>
/// <para>
/// The rule: the value a <see cref="double"/> holds is an exact binary fraction, so it has a finite exact decimal
/// expansion. That expansion is rounded to <c>decimals</c> places <b>half away from zero</b>, in one step. A value is
/// therefore shown as the nearest number with that many decimals; only a value exactly half-way (such as 0.125 to
/// two places, which a double holds exactly) moves away from zero (0.13; −0.125 → −0.13).
/// </para>
/// <para>
/// This differs from .NET custom format strings such as <c>"0.0000"</c>, which first round the value to 15
/// significant digits and then round that again: 0.9637499999999999 becomes 0.963750000000000 and then "0.9638",
/// although the 4-decimal value is 0.9637. It also differs from rounding the shortest round-trip text ("R"):
/// the double nearest 2.675 is 2.67499999999999982…, which this helper shows as "2.67" to two places.
/// </para>
/// <para>
/// NaN formats as "NaN" and infinities as "∞" / "-∞"; <see cref="Round"/> returns them unchanged.
/// A value that rounds to zero is shown without a sign ("0.0000", never "-0.0000"). Output uses the invariant
/// culture: "." as the decimal point, "," as the thousands separator when asked for. Thread-safe; no state.
/// </para>
/// </remarks>
public static class DisplayRounding
{
    /// <summary>The largest number of decimals accepted.</summary>
    public const int MaxDecimals = 30;

    /// <summary>Rounds <paramref name="value"/> to <paramref name="decimals"/> places by the documented rule.</summary>
    /// <param name="value">The value at full precision.</param>
    /// <param name="decimals">The number of decimal places, 0 to <see cref="MaxDecimals"/>.</param>
    /// <returns>The double nearest to the rounded decimal (which itself is what <see cref="Format(double, int)"/> shows);
    /// NaN and infinities unchanged; a value rounding to zero gives +0.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decimals"/> is outside 0 to <see cref="MaxDecimals"/>.</exception>
    public static double Round(double value, int decimals)
    {
        CheckDecimals(decimals);
        if (!double.IsFinite(value))
        {
            return value;
        }

        var (negative, digits) = RoundedDigits(value, decimals);
        if (digits.IsZero)
        {
            return 0d;
        }

        var text = Compose(negative, digits, decimals, DisplayStyle.None);
        return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>Formats <paramref name="value"/> with exactly <paramref name="decimals"/> places, rounded once by the documented rule.</summary>
    /// <param name="value">The value at full precision.</param>
    /// <param name="decimals">The number of decimal places, 0 to <see cref="MaxDecimals"/>.</param>
    /// <returns>Invariant text such as "0.9637" or "-12.5000"; "NaN", "∞" or "-∞" for non-finite values.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decimals"/> is outside 0 to <see cref="MaxDecimals"/>.</exception>
    public static string Format(double value, int decimals) => Format(value, decimals, DisplayStyle.None);

    /// <summary>Formats <paramref name="value"/> rounded once to <paramref name="decimals"/> places, laid out as <paramref name="style"/> says.</summary>
    /// <param name="value">The value at full precision.</param>
    /// <param name="decimals">The number of decimal places rounded to (the most shown with <see cref="DisplayStyle.TrimTrailingZeros"/>), 0 to <see cref="MaxDecimals"/>.</param>
    /// <param name="style">Layout options; rounding is the same for every style.</param>
    /// <returns>Invariant text; "NaN", "∞" or "-∞" for non-finite values.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decimals"/> is outside 0 to <see cref="MaxDecimals"/>,
    /// or <paramref name="style"/> has undefined flags.</exception>
    public static string Format(double value, int decimals, DisplayStyle style)
    {
        CheckDecimals(decimals);
        if ((style & ~(DisplayStyle.TrimTrailingZeros | DisplayStyle.GroupThousands | DisplayStyle.ExplicitPlus)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(style), style, "Unknown display style flags.");
        }

        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? ((style & DisplayStyle.ExplicitPlus) != 0 ? "+∞" : "∞") : "-∞";
        }

        var (negative, digits) = RoundedDigits(value, decimals);
        return Compose(negative && !digits.IsZero, digits, decimals, style);
    }

    private static void CheckDecimals(int decimals)
    {
        if (decimals is < 0 or > MaxDecimals)
        {
            throw new ArgumentOutOfRangeException(nameof(decimals), decimals, $"The number of decimals must be in [0, {MaxDecimals}].");
        }
    }

    /// <summary>Computes round-half-away(|value| · 10^decimals) exactly, with the sign apart.</summary>
    private static (bool Negative, BigInteger Digits) RoundedDigits(double value, int decimals)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        var negative = bits < 0;
        var exponentBits = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
        int exponent;
        if (exponentBits == 0)
        {
            exponent = -1074; // subnormal: m · 2^-1074
        }
        else
        {
            mantissa |= 1L << 52;
            exponent = exponentBits - 1075;
        }

        // |value| = mantissa · 2^exponent exactly.
        var scaled = new BigInteger(mantissa) * BigInteger.Pow(10, decimals);
        if (exponent >= 0)
        {
            return (negative, scaled << exponent);
        }

        var shift = -exponent;
        var quotient = scaled >> shift;
        var remainder = scaled - (quotient << shift);
        // Half away from zero on the magnitude: round up when remainder ≥ half the divisor (2·r ≥ 2^shift).
        if ((remainder << 1) >= (BigInteger.One << shift))
        {
            quotient += BigInteger.One;
        }

        return (negative, quotient);
    }

    private static string Compose(bool negative, BigInteger digits, int decimals, DisplayStyle style)
    {
        var text = digits.ToString(CultureInfo.InvariantCulture);
        if (text.Length <= decimals)
        {
            text = new string('0', decimals - text.Length + 1) + text;
        }

        var integerPart = text[..^decimals];
        var fraction = decimals == 0 ? string.Empty : text[^decimals..];
        if ((style & DisplayStyle.TrimTrailingZeros) != 0)
        {
            fraction = fraction.TrimEnd('0');
        }

        var sb = new StringBuilder(text.Length + 8);
        if (negative)
        {
            sb.Append('-');
        }
        else if ((style & DisplayStyle.ExplicitPlus) != 0 && !digits.IsZero)
        {
            sb.Append('+');
        }

        if ((style & DisplayStyle.GroupThousands) != 0)
        {
            var lead = integerPart.Length % 3;
            if (lead == 0)
            {
                lead = 3;
            }

            sb.Append(integerPart, 0, lead);
            for (var i = lead; i < integerPart.Length; i += 3)
            {
                sb.Append(',').Append(integerPart, i, 3);
            }
        }
        else
        {
            sb.Append(integerPart);
        }

        if (fraction.Length > 0)
        {
            sb.Append('.').Append(fraction);
        }

        return sb.ToString();
    }
}
