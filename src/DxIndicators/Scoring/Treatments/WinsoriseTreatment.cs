using DxIndicators.Scoring.Kernels;
using DxIndicators.Scoring.Methods;

namespace DxIndicators.Scoring;

/// <summary>
/// COINr's default <c>Treat()</c>: while the column fails (|skew| ≥ s and kurtosis ≥ k) and fewer than N points are
/// winsorised, the points at the extreme on the side of the skew's sign are set to the next value inward; if it still
/// fails, the winsorising is undone and <c>ln(x − min + 0.01(max − min))</c> is applied to the original column.
/// Text <c>winsorise[:N]</c>; docs/methodology.md#treatment.
/// </summary>
internal static class WinsoriseTreatment
{
    public static MethodSyntax<TreatmentChoice> Entry { get; } = new(
        "winsorise",
        "winsorise[:N]",
        "winsorise up to N points while \\|skew\\| ≥ 2 and kurtosis ≥ 3.5, else `ln(x − min + 0.01·(max − min))` of the original column",
        "COINr `Treat` default; N a whole number ≥ 1, default 5",
        "treatment",
        t => new TreatmentChoice(t.Expect(0, 1).Count == 0 ? 5 : Points(t)));

    /// <summary>Treats one column in place; <paramref name="original"/> is scratch of the same length.</summary>
    /// <returns>The number of points winsorised, or −1 when the log transform was applied.</returns>
    public static int Treat(Span<double> x, Span<double> original, int maxPoints, double skewThreshold, double kurtosisThreshold)
    {
        bool pass = Preprocessing.Passes(x, skewThreshold, kurtosisThreshold);
        if (pass || maxPoints <= 0)
        {
            return 0;
        }

        x.CopyTo(original);
        int nwin = 0;
        while (!pass && nwin < maxPoints)
        {
            if (!WinsoriseExtreme(x, out int tied))
            {
                break;
            }

            nwin = tied;
            pass = Preprocessing.Passes(x, skewThreshold, kurtosisThreshold);
        }

        if (pass)
        {
            return nwin;
        }

        (double m, double mx) = ColumnStatistics.MinMax(original);
        double shift = 0.01 * (mx - m);
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = Math.Log(original[i] - m + shift);
        }

        return -1;
    }

    /// <summary>Sets the points at the extreme on the skew's side to the next value inward; false when there is none.</summary>
    private static bool WinsoriseExtreme(Span<double> x, out int tied)
    {
        bool high = Preprocessing.Skew(x) >= 0;
        (double min, double max) = ColumnStatistics.MinMax(x);
        double extreme = high ? max : min;
        double next = high ? double.NegativeInfinity : double.PositiveInfinity;
        tied = 0;
        foreach (double v in x)
        {
            if (double.IsNaN(v))
            {
                continue;
            }

            if (v == extreme)
            {
                tied++;
            }
            else if (high ? v > next : v < next)
            {
                next = v;
            }
        }

        if (double.IsInfinity(next))
        {
            return false;
        }

        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] == extreme)
            {
                x[i] = next;
            }
        }

        return true;
    }

    private static int Points(MethodText t)
    {
        double n = t.Number(0);
        return n >= 1 && n == Math.Floor(n) && n <= int.MaxValue ? (int)n : throw new FormatException($"'{t.Text}': N must be a whole number ≥ 1");
    }
}
