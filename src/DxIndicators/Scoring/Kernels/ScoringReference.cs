namespace DxIndicators.Scoring.Kernels;

/// <summary>
/// Scalar reference twins of the kernels, written straight from docs/methodology.md with no vectors: the test
/// oracle and the benchmark baseline. Reductions follow the documented 32-lane order, so a kernel must match its
/// twin bit for bit.
/// </summary>
internal static class ScoringReference
{
    /// <summary>Minimum and maximum of the non-NaN values: lane j = i mod 32 takes x[i] when x[i] &lt; lane (resp. &gt;); lanes combined 0..31.</summary>
    public static (double Min, double Max) MinMax(ReadOnlySpan<double> x)
    {
        var min = new double[32];
        var max = new double[32];
        Array.Fill(min, double.PositiveInfinity);
        Array.Fill(max, double.NegativeInfinity);
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] < min[i % 32])
            {
                min[i % 32] = x[i];
            }

            if (x[i] > max[i % 32])
            {
                max[i % 32] = x[i];
            }
        }

        double lo = min[0], hi = max[0];
        for (int j = 1; j < 32; j++)
        {
            if (min[j] < lo)
            {
                lo = min[j];
            }

            if (max[j] > hi)
            {
                hi = max[j];
            }
        }

        return (lo, hi);
    }

    /// <summary>Sum and count of non-NaN values: 32 interleaved partial sums (a missing value adds +0), combined pairwise.</summary>
    public static (double Sum, int Count) SumCount(ReadOnlySpan<double> x)
    {
        var sum = new double[32];
        var count = new double[32];
        for (int i = 0; i < x.Length; i++)
        {
            bool present = !double.IsNaN(x[i]);
            sum[i % 32] += present ? x[i] : 0.0;
            count[i % 32] += present ? 1.0 : 0.0;
        }

        return (Pairwise(sum), (int)Pairwise(count));
    }

    /// <summary>Σ (x − c)² over non-NaN x in the same 32-lane order.</summary>
    public static double SumSquaredDeviations(ReadOnlySpan<double> x, double centre)
    {
        var sum = new double[32];
        for (int i = 0; i < x.Length; i++)
        {
            double d = x[i] - centre;
            sum[i % 32] += double.IsNaN(x[i]) ? 0.0 : d * d;
        }

        return Pairwise(sum);
    }

    /// <summary>y = clamp((x − offset)·factor + shift, low, high)·scale, element by element; NaN stays NaN.</summary>
    public static void Affine(ReadOnlySpan<double> x, AffineParameters p, Span<double> destination)
    {
        for (int i = 0; i < x.Length; i++)
        {
            double y = ((x[i] - p.Offset) * p.Factor) + p.Shift;
            if (y < p.Low)
            {
                y = p.Low;
            }

            if (y > p.High)
            {
                y = p.High;
            }

            destination[i] = y * p.Scale;
        }
    }

    /// <summary>Where x is present: sum += w·x, weightSum += w.</summary>
    public static void WeightedSum(ReadOnlySpan<double> x, double w, Span<double> sum, Span<double> weightSum)
    {
        for (int i = 0; i < x.Length; i++)
        {
            if (!double.IsNaN(x[i]))
            {
                sum[i] += w * x[i];
                weightSum[i] += w;
            }
            else
            {
                sum[i] += 0.0;
                weightSum[i] += 0.0;
            }
        }
    }

    /// <summary>Where x is present: sum += w / x, weightSum += w.</summary>
    public static void HarmonicSum(ReadOnlySpan<double> x, double w, Span<double> sum, Span<double> weightSum)
    {
        for (int i = 0; i < x.Length; i++)
        {
            if (!double.IsNaN(x[i]))
            {
                sum[i] += w / x[i];
                weightSum[i] += w;
            }
            else
            {
                sum[i] += 0.0;
                weightSum[i] += 0.0;
            }
        }
    }

    /// <summary>Where x is present: min ← x when min is NaN or x &lt; min; count += 1.</summary>
    public static void RunningMinimum(ReadOnlySpan<double> x, Span<double> min, Span<double> count)
    {
        for (int i = 0; i < x.Length; i++)
        {
            if (!double.IsNaN(x[i]))
            {
                if (double.IsNaN(min[i]) || x[i] < min[i])
                {
                    min[i] = x[i];
                }

                count[i] += 1.0;
            }
            else
            {
                count[i] += 0.0;
            }
        }
    }

    /// <summary>count += 1 where x is present.</summary>
    public static void CountPresent(ReadOnlySpan<double> x, Span<double> count)
    {
        for (int i = 0; i < x.Length; i++)
        {
            count[i] += double.IsNaN(x[i]) ? 0.0 : 1.0;
        }
    }

    /// <summary>destination = numerator / denominator.</summary>
    public static void Divide(ReadOnlySpan<double> numerator, ReadOnlySpan<double> denominator, Span<double> destination)
    {
        for (int i = 0; i < numerator.Length; i++)
        {
            destination[i] = numerator[i] / denominator[i];
        }
    }

    /// <summary>
    /// Ranks by definition: competition = 1 + #{j: s_j better than s_i}; dense = 1 + #{distinct better scores};
    /// fractional = competition + (#ties − 1)/2; NaN kept. Returns the number of non-NaN scores.
    /// </summary>
    public static int Rank(ReadOnlySpan<double> scores, Span<double> ranks, RankMethod method, bool ascending)
    {
        int universe = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            universe += double.IsNaN(scores[i]) ? 0 : 1;
        }

        for (int i = 0; i < scores.Length; i++)
        {
            double s = scores[i];
            if (double.IsNaN(s))
            {
                ranks[i] = double.NaN;
                continue;
            }

            int better = 0, ties = 0;
            var distinctBetter = new HashSet<double>();
            for (int j = 0; j < scores.Length; j++)
            {
                double t = scores[j];
                if (double.IsNaN(t))
                {
                    continue;
                }

                bool isBetter = ascending ? t < s : t > s;
                if (isBetter)
                {
                    better++;
                    distinctBetter.Add(t == 0 ? 0.0 : t);
                }
                else if (t == s)
                {
                    ties++;
                }
            }

            ranks[i] = method switch
            {
                RankMethod.Dense => 1 + distinctBetter.Count,
                RankMethod.Fractional => 1 + better + ((ties - 1) / 2.0),
                _ => 1 + better,
            };
        }

        return universe;
    }

    /// <summary>(l0+l1), (l2+l3), … then pairs of those, down to one value.</summary>
    private static double Pairwise(double[] l)
    {
        double[] t = (double[])l.Clone();
        for (int width = t.Length / 2; width >= 1; width /= 2)
        {
            for (int i = 0; i < width; i++)
            {
                t[i] = t[2 * i] + t[(2 * i) + 1];
            }
        }

        return t[0];
    }
}
