using System.Runtime.Intrinsics;

namespace DxIndicators.Scoring.Kernels;

/// <summary>
/// Folds one child column into a node's minimum and present-count: where <c>x[i]</c> is present,
/// <c>min[i] ← x[i]</c> if <c>min[i]</c> is NaN (nothing yet) or <c>x[i] &lt; min[i]</c>, and <c>count[i] += 1</c>.
/// </summary>
internal static class RunningMinimum
{
    /// <summary>Folds on the widest supported path.</summary>
    public static void Accumulate(ReadOnlySpan<double> x, Span<double> min, Span<double> count) =>
        AccumulateDriver.Run(x, min, count, default(Operator), KernelPaths.Best(x.Length));

    /// <summary>Folds on a given path.</summary>
    public static void Accumulate(ReadOnlySpan<double> x, Span<double> min, Span<double> count, KernelPath path) =>
        AccumulateDriver.Run(x, min, count, default(Operator), path);

    internal readonly struct Operator : IAccumulateOperator
    {
        public void Invoke(ref double a, ref double b, double x)
        {
            bool present = !double.IsNaN(x);
            if (present && (double.IsNaN(a) || x < a))
            {
                a = x;
            }

            b += present ? 1.0 : 0.0;
        }

        public void Invoke(ref Vector128<double> a, ref Vector128<double> b, Vector128<double> x)
        {
            Vector128<double> present = Vector128.Equals(x, x);
            Vector128<double> take = present & (~Vector128.Equals(a, a) | Vector128.LessThan(x, a));
            a = Vector128.ConditionalSelect(take, x, a);
            b += present & Vector128<double>.One;
        }

        public void Invoke(ref Vector256<double> a, ref Vector256<double> b, Vector256<double> x)
        {
            Vector256<double> present = Vector256.Equals(x, x);
            Vector256<double> take = present & (~Vector256.Equals(a, a) | Vector256.LessThan(x, a));
            a = Vector256.ConditionalSelect(take, x, a);
            b += present & Vector256<double>.One;
        }

        public void Invoke(ref Vector512<double> a, ref Vector512<double> b, Vector512<double> x)
        {
            Vector512<double> present = Vector512.Equals(x, x);
            Vector512<double> take = present & (~Vector512.Equals(a, a) | Vector512.LessThan(x, a));
            a = Vector512.ConditionalSelect(take, x, a);
            b += present & Vector512<double>.One;
        }
    }
}
