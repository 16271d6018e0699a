using System.Runtime.Intrinsics;

namespace DxIndicators.Scoring.Kernels;

/// <summary>Adds 1 to <c>count[i]</c> where <c>x[i]</c> is present (not NaN); used for a node's minimum share.</summary>
internal static class CountPresent
{
    /// <summary>Counts on the widest supported path (<paramref name="unused"/> is left unchanged).</summary>
    public static void Accumulate(ReadOnlySpan<double> x, Span<double> count, Span<double> unused) =>
        AccumulateDriver.Run(x, count, unused, default(Operator), KernelPaths.Best(x.Length));

    /// <summary>Counts on a given path.</summary>
    public static void Accumulate(ReadOnlySpan<double> x, Span<double> count, Span<double> unused, KernelPath path) =>
        AccumulateDriver.Run(x, count, unused, default(Operator), path);

    internal readonly struct Operator : IAccumulateOperator
    {
        public void Invoke(ref double a, ref double b, double x) => a += double.IsNaN(x) ? 0.0 : 1.0;

        public void Invoke(ref Vector128<double> a, ref Vector128<double> b, Vector128<double> x) => a += Vector128.Equals(x, x) & Vector128<double>.One;

        public void Invoke(ref Vector256<double> a, ref Vector256<double> b, Vector256<double> x) => a += Vector256.Equals(x, x) & Vector256<double>.One;

        public void Invoke(ref Vector512<double> a, ref Vector512<double> b, Vector512<double> x) => a += Vector512.Equals(x, x) & Vector512<double>.One;
    }
}
