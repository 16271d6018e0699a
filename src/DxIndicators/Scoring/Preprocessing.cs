using DxIndicators.Scoring.Kernels;

namespace DxIndicators.Scoring;

/// <summary>The statistics of the raw-data stages (skewness, kurtosis, COINr's treatment test); the methods themselves are
/// one type each under Scoring/Imputations and Scoring/Treatments.</summary>
/// <remarks>Scalar code: these stages are not on the benchmark's hot path and follow COINr's order of operations.</remarks>
internal static class Preprocessing
{
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

    /// <summary>COINr's default <c>Treat()</c> (see <see cref="WinsoriseTreatment"/>).</summary>
    /// <returns>The number of points winsorised, or −1 when the log transform was applied.</returns>
    public static int Treat(Span<double> x, Span<double> original, int maxPoints, double skewThreshold, double kurtosisThreshold) =>
        WinsoriseTreatment.Treat(x, original, maxPoints, skewThreshold, kurtosisThreshold);

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
}
