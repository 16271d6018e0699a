using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace DxIndicators.Scoring.Kernels;

/// <summary>A reduction step over two accumulators, written once per vector width.</summary>
/// <remarks>
/// Element <c>i</c> always goes to lane <c>i % 8</c>, in increasing <c>i</c>, whatever the width: Vector512 holds
/// the 8 lanes in one register, Vector256 in two and Vector128 in four, and the scalar path keeps 8 locals.
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

/// <summary>Runs an <see cref="ILaneReducer"/> over a span with the fixed 8-lane layout.</summary>
internal static class LaneReduction
{
    /// <summary>The number of lanes every path emulates.</summary>
    public const int Lanes = 8;

    /// <summary>Reduces <paramref name="x"/> into 8 lanes of A and B on the given path.</summary>
    public static void Run<TOp>(ReadOnlySpan<double> x, KernelPath path, TOp op, Span<double> a8, Span<double> b8)
        where TOp : struct, ILaneReducer
    {
        ThrowHelper.CheckPath(path);
        int n = x.Length;
        int blocks = n / Lanes;
        ref double src = ref MemoryMarshal.GetReference(x);
        switch (path)
        {
            case KernelPath.V512:
                RunV512(ref src, blocks, op, a8, b8);
                break;
            case KernelPath.V256:
                RunV256(ref src, blocks, op, a8, b8);
                break;
            case KernelPath.V128:
                RunV128(ref src, blocks, op, a8, b8);
                break;
            default:
                RunScalar(x, blocks, op, a8, b8);
                break;
        }

        // Scalar tail: element i still goes to lane i % 8.
        for (int i = blocks * Lanes; i < n; i++)
        {
            op.Step(ref a8[i % Lanes], ref b8[i % Lanes], x[i]);
        }
    }

    private static void RunScalar<TOp>(ReadOnlySpan<double> x, int blocks, TOp op, Span<double> a8, Span<double> b8)
        where TOp : struct, ILaneReducer
    {
        for (int j = 0; j < Lanes; j++)
        {
            a8[j] = op.InitA;
            b8[j] = op.InitB;
        }

        for (int k = 0; k < blocks; k++)
        {
            int i = k * Lanes;
            for (int j = 0; j < Lanes; j++)
            {
                op.Step(ref a8[j], ref b8[j], x[i + j]);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RunV512<TOp>(ref double src, int blocks, TOp op, Span<double> a8, Span<double> b8)
        where TOp : struct, ILaneReducer
    {
        Vector512<double> a = Vector512.Create(op.InitA);
        Vector512<double> b = Vector512.Create(op.InitB);
        for (int k = 0; k < blocks; k++)
        {
            op.Step(ref a, ref b, Vector512.LoadUnsafe(ref src, (nuint)(k * Lanes)));
        }

        a.CopyTo(a8);
        b.CopyTo(b8);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RunV256<TOp>(ref double src, int blocks, TOp op, Span<double> a8, Span<double> b8)
        where TOp : struct, ILaneReducer
    {
        Vector256<double> a0 = Vector256.Create(op.InitA), a1 = a0;
        Vector256<double> b0 = Vector256.Create(op.InitB), b1 = b0;
        for (int k = 0; k < blocks; k++)
        {
            nuint i = (nuint)(k * Lanes);
            op.Step(ref a0, ref b0, Vector256.LoadUnsafe(ref src, i));
            op.Step(ref a1, ref b1, Vector256.LoadUnsafe(ref src, i + 4));
        }

        a0.CopyTo(a8);
        a1.CopyTo(a8[4..]);
        b0.CopyTo(b8);
        b1.CopyTo(b8[4..]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RunV128<TOp>(ref double src, int blocks, TOp op, Span<double> a8, Span<double> b8)
        where TOp : struct, ILaneReducer
    {
        Vector128<double> a0 = Vector128.Create(op.InitA), a1 = a0, a2 = a0, a3 = a0;
        Vector128<double> b0 = Vector128.Create(op.InitB), b1 = b0, b2 = b0, b3 = b0;
        for (int k = 0; k < blocks; k++)
        {
            nuint i = (nuint)(k * Lanes);
            op.Step(ref a0, ref b0, Vector128.LoadUnsafe(ref src, i));
            op.Step(ref a1, ref b1, Vector128.LoadUnsafe(ref src, i + 2));
            op.Step(ref a2, ref b2, Vector128.LoadUnsafe(ref src, i + 4));
            op.Step(ref a3, ref b3, Vector128.LoadUnsafe(ref src, i + 6));
        }

        a0.CopyTo(a8);
        a1.CopyTo(a8[2..]);
        a2.CopyTo(a8[4..]);
        a3.CopyTo(a8[6..]);
        b0.CopyTo(b8);
        b1.CopyTo(b8[2..]);
        b2.CopyTo(b8[4..]);
        b3.CopyTo(b8[6..]);
    }

    /// <summary>Adds 8 lanes in the fixed pairwise order ((0+1)+(2+3))+((4+5)+(6+7)).</summary>
    public static double SumLanes(ReadOnlySpan<double> l) => ((l[0] + l[1]) + (l[2] + l[3])) + ((l[4] + l[5]) + (l[6] + l[7]));
}
