using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace DxIndicators.Scoring.Kernels;

/// <summary>Finishes a node: <c>destination[i] = numerator[i] / denominator[i]</c> (0/0 gives NaN: no child present).</summary>
internal static class Quotient
{
    /// <summary>Divides on the widest supported path.</summary>
    public static void Divide(ReadOnlySpan<double> numerator, ReadOnlySpan<double> denominator, Span<double> destination) =>
        Divide(numerator, denominator, destination, KernelPaths.Best(numerator.Length));

    /// <summary>Divides on a given path; <paramref name="destination"/> may be <paramref name="numerator"/> (in place).</summary>
    public static void Divide(ReadOnlySpan<double> numerator, ReadOnlySpan<double> denominator, Span<double> destination, KernelPath path)
    {
        ThrowHelper.CheckSameLength(numerator.Length, denominator.Length, nameof(denominator));
        ThrowHelper.CheckDestination(numerator, destination, nameof(destination));
        ThrowHelper.CheckDestination(denominator, destination, nameof(destination));
        ThrowHelper.CheckPath(path);
        int n = numerator.Length;
        ref double rn = ref MemoryMarshal.GetReference(numerator);
        ref double rd = ref MemoryMarshal.GetReference(denominator);
        ref double dst = ref MemoryMarshal.GetReference(destination);
        int i = path switch
        {
            KernelPath.V512 => V512(ref rn, ref rd, ref dst, n),
            KernelPath.V256 => V256(ref rn, ref rd, ref dst, n),
            KernelPath.V128 => V128(ref rn, ref rd, ref dst, n),
            _ => 0,
        };
        for (; i < n; i++)
        {
            destination[i] = numerator[i] / denominator[i];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int V512(ref double rn, ref double rd, ref double dst, int n)
    {
        int i = 0;
        for (; i <= n - Vector512<double>.Count; i += Vector512<double>.Count)
        {
            (Vector512.LoadUnsafe(ref rn, (nuint)i) / Vector512.LoadUnsafe(ref rd, (nuint)i)).StoreUnsafe(ref dst, (nuint)i);
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int V256(ref double rn, ref double rd, ref double dst, int n)
    {
        int i = 0;
        for (; i <= n - Vector256<double>.Count; i += Vector256<double>.Count)
        {
            (Vector256.LoadUnsafe(ref rn, (nuint)i) / Vector256.LoadUnsafe(ref rd, (nuint)i)).StoreUnsafe(ref dst, (nuint)i);
        }

        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int V128(ref double rn, ref double rd, ref double dst, int n)
    {
        int i = 0;
        for (; i <= n - Vector128<double>.Count; i += Vector128<double>.Count)
        {
            (Vector128.LoadUnsafe(ref rn, (nuint)i) / Vector128.LoadUnsafe(ref rd, (nuint)i)).StoreUnsafe(ref dst, (nuint)i);
        }

        return i;
    }
}
