using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace DxIndicators.Scoring.Kernels;

/// <summary>
/// Adds four child columns into a node's weighted sums in one pass: for c = 0..3 in order, where <c>x_c[i]</c> is present,
/// <c>sum[i] += w_c · x_c[i]</c> and <c>weightSum[i] += w_c</c>.
/// </summary>
/// <remarks>
/// Gives the same bits as four <see cref="WeightedSum"/> calls in the same order (each unit's additions keep the child
/// order); it only loads and stores the accumulators once instead of four times.
/// </remarks>
internal static class WeightedSum4
{
    /// <summary>Accumulates on the widest supported path.</summary>
    public static void Accumulate(ReadOnlySpan<double> x0, ReadOnlySpan<double> x1, ReadOnlySpan<double> x2, ReadOnlySpan<double> x3, Weights4 w, Span<double> sum, Span<double> weightSum) =>
        Accumulate(x0, x1, x2, x3, w, sum, weightSum, KernelPaths.Best(x0.Length));

    /// <summary>Accumulates on a given path.</summary>
    public static void Accumulate(ReadOnlySpan<double> x0, ReadOnlySpan<double> x1, ReadOnlySpan<double> x2, ReadOnlySpan<double> x3, Weights4 w, Span<double> sum, Span<double> weightSum, KernelPath path)
    {
        int n = x0.Length;
        ThrowHelper.CheckSameLength(n, x1.Length, nameof(x1));
        ThrowHelper.CheckSameLength(n, x2.Length, nameof(x2));
        ThrowHelper.CheckSameLength(n, x3.Length, nameof(x3));
        ThrowHelper.CheckSameLength(n, sum.Length, nameof(sum));
        ThrowHelper.CheckSameLength(n, weightSum.Length, nameof(weightSum));
        ThrowHelper.CheckPath(path);
        ref double r0 = ref MemoryMarshal.GetReference(x0);
        ref double r1 = ref MemoryMarshal.GetReference(x1);
        ref double r2 = ref MemoryMarshal.GetReference(x2);
        ref double r3 = ref MemoryMarshal.GetReference(x3);
        ref double rs = ref MemoryMarshal.GetReference(sum);
        ref double rw = ref MemoryMarshal.GetReference(weightSum);
        int i = path switch
        {
            KernelPath.V512 => V512(ref r0, ref r1, ref r2, ref r3, ref rs, ref rw, n, w),
            KernelPath.V256 => V256(ref r0, ref r1, ref r2, ref r3, ref rs, ref rw, n, w),
            KernelPath.V128 => V128(ref r0, ref r1, ref r2, ref r3, ref rs, ref rw, n, w),
            _ => 0,
        };
        for (; i < n; i++)
        {
            double s = sum[i], t = weightSum[i];
            Step(ref s, ref t, x0[i], w.W0);
            Step(ref s, ref t, x1[i], w.W1);
            Step(ref s, ref t, x2[i], w.W2);
            Step(ref s, ref t, x3[i], w.W3);
            sum[i] = s;
            weightSum[i] = t;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Step(ref double s, ref double t, double x, double w)
    {
        bool present = !double.IsNaN(x);
        s += present ? w * x : 0.0;
        t += present ? w : 0.0;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int V512(ref double r0, ref double r1, ref double r2, ref double r3, ref double rs, ref double rw, int n, Weights4 w)
    {
        Vector512<double> w0 = Vector512.Create(w.W0), w1 = Vector512.Create(w.W1), w2 = Vector512.Create(w.W2), w3 = Vector512.Create(w.W3);
        int i = 0;
        for (; i <= n - Vector512<double>.Count; i += Vector512<double>.Count)
        {
            nuint k = (nuint)i;
            Vector512<double> s = Vector512.LoadUnsafe(ref rs, k), t = Vector512.LoadUnsafe(ref rw, k);
            Vector512<double> x = Vector512.LoadUnsafe(ref r0, k), p = Vector512.Equals(x, x);
            s += p & (w0 * x);
            t += p & w0;
            x = Vector512.LoadUnsafe(ref r1, k);
            p = Vector512.Equals(x, x);
            s += p & (w1 * x);
            t += p & w1;
            x = Vector512.LoadUnsafe(ref r2, k);
            p = Vector512.Equals(x, x);
            s += p & (w2 * x);
            t += p & w2;
            x = Vector512.LoadUnsafe(ref r3, k);
            p = Vector512.Equals(x, x);
            s += p & (w3 * x);
            t += p & w3;
            s.StoreUnsafe(ref rs, k);
            t.StoreUnsafe(ref rw, k);
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int V256(ref double r0, ref double r1, ref double r2, ref double r3, ref double rs, ref double rw, int n, Weights4 w)
    {
        Vector256<double> w0 = Vector256.Create(w.W0), w1 = Vector256.Create(w.W1), w2 = Vector256.Create(w.W2), w3 = Vector256.Create(w.W3);
        int i = 0;
        for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
        {
            nuint k = (nuint)i;
            Vector256<double> s = Vector256.LoadUnsafe(ref rs, k), t = Vector256.LoadUnsafe(ref rw, k);
            Vector256<double> x = Vector256.LoadUnsafe(ref r0, k), p = Vector256.Equals(x, x);
            s += p & (w0 * x);
            t += p & w0;
            x = Vector256.LoadUnsafe(ref r1, k);
            p = Vector256.Equals(x, x);
            s += p & (w1 * x);
            t += p & w1;
            x = Vector256.LoadUnsafe(ref r2, k);
            p = Vector256.Equals(x, x);
            s += p & (w2 * x);
            t += p & w2;
            x = Vector256.LoadUnsafe(ref r3, k);
            p = Vector256.Equals(x, x);
            s += p & (w3 * x);
            t += p & w3;
            s.StoreUnsafe(ref rs, k);
            t.StoreUnsafe(ref rw, k);
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int V128(ref double r0, ref double r1, ref double r2, ref double r3, ref double rs, ref double rw, int n, Weights4 w)
    {
        Vector128<double> w0 = Vector128.Create(w.W0), w1 = Vector128.Create(w.W1), w2 = Vector128.Create(w.W2), w3 = Vector128.Create(w.W3);
        int i = 0;
        for (; i <= n - Vector128<double>.Count; i += Vector128<double>.Count)
        {
            nuint k = (nuint)i;
            Vector128<double> s = Vector128.LoadUnsafe(ref rs, k), t = Vector128.LoadUnsafe(ref rw, k);
            Vector128<double> x = Vector128.LoadUnsafe(ref r0, k), p = Vector128.Equals(x, x);
            s += p & (w0 * x);
            t += p & w0;
            x = Vector128.LoadUnsafe(ref r1, k);
            p = Vector128.Equals(x, x);
            s += p & (w1 * x);
            t += p & w1;
            x = Vector128.LoadUnsafe(ref r2, k);
            p = Vector128.Equals(x, x);
            s += p & (w2 * x);
            t += p & w2;
            x = Vector128.LoadUnsafe(ref r3, k);
            p = Vector128.Equals(x, x);
            s += p & (w3 * x);
            t += p & w3;
            s.StoreUnsafe(ref rs, k);
            t.StoreUnsafe(ref rw, k);
        }

        return i;
    }
}

/// <summary>The four weights of <see cref="WeightedSum4"/>.</summary>
internal readonly record struct Weights4(double W0, double W1, double W2, double W3);
