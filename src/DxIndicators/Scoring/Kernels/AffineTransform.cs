using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace DxIndicators.Scoring.Kernels;

/// <summary>
/// Computes <c>destination[i] = clamp((x[i] − offset) · factor + shift, low, high) · scale</c>, the shared shape of
/// min-max, z-score, goalposts, distance-to-target/max/reference and fraction-of-max normalisation.
/// </summary>
/// <remarks>
/// NaN stays NaN (no comparison with NaN is true, so the clamp keeps it). No fused multiply-add is used, so every
/// path rounds the same way and gives the same bits. <c>low = −∞</c>, <c>high = +∞</c> disables the clamp.
/// In-place use (<c>destination</c> = <c>x</c>) is allowed; partial overlap is not.
/// </remarks>
internal static class AffineTransform
{
    /// <summary>Applies the transform on the widest supported path.</summary>
    public static void Apply(ReadOnlySpan<double> x, in AffineParameters p, Span<double> destination) =>
        Apply(x, p, destination, KernelPaths.Best(x.Length));

    /// <summary>Applies the transform on a given path.</summary>
    public static void Apply(ReadOnlySpan<double> x, in AffineParameters p, Span<double> destination, KernelPath path)
    {
        ThrowHelper.CheckDestination(x, destination, nameof(destination));
        ThrowHelper.CheckPath(path);
        int n = x.Length;
        ref double src = ref MemoryMarshal.GetReference(x);
        ref double dst = ref MemoryMarshal.GetReference(destination);
        int done = path switch
        {
            KernelPath.V512 => V512(ref src, ref dst, n, p),
            KernelPath.V256 => V256(ref src, ref dst, n, p),
            KernelPath.V128 => V128(ref src, ref dst, n, p),
            _ => 0,
        };
        for (int i = done; i < n; i++)
        {
            destination[i] = Scalar(x[i], p);
        }
    }

    /// <summary>Transforms one value exactly as the vector paths do.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Scalar(double x, in AffineParameters p)
    {
        double y = ((x - p.Offset) * p.Factor) + p.Shift;
        y = y < p.Low ? p.Low : y;
        y = y > p.High ? p.High : y;
        return y * p.Scale;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int V512(ref double src, ref double dst, int n, AffineParameters p)
    {
        Vector512<double> o = Vector512.Create(p.Offset), f = Vector512.Create(p.Factor), s = Vector512.Create(p.Shift);
        Vector512<double> lo = Vector512.Create(p.Low), hi = Vector512.Create(p.High), g = Vector512.Create(p.Scale);
        int i = 0;
        for (; i <= n - Vector512<double>.Count; i += Vector512<double>.Count)
        {
            Vector512<double> y = ((Vector512.LoadUnsafe(ref src, (nuint)i) - o) * f) + s;
            y = Vector512.ConditionalSelect(Vector512.LessThan(y, lo), lo, y);
            y = Vector512.ConditionalSelect(Vector512.GreaterThan(y, hi), hi, y);
            (y * g).StoreUnsafe(ref dst, (nuint)i);
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int V256(ref double src, ref double dst, int n, AffineParameters p)
    {
        Vector256<double> o = Vector256.Create(p.Offset), f = Vector256.Create(p.Factor), s = Vector256.Create(p.Shift);
        Vector256<double> lo = Vector256.Create(p.Low), hi = Vector256.Create(p.High), g = Vector256.Create(p.Scale);
        int i = 0;
        for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
        {
            Vector256<double> y = ((Vector256.LoadUnsafe(ref src, (nuint)i) - o) * f) + s;
            y = Vector256.ConditionalSelect(Vector256.LessThan(y, lo), lo, y);
            y = Vector256.ConditionalSelect(Vector256.GreaterThan(y, hi), hi, y);
            (y * g).StoreUnsafe(ref dst, (nuint)i);
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int V128(ref double src, ref double dst, int n, AffineParameters p)
    {
        Vector128<double> o = Vector128.Create(p.Offset), f = Vector128.Create(p.Factor), s = Vector128.Create(p.Shift);
        Vector128<double> lo = Vector128.Create(p.Low), hi = Vector128.Create(p.High), g = Vector128.Create(p.Scale);
        int i = 0;
        for (; i <= n - Vector128<double>.Count; i += Vector128<double>.Count)
        {
            Vector128<double> y = ((Vector128.LoadUnsafe(ref src, (nuint)i) - o) * f) + s;
            y = Vector128.ConditionalSelect(Vector128.LessThan(y, lo), lo, y);
            y = Vector128.ConditionalSelect(Vector128.GreaterThan(y, hi), hi, y);
            (y * g).StoreUnsafe(ref dst, (nuint)i);
        }

        return i;
    }
}

/// <summary>Parameters of <see cref="AffineTransform"/>: <c>clamp((x − Offset) · Factor + Shift, Low, High) · Scale</c>.</summary>
internal readonly record struct AffineParameters(double Offset, double Factor, double Shift, double Low, double High, double Scale)
{
    /// <summary>Creates parameters without a clamp and with scale 1.</summary>
    public static AffineParameters Unclamped(double offset, double factor, double shift) =>
        new(offset, factor, shift, double.NegativeInfinity, double.PositiveInfinity, 1.0);
}
