using System.Runtime.CompilerServices;
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
    public static void Apply(ReadOnlySpan<double> x, in AffineParameters p, Span<double> destination, KernelPath path) =>
        MapDriver.Run(x, destination, new Operator(p), path);

    /// <summary>Transforms one value exactly as the vector paths do.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Scalar(double x, in AffineParameters p)
    {
        double y = ((x - p.Offset) * p.Factor) + p.Shift;
        y = y < p.Low ? p.Low : y;
        y = y > p.High ? p.High : y;
        return y * p.Scale;
    }

    private readonly struct Operator(AffineParameters p) : IUnaryOperator
    {
        private readonly AffineParameters _p = p;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Invoke(double x) => Scalar(x, _p);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector128<double> Invoke(Vector128<double> x)
        {
            Vector128<double> lo = Vector128.Create(_p.Low), hi = Vector128.Create(_p.High);
            Vector128<double> y = ((x - Vector128.Create(_p.Offset)) * Vector128.Create(_p.Factor)) + Vector128.Create(_p.Shift);
            y = Vector128.ConditionalSelect(Vector128.LessThan(y, lo), lo, y);
            y = Vector128.ConditionalSelect(Vector128.GreaterThan(y, hi), hi, y);
            return y * Vector128.Create(_p.Scale);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector256<double> Invoke(Vector256<double> x)
        {
            Vector256<double> lo = Vector256.Create(_p.Low), hi = Vector256.Create(_p.High);
            Vector256<double> y = ((x - Vector256.Create(_p.Offset)) * Vector256.Create(_p.Factor)) + Vector256.Create(_p.Shift);
            y = Vector256.ConditionalSelect(Vector256.LessThan(y, lo), lo, y);
            y = Vector256.ConditionalSelect(Vector256.GreaterThan(y, hi), hi, y);
            return y * Vector256.Create(_p.Scale);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector512<double> Invoke(Vector512<double> x)
        {
            Vector512<double> lo = Vector512.Create(_p.Low), hi = Vector512.Create(_p.High);
            Vector512<double> y = ((x - Vector512.Create(_p.Offset)) * Vector512.Create(_p.Factor)) + Vector512.Create(_p.Shift);
            y = Vector512.ConditionalSelect(Vector512.LessThan(y, lo), lo, y);
            y = Vector512.ConditionalSelect(Vector512.GreaterThan(y, hi), hi, y);
            return y * Vector512.Create(_p.Scale);
        }
    }
}

/// <summary>Parameters of <see cref="AffineTransform"/>: <c>clamp((x − Offset) · Factor + Shift, Low, High) · Scale</c>.</summary>
internal readonly record struct AffineParameters(double Offset, double Factor, double Shift, double Low, double High, double Scale)
{
    /// <summary>Creates parameters without a clamp and with scale 1.</summary>
    public static AffineParameters Unclamped(double offset, double factor, double shift) =>
        new(offset, factor, shift, double.NegativeInfinity, double.PositiveInfinity, 1.0);
}
