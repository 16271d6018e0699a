using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace DxIndicators.Scoring.Kernels;

/// <summary>
/// Adds one child column into a node's weighted sums: where <c>x[i]</c> is present, <c>sum[i] += w · x[i]</c> and
/// <c>weightSum[i] += w</c> (the weighted arithmetic mean and the points ratio).
/// </summary>
internal static class WeightedSum
{
    /// <summary>Accumulates on the widest supported path.</summary>
    public static void Accumulate(ReadOnlySpan<double> x, double weight, Span<double> sum, Span<double> weightSum) =>
        AccumulateDriver.Run(x, sum, weightSum, new Operator(weight), KernelPaths.Best(x.Length));

    /// <summary>Accumulates on a given path.</summary>
    public static void Accumulate(ReadOnlySpan<double> x, double weight, Span<double> sum, Span<double> weightSum, KernelPath path) =>
        AccumulateDriver.Run(x, sum, weightSum, new Operator(weight), path);

    internal readonly struct Operator(double weight) : IAccumulateOperator
    {
        private readonly double _w = weight;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Invoke(ref double a, ref double b, double x)
        {
            bool present = !double.IsNaN(x);
            a += present ? _w * x : 0.0;
            b += present ? _w : 0.0;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Invoke(ref Vector128<double> a, ref Vector128<double> b, Vector128<double> x)
        {
            Vector128<double> present = Vector128.Equals(x, x);
            Vector128<double> w = Vector128.Create(_w);
            a += present & (w * x);
            b += present & w;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Invoke(ref Vector256<double> a, ref Vector256<double> b, Vector256<double> x)
        {
            Vector256<double> present = Vector256.Equals(x, x);
            Vector256<double> w = Vector256.Create(_w);
            a += present & (w * x);
            b += present & w;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Invoke(ref Vector512<double> a, ref Vector512<double> b, Vector512<double> x)
        {
            Vector512<double> present = Vector512.Equals(x, x);
            Vector512<double> w = Vector512.Create(_w);
            a += present & (w * x);
            b += present & w;
        }
    }
}
