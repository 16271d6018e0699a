using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace DxIndicators.Analysis;

/// <summary>
/// Linear blocks on machines without AVX-512, where the lane path does not run: a counting rank 4 units per Vector256
/// against every unit's broadcast score (no pruning: this route keeps the units in their own order), and the root's
/// statistics 4 units per vector. Their twins are the insertion-sort rank and the per-unit
/// <see cref="Accumulate"/> of the scalar route: the same ranks, and per unit the same operations in the same order.
/// </summary>
public sealed partial class UncertaintyAnalysis
{
    /// <summary>Most units the Vector256 counting rank takes (its work grows as units², the insertion sort's as units plus the moves).</summary>
    internal const int CountingRank256Limit = 128;

    // 2^52 as the bits of a double (AVX2 has no conversion of 64-bit integers to doubles; see CountToDouble).
    private const long TwoTo52Bits = 0x4330000000000000;

    /// <summary>
    /// Ranks of the first <paramref name="units"/> scores (finite), descending, into <paramref name="ranks"/>:
    /// competition 1 + #greater, fractional #greater + (#equal + 1)/2 (#equal counting itself). <paramref name="scores"/>
    /// holds at least <paramref name="units"/> rounded up to 4 values; those past <paramref name="units"/> are ignored.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void CountingRank256(ReadOnlySpan<double> scores, int units, Span<double> ranks, bool fractional)
    {
        if (scores.Length < ((units + 3) & ~3) || ranks.Length < units)
        {
            throw new ArgumentException("CountingRank256 needs the scores rounded up to 4 and a rank per unit.");
        }

        ref double s0 = ref MemoryMarshal.GetReference(scores);
        Span<double> tail = stackalloc double[4];
        for (int i = 0; i < units; i += 4)
        {
            Vector256<double> si = Vector256.LoadUnsafe(ref s0, (nuint)i);
            Vector256<long> greater = Count256<Greater>(ref s0, units, si);
            Vector256<double> count = CountToDouble(greater);
            Vector256<double> rank = count + Vector256<double>.One;
            if (fractional)
            {
                Vector256<long> equal = Count256<Equal>(ref s0, units, si);
                Vector256<double> same = CountToDouble(equal);
                rank = count + ((same + Vector256<double>.One) / Vector256.Create(2.0));
            }

            if (i + 4 <= units)
            {
                rank.StoreUnsafe(ref MemoryMarshal.GetReference(ranks), (nuint)i);
            }
            else
            {
                rank.StoreUnsafe(ref MemoryMarshal.GetReference(tail));
                tail[..(units - i)].CopyTo(ranks[i..]);
            }
        }
    }

    /// <summary>
    /// <see cref="Accumulate"/> for the root of a linear block whose ranks come from <see cref="CountingRank256"/>
    /// (finite scores, every unit ranked), 4 units per vector: the 2·rank bins, the score sums taken from the nominal
    /// score, the score minima and maxima, and the sample's mean absolute shift (a sum of multiples of ½, exact in any
    /// order). <paramref name="offsets"/> are the nominal scores with NaN as 0 (s − 0 is s, as the scalar code takes it).
    /// </summary>
    // Long: the vector loop takes a reference to each of the eight arrays it reads and writes.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AccumulateCounted(SampleEvaluator evaluator, int r, ReadOnlySpan<double> ranks, ReadOnlySpan<double> scores, ReadOnlySpan<double> offsets, Histograms hist, Totals partial, double[]? shifts)
    {
        int units = evaluator.Units, h = hist.Stride;
        ReadOnlySpan<double> nominal = evaluator.NominalRanks.AsSpan(0, units);
        Span<int> counts = hist.Counts.AsSpan(0, units * h);
        ref double rank0 = ref MemoryMarshal.GetReference(ranks);
        ref double score0 = ref MemoryMarshal.GetReference(scores);
        ref double offset0 = ref MemoryMarshal.GetReference(offsets);
        ref double nominal0 = ref MemoryMarshal.GetReference(nominal);
        ref double sum0 = ref MemoryMarshal.GetArrayDataReference(partial.ScoreSum);
        ref double squares0 = ref MemoryMarshal.GetArrayDataReference(partial.ScoreSquares);
        ref double min0 = ref MemoryMarshal.GetArrayDataReference(hist.ScoreMin);
        ref double max0 = ref MemoryMarshal.GetArrayDataReference(hist.ScoreMax);
        Vector256<double> abs = Vector256<double>.Zero;
        Vector256<long> ranked = Vector256<long>.Zero;
        int i = 0;
        for (; i + 4 <= units; i += 4)
        {
            nuint o = (nuint)i;
            Vector256<double> rk = Vector256.LoadUnsafe(ref rank0, o), s = Vector256.LoadUnsafe(ref score0, o);
            for (int l = 0; l < 4; l++)
            {
                counts[((i + l) * h) + (int)(2 * rk.GetElement(l))]++;
            }

            Vector256<double> d = s - Vector256.LoadUnsafe(ref offset0, o);
            (Vector256.LoadUnsafe(ref sum0, o) + d).StoreUnsafe(ref sum0, o);
            (Vector256.LoadUnsafe(ref squares0, o) + (d * d)).StoreUnsafe(ref squares0, o);
            Vector256.Min(Vector256.LoadUnsafe(ref min0, o), s).StoreUnsafe(ref min0, o);
            Vector256.Max(Vector256.LoadUnsafe(ref max0, o), s).StoreUnsafe(ref max0, o);
            Vector256<double> shift = Vector256.Abs(rk - Vector256.LoadUnsafe(ref nominal0, o));
            Vector256<double> known = Vector256.Equals(shift, shift);
            abs += shift & known;
            ranked -= known.AsInt64();
        }

        // The last units that fill no vector take the scalar route's own per-unit step.
        double sumAbs = Vector256.Sum(abs);
        int n = (int)Vector256.Sum(ranked);
        AccumulateUnits(evaluator, 0, i, ranks, scores, hist, partial, ref sumAbs, ref n);
        AddRunShift(0, r, sumAbs, n, hist, partial, shifts);
    }

    /// <summary>Counts below 2^52 as doubles: OR-ed onto 2^52's bits a count makes the double 2^52 + count exactly, and 2^52 is taken off.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> CountToDouble(Vector256<long> count) =>
        (count | Vector256.Create(TwoTo52Bits)).AsDouble() - Vector256.Create(4503599627370496.0);

    /// <summary>Per lane, how many of the <paramref name="units"/> scores satisfy <typeparamref name="TTest"/>, on four chains (a true lane is −1, so it is subtracted).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<long> Count256<TTest>(ref double s0, int units, Vector256<double> si)
        where TTest : struct, ILaneTest
    {
        Vector256<long> c0 = Vector256<long>.Zero, c1 = c0, c2 = c0, c3 = c0;
        int j = 0;
        for (; j + 3 < units; j += 4)
        {
            c0 -= TTest.Test(Vector256.Create(Unsafe.Add(ref s0, j)), si).AsInt64();
            c1 -= TTest.Test(Vector256.Create(Unsafe.Add(ref s0, j + 1)), si).AsInt64();
            c2 -= TTest.Test(Vector256.Create(Unsafe.Add(ref s0, j + 2)), si).AsInt64();
            c3 -= TTest.Test(Vector256.Create(Unsafe.Add(ref s0, j + 3)), si).AsInt64();
        }

        for (; j < units; j++)
        {
            c0 -= TTest.Test(Vector256.Create(Unsafe.Add(ref s0, j)), si).AsInt64();
        }

        return (c0 + c1) + (c2 + c3);
    }
}
