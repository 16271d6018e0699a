namespace DxIndicators.Scoring.Kernels;

/// <summary>
/// Adds four child columns into a node's weighted sums in one pass: for c = 0..3 in order, where <c>x_c[i]</c> is present,
/// <c>sum[i] += w_c · x_c[i]</c> and <c>weightSum[i] += w_c</c>.
/// </summary>
/// <remarks>
/// Gives the same bits as four <see cref="WeightedSum"/> calls in the same order (each unit's additions keep the child
/// order); it only loads and stores the accumulators once instead of four times.
/// </remarks>
internal static class WeightedSum4
{
    /// <summary>Accumulates on the widest supported path.</summary>
    public static void Accumulate(ReadOnlySpan<double> x0, ReadOnlySpan<double> x1, ReadOnlySpan<double> x2, ReadOnlySpan<double> x3, Weights4 w, Span<double> sum, Span<double> weightSum) =>
        Accumulate(x0, x1, x2, x3, w, sum, weightSum, KernelPaths.Best(x0.Length));

    /// <summary>Accumulates on a given path.</summary>
    public static void Accumulate(ReadOnlySpan<double> x0, ReadOnlySpan<double> x1, ReadOnlySpan<double> x2, ReadOnlySpan<double> x3, Weights4 w, Span<double> sum, Span<double> weightSum, KernelPath path)
    {
        ThrowHelper.CheckSameLength(x0.Length, sum.Length, nameof(sum));
        ThrowHelper.CheckSameLength(x0.Length, weightSum.Length, nameof(weightSum));
        AccumulateDriver.Run4(
            new Columns4(x0, x1, x2, x3), sum, weightSum,
            new WeightedSum.Operator(w.W0), new WeightedSum.Operator(w.W1), new WeightedSum.Operator(w.W2), new WeightedSum.Operator(w.W3),
            path);
    }
}

/// <summary>The four weights of <see cref="WeightedSum4"/>.</summary>
internal readonly record struct Weights4(double W0, double W1, double W2, double W3);
