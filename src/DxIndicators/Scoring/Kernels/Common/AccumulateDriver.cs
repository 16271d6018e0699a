using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace DxIndicators.Scoring.Kernels;

/// <summary>An element-wise update of two accumulator columns from one input column, written once per width.</summary>
internal interface IAccumulateOperator
{
    void Invoke(ref double a, ref double b, double x);

    void Invoke(ref Vector128<double> a, ref Vector128<double> b, Vector128<double> x);

    void Invoke(ref Vector256<double> a, ref Vector256<double> b, Vector256<double> x);

    void Invoke(ref Vector512<double> a, ref Vector512<double> b, Vector512<double> x);
}

/// <summary>
/// An element-wise map of one input column whose result is also added into two accumulator columns (normalise and
/// accumulate in one pass): returns the mapped value, which the driver stores, after updating <c>a</c> and <c>b</c>.
/// </summary>
internal interface IAccumulateMapOperator
{
    double Invoke(ref double a, ref double b, double x);

    Vector128<double> Invoke(ref Vector128<double> a, ref Vector128<double> b, Vector128<double> x);

    Vector256<double> Invoke(ref Vector256<double> a, ref Vector256<double> b, Vector256<double> x);

    Vector512<double> Invoke(ref Vector512<double> a, ref Vector512<double> b, Vector512<double> x);
}

/// <summary>Runs an <see cref="IAccumulateOperator"/> over units: <c>(a[i], b[i]) ← op(a[i], b[i], x[i])</c>.</summary>
/// <remarks>
/// Each unit's accumulators are updated independently, so the order of additions per unit is the order in
/// which the caller feeds columns (children outermost), whatever the vector width: every path gives the same bits.
/// </remarks>
internal static partial class AccumulateDriver
{
    public static void Run<TOp>(ReadOnlySpan<double> x, Span<double> a, Span<double> b, TOp op, KernelPath path)
        where TOp : struct, IAccumulateOperator
    {
        ThrowHelper.CheckSameLength(x.Length, a.Length, nameof(a));
        ThrowHelper.CheckSameLength(x.Length, b.Length, nameof(b));
        ThrowHelper.CheckPath(path);
        int n = x.Length;
        ref double src = ref MemoryMarshal.GetReference(x);
        ref double ra = ref MemoryMarshal.GetReference(a);
        ref double rb = ref MemoryMarshal.GetReference(b);
        int i = 0;
        switch (path)
        {
            case KernelPath.V512:
                i = V512(ref src, ref ra, ref rb, n, op);
                break;
            case KernelPath.V256:
                i = V256(ref src, ref ra, ref rb, n, op);
                break;
            case KernelPath.V128:
                i = V128(ref src, ref ra, ref rb, n, op);
                break;
        }

        for (; i < n; i++)
        {
            op.Invoke(ref a[i], ref b[i], x[i]);
        }
    }

