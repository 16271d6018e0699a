using DxIndicators.Scoring.Kernels;

namespace DxIndicators.Scoring;

/// <summary>The raw-data stages before normalisation: imputation and outlier treatment (docs/methodology.md §Impute, §Treat).</summary>
/// <remarks>Scalar code: these stages are not on the benchmark's hot path and follow COINr's order of operations.</remarks>
internal static class Preprocessing
{
    /// <summary>Replaces NaN by the mean of the present values (none present: unchanged).</summary>
    public static void ImputeMean(Span<double> x)
    {
        (double sum, int count) = ColumnStatistics.SumCount(x);
        if (count == 0)
        {
            return;
        }

        double mean = sum / count;
        Fill(x, mean);
    }

    /// <summary>Replaces NaN by the median of the present values (mean of the two middle ones for an even count).</summary>
    public static void ImputeMedian(Span<double> x, Span<double> scratch)
    {
        int m = 0;
        foreach (double v in x)
        {
            if (!double.IsNaN(v))
            {
                scratch[m++] = v;
            }
        }

        if (m == 0)
        {
            return;
        }

        Span<double> s = scratch[..m];
        s.Sort();
        double median = (m % 2 == 1) ? s[m / 2] : (s[(m / 2) - 1] + s[m / 2]) / 2;
        Fill(x, median);
    }

    /// <summary>Replaces NaN by the mean of the present values of the unit's group; units with no group (−1) stay missing.</summary>
    public static void ImputeGroupMean(Span<double> x, ReadOnlySpan<int> group, int groupCount)
    {
        var sum = new double[groupCount];
        var count = new int[groupCount];
        for (int i = 0; i < x.Length; i++)
        {
            if (group[i] >= 0 && !double.IsNaN(x[i]))
            {
                sum[group[i]] += x[i];
                count[group[i]]++;
            }
        }

        for (int i = 0; i < x.Length; i++)
        {
            if (double.IsNaN(x[i]) && group[i] >= 0 && count[group[i]] > 0)
            {
                x[i] = sum[group[i]] / count[group[i]];
            }
        }
    }

    /// <summary>Sample skewness, COINr/e1071 type 2: NaN when fewer than 3 values.</summary>
    public static double Skew(ReadOnlySpan<double> x)
    {
        (double n, double mean) = CountMean(x);
        if (n < 3)
        {
            return double.NaN;
        }

        double m2 = 0, m3 = 0;
        foreach (double v in x)
        {
            if (!double.IsNaN(v))
            {
                double d = v - mean;
                m2 += d * d;
                m3 += d * d * d;
            }
        }

        return Math.Sqrt(n) * m3 / Math.Pow(m2, 1.5) * Math.Sqrt(n * (n - 1)) / (n - 2);
    }

    /// <summary>Sample excess kurtosis, COINr type 2: NaN when fewer than 4 values.</summary>
    public static double Kurtosis(ReadOnlySpan<double> x)
    {
        (double n, double mean) = CountMean(x);
        if (n < 4)
        {
            return double.NaN;
        }

        double m2 = 0, m4 = 0;
        foreach (double v in x)
        {
            if (!double.IsNaN(v))
            {
                double d = v - mean;
                m2 += d * d;
                m4 += d * d * d * d;
            }
        }

        double r = n * m4 / (m2 * m2);
        return (((n + 1) * (r - 3)) + 6) * (n - 1) / ((n - 2) * (n - 3));
    }

    /// <summary>COINr's check: passes when |skew| &lt; s OR kurtosis &lt; k (NaN statistics count as passing).</summary>
    public static bool Passes(ReadOnlySpan<double> x, double skewThreshold, double kurtosisThreshold)
    {
        double skew = Skew(x);
        double kurt = Kurtosis(x);
        if (double.IsNaN(skew) || double.IsNaN(kurt))
        {
            return true;
        }

        return Math.Abs(skew) < skewThreshold || kurt < kurtosisThreshold;
    }

    /// <summary>
    /// COINr's default <c>Treat()</c>: winsorise one extreme at a time (side = sign of skew) while the column fails and fewer
    /// than <paramref name="maxPoints"/> points are winsorised; if it still fails, undo and apply
    /// ln(x − min + 0.01(max − min)) to the original column.
    /// </summary>
    /// <returns>The number of points winsorised, or −1 when the log transform was applied.</returns>
    public static int Treat(Span<double> x, Span<double> original, int maxPoints, double skewThreshold, double kurtosisThreshold)
    {
        bool pass = Passes(x, skewThreshold, kurtosisThreshold);
        if (pass || maxPoints <= 0)
        {
            return 0;
        }

        x.CopyTo(original);
        int nwin = 0;
        while (!pass && nwin < maxPoints)
        {
            bool high = Skew(x) >= 0;
            (double min, double max) = ColumnStatistics.MinMax(x);
            double extreme = high ? max : min;
            double next = high ? double.NegativeInfinity : double.PositiveInfinity;
            int tied = 0;
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
                break;
            }

            for (int i = 0; i < x.Length; i++)
            {
                if (x[i] == extreme)
                {
                    x[i] = next;
                }
            }

            nwin = tied;
            pass = Passes(x, skewThreshold, kurtosisThreshold);
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

    private static (double Count, double Mean) CountMean(ReadOnlySpan<double> x)
    {
        double n = 0, sum = 0;
        foreach (double v in x)
        {
            if (!double.IsNaN(v))
            {
                n++;
                sum += v;
            }
        }

        return (n, sum / n);
    }

    private static void Fill(Span<double> x, double value)
    {
        for (int i = 0; i < x.Length; i++)
        {
            if (double.IsNaN(x[i]))
            {
                x[i] = value;
            }
        }
    }
}
