using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using DxIndicators.Scoring;
using DxIndicators.Scoring.Kernels;

namespace DxIndicators.Analysis;

/// <summary>
/// The Vector512 path of linear blocks: weight draws and effective weights of 8 samples at once (one sample per lane,
/// each lane doing exactly the scalar operations in the scalar order), the product with A stored transposed, a
/// counting rank (rank = 1 + number of greater scores, 8 units per vector) and vector accumulation of the statistics
/// into padded per-block buffers. Its scalar twin is <see cref="UncertaintyAnalysis.RunLinearBlock"/>'s scalar route
/// (per-sample draws, row-major product, insertion-sort rank, per-unit accumulation); the tests compare the two bit for bit.
/// </summary>
public sealed partial class UncertaintyAnalysis
{
    private const int Lanes = 8;

    /// <summary>Gets the path of linear blocks (tests force <see cref="KernelPath.Scalar"/> to compare with the twin).</summary>
    internal KernelPath LinearPath { get; private init; } = KernelPath.V512;

    /// <summary>Returns a copy whose linear blocks run on <paramref name="path"/> (V512 falls back to scalar when not accelerated).</summary>
    internal UncertaintyAnalysis WithLinearPath(KernelPath path) => new(Inputs, Runs, Seed, _nodeIndex, Threads, KeepsRunShifts) { LinearPath = path };

    private static bool LanesAvailable(RankMethod method) =>
        Vector512.IsHardwareAccelerated && method != RankMethod.Dense;

    private void RunLinearLanes(SampleEvaluator evaluator, LinearScratch lin, Histograms hist, int r0, int r1, Totals partial, double[]? shifts)
    {
        int units = evaluator.Units, n = evaluator.PaddedUnits, k = evaluator.IndicatorCount, rows = r1 - r0;
        ScoringPlan plan = evaluator.LinearPlan;
        for (int g = 0; g < rows; g += Lanes)
        {
            DrawLanes(evaluator, plan, lin, r0 + g, g);
        }

        WeightProduct.MultiplyTransposedA(lin.At, AtStride, evaluator.LinearMatrix, lin.C, rows, k, n, KernelPath.V512);
        lin.ClearBlock();
        bool fractional = Inputs.NominalPlan.Options.RankMethod == RankMethod.Fractional;
        int h = hist.Stride;
        Span<int> counts = hist.Counts.AsSpan(0, units * h);
        Span<long> slots = stackalloc long[Lanes];
        for (int r = 0; r < rows; r++)
        {
            Span<double> scores = lin.C.AsSpan(r * n, n);
            CountingRank(scores, units, n, lin.RankPad, fractional);
            AddToHistograms(counts, lin.RankPad, units, n, h, slots);

            double y = AccumulateLanes(scores, lin, n) / units;
            if (shifts is not null)
            {
                shifts[r0 + r] = y;
            }

            partial.RunShiftSum[0] += y;
            partial.RunShiftSquares[0] += y * y;
            partial.RunShiftCount[0]++;
            hist.RunShiftMin[0] = Math.Min(hist.RunShiftMin[0], y);
            hist.RunShiftMax[0] = Math.Max(hist.RunShiftMax[0], y);
        }

        for (int i = 0; i < units; i++)
        {
            partial.ScoreSum[i] += lin.ScoreSum[i];
            partial.ScoreSquares[i] += lin.ScoreSquares[i];
            hist.RankSum[i] += lin.RankSum[i];
            hist.ShiftSum[i] += lin.ShiftSum[i];
            hist.Ranked[i] += rows;
            hist.ScoreMin[i] = Math.Min(hist.ScoreMin[i], lin.ScoreMin[i]);
            hist.ScoreMax[i] = Math.Max(hist.ScoreMax[i], lin.ScoreMax[i]);
        }
    }

