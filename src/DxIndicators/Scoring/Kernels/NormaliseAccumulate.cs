using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Globalization;
using System.Runtime.Intrinsics;

namespace DxIndicators.Scoring.Kernels;

/// <summary>
/// Normalises child columns and adds them into a node's weighted sums in one pass, so the normalised values are
/// written once and never read back: for each child c in order, <c>y_c[i] = ((x_c[i] − offset_c) · factor_c + shift_c) · scale_c</c>
/// and, where <c>y_c[i]</c> is present, <c>sum[i] += w_c · y_c[i]</c>, <c>weightSum[i] += w_c</c>.
/// </summary>
/// <remarks>
/// Gives the same bits as <see cref="AffineTransform"/> followed by <see cref="WeightedSum"/> (or <see cref="WeightedSum4"/>)
/// in the same child order: the same operations in the same order, no fused multiply-add. Only unclamped parameters
/// (<c>Low = −∞</c>, <c>High = +∞</c>) are accepted; <see cref="AffineTransform"/>'s clamp is then the identity for
/// every value, NaN included (no comparison with ±∞ of that kind is true), so skipping it changes no bit.
/// </remarks>
internal static class NormaliseAccumulate
{
    /// <summary>Gets whether parameters have no clamp, so the fused kernels accept them.</summary>
    public static bool Accepts(in AffineParameters p) =>
        double.IsNegativeInfinity(p.Low) && double.IsPositiveInfinity(p.High);

    /// <summary>One child on a given path.</summary>
    public static void Run(ReadOnlySpan<double> x, in AffineParameters p, double w, Span<double> y, Span<double> sum, Span<double> weightSum, KernelPath path)
    {
        CheckUnclamped(p, nameof(p));
        AccumulateDriver.Run(x, y, sum, weightSum, new Operator(p, w), path);
    }