    /// <summary>Runs an <see cref="IAccumulateMapOperator"/> over units: <c>y[i] ← op(a[i], b[i], x[i])</c>, updating the accumulators.</summary>
    public static void Run<TOp>(ReadOnlySpan<double> x, Span<double> y, Span<double> a, Span<double> b, TOp op, KernelPath path)
        where TOp : struct, IAccumulateMapOperator
    {
        int n = x.Length;
        ThrowHelper.CheckSameLength(n, y.Length, nameof(y));
        ThrowHelper.CheckSameLength(n, a.Length, nameof(a));
        ThrowHelper.CheckSameLength(n, b.Length, nameof(b));
        ThrowHelper.CheckPath(path);
        ref double src = ref MemoryMarshal.GetReference(x);
        ref double dst = ref MemoryMarshal.GetReference(y);
        ref double ra = ref MemoryMarshal.GetReference(a);
        ref double rb = ref MemoryMarshal.GetReference(b);
        int i = path switch
        {
            KernelPath.V512 => V512(ref src, ref dst, ref ra, ref rb, n, op),
            KernelPath.V256 => V256(ref src, ref dst, ref ra, ref rb, n, op),
            KernelPath.V128 => V128(ref src, ref dst, ref ra, ref rb, n, op),
            _ => 0,
        };
        for (; i < n; i++)
        {
            y[i] = op.Invoke(ref a[i], ref b[i], x[i]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int V512<TOp>(ref double src, ref double ra, ref double rb, int n, TOp op)
        where TOp : struct, IAccumulateOperator
    {
        int i = 0;
        for (; i <= n - Vector512<double>.Count; i += Vector512<double>.Count)
        {
            nuint k = (nuint)i;
            Vector512<double> a = Vector512.LoadUnsafe(ref ra, k);
            Vector512<double> b = Vector512.LoadUnsafe(ref rb, k);
            op.Invoke(ref a, ref b, Vector512.LoadUnsafe(ref src, k));
            a.StoreUnsafe(ref ra, k);
            b.StoreUnsafe(ref rb, k);
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int V256<TOp>(ref double src, ref double ra, ref double rb, int n, TOp op)
        where TOp : struct, IAccumulateOperator
    {
        int i = 0;
        for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
        {
            nuint k = (nuint)i;
            Vector256<double> a = Vector256.LoadUnsafe(ref ra, k);
            Vector256<double> b = Vector256.LoadUnsafe(ref rb, k);
            op.Invoke(ref a, ref b, Vector256.LoadUnsafe(ref src, k));
            a.StoreUnsafe(ref ra, k);
            b.StoreUnsafe(ref rb, k);
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int V128<TOp>(ref double src, ref double ra, ref double rb, int n, TOp op)
        where TOp : struct, IAccumulateOperator
    {
        int i = 0;
        for (; i <= n - Vector128<double>.Count; i += Vector128<double>.Count)
        {
            nuint k = (nuint)i;
            Vector128<double> a = Vector128.LoadUnsafe(ref ra, k);
            Vector128<double> b = Vector128.LoadUnsafe(ref rb, k);
            op.Invoke(ref a, ref b, Vector128.LoadUnsafe(ref src, k));
            a.StoreUnsafe(ref ra, k);
            b.StoreUnsafe(ref rb, k);
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int V512<TOp>(ref double src, ref double dst, ref double ra, ref double rb, int n, TOp op)
        where TOp : struct, IAccumulateMapOperator
    {
        int i = 0;
        for (; i <= n - Vector512<double>.Count; i += Vector512<double>.Count)
        {
            nuint k = (nuint)i;
            Vector512<double> a = Vector512.LoadUnsafe(ref ra, k);
            Vector512<double> b = Vector512.LoadUnsafe(ref rb, k);
            op.Invoke(ref a, ref b, Vector512.LoadUnsafe(ref src, k)).StoreUnsafe(ref dst, k);
            a.StoreUnsafe(ref ra, k);
            b.StoreUnsafe(ref rb, k);
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int V256<TOp>(ref double src, ref double dst, ref double ra, ref double rb, int n, TOp op)
        where TOp : struct, IAccumulateMapOperator
    {
        int i = 0;
        for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
        {
            nuint k = (nuint)i;
            Vector256<double> a = Vector256.LoadUnsafe(ref ra, k);
            Vector256<double> b = Vector256.LoadUnsafe(ref rb, k);
            op.Invoke(ref a, ref b, Vector256.LoadUnsafe(ref src, k)).StoreUnsafe(ref dst, k);
            a.StoreUnsafe(ref ra, k);
            b.StoreUnsafe(ref rb, k);
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int V128<TOp>(ref double src, ref double dst, ref double ra, ref double rb, int n, TOp op)
        where TOp : struct, IAccumulateMapOperator
    {
        int i = 0;
        for (; i <= n - Vector128<double>.Count; i += Vector128<double>.Count)
        {
            nuint k = (nuint)i;
            Vector128<double> a = Vector128.LoadUnsafe(ref ra, k);
            Vector128<double> b = Vector128.LoadUnsafe(ref rb, k);
            op.Invoke(ref a, ref b, Vector128.LoadUnsafe(ref src, k)).StoreUnsafe(ref dst, k);
            a.StoreUnsafe(ref ra, k);
            b.StoreUnsafe(ref rb, k);
        }

        return i;
    }
}