    /// <summary>Effective root weights of samples <paramref name="row"/> … + 7 into columns <paramref name="col"/> … + 7 of A (stored transposed).</summary>
    // Long: eight lanes drawn in step, in the same order as the scalar draw, so the two stay bit-identical.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DrawLanes(SampleEvaluator evaluator, ScoringPlan plan, LinearScratch lin, int row, int col)
    {
        ReadOnlySpan<double> nominal = plan.LinkWeights;
        ReadOnlySpan<double> noise = Inputs.LinkNoise.AsSpan();
        Span<Vector512<double>> w = lin.LaneWeights;
        Span<ulong> keys = stackalloc ulong[Lanes];
        int weightsGroup = UncertainInputs.GroupOf(UncertainInput.Weights);
        for (int l = 0; l < Lanes; l++)
        {
            keys[l] = CounterRandom.Key(Seed, 0, row + l, weightsGroup);
        }

        if (Inputs.Dirichlet is not null)
        {
            // Dirichlet draws take a data-dependent number of attempts: drawn per lane by the scalar code.
            Span<ulong> groupKeys = stackalloc ulong[UncertainInputs.GroupCount];
            Span<double> one = lin.OneSample;
            Span<double> flat = MemoryMarshal.Cast<Vector512<double>, double>(w);
            for (int l = 0; l < Lanes; l++)
            {
                groupKeys[weightsGroup] = keys[l];
                Inputs.DrawWeights(groupKeys, nominal, one, -1);
                for (int c = 0; c < one.Length; c++)
                {
                    flat[(c * Lanes) + l] = one[c];
                }
            }
        }
        else
        {
            Vector512<ulong> key = Vector512.Create(keys);
            for (int c = 0; c < nominal.Length; c++)
            {
                var wc = Vector512.Create(nominal[c]);
                double f = noise[c];
                if (f != 0)
                {
                    Vector512<double> u = UniformLanes(key, c);
                    wc += ((Vector512.Create(2.0) * u) - Vector512<double>.One) * Vector512.Create(f) * wc;
                }

                w[c] = wc;
            }
        }

        // The scalar EffectiveWeights walk, lane by lane: share of the root 1, then top-down e = s·w / Σ siblings.
        Span<Vector512<double>> share = lin.LaneShare;
        share.Clear();
        int root = evaluator.RankNodes[0];
        share[root] = Vector512<double>.One;
        int k = evaluator.IndicatorCount;
        ref double at = ref MemoryMarshal.GetArrayDataReference(lin.At);
        for (int j = 0; j < k; j++)
        {
            Vector512<double>.Zero.StoreUnsafe(ref at, (nuint)((j * AtStride) + col));
        }

        for (int node = root; node >= 0; node--)
        {
            Vector512<double> s = share[node];
            if (s == Vector512<double>.Zero)
            {
                continue;
            }

            (int start, int end) = plan.ChildRange(node);
            Vector512<double> total = Vector512<double>.Zero;
            for (int c = start; c < end; c++)
            {
                total += w[c];
            }

            for (int c = start; c < end; c++)
            {
                Vector512<double> e = s * w[c] / total;
                int r = plan.ChildReference(c);
                if (r >= 0)
                {
                    nuint at0 = (nuint)((r * AtStride) + col);
                    (Vector512.LoadUnsafe(ref at, at0) + e).StoreUnsafe(ref at, at0);
                }
                else
                {
                    share[~r] += e;
                }
            }
        }
    }

    /// <summary><see cref="CounterRandom.Uniform"/>(key_l, c) in every lane l.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> UniformLanes(Vector512<ulong> key, int c)
    {
        Vector512<ulong> z = key + Vector512.Create((ulong)(uint)(c + 1) * 0x9E3779B97F4A7C15UL);
        z = (z ^ Vector512.ShiftRightLogical(z, 30)) * Vector512.Create(0xBF58476D1CE4E5B9UL);
        z = (z ^ Vector512.ShiftRightLogical(z, 27)) * Vector512.Create(0x94D049BB133111EBUL);
        z ^= Vector512.ShiftRightLogical(z, 31);
        return Vector512.ConvertToDouble(Vector512.ShiftRightLogical(z, 11)) * Vector512.Create(1.0 / (1UL << 53));
    }

    /// <summary>
    /// Ranks of the first <paramref name="units"/> scores (finite), descending: competition 1 + #greater, fractional
    /// #greater + (#equal + 1)/2 (#equal counting itself), exactly <see cref="Ranking.Rank"/>'s ranks. 8 units per vector.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void CountingRank(ReadOnlySpan<double> scores, int units, int padded, Span<double> ranks, bool fractional)
    {
        ref double s0 = ref MemoryMarshal.GetReference(scores);
        ref double r0 = ref MemoryMarshal.GetReference(ranks);
        for (int ib = 0; ib < padded; ib += Lanes)
        {
            Vector512<double> si = Vector512.LoadUnsafe(ref s0, (nuint)ib);
            Vector512<double> rank = fractional
                ? CountGreater(ref s0, units, si) + ((CountEqual(ref s0, units, si) + Vector512<double>.One) / Vector512.Create(2.0))
                : CountGreater(ref s0, units, si) + Vector512<double>.One;
            rank.StoreUnsafe(ref r0, (nuint)ib);
        }
    }

    /// <summary>Per lane, how many of the first <paramref name="units"/> scores exceed <paramref name="si"/>'s lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> CountGreater(ref double s0, int units, Vector512<double> si) => Count<Greater>(ref s0, units, si);

    /// <summary>Per lane, how many of the first <paramref name="units"/> scores equal <paramref name="si"/>'s lane (itself included).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> CountEqual(ref double s0, int units, Vector512<double> si) => Count<Equal>(ref s0, units, si);

