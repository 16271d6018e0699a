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
    public static void Run4(in FusedChildren4 c, Weights4 w, Span<double> sum, Span<double> weightSum, KernelPath path)
    {
        CheckUnclamped(c.P0, "p0");
        CheckUnclamped(c.P1, "p1");
        CheckUnclamped(c.P2, "p2");
        CheckUnclamped(c.P3, "p3");
        AccumulateDriver.Run4(
            new Columns4(c.X0, c.X1, c.X2, c.X3), new Outputs4(c.Y0, c.Y1, c.Y2, c.Y3), sum, weightSum,
            new Operator(c.P0, w.W0), new Operator(c.P1, w.W1), new Operator(c.P2, w.W2), new Operator(c.P3, w.W3),
            path);
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

        public double Invoke(ref double a, ref double b, double x)
        {
            double y = (((x - _offset) * _factor) + _shift) * _scale;
            bool present = !double.IsNaN(y);
            a += present ? _w * y : 0.0;
            b += present ? _w : 0.0;
            return y;
        }

        public Vector128<double> Invoke(ref Vector128<double> a, ref Vector128<double> b, Vector128<double> x)
        {
            Vector128<double> y = (((x - Vector128.Create(_offset)) * Vector128.Create(_factor)) + Vector128.Create(_shift)) * Vector128.Create(_scale);
            Vector128<double> present = Vector128.Equals(y, y), w = Vector128.Create(_w);
            a += present & (w * y);
            b += present & w;
            return y;
        }

        public Vector256<double> Invoke(ref Vector256<double> a, ref Vector256<double> b, Vector256<double> x)
        {
            Vector256<double> y = (((x - Vector256.Create(_offset)) * Vector256.Create(_factor)) + Vector256.Create(_shift)) * Vector256.Create(_scale);
            Vector256<double> present = Vector256.Equals(y, y), w = Vector256.Create(_w);
            a += present & (w * y);
            b += present & w;
            return y;
        }

        public Vector512<double> Invoke(ref Vector512<double> a, ref Vector512<double> b, Vector512<double> x)
        {
            Vector512<double> y = (((x - Vector512.Create(_offset)) * Vector512.Create(_factor)) + Vector512.Create(_shift)) * Vector512.Create(_scale);
            Vector512<double> present = Vector512.Equals(y, y), w = Vector512.Create(_w);
            a += present & (w * y);
            b += present & w;
            return y;
        }
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
