using System.Globalization;
using DxIndicators.Data;
using DxIndicators.Model;

namespace DxIndicators.Cli.Infrastructure;

/// <summary>Formatting shared by the commands' human-readable output (invariant culture throughout).</summary>
internal static class Text
{
    /// <summary>A value with its qualifier as people write it: "> 78" for "over 78", "≈ 14" for an estimate.</summary>
    public static string Qualified(double value, Qualifier? qualifier) => qualifier switch
    {
        Qualifier.LowerBound => "> " + Num(value),
        Qualifier.UpperBound => "< " + Num(value),
        Qualifier.Estimate => "≈ " + Num(value),
        _ => Num(value),
    };

    /// <summary>A qualifier in words: "over (lower bound)", "about (estimate)"…</summary>
    public static string QualifierName(Qualifier qualifier) => qualifier switch
    {
        Qualifier.LowerBound => "over (lower bound)",
        Qualifier.UpperBound => "under (upper bound)",
        Qualifier.Estimate => "about (estimate)",
        _ => "exact",
    };

    /// <summary>A number for reading: thousands separators, at most four decimals (rounded once, <see cref="DisplayRounding"/>); "—" when absent.</summary>
    public static string Num(double? value) => value is { } v && !double.IsNaN(v)
        ? DisplayRounding.Format(v, 4, DisplayStyle.GroupThousands | DisplayStyle.TrimTrailingZeros)
        : "—";

    /// <summary>A score as published: exactly four decimals, rounded once (<see cref="DisplayRounding"/>); "—" when missing.</summary>
    public static string Score(double value) => double.IsNaN(value) ? "—" : DisplayRounding.Format(value, 4);

    /// <summary>A signed change with exactly four decimals ("+0.0123", "-0.0040", "0.0000"); "—" when missing.</summary>
    public static string Change(double value) => double.IsNaN(value) ? "—" : DisplayRounding.Format(value, 4, DisplayStyle.ExplicitPlus);

    /// <summary>A number with at most <paramref name="decimals"/> decimals, trailing zeros dropped (ranks, weights); "—" when missing.</summary>
    public static string Short(double value, int decimals) => double.IsNaN(value) ? "—" : DisplayRounding.Format(value, decimals, DisplayStyle.TrimTrailingZeros);

    /// <summary>A number in round-trip precision for machine output; empty when missing.</summary>
    public static string RoundTrip(double value) => double.IsNaN(value) ? string.Empty : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Cuts <paramref name="text"/> to <paramref name="max"/> characters with an ellipsis.</summary>
    public static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    /// <summary>Formats an interpolated string in the invariant culture.</summary>
    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
