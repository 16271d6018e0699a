using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace DxIndicators.Scoring.Kernels;

/// <summary>A reduction step over two accumulators, written once per vector width.</summary>
/// <remarks>
/// Element <c>i</c> always goes to lane <c>i % 32</c>, in increasing <c>i</c>, whatever the width: Vector512 holds
/// the 32 lanes in four registers, Vector256 in eight and Vector128 in sixteen, and the scalar path keeps 32 locals.
/// The lanes are then combined by the caller in a fixed order, so every path gives the same bits.
/// </remarks>
internal interface ILaneReducer
{
    /// <summary>Gets the initial value of accumulator A.</summary>
    double InitA { get; }

    /// <summary>Gets the initial value of accumulator B.</summary>
    double InitB { get; }

    void Step(ref double a, ref double b, double x);

    void Step(ref Vector128<double> a, ref Vector128<double> b, Vector128<double> x);

    void Step(ref Vector256<double> a, ref Vector256<double> b, Vector256<double> x);

    void Step(ref Vector512<double> a, ref Vector512<double> b, Vector512<double> x);
}

/// <summary>Runs an <see cref="ILaneReducer"/> over a span with the fixed 32-lane layout.</summary>
/// <remarks>
/// 32 lanes (not 8) so that the Vector512 path has 4 independent accumulator chains: a compare-and-select minimum
/// is latency-bound with one chain. Vector256 uses 8 registers per accumulator and Vector128 16, the scalar path
/// 32 locals; element <c>i</c> always goes to lane <c>i % 32</c> in increasing <c>i</c>.
/// </remarks>
internal static class LaneReduction
{
    /// <summary>The number of lanes every path emulates.</summary>
    public const int Lanes = 32;

    /// <summary>Reduces <paramref name="x"/> into 32 lanes of A and B on the given path.</summary>
    public static void Run<TOp>(ReadOnlySpan<double> x, KernelPath path, TOp op, Span<double> a32, Span<double> b32)
        where TOp : struct, ILaneReducer
    {
        ThrowHelper.CheckPath(path);
        int n = x.Length;
        int blocks = n / Lanes;
        ref double src = ref MemoryMarshal.GetReference(x);
        switch (path)
        {
            case KernelPath.V512:
                RunV512(ref src, blocks, op, a32, b32);
                break;
            case KernelPath.V256:
                RunV256(ref src, blocks, op, a32, b32);
                break;
            case KernelPath.V128:
                RunV128(ref src, blocks, op, a32, b32);
                break;
            default:
                RunScalar(x, blocks, op, a32, b32);
                break;
        }

        // Scalar tail: element i still goes to lane i % 32.
        for (int i = blocks * Lanes; i < n; i++)
        {
            op.Step(ref a32[i % Lanes], ref b32[i % Lanes], x[i]);
        }
    }

    private static void RunScalar<TOp>(ReadOnlySpan<double> x, int blocks, TOp op, Span<double> a32, Span<double> b32)
        where TOp : struct, ILaneReducer
    {
        for (int j = 0; j < Lanes; j++)
        {
            a32[j] = op.InitA;
            b32[j] = op.InitB;
        }

        for (int k = 0; k < blocks; k++)
        {
            int i = k * Lanes;
            for (int j = 0; j < Lanes; j++)
            {
                op.Step(ref a32[j], ref b32[j], x[i + j]);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RunV512<TOp>(ref double src, int blocks, TOp op, Span<double> a32, Span<double> b32)
        where TOp : struct, ILaneReducer
    {
        Vector512<double> a0 = Vector512.Create(op.InitA), a1 = a0, a2 = a0, a3 = a0;
        Vector512<double> b0 = Vector512.Create(op.InitB), b1 = b0, b2 = b0, b3 = b0;
        for (int k = 0; k < blocks; k++)
        {
            nuint i = (nuint)(k * Lanes);
            op.Step(ref a0, ref b0, Vector512.LoadUnsafe(ref src, i));
            op.Step(ref a1, ref b1, Vector512.LoadUnsafe(ref src, i + 8));
            op.Step(ref a2, ref b2, Vector512.LoadUnsafe(ref src, i + 16));
            op.Step(ref a3, ref b3, Vector512.LoadUnsafe(ref src, i + 24));
        }

        a0.CopyTo(a32);
        a1.CopyTo(a32[8..]);
        a2.CopyTo(a32[16..]);
        a3.CopyTo(a32[24..]);
        b0.CopyTo(b32);
        b1.CopyTo(b32[8..]);
        b2.CopyTo(b32[16..]);
        b3.CopyTo(b32[24..]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RunV256<TOp>(ref double src, int blocks, TOp op, Span<double> a32, Span<double> b32)
        where TOp : struct, ILaneReducer
    {
        const int Count = Lanes / 4;
        Span<Vector256<double>> a = stackalloc Vector256<double>[Count];
        Span<Vector256<double>> b = stackalloc Vector256<double>[Count];
        a.Fill(Vector256.Create(op.InitA));
        b.Fill(Vector256.Create(op.InitB));
        for (int k = 0; k < blocks; k++)
        {
            nuint i = (nuint)(k * Lanes);
            for (int r = 0; r < Count; r++)
            {
                op.Step(ref a[r], ref b[r], Vector256.LoadUnsafe(ref src, i + (nuint)(r * 4)));
            }
        }

        for (int r = 0; r < Count; r++)
        {
            a[r].CopyTo(a32[(r * 4)..]);
            b[r].CopyTo(b32[(r * 4)..]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RunV128<TOp>(ref double src, int blocks, TOp op, Span<double> a32, Span<double> b32)
        where TOp : struct, ILaneReducer
    {
        const int Count = Lanes / 2;
        Span<Vector128<double>> a = stackalloc Vector128<double>[Count];
        Span<Vector128<double>> b = stackalloc Vector128<double>[Count];
        a.Fill(Vector128.Create(op.InitA));
        b.Fill(Vector128.Create(op.InitB));
        for (int k = 0; k < blocks; k++)
        {
            nuint i = (nuint)(k * Lanes);
            for (int r = 0; r < Count; r++)
            {
                op.Step(ref a[r], ref b[r], Vector128.LoadUnsafe(ref src, i + (nuint)(r * 2)));
            }
        }

        for (int r = 0; r < Count; r++)
        {
            a[r].CopyTo(a32[(r * 2)..]);
            b[r].CopyTo(b32[(r * 2)..]);
        }
    }

    /// <summary>Adds the 32 lanes pairwise: (l0+l1), (l2+l3), … then pairs of those, down to one value.</summary>
    public static double SumLanes(ReadOnlySpan<double> lanes)
    {
        Span<double> t = stackalloc double[Lanes];
        lanes[..Lanes].CopyTo(t);
        for (int width = Lanes / 2; width >= 1; width /= 2)
        {
            for (int i = 0; i < width; i++)
            {
                t[i] = t[2 * i] + t[(2 * i) + 1];
            }
        }

        return t[0];
    }
}
