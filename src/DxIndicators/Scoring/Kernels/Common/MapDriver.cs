using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace DxIndicators.Scoring.Kernels;

/// <summary>An element-wise function of one column, written once per width.</summary>
internal interface IUnaryOperator
{
    double Invoke(double x);

    Vector128<double> Invoke(Vector128<double> x);

    Vector256<double> Invoke(Vector256<double> x);

    Vector512<double> Invoke(Vector512<double> x);
}

/// <summary>An element-wise function of two columns, written once per width.</summary>
internal interface IBinaryOperator
{
    double Invoke(double x, double y);

    Vector128<double> Invoke(Vector128<double> x, Vector128<double> y);

    Vector256<double> Invoke(Vector256<double> x, Vector256<double> y);

    Vector512<double> Invoke(Vector512<double> x, Vector512<double> y);
}

/// <summary>
/// Runs an element-wise operator over columns: <c>destination[i] = op(x[i])</c> or <c>op(x[i], y[i])</c>, on the
/// widest blocks the path allows and then one element at a time; the operator states only what one element (or one
/// vector of elements) becomes.
/// </summary>
/// <remarks>
/// Each element depends on its own inputs only, so as long as the operator's vector and scalar forms round the same
/// way (no fused multiply-add on one side only), every path gives the same bits. <c>destination</c> may be an input
/// (in place); a partial overlap is refused. The reductions' counterpart is <see cref="AccumulateDriver"/>.
/// </remarks>
internal static class MapDriver
{
    /// <summary>Maps one column.</summary>
    public static void Run<TOp>(ReadOnlySpan<double> x, Span<double> destination, TOp op, KernelPath path)
        where TOp : struct, IUnaryOperator
    {
        ThrowHelper.CheckDestination(x, destination, nameof(destination));
        ThrowHelper.CheckPath(path);
        int n = x.Length;
        ref double src = ref MemoryMarshal.GetReference(x);
        ref double dst = ref MemoryMarshal.GetReference(destination);
        int i = path switch
        {
            KernelPath.V512 => V512(ref src, ref dst, n, op),
            KernelPath.V256 => V256(ref src, ref dst, n, op),
            KernelPath.V128 => V128(ref src, ref dst, n, op),
            _ => 0,
        };
        for (; i < n; i++)
        {
            destination[i] = op.Invoke(x[i]);
        }
    }

    /// <summary>Maps two columns of equal length.</summary>
    public static void Run<TOp>(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> destination, TOp op, KernelPath path)
        where TOp : struct, IBinaryOperator
    {
        ThrowHelper.CheckSameLength(x.Length, y.Length, nameof(y));
        ThrowHelper.CheckDestination(x, destination, nameof(destination));
        ThrowHelper.CheckDestination(y, destination, nameof(destination));
        ThrowHelper.CheckPath(path);
        int n = x.Length;
        ref double rx = ref MemoryMarshal.GetReference(x);
        ref double ry = ref MemoryMarshal.GetReference(y);
        ref double dst = ref MemoryMarshal.GetReference(destination);
        int i = path switch
        {
            KernelPath.V512 => V512(ref rx, ref ry, ref dst, n, op),
            KernelPath.V256 => V256(ref rx, ref ry, ref dst, n, op),
            KernelPath.V128 => V128(ref rx, ref ry, ref dst, n, op),
            _ => 0,
        };
        for (; i < n; i++)
        {
            destination[i] = op.Invoke(x[i], y[i]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int V512<TOp>(ref double src, ref double dst, int n, TOp op)
        where TOp : struct, IUnaryOperator
    {
        int i = 0;
        for (; i <= n - Vector512<double>.Count; i += Vector512<double>.Count)
        {
            op.Invoke(Vector512.LoadUnsafe(ref src, (nuint)i)).StoreUnsafe(ref dst, (nuint)i);
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int V256<TOp>(ref double src, ref double dst, int n, TOp op)
        where TOp : struct, IUnaryOperator
    {
        int i = 0;
        for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
        {
            op.Invoke(Vector256.LoadUnsafe(ref src, (nuint)i)).StoreUnsafe(ref dst, (nuint)i);
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int V128<TOp>(ref double src, ref double dst, int n, TOp op)
        where TOp : struct, IUnaryOperator
    {
        int i = 0;
        for (; i <= n - Vector128<double>.Count; i += Vector128<double>.Count)
        {
            op.Invoke(Vector128.LoadUnsafe(ref src, (nuint)i)).StoreUnsafe(ref dst, (nuint)i);
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int V512<TOp>(ref double rx, ref double ry, ref double dst, int n, TOp op)
        where TOp : struct, IBinaryOperator
    {
        int i = 0;
        for (; i <= n - Vector512<double>.Count; i += Vector512<double>.Count)
        {
            op.Invoke(Vector512.LoadUnsafe(ref rx, (nuint)i), Vector512.LoadUnsafe(ref ry, (nuint)i)).StoreUnsafe(ref dst, (nuint)i);
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int V256<TOp>(ref double rx, ref double ry, ref double dst, int n, TOp op)
        where TOp : struct, IBinaryOperator
    {
        int i = 0;
        for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
        {
            op.Invoke(Vector256.LoadUnsafe(ref rx, (nuint)i), Vector256.LoadUnsafe(ref ry, (nuint)i)).StoreUnsafe(ref dst, (nuint)i);
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int V128<TOp>(ref double rx, ref double ry, ref double dst, int n, TOp op)
        where TOp : struct, IBinaryOperator
    {
        int i = 0;
        for (; i <= n - Vector128<double>.Count; i += Vector128<double>.Count)
        {
            op.Invoke(Vector128.LoadUnsafe(ref rx, (nuint)i), Vector128.LoadUnsafe(ref ry, (nuint)i)).StoreUnsafe(ref dst, (nuint)i);
        }

        return i;
    }
}
