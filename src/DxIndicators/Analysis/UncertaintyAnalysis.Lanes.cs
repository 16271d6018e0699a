using System.Numerics;
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

    // Fully optimised from the first call: a run is a few dozen blocks, too few for tiered compilation to reach its hot loops in time.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RunLinearLanes(SampleEvaluator evaluator, LinearScratch lin, Histograms hist, int r0, int r1, Totals partial, double[]? shifts, RadixScratch radix)
    {
        int units = evaluator.Units, n = evaluator.PaddedUnits, k = evaluator.IndicatorCount, rows = r1 - r0;
        ScoringPlan plan = evaluator.LinearPlan;
        for (int g = 0; g < rows; g += Lanes)
        {
            DrawLanes(evaluator, plan, lin, r0 + g, g);
        }

        WeightProduct.MultiplyTransposedA(lin.At.Span, AtStride, evaluator.LaneMatrix.Span, lin.C.Span, rows, k, n, KernelPath.V512);
        lin.ClearBlock();
        RankMethod method = Inputs.NominalPlan.Options.RankMethod;
        bool fractional = method == RankMethod.Fractional;
        int h = hist.Stride;
        Span<int> counts = hist.Counts.AsSpan(0, units * h);
        // The run-shift statistics gather in locals, in sample order, and are added once: the same sums as per sample.
        double runSum = partial.RunShiftSum[0], runSquares = partial.RunShiftSquares[0];
        double runMin = hist.RunShiftMin[0], runMax = hist.RunShiftMax[0];
        Span<double> rankPad = lin.RankPad.Span, equalPad = lin.EqualPad.Span, block = lin.C.Span;
        for (int r = 0; r < rows; r++)
        {
            Span<double> scores = block.Slice(r * n, n);
            if (units <= SampleEvaluator.IncrementalLimit)
            {
                CountingRank(scores, units, n, rankPad, fractional, lin.GroupLow, lin.GroupHigh, equalPad);
            }
            else
            {
                // Many units: how far a unit's rank moves grows with their number, and so would the pruned count's
                // one-by-one comparisons; the radix rank costs the same whatever the scores. Same ranks either way.
                Ranking.RankRadix(scores[..units], rankPad[..units], method, radix);
            }
            double y = AccumulateLanes(scores, lin, n) / units;
            AddToHistograms(counts, lin.Bins.Longs, units);
            if (shifts is not null)
            {
                shifts[r0 + r] = y;
            }

            runSum += y;
            runSquares += y * y;
            runMin = Math.Min(runMin, y);
            runMax = Math.Max(runMax, y);
        }

        partial.RunShiftSum[0] = runSum;
        partial.RunShiftSquares[0] = runSquares;
        partial.RunShiftCount[0] += rows;
        hist.RunShiftMin[0] = runMin;
        hist.RunShiftMax[0] = runMax;

        FoldBlock(evaluator.LaneOrder, lin, hist, partial, units);
    }

    /// <summary>Adds the block's per-position sums, minima and maxima to their units' totals (position p is unit <paramref name="order"/>[p]).</summary>
    private static void FoldBlock(int[] order, LinearScratch lin, Histograms hist, Totals partial, int units)
    {
        Span<double> scoreSum = lin.ScoreSum.Span, squares = lin.ScoreSquares.Span;
        Span<double> scoreMin = lin.ScoreMin.Span, scoreMax = lin.ScoreMax.Span;
        for (int p = 0; p < units; p++)
        {
            int i = order[p];
            partial.ScoreSum[i] += scoreSum[p];
            partial.ScoreSquares[i] += squares[p];
            hist.ScoreMin[i] = Math.Min(hist.ScoreMin[i], scoreMin[p]);
            hist.ScoreMax[i] = Math.Max(hist.ScoreMax[i], scoreMax[p]);
        }
    }

    /// <summary>Effective root weights of samples <paramref name="row"/> … + 7 into columns <paramref name="col"/> … + 7 of A (stored transposed).</summary>
    // Long: eight lanes drawn in step, in the same order as the scalar draw, so the two stay bit-identical.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DrawLanes(SampleEvaluator evaluator, ScoringPlan plan, LinearScratch lin, int row, int col)
    {
        ReadOnlySpan<double> nominal = plan.LinkWeights;
        ReadOnlySpan<double> noise = Inputs.LinkNoise.AsSpan();
        Span<Vector512<double>> w = lin.LaneWeights.Vectors;
        int weightsGroup = UncertainInputs.GroupOf(UncertainInput.Weights);
        Vector512<ulong> key = KeyLanes(Seed, row, weightsGroup);

        if (Inputs.Dirichlet is not null)
        {
            // Dirichlet draws take a data-dependent number of attempts: drawn per lane by the scalar code.
            Span<ulong> groupKeys = stackalloc ulong[UncertainInputs.GroupCount];
            Span<double> one = lin.OneSample;
            Span<double> flat = MemoryMarshal.Cast<Vector512<double>, double>(w);
            for (int l = 0; l < Lanes; l++)
            {
                groupKeys[weightsGroup] = key[l];
                Inputs.DrawWeights(groupKeys, nominal, one, -1);
                for (int c = 0; c < one.Length; c++)
                {
                    flat[(c * Lanes) + l] = one[c];
                }
            }
        }
        else
        {
            // Links without noise keep their nominal weight in every sample: written once per scratch, not per draw.
            if (lin.NoisyLinks is null)
            {
                for (int c = 0; c < nominal.Length; c++)
                {
                    w[c] = Vector512.Create(nominal[c]);
                }

                ValueList<double> all = Inputs.LinkNoise;
                lin.NoisyLinks = [.. Enumerable.Range(0, nominal.Length).Where(c => all[c] != 0)];
            }

            foreach (int c in lin.NoisyLinks)
            {
                var wc = Vector512.Create(nominal[c]);
                Vector512<double> u = UniformLanes(key, c);
                w[c] = wc + (((Vector512.Create(2.0) * u) - Vector512<double>.One) * Vector512.Create(noise[c]) * wc);
            }
        }

        // The scalar EffectiveWeights walk, lane by lane: share of the root 1, then top-down e = (s / Σ siblings)·w.
        Span<Vector512<double>> share = lin.LaneShare.Vectors;
        share.Clear();
        int root = evaluator.RankNodes[0];
        share[root] = Vector512<double>.One;
        // Where every indicator hangs from one link (a tree), each effective weight is stored to its row of A once;
        // otherwise they gather in a contiguous lane buffer, in L1, and are stored at the end.
        int k = evaluator.IndicatorCount;
        ref double at = ref lin.At.Start;
        ref Vector512<double> w0 = ref MemoryMarshal.GetReference(w);
        ref Vector512<double> share0 = ref MemoryMarshal.GetReference(share);
        bool direct = lin.EachIndicatorOnce;
        Span<Vector512<double>> effective = direct ? default : lin.LaneEffective.Vectors;
        effective.Clear();
        ref Vector512<double> e0 = ref MemoryMarshal.GetReference(effective);
        ref int starts = ref MemoryMarshal.GetReference(plan.ChildStarts);
        ref int refs = ref MemoryMarshal.GetReference(plan.ChildReferences);
        for (int node = root; node >= 0; node--)
        {
            Vector512<double> s = Unsafe.Add(ref share0, node);
            int start = Unsafe.Add(ref starts, node), end = Unsafe.Add(ref starts, node + 1);
            if (s == Vector512<double>.Zero)
            {
                // No share in any lane: the subtree's weights are 0 (stored, in direct mode, over the previous group's).
                for (int c = start; direct && c < end; c++)
                {
                    int r = Unsafe.Add(ref refs, c);
                    if (r >= 0)
                    {
                        Vector512<double>.Zero.StoreUnsafe(ref at, (nuint)((r * AtStride) + col));
                    }
                }

                continue;
            }

            Vector512<double> total = Vector512<double>.Zero;
            for (int c = start; c < end; c++)
            {
                total += Unsafe.Add(ref w0, c);
            }

            Vector512<double> perWeight = s / total;
            for (int c = start; c < end; c++)
            {
                Vector512<double> e = perWeight * Unsafe.Add(ref w0, c);
                int r = Unsafe.Add(ref refs, c);
                if (r < 0)
                {
                    Unsafe.Add(ref share0, ~r) += e;
                }
                else if (direct)
                {
                    e.StoreUnsafe(ref at, (nuint)((r * AtStride) + col));
                }
                else
                {
                    Unsafe.Add(ref e0, r) += e;
                }
            }
        }

        for (int j = 0; j < effective.Length; j++)
        {
            Unsafe.Add(ref e0, j).StoreUnsafe(ref at, (nuint)((j * AtStride) + col));
        }
    }

    /// <summary><see cref="CounterRandom.Key"/>(seed, 0, row + l, group) in every lane l.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> KeyLanes(int seed, int row, int group)
    {
        ulong stream = CounterRandom.Mix((ulong)(uint)seed * 0x9E3779B97F4A7C15UL);
        Vector512<ulong> rows = Vector512.Create((ulong)row) + Vector512.Create(0UL, 1, 2, 3, 4, 5, 6, 7);
        Vector512<ulong> z = MixLanes(Vector512.Create(stream) + (rows * Vector512.Create(0x9E3779B97F4A7C15UL)));
        return MixLanes(z + Vector512.Create((ulong)(uint)group * 0xD1B54A32D192ED03UL));
    }

    /// <summary><see cref="CounterRandom.Uniform"/>(key_l, c) in every lane l.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> UniformLanes(Vector512<ulong> key, int c)
    {
        Vector512<ulong> z = MixLanes(key + Vector512.Create((ulong)(uint)(c + 1) * 0x9E3779B97F4A7C15UL));
        return Vector512.ConvertToDouble(Vector512.ShiftRightLogical(z, 11)) * Vector512.Create(1.0 / (1UL << 53));
    }

    /// <summary><see cref="CounterRandom.Mix"/> in every lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> MixLanes(Vector512<ulong> z)
    {
        z = (z ^ Vector512.ShiftRightLogical(z, 30)) * Vector512.Create(0xBF58476D1CE4E5B9UL);
        z = (z ^ Vector512.ShiftRightLogical(z, 27)) * Vector512.Create(0x94D049BB133111EBUL);
        return z ^ Vector512.ShiftRightLogical(z, 31);
    }

    /// <summary>
    /// Ranks of the first <paramref name="units"/> scores (finite), descending: competition 1 + #greater, fractional
    /// #greater + (#equal + 1)/2 (#equal counting itself), exactly <see cref="Ranking.Rank"/>'s ranks. 8 units per vector.
    /// </summary>
    internal static void CountingRank(ReadOnlySpan<double> scores, int units, int padded, Span<double> ranks, bool fractional) =>
        CountingRank(scores, units, padded, ranks, fractional, new double[2 * GroupSlots(units)], new double[2 * GroupSlots(units)], new double[padded]);

    /// <summary>
    /// <see cref="CountingRank(ReadOnlySpan{double}, int, int, Span{double}, bool)"/> with scratch: for the groups of 8
    /// units, their bounds and then the prefix minima of the lower ones in <paramref name="low"/>, the suffix maxima of
    /// the upper ones in <paramref name="high"/> (2·<see cref="GroupSlots"/> slots each) and, when fractional, #equal per
    /// unit in <paramref name="equal"/> (<paramref name="padded"/> slots).
    /// <list type="number">
    /// <item>Each group's scores are compared one by one with those of its own group and its two neighbours.</item>
    /// <item>Every farther group is settled by its bounds: one wholly above adds its size to #greater, one wholly below
    /// adds nothing, and neither holds a score equal to any of the group's. One test covers all the groups before the
    /// neighbours and one all those after; only where it fails are they tested group by group, and a group that
    /// overlaps is compared one by one.</item>
    /// </list>
    /// The counts are those of comparing every pair, whatever the order of units. Ordered by nominal score, as the lane
    /// path orders them, the far groups rarely overlap: about 3 groups of 8 are compared one by one per group, not all.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void CountingRank(ReadOnlySpan<double> scores, int units, int padded, Span<double> ranks, bool fractional, Span<double> low, Span<double> high, Span<double> equal)
    {
        ref double s0 = ref MemoryMarshal.GetReference(scores);
        ref double r0 = ref MemoryMarshal.GetReference(ranks);
        ref double e0 = ref MemoryMarshal.GetReference(equal);
        int groups = (units + Lanes - 1) / Lanes;
        GroupBounds(ref s0, units, low, high);

        // 1. Neighbours, one by one: the raw counts go to ranks (and equal) first.
        for (int a = 0; a < groups; a++)
        {
            Vector512<double> si = Vector512.LoadUnsafe(ref s0, (nuint)(a * Lanes));
            Vector512<long> greater = Vector512<long>.Zero, same = Vector512<long>.Zero;
            for (int b = Math.Max(0, a - 1); b <= Math.Min(groups - 1, a + 1); b++)
            {
                AddCounts(ref s0, b, units, si, fractional, ref greater, ref same);
            }

            Vector512.ConvertToDouble(greater).StoreUnsafe(ref r0, (nuint)(a * Lanes));
            if (fractional)
            {
                Vector512.ConvertToDouble(same).StoreUnsafe(ref e0, (nuint)(a * Lanes));
            }
        }

        // 2. Every other pair of groups as a whole, then the rank formula.
        FarGroups(ref s0, units, ref r0, ref e0, fractional, low, high);
        for (int ib = groups * Lanes; ib < padded; ib += Lanes)
        {
            Vector512<double>.Zero.StoreUnsafe(ref r0, (nuint)ib);
        }
    }

    /// <summary>Slots per kind of group bound <see cref="CountingRank(ReadOnlySpan{double}, int, int, Span{double}, bool, Span{double}, Span{double}, Span{double})"/> needs: one per 8 units, rounded up to whole vectors of 8 groups.</summary>
    internal static int GroupSlots(int units) => (((units + Lanes - 1) / Lanes) + Lanes - 1) / Lanes * Lanes;

    /// <summary>Each group's least and greatest score (groups without units: +∞ and −∞, so they never overlap).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void GroupBounds(ref double s0, int units, Span<double> low, Span<double> high)
    {
        int groups = (units + Lanes - 1) / Lanes, slots = GroupSlots(units);
        ref double low0 = ref MemoryMarshal.GetReference(low);
        ref double high0 = ref MemoryMarshal.GetReference(high);
        Vector512<double> lane = Vector512.Create(0.0, 1, 2, 3, 4, 5, 6, 7);
        // The scores are finite, so the native minimum and maximum are exact bounds (±0 compare equal either way).
        int full = units / Lanes;
        for (int g = 0; g < full; g++)
        {
            Vector512<double> v = Vector512.LoadUnsafe(ref s0, (nuint)(g * Lanes));
            Unsafe.Add(ref low0, g) = HorizontalMin(v);
            Unsafe.Add(ref high0, g) = HorizontalMax(v);
        }

        if (full < groups)
        {
            // The last group's padding lanes take no part.
            Vector512<double> v = Vector512.LoadUnsafe(ref s0, (nuint)(full * Lanes));
            Vector512<double> real = Vector512.LessThan(lane, Vector512.Create((double)(units - (full * Lanes))));
            Unsafe.Add(ref low0, full) = HorizontalMin(Vector512.ConditionalSelect(real, v, Vector512.Create(double.PositiveInfinity)));
            Unsafe.Add(ref high0, full) = HorizontalMax(Vector512.ConditionalSelect(real, v, Vector512.Create(double.NegativeInfinity)));
        }

        for (int g = groups; g < slots; g++)
        {
            Unsafe.Add(ref low0, g) = double.PositiveInfinity;
            Unsafe.Add(ref high0, g) = double.NegativeInfinity;
        }
    }

    /// <summary>
    /// Adds, to the raw counts in <paramref name="r0"/> (and <paramref name="e0"/>), every group more than one away from
    /// each group a, then turns the counts into ranks. When the least score of all groups before a − 1 exceeds a's
    /// greatest and the greatest score of all groups after a + 1 is below a's least (prefix minima and suffix maxima of
    /// the bounds, so one test each), the far groups add exactly the 8·(a − 1) units before a − 1 to #greater and
    /// nothing to #equal; otherwise each far group is tested on its own and compared one by one where it overlaps.
    /// </summary>
    // Long: the prefix and suffix bounds, the one-test path, the group-by-group path and the rank formula share their locals.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FarGroups(ref double s0, int units, ref double r0, ref double e0, bool fractional, Span<double> low, Span<double> high)
    {
        int groups = (units + Lanes - 1) / Lanes, slots = GroupSlots(units);
        ref double low0 = ref MemoryMarshal.GetReference(low);
        ref double high0 = ref MemoryMarshal.GetReference(high);
        ref double prefixLow = ref Unsafe.Add(ref low0, slots);
        ref double suffixHigh = ref Unsafe.Add(ref high0, slots);
        // Finite bounds: a plain comparison is an exact minimum and maximum here (Math.Min also orders −0 before +0 and
        // propagates NaN, which costs a fix-up per step).
        double m = double.PositiveInfinity;
        for (int g = 0; g < groups; g++)
        {
            double v = Unsafe.Add(ref low0, g);
            m = v < m ? v : m;
            Unsafe.Add(ref prefixLow, g) = m;
        }

        m = double.NegativeInfinity;
        for (int g = groups - 1; g >= 0; g--)
        {
            double v = Unsafe.Add(ref high0, g);
            m = v > m ? v : m;
            Unsafe.Add(ref suffixHigh, g) = m;
        }

        for (int a = 0; a < groups; a++)
        {
            double lowA = Unsafe.Add(ref low0, a), highA = Unsafe.Add(ref high0, a);
            nuint o = (nuint)(a * Lanes);
            double above = a < 2 ? 0 : (a - 1) * Lanes;
            if ((a >= 2 && !(Unsafe.Add(ref prefixLow, a - 2) > highA)) || (a + 2 < groups && !(Unsafe.Add(ref suffixHigh, a + 2) < lowA)))
            {
                // Only the groups from the first whose prefix minimum reaches a's greatest score to the last whose
                // suffix maximum reaches a's least can overlap a: those before are all wholly above (full groups of
                // 8), those after all wholly below. The bounds are monotone, so the two ends are found by walking out
                // from a's neighbours, as far as the overlap reaches.
                int first = a - 1;
                while (first >= 1 && !(Unsafe.Add(ref prefixLow, first - 1) > highA))
                {
                    first--;
                }

                int last = a + 1;
                while (last + 1 < groups && !(Unsafe.Add(ref suffixHigh, last + 1) < lowA))
                {
                    last++;
                }

                above = Math.Max(first, 0) * Lanes;
                Vector512<double> si = Vector512.LoadUnsafe(ref s0, o);
                Vector512<long> greater = Vector512<long>.Zero, same = Vector512<long>.Zero;
                for (int b = Math.Max(first, 0); b <= Math.Min(last, groups - 1); b++)
                {
                    if (Math.Abs(b - a) <= 1 || Unsafe.Add(ref high0, b) < lowA)
                    {
                        continue;
                    }

                    if (Unsafe.Add(ref low0, b) > highA)
                    {
                        above += Math.Min(Lanes, units - (b * Lanes));
                        continue;
                    }

                    AddCounts(ref s0, b, units, si, fractional, ref greater, ref same);
                }

                (Vector512.LoadUnsafe(ref r0, o) + Vector512.ConvertToDouble(greater)).StoreUnsafe(ref r0, o);
                if (fractional)
                {
                    (Vector512.LoadUnsafe(ref e0, o) + Vector512.ConvertToDouble(same)).StoreUnsafe(ref e0, o);
                }
            }

            Vector512<double> count = Vector512.LoadUnsafe(ref r0, o) + Vector512.Create(above);
            Vector512<double> rank = fractional
                ? count + ((Vector512.LoadUnsafe(ref e0, o) + Vector512<double>.One) / Vector512.Create(2.0))
                : count + Vector512<double>.One;
            rank.StoreUnsafe(ref r0, o);
        }
    }

    /// <summary>Adds group <paramref name="b"/>'s comparisons with <paramref name="si"/> to #greater and, when fractional, #equal.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddCounts(ref double s0, int b, int units, Vector512<double> si, bool fractional, ref Vector512<long> greater, ref Vector512<long> equal)
    {
        int j0 = b * Lanes, m = Math.Min(Lanes, units - j0);
        ref double p = ref Unsafe.Add(ref s0, j0);
        greater += m == Lanes ? Count8<Greater>(ref p, si) : Count<Greater>(ref p, m, si);
        if (fractional)
        {
            equal += m == Lanes ? Count8<Equal>(ref p, si) : Count<Equal>(ref p, m, si);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double HorizontalMin(Vector512<double> v)
    {
        Vector256<double> m = Vector256.MinNative(v.GetLower(), v.GetUpper());
        Vector128<double> q = Vector128.MinNative(m.GetLower(), m.GetUpper());
        return Vector128.MinNative(q, Vector128.Create(q.GetElement(1))).ToScalar();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double HorizontalMax(Vector512<double> v)
    {
        Vector256<double> m = Vector256.MaxNative(v.GetLower(), v.GetUpper());
        Vector128<double> q = Vector128.MaxNative(m.GetLower(), m.GetUpper());
        return Vector128.MaxNative(q, Vector128.Create(q.GetElement(1))).ToScalar();
    }

    /// <summary>
    /// Per lane, how many of the 8 scores at <paramref name="p"/> satisfy <typeparamref name="TTest"/>: integer counts
    /// (a masked integer add waits 1 cycle on the previous one, a floating-point add 3), on four chains of two.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<long> Count8<TTest>(ref double p, Vector512<double> si)
        where TTest : struct, ILaneTest
    {
        Vector512<long> one = Vector512<long>.One;
        Vector512<long> c0 = Vector512<long>.Zero, c1 = c0, c2 = c0, c3 = c0;
        c0 = Vector512.ConditionalSelect(TTest.Test(Vector512.Create(p), si).AsInt64(), c0 + one, c0);
        c1 = Vector512.ConditionalSelect(TTest.Test(Vector512.Create(Unsafe.Add(ref p, 1)), si).AsInt64(), c1 + one, c1);
        c2 = Vector512.ConditionalSelect(TTest.Test(Vector512.Create(Unsafe.Add(ref p, 2)), si).AsInt64(), c2 + one, c2);
        c3 = Vector512.ConditionalSelect(TTest.Test(Vector512.Create(Unsafe.Add(ref p, 3)), si).AsInt64(), c3 + one, c3);
        c0 = Vector512.ConditionalSelect(TTest.Test(Vector512.Create(Unsafe.Add(ref p, 4)), si).AsInt64(), c0 + one, c0);
        c1 = Vector512.ConditionalSelect(TTest.Test(Vector512.Create(Unsafe.Add(ref p, 5)), si).AsInt64(), c1 + one, c1);
        c2 = Vector512.ConditionalSelect(TTest.Test(Vector512.Create(Unsafe.Add(ref p, 6)), si).AsInt64(), c2 + one, c2);
        c3 = Vector512.ConditionalSelect(TTest.Test(Vector512.Create(Unsafe.Add(ref p, 7)), si).AsInt64(), c3 + one, c3);
        return (c0 + c1) + (c2 + c3);
    }

    /// <summary>Per lane, how many of the <paramref name="m"/> scores at <paramref name="p"/> satisfy <typeparamref name="TTest"/>(s_j, lane).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<long> Count<TTest>(ref double p, int m, Vector512<double> si)
        where TTest : struct, ILaneTest
    {
        Vector512<long> one = Vector512<long>.One;
        Vector512<long> c0 = Vector512<long>.Zero;
        for (int j = 0; j < m; j++)
        {
            c0 = Vector512.ConditionalSelect(TTest.Test(Vector512.Create(Unsafe.Add(ref p, j)), si).AsInt64(), c0 + one, c0);
        }

        return c0;
    }

    /// <summary>A lane-wise test of a broadcast score against a vector of scores, at 512 and at 256 bits (a struct, so the JIT specialises <see cref="Count{TTest}"/> and <see cref="Count256{TTest}"/>).</summary>
    private interface ILaneTest
    {
        static abstract Vector512<double> Test(Vector512<double> other, Vector512<double> self);

        static abstract Vector256<double> Test(Vector256<double> other, Vector256<double> self);
    }

    private readonly struct Greater : ILaneTest
    {
        public static Vector512<double> Test(Vector512<double> other, Vector512<double> self) => Vector512.LessThan(self, other);

        public static Vector256<double> Test(Vector256<double> other, Vector256<double> self) => Vector256.LessThan(self, other);
    }

    private readonly struct Equal : ILaneTest
    {
        public static Vector512<double> Test(Vector512<double> other, Vector512<double> self) => Vector512.Equals(self, other);

        public static Vector256<double> Test(Vector256<double> other, Vector256<double> self) => Vector256.Equals(self, other);
    }

    /// <summary>
    /// Adds one sample's ranks to the per-unit histograms of 2·rank: <c>counts[bin_p]++</c> for each position p, where
    /// <see cref="AccumulateLanes"/> has computed <c>bin_p = start_p + 2·rank_p</c> 8 positions per vector (ranks are
    /// exact multiples of ½, so 2·rank converts exactly). Called after that pass, so the bins' vector stores have left
    /// the store buffer: a narrow load from a wide store still in flight waits for it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddToHistograms(Span<int> counts, ReadOnlySpan<long> bins, int units)
    {
        ref int c0 = ref MemoryMarshal.GetReference(counts);
        ref long b0 = ref MemoryMarshal.GetReference(bins);
        int p = 0;
        for (; p + 3 < units; p += 4)
        {
            // Distinct units' bins never coincide, so the four increments are independent.
            Unsafe.Add(ref c0, (nint)Unsafe.Add(ref b0, p))++;
            Unsafe.Add(ref c0, (nint)Unsafe.Add(ref b0, p + 1))++;
            Unsafe.Add(ref c0, (nint)Unsafe.Add(ref b0, p + 2))++;
            Unsafe.Add(ref c0, (nint)Unsafe.Add(ref b0, p + 3))++;
        }

        for (; p < units; p++)
        {
            Unsafe.Add(ref c0, (nint)Unsafe.Add(ref b0, p))++;
        }
    }

    /// <summary>
    /// Adds one sample's scores to the block buffers, computes each position's histogram bin and returns Σ |rank −
    /// nominal| over the units (padded lanes masked out; exact: multiples of ½). The ranks' own sums are not gathered
    /// here: <see cref="HistogramSums"/> derives them, exactly, from the histograms at the end of the run.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double AccumulateLanes(ReadOnlySpan<double> scores, LinearScratch lin, int padded)
    {
        // Every array's start is read once: inside the loop the JIT would reload each field and re-check its bounds.
        ref double s0 = ref MemoryMarshal.GetReference(scores);
        ref double valid0 = ref lin.Valid.Start;
        ref double rank0 = ref lin.RankPad.Start;
        ref double nominalRank0 = ref lin.NominalRank.Start;
        ref double nominalScore0 = ref lin.NominalScore.Start;
        ref double scoreSum0 = ref lin.ScoreSum.Start;
        ref double squares0 = ref lin.ScoreSquares.Start;
        ref double min0 = ref lin.ScoreMin.Start;
        ref double max0 = ref lin.ScoreMax.Start;
        ref long start0 = ref Unsafe.As<double, long>(ref lin.HistogramStart.Start);
        ref long bins0 = ref Unsafe.As<double, long>(ref lin.Bins.Start);
        Vector512<double> abs = Vector512<double>.Zero;
        for (int ib = 0; ib < padded; ib += Lanes)
        {
            nuint o = (nuint)ib;
            Vector512<double> rk = Vector512.LoadUnsafe(ref rank0, o);
            (Vector512.LoadUnsafe(ref start0, o) + Vector512.ConvertToInt64Native(rk * Vector512.Create(2.0))).StoreUnsafe(ref bins0, o);
            Vector512<double> s = Vector512.LoadUnsafe(ref s0, o);
            Vector512<double> shift = Vector512.Abs(rk - Vector512.LoadUnsafe(ref nominalRank0, o)) & Vector512.LoadUnsafe(ref valid0, o);
            abs += shift;
            Vector512<double> d = s - Vector512.LoadUnsafe(ref nominalScore0, o);
            (Vector512.LoadUnsafe(ref scoreSum0, o) + d).StoreUnsafe(ref scoreSum0, o);
            (Vector512.LoadUnsafe(ref squares0, o) + (d * d)).StoreUnsafe(ref squares0, o);
            Vector512.Min(Vector512.LoadUnsafe(ref min0, o), s).StoreUnsafe(ref min0, o);
            Vector512.Max(Vector512.LoadUnsafe(ref max0, o), s).StoreUnsafe(ref max0, o);
        }

        return Vector512.Sum(abs);
    }
}
