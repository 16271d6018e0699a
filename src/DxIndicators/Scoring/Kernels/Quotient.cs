using System.Runtime.CompilerServices;
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
        MapDriver.Run(numerator, denominator, destination, default(Operator), path);
    }

    private readonly struct Operator : IBinaryOperator
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Invoke(double x, double y) => x / y;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector128<double> Invoke(Vector128<double> x, Vector128<double> y) => x / y;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector256<double> Invoke(Vector256<double> x, Vector256<double> y) => x / y;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Vector512<double> Invoke(Vector512<double> x, Vector512<double> y) => x / y;
    }
}
