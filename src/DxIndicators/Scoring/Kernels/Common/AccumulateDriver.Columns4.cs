using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace DxIndicators.Scoring.Kernels;

/// <summary>Four input columns of equal length (the children of a node fed four at a time).</summary>
internal readonly ref struct Columns4(ReadOnlySpan<double> x0, ReadOnlySpan<double> x1, ReadOnlySpan<double> x2, ReadOnlySpan<double> x3)
{
    public readonly ReadOnlySpan<double> X0 = x0, X1 = x1, X2 = x2, X3 = x3;
}

/// <summary>The four-column forms: column c goes through its own operator, c = 0..3 in order, per unit.</summary>
/// <remarks>
/// Same bits as four one-column runs in the same order (each unit's accumulators see the same additions in the same
/// order); the accumulators are loaded and stored once instead of four times.
/// </remarks>
internal static partial class AccumulateDriver
{
    /// <summary>Runs four accumulate operators over four columns.</summary>
    public static void Run4<TOp>(in Columns4 x, Span<double> a, Span<double> b, TOp op0, TOp op1, TOp op2, TOp op3, KernelPath path)
        where TOp : struct, IAccumulateOperator
    {
        int n = x.X0.Length;
        CheckColumns(x, n);
        ThrowHelper.CheckSameLength(n, a.Length, nameof(a));
        ThrowHelper.CheckSameLength(n, b.Length, nameof(b));
        ThrowHelper.CheckPath(path);
        ref double ra = ref MemoryMarshal.GetReference(a);
        ref double rb = ref MemoryMarshal.GetReference(b);
                int i = path switch
        {
            KernelPath.V512 => V512x4(x, ref ra, ref rb, n, op0, op1, op2, op3),
            KernelPath.V256 => V256x4(x, ref ra, ref rb, n, op0, op1, op2, op3),
            KernelPath.V128 => V128x4(x, ref ra, ref rb, n, op0, op1, op2, op3),
            _ => 0,
        };
        for (; i < n; i++)
        {
            double s = a[i], t = b[i];
            op0.Invoke(ref s, ref t, x.X0[i]);
            op1.Invoke(ref s, ref t, x.X1[i]);
            op2.Invoke(ref s, ref t, x.X2[i]);
            op3.Invoke(ref s, ref t, x.X3[i]);
            a[i] = s;
            b[i] = t;
        }
    }

    private static void CheckColumns(in Columns4 x, int n)
    {
        ThrowHelper.CheckSameLength(n, x.X1.Length, "x1");
        ThrowHelper.CheckSameLength(n, x.X2.Length, "x2");
        ThrowHelper.CheckSameLength(n, x.X3.Length, "x3");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int V512x4<TOp>(in Columns4 x, ref double ra, ref double rb, int n, TOp op0, TOp op1, TOp op2, TOp op3)
        where TOp : struct, IAccumulateOperator
    {
        ref double r0 = ref MemoryMarshal.GetReference(x.X0), r1 = ref MemoryMarshal.GetReference(x.X1);
        ref double r2 = ref MemoryMarshal.GetReference(x.X2), r3 = ref MemoryMarshal.GetReference(x.X3);
        int i = 0;
        for (; i <= n - Vector512<double>.Count; i += Vector512<double>.Count)
        {
            nuint k = (nuint)i;
            Vector512<double> s = Vector512.LoadUnsafe(ref ra, k), t = Vector512.LoadUnsafe(ref rb, k);
            op0.Invoke(ref s, ref t, Vector512.LoadUnsafe(ref r0, k));
            op1.Invoke(ref s, ref t, Vector512.LoadUnsafe(ref r1, k));
            op2.Invoke(ref s, ref t, Vector512.LoadUnsafe(ref r2, k));
            op3.Invoke(ref s, ref t, Vector512.LoadUnsafe(ref r3, k));
            s.StoreUnsafe(ref ra, k);
            t.StoreUnsafe(ref rb, k);
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int V256x4<TOp>(in Columns4 x, ref double ra, ref double rb, int n, TOp op0, TOp op1, TOp op2, TOp op3)
        where TOp : struct, IAccumulateOperator
    {
        ref double r0 = ref MemoryMarshal.GetReference(x.X0), r1 = ref MemoryMarshal.GetReference(x.X1);
        ref double r2 = ref MemoryMarshal.GetReference(x.X2), r3 = ref MemoryMarshal.GetReference(x.X3);
        int i = 0;
        for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
        {
            nuint k = (nuint)i;
            Vector256<double> s = Vector256.LoadUnsafe(ref ra, k), t = Vector256.LoadUnsafe(ref rb, k);
            op0.Invoke(ref s, ref t, Vector256.LoadUnsafe(ref r0, k));
            op1.Invoke(ref s, ref t, Vector256.LoadUnsafe(ref r1, k));
            op2.Invoke(ref s, ref t, Vector256.LoadUnsafe(ref r2, k));
            op3.Invoke(ref s, ref t, Vector256.LoadUnsafe(ref r3, k));
            s.StoreUnsafe(ref ra, k);
            t.StoreUnsafe(ref rb, k);
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int V128x4<TOp>(in Columns4 x, ref double ra, ref double rb, int n, TOp op0, TOp op1, TOp op2, TOp op3)
        where TOp : struct, IAccumulateOperator
    {
        ref double r0 = ref MemoryMarshal.GetReference(x.X0), r1 = ref MemoryMarshal.GetReference(x.X1);
        ref double r2 = ref MemoryMarshal.GetReference(x.X2), r3 = ref MemoryMarshal.GetReference(x.X3);
        int i = 0;
        for (; i <= n - Vector128<double>.Count; i += Vector128<double>.Count)
        {
            nuint k = (nuint)i;
            Vector128<double> s = Vector128.LoadUnsafe(ref ra, k), t = Vector128.LoadUnsafe(ref rb, k);
            op0.Invoke(ref s, ref t, Vector128.LoadUnsafe(ref r0, k));
            op1.Invoke(ref s, ref t, Vector128.LoadUnsafe(ref r1, k));
            op2.Invoke(ref s, ref t, Vector128.LoadUnsafe(ref r2, k));
            op3.Invoke(ref s, ref t, Vector128.LoadUnsafe(ref r3, k));
            s.StoreUnsafe(ref ra, k);
            t.StoreUnsafe(ref rb, k);
        }

        return i;
    }

}