    /// <summary>Four children on a given path (same bits as four <see cref="Run"/> calls in order).</summary>
    /// <remarks>
    /// Written out per width instead of through <see cref="AccumulateDriver"/>: its twenty broadcast parameters must
    /// stay in registers across the loop, which the JIT does not do for four five-field operators (the driver form
    /// measured ~30 % slower in the performance guard; docs/architecture.md §Kernels).
    /// </remarks>
    public static void Run4(in FusedChildren4 c, Weights4 w, Span<double> sum, Span<double> weightSum, KernelPath path)
    {
        int n = sum.Length;
        ThrowHelper.CheckSameLength(n, weightSum.Length, nameof(weightSum));
        ThrowHelper.CheckSameLength(n, c.X0.Length, "x0");
        ThrowHelper.CheckSameLength(n, c.X1.Length, "x1");
        ThrowHelper.CheckSameLength(n, c.X2.Length, "x2");
        ThrowHelper.CheckSameLength(n, c.X3.Length, "x3");
        ThrowHelper.CheckSameLength(n, c.Y0.Length, "y0");
        ThrowHelper.CheckSameLength(n, c.Y1.Length, "y1");
        ThrowHelper.CheckSameLength(n, c.Y2.Length, "y2");
        ThrowHelper.CheckSameLength(n, c.Y3.Length, "y3");
        CheckUnclamped(c.P0, "p0");
        CheckUnclamped(c.P1, "p1");
        CheckUnclamped(c.P2, "p2");
        CheckUnclamped(c.P3, "p3");
        ThrowHelper.CheckPath(path);
        int i = path switch
        {
            KernelPath.V512 => V512x4(c, w, ref MemoryMarshal.GetReference(sum), ref MemoryMarshal.GetReference(weightSum), n),
            KernelPath.V256 => V256x4(c, w, ref MemoryMarshal.GetReference(sum), ref MemoryMarshal.GetReference(weightSum), n),
            KernelPath.V128 => V128x4(c, w, ref MemoryMarshal.GetReference(sum), ref MemoryMarshal.GetReference(weightSum), n),
            _ => 0,
        };
        for (; i < n; i++)
        {
            double s = sum[i], t = weightSum[i];
            c.Y0[i] = Step(ref s, ref t, c.X0[i], c.P0, w.W0);
            c.Y1[i] = Step(ref s, ref t, c.X1[i], c.P1, w.W1);
            c.Y2[i] = Step(ref s, ref t, c.X2[i], c.P2, w.W2);
            c.Y3[i] = Step(ref s, ref t, c.X3[i], c.P3, w.W3);
            sum[i] = s;
            weightSum[i] = t;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Step(ref double s, ref double t, double x, in AffineParameters p, double w)
    {
        double y = (((x - p.Offset) * p.Factor) + p.Shift) * p.Scale;
        bool present = !double.IsNaN(y);
        s += present ? w * y : 0.0;
        t += present ? w : 0.0;
        return y;
    }

    private static void CheckUnclamped(in AffineParameters p, string name)
    {
        if (!Accepts(p))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Parameters '{name}' clamp to [{p.Low}, {p.High}]; the fused kernel takes unclamped parameters only (use AffineTransform and WeightedSum)."), name);
        }
    }

    /// <summary><c>y = ((x − offset) · factor + shift) · scale</c>; where y is present, <c>a += w · y</c>, <c>b += w</c>.</summary>
    private readonly struct Operator(AffineParameters p, double w) : IAccumulateMapOperator
    {
        private readonly double _offset = p.Offset, _factor = p.Factor, _shift = p.Shift, _scale = p.Scale, _w = w;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Invoke(ref double a, ref double b, double x)
        {
            double y = (((x - _offset) * _factor) + _shift) * _scale;
            bool present = !double.IsNaN(y);
            a += present ? _w * y : 0.0;
            b += present ? _w : 0.0;
            return y;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector128<double> Invoke(ref Vector128<double> a, ref Vector128<double> b, Vector128<double> x)
        {
            Vector128<double> y = (((x - Vector128.Create(_offset)) * Vector128.Create(_factor)) + Vector128.Create(_shift)) * Vector128.Create(_scale);
            Vector128<double> present = Vector128.Equals(y, y), w = Vector128.Create(_w);
            a += present & (w * y);
            b += present & w;
            return y;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector256<double> Invoke(ref Vector256<double> a, ref Vector256<double> b, Vector256<double> x)
        {
            Vector256<double> y = (((x - Vector256.Create(_offset)) * Vector256.Create(_factor)) + Vector256.Create(_shift)) * Vector256.Create(_scale);
            Vector256<double> present = Vector256.Equals(y, y), w = Vector256.Create(_w);
            a += present & (w * y);
            b += present & w;
            return y;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector512<double> Invoke(ref Vector512<double> a, ref Vector512<double> b, Vector512<double> x)
        {
            Vector512<double> y = (((x - Vector512.Create(_offset)) * Vector512.Create(_factor)) + Vector512.Create(_shift)) * Vector512.Create(_scale);
            Vector512<double> present = Vector512.Equals(y, y), w = Vector512.Create(_w);
            a += present & (w * y);
            b += present & w;
            return y;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int V512x4(in FusedChildren4 c, Weights4 weights, ref double rs, ref double rw, int n)
    {
        ref double x0 = ref MemoryMarshal.GetReference(c.X0), x1 = ref MemoryMarshal.GetReference(c.X1);
        ref double x2 = ref MemoryMarshal.GetReference(c.X2), x3 = ref MemoryMarshal.GetReference(c.X3);
        ref double y0 = ref MemoryMarshal.GetReference(c.Y0), y1 = ref MemoryMarshal.GetReference(c.Y1);
        ref double y2 = ref MemoryMarshal.GetReference(c.Y2), y3 = ref MemoryMarshal.GetReference(c.Y3);
        Vector512<double> o0 = Vector512.Create(c.P0.Offset), f0 = Vector512.Create(c.P0.Factor), h0 = Vector512.Create(c.P0.Shift), g0 = Vector512.Create(c.P0.Scale);
        Vector512<double> o1 = Vector512.Create(c.P1.Offset), f1 = Vector512.Create(c.P1.Factor), h1 = Vector512.Create(c.P1.Shift), g1 = Vector512.Create(c.P1.Scale);
        Vector512<double> o2 = Vector512.Create(c.P2.Offset), f2 = Vector512.Create(c.P2.Factor), h2 = Vector512.Create(c.P2.Shift), g2 = Vector512.Create(c.P2.Scale);
        Vector512<double> o3 = Vector512.Create(c.P3.Offset), f3 = Vector512.Create(c.P3.Factor), h3 = Vector512.Create(c.P3.Shift), g3 = Vector512.Create(c.P3.Scale);
        Vector512<double> w0 = Vector512.Create(weights.W0), w1 = Vector512.Create(weights.W1), w2 = Vector512.Create(weights.W2), w3 = Vector512.Create(weights.W3);
        int i = 0;
        for (; i <= n - Vector512<double>.Count; i += Vector512<double>.Count)
        {
            nuint k = (nuint)i;
            Vector512<double> s = Vector512.LoadUnsafe(ref rs, k), t = Vector512.LoadUnsafe(ref rw, k);
            Vector512<double> y = (((Vector512.LoadUnsafe(ref x0, k) - o0) * f0) + h0) * g0;
            y.StoreUnsafe(ref y0, k);
            Vector512<double> m = Vector512.Equals(y, y);
            s += m & (w0 * y);
            t += m & w0;
            y = (((Vector512.LoadUnsafe(ref x1, k) - o1) * f1) + h1) * g1;
            y.StoreUnsafe(ref y1, k);
            m = Vector512.Equals(y, y);
            s += m & (w1 * y);
            t += m & w1;
            y = (((Vector512.LoadUnsafe(ref x2, k) - o2) * f2) + h2) * g2;
            y.StoreUnsafe(ref y2, k);
            m = Vector512.Equals(y, y);
            s += m & (w2 * y);
            t += m & w2;
            y = (((Vector512.LoadUnsafe(ref x3, k) - o3) * f3) + h3) * g3;
            y.StoreUnsafe(ref y3, k);
            m = Vector512.Equals(y, y);
            s += m & (w3 * y);
            t += m & w3;
            s.StoreUnsafe(ref rs, k);
            t.StoreUnsafe(ref rw, k);
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int V256x4(in FusedChildren4 c, Weights4 weights, ref double rs, ref double rw, int n)
    {
        ref double x0 = ref MemoryMarshal.GetReference(c.X0), x1 = ref MemoryMarshal.GetReference(c.X1);
        ref double x2 = ref MemoryMarshal.GetReference(c.X2), x3 = ref MemoryMarshal.GetReference(c.X3);
        ref double y0 = ref MemoryMarshal.GetReference(c.Y0), y1 = ref MemoryMarshal.GetReference(c.Y1);
        ref double y2 = ref MemoryMarshal.GetReference(c.Y2), y3 = ref MemoryMarshal.GetReference(c.Y3);
        Vector256<double> o0 = Vector256.Create(c.P0.Offset), f0 = Vector256.Create(c.P0.Factor), h0 = Vector256.Create(c.P0.Shift), g0 = Vector256.Create(c.P0.Scale);
        Vector256<double> o1 = Vector256.Create(c.P1.Offset), f1 = Vector256.Create(c.P1.Factor), h1 = Vector256.Create(c.P1.Shift), g1 = Vector256.Create(c.P1.Scale);
        Vector256<double> o2 = Vector256.Create(c.P2.Offset), f2 = Vector256.Create(c.P2.Factor), h2 = Vector256.Create(c.P2.Shift), g2 = Vector256.Create(c.P2.Scale);
        Vector256<double> o3 = Vector256.Create(c.P3.Offset), f3 = Vector256.Create(c.P3.Factor), h3 = Vector256.Create(c.P3.Shift), g3 = Vector256.Create(c.P3.Scale);
        Vector256<double> w0 = Vector256.Create(weights.W0), w1 = Vector256.Create(weights.W1), w2 = Vector256.Create(weights.W2), w3 = Vector256.Create(weights.W3);
        int i = 0;
        for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
        {
            nuint k = (nuint)i;
            Vector256<double> s = Vector256.LoadUnsafe(ref rs, k), t = Vector256.LoadUnsafe(ref rw, k);
            Vector256<double> y = (((Vector256.LoadUnsafe(ref x0, k) - o0) * f0) + h0) * g0;
            y.StoreUnsafe(ref y0, k);
            Vector256<double> m = Vector256.Equals(y, y);
            s += m & (w0 * y);
            t += m & w0;
            y = (((Vector256.LoadUnsafe(ref x1, k) - o1) * f1) + h1) * g1;
            y.StoreUnsafe(ref y1, k);
            m = Vector256.Equals(y, y);
            s += m & (w1 * y);
            t += m & w1;
            y = (((Vector256.LoadUnsafe(ref x2, k) - o2) * f2) + h2) * g2;
            y.StoreUnsafe(ref y2, k);
            m = Vector256.Equals(y, y);
            s += m & (w2 * y);
            t += m & w2;
            y = (((Vector256.LoadUnsafe(ref x3, k) - o3) * f3) + h3) * g3;
            y.StoreUnsafe(ref y3, k);
            m = Vector256.Equals(y, y);
            s += m & (w3 * y);
            t += m & w3;
            s.StoreUnsafe(ref rs, k);
            t.StoreUnsafe(ref rw, k);
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int V128x4(in FusedChildren4 c, Weights4 weights, ref double rs, ref double rw, int n)
    {
        ref double x0 = ref MemoryMarshal.GetReference(c.X0), x1 = ref MemoryMarshal.GetReference(c.X1);
        ref double x2 = ref MemoryMarshal.GetReference(c.X2), x3 = ref MemoryMarshal.GetReference(c.X3);
        ref double y0 = ref MemoryMarshal.GetReference(c.Y0), y1 = ref MemoryMarshal.GetReference(c.Y1);
        ref double y2 = ref MemoryMarshal.GetReference(c.Y2), y3 = ref MemoryMarshal.GetReference(c.Y3);
        Vector128<double> o0 = Vector128.Create(c.P0.Offset), f0 = Vector128.Create(c.P0.Factor), h0 = Vector128.Create(c.P0.Shift), g0 = Vector128.Create(c.P0.Scale);
        Vector128<double> o1 = Vector128.Create(c.P1.Offset), f1 = Vector128.Create(c.P1.Factor), h1 = Vector128.Create(c.P1.Shift), g1 = Vector128.Create(c.P1.Scale);
        Vector128<double> o2 = Vector128.Create(c.P2.Offset), f2 = Vector128.Create(c.P2.Factor), h2 = Vector128.Create(c.P2.Shift), g2 = Vector128.Create(c.P2.Scale);
        Vector128<double> o3 = Vector128.Create(c.P3.Offset), f3 = Vector128.Create(c.P3.Factor), h3 = Vector128.Create(c.P3.Shift), g3 = Vector128.Create(c.P3.Scale);
        Vector128<double> w0 = Vector128.Create(weights.W0), w1 = Vector128.Create(weights.W1), w2 = Vector128.Create(weights.W2), w3 = Vector128.Create(weights.W3);
        int i = 0;
        for (; i <= n - Vector128<double>.Count; i += Vector128<double>.Count)
        {
            nuint k = (nuint)i;
            Vector128<double> s = Vector128.LoadUnsafe(ref rs, k), t = Vector128.LoadUnsafe(ref rw, k);
            Vector128<double> y = (((Vector128.LoadUnsafe(ref x0, k) - o0) * f0) + h0) * g0;
            y.StoreUnsafe(ref y0, k);
            Vector128<double> m = Vector128.Equals(y, y);
            s += m & (w0 * y);
            t += m & w0;
            y = (((Vector128.LoadUnsafe(ref x1, k) - o1) * f1) + h1) * g1;
            y.StoreUnsafe(ref y1, k);
            m = Vector128.Equals(y, y);
            s += m & (w1 * y);
            t += m & w1;
            y = (((Vector128.LoadUnsafe(ref x2, k) - o2) * f2) + h2) * g2;
            y.StoreUnsafe(ref y2, k);
            m = Vector128.Equals(y, y);
            s += m & (w2 * y);
            t += m & w2;
            y = (((Vector128.LoadUnsafe(ref x3, k) - o3) * f3) + h3) * g3;
            y.StoreUnsafe(ref y3, k);
            m = Vector128.Equals(y, y);
            s += m & (w3 * y);
            t += m & w3;
            s.StoreUnsafe(ref rs, k);
            t.StoreUnsafe(ref rw, k);
        }

        return i;
    }
}

/// <summary>Four children of <see cref="NormaliseAccumulate.Run4"/>: raw columns, unclamped parameters and normalised outputs.</summary>
internal readonly ref struct FusedChildren4(
    ReadOnlySpan<double> x0, ReadOnlySpan<double> x1, ReadOnlySpan<double> x2, ReadOnlySpan<double> x3,
    AffineParameters p0, AffineParameters p1, AffineParameters p2, AffineParameters p3,
    Span<double> y0, Span<double> y1, Span<double> y2, Span<double> y3)
{
    public readonly ReadOnlySpan<double> X0 = x0, X1 = x1, X2 = x2, X3 = x3;
    public readonly AffineParameters P0 = p0, P1 = p1, P2 = p2, P3 = p3;
    public readonly Span<double> Y0 = y0, Y1 = y1, Y2 = y2, Y3 = y3;
}