    /// <summary>Per lane, how many of the first <paramref name="units"/> scores s_j satisfy <typeparamref name="TTest"/>(s_j, lane):
    /// counts in double (exact below 2^53) on four independent chains, so the masked adds do not wait on each other.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Count<TTest>(ref double s0, int units, Vector512<double> si)
        where TTest : struct, ILaneTest
    {
        Vector512<double> one = Vector512<double>.One;
        Vector512<double> c0 = Vector512<double>.Zero, c1 = c0, c2 = c0, c3 = c0;
        int j = 0;
        for (; j + 3 < units; j += 4)
        {
            c0 = Vector512.ConditionalSelect(TTest.Test(Vector512.Create(Unsafe.Add(ref s0, j)), si), c0 + one, c0);
            c1 = Vector512.ConditionalSelect(TTest.Test(Vector512.Create(Unsafe.Add(ref s0, j + 1)), si), c1 + one, c1);
            c2 = Vector512.ConditionalSelect(TTest.Test(Vector512.Create(Unsafe.Add(ref s0, j + 2)), si), c2 + one, c2);
            c3 = Vector512.ConditionalSelect(TTest.Test(Vector512.Create(Unsafe.Add(ref s0, j + 3)), si), c3 + one, c3);
        }

        for (; j < units; j++)
        {
            c0 = Vector512.ConditionalSelect(TTest.Test(Vector512.Create(Unsafe.Add(ref s0, j)), si), c0 + one, c0);
        }

        return (c0 + c1) + (c2 + c3);
    }

    /// <summary>A lane-wise test of a broadcast score against a vector of scores (a struct, so the JIT specialises <see cref="Count{TTest}"/>).</summary>
    private interface ILaneTest
    {
        static abstract Vector512<double> Test(Vector512<double> other, Vector512<double> self);
    }

    private readonly struct Greater : ILaneTest
    {
        public static Vector512<double> Test(Vector512<double> other, Vector512<double> self) => Vector512.GreaterThan(other, self);
    }

    private readonly struct Equal : ILaneTest
    {
        public static Vector512<double> Test(Vector512<double> other, Vector512<double> self) => Vector512.Equals(other, self);
    }

    /// <summary>
    /// Adds one sample's ranks to the per-unit histograms of 2·rank (unit i's bins start at i·<paramref name="stride"/>):
    /// the bin numbers of 8 units at a time in one vector (ranks are exact multiples of ½, so 2·rank converts exactly),
    /// then one increment per unit; the same counts as <c>counts[i·stride + (int)(2·rank_i)]++</c> unit by unit.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddToHistograms(Span<int> counts, ReadOnlySpan<double> ranks, int units, int padded, int stride, Span<long> slots)
    {
        ref double r0 = ref MemoryMarshal.GetReference(ranks);
        ref long k0 = ref MemoryMarshal.GetReference(slots);
        long h = stride;
        Vector512<long> lane = Vector512.Create(0, h, 2 * h, 3 * h, 4 * h, 5 * h, 6 * h, 7 * h);
        for (int ib = 0; ib < padded; ib += Lanes)
        {
            Vector512<long> bin = Vector512.ConvertToInt64(Vector512.LoadUnsafe(ref r0, (nuint)ib) * Vector512.Create(2.0)) + lane + Vector512.Create(ib * h);
            bin.StoreUnsafe(ref k0);
            int m = Math.Min(Lanes, units - ib);
            for (int l = 0; l < m; l++)
            {
                counts[(int)slots[l]]++;
            }
        }
    }

    /// <summary>Adds one sample's ranks and scores to the block buffers (padded lanes masked out) and returns Σ |rank − nominal| (exact: multiples of ½).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double AccumulateLanes(ReadOnlySpan<double> scores, LinearScratch lin, int padded)
    {
        ref double s0 = ref MemoryMarshal.GetReference(scores);
        Vector512<double> abs = Vector512<double>.Zero;
        for (int ib = 0; ib < padded; ib += Lanes)
        {
            nuint o = (nuint)ib;
            Vector512<double> valid = Vector512.LoadUnsafe(ref lin.Valid[0], o);
            Vector512<double> rk = Vector512.LoadUnsafe(ref lin.RankPad[0], o);
            Vector512<double> s = Vector512.LoadUnsafe(ref s0, o);
            Vector512<double> shift = Vector512.Abs(rk - Vector512.LoadUnsafe(ref lin.NominalRank[0], o)) & valid;
            (Vector512.LoadUnsafe(ref lin.RankSum[0], o) + rk).StoreUnsafe(ref lin.RankSum[0], o);
            (Vector512.LoadUnsafe(ref lin.ShiftSum[0], o) + shift).StoreUnsafe(ref lin.ShiftSum[0], o);
            abs += shift;
            Vector512<double> d = s - Vector512.LoadUnsafe(ref lin.NominalScore[0], o);
            (Vector512.LoadUnsafe(ref lin.ScoreSum[0], o) + d).StoreUnsafe(ref lin.ScoreSum[0], o);
            (Vector512.LoadUnsafe(ref lin.ScoreSquares[0], o) + (d * d)).StoreUnsafe(ref lin.ScoreSquares[0], o);
            Vector512.Min(Vector512.LoadUnsafe(ref lin.ScoreMin[0], o), s).StoreUnsafe(ref lin.ScoreMin[0], o);
            Vector512.Max(Vector512.LoadUnsafe(ref lin.ScoreMax[0], o), s).StoreUnsafe(ref lin.ScoreMax[0], o);
        }

        return Vector512.Sum(abs);
    }
}
