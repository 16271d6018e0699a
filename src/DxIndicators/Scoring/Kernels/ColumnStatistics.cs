using System.Runtime.Intrinsics;

namespace DxIndicators.Scoring.Kernels;

/// <summary>Column statistics that skip NaN (missing): minimum and maximum, sum and count, sum of squared deviations.</summary>
/// <remarks>
/// Every reduction uses the fixed 32-lane layout of <see cref="LaneReduction"/> and combines lanes in a fixed
/// order, so results are bit-identical on every path (methodology: "Column statistics").
/// </remarks>
internal static class ColumnStatistics
{
    /// <summary>Computes the minimum and maximum of the non-NaN values (+∞/−∞ when there are none).</summary>
    public static (double Min, double Max) MinMax(ReadOnlySpan<double> x) => MinMax(x, KernelPaths.Best(x.Length));

    /// <summary>Computes the minimum and maximum of the non-NaN values on a given path.</summary>
    public static (double Min, double Max) MinMax(ReadOnlySpan<double> x, KernelPath path)
    {
        Span<double> a = stackalloc double[LaneReduction.Lanes];
        Span<double> b = stackalloc double[LaneReduction.Lanes];
        LaneReduction.Run(x, path, default(MinMaxOperator), a, b);
        double min = a[0];
        double max = b[0];
        for (int j = 1; j < LaneReduction.Lanes; j++)
        {
            if (a[j] < min)
            {
                min = a[j];
            }

            if (b[j] > max)
            {
                max = b[j];
            }
        }

        return (min, max);
    }

    /// <summary>Computes the sum and the count of the non-NaN values.</summary>
    public static (double Sum, int Count) SumCount(ReadOnlySpan<double> x) => SumCount(x, KernelPaths.Best(x.Length));

    /// <summary>Computes the sum and the count of the non-NaN values on a given path.</summary>
    public static (double Sum, int Count) SumCount(ReadOnlySpan<double> x, KernelPath path)
    {
        Span<double> a = stackalloc double[LaneReduction.Lanes];
        Span<double> b = stackalloc double[LaneReduction.Lanes];
        LaneReduction.Run(x, path, default(SumCountOperator), a, b);
        return (LaneReduction.SumLanes(a), (int)LaneReduction.SumLanes(b));
    }

    /// <summary>Computes Σ (x − centre)² over the non-NaN values.</summary>
    public static double SumSquaredDeviations(ReadOnlySpan<double> x, double centre) => SumSquaredDeviations(x, centre, KernelPaths.Best(x.Length));

    /// <summary>Computes Σ (x − centre)² over the non-NaN values on a given path.</summary>
    public static double SumSquaredDeviations(ReadOnlySpan<double> x, double centre, KernelPath path)
    {
        Span<double> a = stackalloc double[LaneReduction.Lanes];
        Span<double> b = stackalloc double[LaneReduction.Lanes];
        LaneReduction.Run(x, path, new SquaredDeviationOperator(centre), a, b);
        return LaneReduction.SumLanes(a);
    }

    /// <summary>A = running minimum, B = running maximum; a NaN never wins a comparison, so it is skipped.</summary>
    internal readonly struct MinMaxOperator : ILaneReducer
    {
        public double InitA => double.PositiveInfinity;

        public double InitB => double.NegativeInfinity;

        public void Step(ref double a, ref double b, double x)
        {
            if (x < a)
            {
                a = x;
            }

            if (x > b)
            {
                b = x;
            }
        }

        public void Step(ref Vector128<double> a, ref Vector128<double> b, Vector128<double> x)
        {
            a = Vector128.ConditionalSelect(Vector128.LessThan(x, a), x, a);
            b = Vector128.ConditionalSelect(Vector128.GreaterThan(x, b), x, b);
        }

        public void Step(ref Vector256<double> a, ref Vector256<double> b, Vector256<double> x)
        {
            a = Vector256.ConditionalSelect(Vector256.LessThan(x, a), x, a);
            b = Vector256.ConditionalSelect(Vector256.GreaterThan(x, b), x, b);
        }

        public void Step(ref Vector512<double> a, ref Vector512<double> b, Vector512<double> x)
        {
            a = Vector512.ConditionalSelect(Vector512.LessThan(x, a), x, a);
            b = Vector512.ConditionalSelect(Vector512.GreaterThan(x, b), x, b);
        }
    }

    /// <summary>A = Σ x, B = count, both over non-NaN x (a NaN adds +0 and 0).</summary>
    internal readonly struct SumCountOperator : ILaneReducer
    {
        public double InitA => 0;

        public double InitB => 0;

        public void Step(ref double a, ref double b, double x)
        {
            bool present = !double.IsNaN(x);
            a += present ? x : 0.0;
            b += present ? 1.0 : 0.0;
        }

        public void Step(ref Vector128<double> a, ref Vector128<double> b, Vector128<double> x)
        {
            Vector128<double> present = Vector128.Equals(x, x);
            a += present & x;
            b += present & Vector128<double>.One;
        }

        public void Step(ref Vector256<double> a, ref Vector256<double> b, Vector256<double> x)
        {
            Vector256<double> present = Vector256.Equals(x, x);
            a += present & x;
            b += present & Vector256<double>.One;
        }

        public void Step(ref Vector512<double> a, ref Vector512<double> b, Vector512<double> x)
        {
            Vector512<double> present = Vector512.Equals(x, x);
            a += present & x;
            b += present & Vector512<double>.One;
        }
    }

    /// <summary>A = Σ (x − c)² over non-NaN x.</summary>
    internal readonly struct SquaredDeviationOperator(double centre) : ILaneReducer
    {
        private readonly double _centre = centre;

        public double InitA => 0;

        public double InitB => 0;

        public void Step(ref double a, ref double b, double x)
        {
            double d = x - _centre;
            a += double.IsNaN(x) ? 0.0 : d * d;
        }

        public void Step(ref Vector128<double> a, ref Vector128<double> b, Vector128<double> x)
        {
            Vector128<double> d = x - Vector128.Create(_centre);
            a += Vector128.Equals(x, x) & (d * d);
        }

        public void Step(ref Vector256<double> a, ref Vector256<double> b, Vector256<double> x)
        {
            Vector256<double> d = x - Vector256.Create(_centre);
            a += Vector256.Equals(x, x) & (d * d);
        }

        public void Step(ref Vector512<double> a, ref Vector512<double> b, Vector512<double> x)
        {
            Vector512<double> d = x - Vector512.Create(_centre);
            a += Vector512.Equals(x, x) & (d * d);
        }
    }
}
