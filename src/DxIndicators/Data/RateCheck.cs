using System.Globalization;

namespace DxIndicators.Data;

/// <summary>Checks a rate's stated value against its counts, to the precision it was stated with.</summary>
/// <remarks>
/// A stated value v with d decimals in its shortest round-trip form ("89.3" has 1, "90" has 0, "1E-05" has 5) agrees
/// with counts n / den when |v − 100·n/den| ≤ ½·10^(−d), plus a relative slack of 1e-12·max(1, |v|) for binary
/// rounding. So 2,410 / 2,699 = 89.2923…% agrees with 89.3 (|Δ| = 0.0077 ≤ 0.05) and with 89.29, but not with 89.4 or
/// 89.2. Trailing zeros of a source text are not significant (89.30 is the double 89.3). Counts are in the rate's
/// natural units; the value is always in percent.
/// </remarks>
internal static class RateCheck
{
    /// <summary>Computes the rate in percent given by counts.</summary>
    /// <param name="numerator">The numerator.</param>
    /// <param name="denominator">The denominator.</param>
    /// <returns>100 · numerator / denominator.</returns>
    public static double Derive(double numerator, double denominator) => 100.0 * numerator / denominator;

    /// <summary>Gets half a unit in the last decimal of a value's shortest round-trip form.</summary>
    /// <param name="value">A finite value.</param>
    /// <returns>½·10^(−decimals).</returns>
    public static double HalfUnitInLastPlace(double value)
    {
        string s = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        int exponent = 0;
        int e = s.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(s.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            s = s[..e];
        }

        int dot = s.IndexOf('.', StringComparison.Ordinal);
        int decimals = (dot < 0 ? 0 : s.Length - dot - 1) - exponent;
        return 0.5 * Math.Pow(10, -decimals);
    }

    /// <summary>Determines whether a stated rate agrees with its counts to the stated precision.</summary>
    /// <param name="value">The stated value in percent.</param>
    /// <param name="numerator">The numerator.</param>
    /// <param name="denominator">The denominator (non-zero).</param>
    /// <returns><see langword="true"/> when |value − 100·n/d| ≤ ½ unit in the last stated decimal (see the type remarks).</returns>
    public static bool Agrees(double value, double numerator, double denominator)
    {
        double derived = Derive(numerator, denominator);
        double tolerance = HalfUnitInLastPlace(value) + (1e-12 * Math.Max(1.0, Math.Abs(value)));
        return Math.Abs(value - derived) <= tolerance;
    }

    /// <summary>Checks the numeric fields of one observation; returns the problems as (rule, column, message).</summary>
    internal static IEnumerable<(string Rule, string Column, string Message)> Check(double value, double? numerator, double? denominator)
    {
        if (!double.IsFinite(value))
        {
            yield return (ProblemRules.NotFinite, "value", $"Value {Text(value)} is not a finite number; use an empty file row for a missing value, not NaN or ∞.");
        }

        if (numerator is { } n && !double.IsFinite(n))
        {
            yield return (ProblemRules.NotFinite, "numerator", $"Numerator {Text(n)} is not a finite number.");
        }

        if (denominator is { } d && !double.IsFinite(d))
        {
            yield return (ProblemRules.NotFinite, "denominator", $"Denominator {Text(d)} is not a finite number.");
        }

        if (numerator.HasValue != denominator.HasValue)
        {
            yield return (ProblemRules.RateCountsIncomplete, numerator.HasValue ? "denominator" : "numerator",
                $"A rate needs both numerator and denominator, but only the {(numerator.HasValue ? "numerator" : "denominator")} is given.");
            yield break;
        }

        if (numerator is { } num && denominator is { } den && double.IsFinite(num) && double.IsFinite(den))
        {
            if (den <= 0)
            {
                yield return (ProblemRules.BadDenominator, "denominator", $"Denominator must be positive but was {Text(den)}.");
            }
            else if (double.IsFinite(value) && !Agrees(value, num, den))
            {
                yield return (ProblemRules.RateMismatch, "value",
                    $"Stated rate {Text(value)} disagrees with its counts: 100·{Text(num)}/{Text(den)} = {Text(Derive(num, den))}, more than {Text(HalfUnitInLastPlace(value))} (half a unit in the last stated decimal) away.");
            }
        }
    }

    internal static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
