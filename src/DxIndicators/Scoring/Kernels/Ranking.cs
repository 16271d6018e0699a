namespace DxIndicators.Scoring.Kernels;

/// <summary>Ranks a column of scores, keeping NaN (missing) as NaN; returns the universe size (number ranked).</summary>
/// <remarks>
/// Sorting has no vector path; the result does not depend on the sort's tie order because tied scores always
/// get the same rank. Allocation-free: the caller passes scratch spans at least as long as the input.
/// </remarks>
internal static class Ranking
{
    private const ulong SignBit = 1UL << 63;

    /// <summary>Ranks so that the highest score gets rank 1 (descending), or the lowest when <paramref name="ascending"/>.</summary>
    public static int Rank(ReadOnlySpan<double> scores, Span<double> ranks, RankMethod method, bool ascending, Span<double> keys, Span<int> order)
    {
        ThrowHelper.CheckSameLength(scores.Length, ranks.Length, nameof(ranks));
        if (keys.Length < scores.Length)
        {
            ThrowHelper.ThrowDestinationTooShort(nameof(keys), scores.Length, keys.Length);
        }

        if (order.Length < scores.Length)
        {
            ThrowHelper.ThrowDestinationTooShort(nameof(order), scores.Length, order.Length);
        }

        int m = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            double s = scores[i];
            if (double.IsNaN(s))
            {
                ranks[i] = double.NaN;
                continue;
            }

            keys[m] = ascending ? s : -s;
            order[m] = i;
            m++;
        }

        Span<double> k = keys[..m];
        Span<int> o = order[..m];
        k.Sort(o);
        AssignRanks(k, o, ranks, method);
        return m;
    }

    /// <summary>
    /// Ranks like <see cref="Rank"/> with <c>ascending: false</c>, sorting with an LSD radix sort on the scores' bits
    /// instead of a comparison sort.
    /// </summary>
    /// <remarks>
    /// For repeated ranking of changed scores (weight uncertainty runs), where the comparison sort's branches are
    /// mispredicted. Each key is −score + 0.0 (so −0 and +0 become the same key) mapped to an unsigned integer that
    /// orders like the double; equal scores have equal keys, so the ranks are exactly <see cref="Rank"/>'s. Byte
    /// passes in which every key has the same digit are skipped.
    /// </remarks>
    // Long: a hot kernel; its radix passes and tie resolution read best as one loop nest, set-up included.
    public static int RankRadix(ReadOnlySpan<double> scores, Span<double> ranks, RankMethod method, RadixScratch scratch)
    {
        ThrowHelper.CheckSameLength(scores.Length, ranks.Length, nameof(ranks));
        if (scratch.Capacity < scores.Length)
        {
            ThrowHelper.ThrowDestinationTooShort(nameof(scratch), scores.Length, scratch.Capacity);
        }

        Span<ulong> keys = scratch._keys, keys2 = scratch._keys2;
        Span<int> order = scratch._order, order2 = scratch._order2;
        Span<int> counts = scratch._counts;
        int m = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            double s = scores[i];
            if (double.IsNaN(s))
            {
                ranks[i] = double.NaN;
                continue;
            }

            ulong bits = BitConverter.DoubleToUInt64Bits(-s + 0.0);
            keys[m] = (bits & SignBit) != 0 ? ~bits : bits | SignBit;
            order[m] = i;
            m++;
        }

        if (m == 0)
        {
            return 0;
        }

        counts.Clear();
        for (int t = 0; t < m; t++)
        {
            ulong key = keys[t];
            for (int d = 0; d < 8; d++)
            {
                counts[(d << 8) + (int)((key >> (d << 3)) & 0xFF)]++;
            }
        }

        for (int d = 0; d < 8; d++)
        {
            Span<int> c = counts.Slice(d << 8, 256);
            int shift = d << 3;
            if (c[(int)((keys[0] >> shift) & 0xFF)] == m)
            {
                continue;
            }

            int offset = 0;
            for (int b = 0; b < 256; b++)
            {
                int n = c[b];
                c[b] = offset;
                offset += n;
            }

            for (int t = 0; t < m; t++)
            {
                ulong key = keys[t];
                int at = c[(int)((key >> shift) & 0xFF)]++;
                keys2[at] = key;
                order2[at] = order[t];
            }

            Span<ulong> tk = keys;
            keys = keys2;
            keys2 = tk;
            Span<int> to = order;
            order = order2;
            order2 = to;
        }

        AssignRanks<ulong>(keys[..m], order[..m], ranks, method);
        return m;
    }

    /// <summary>
    /// Ranks like <see cref="Rank"/> with <c>ascending: false</c>, starting from the previous call's order: an insertion
    /// sort of <paramref name="order"/> (any permutation of 0 … n − 1 on entry; the sorted order on return, missing
    /// scores last). Repeated rankings of slightly changed scores (uncertainty samples of few units) then cost about
    /// n comparisons plus the few moves the change needs. Tied scores get the same rank, so the ranks are exactly
    /// <see cref="Rank"/>'s whatever the order on entry.
    /// </summary>
    public static int RankIncremental(ReadOnlySpan<double> scores, Span<double> ranks, RankMethod method, Span<int> order, Span<double> keys)
    {
        int n = scores.Length;
        ThrowHelper.CheckSameLength(n, ranks.Length, nameof(ranks));
        ThrowHelper.CheckSameLength(n, order.Length, nameof(order));
        if (keys.Length < n)
        {
            ThrowHelper.ThrowDestinationTooShort(nameof(keys), n, keys.Length);
        }

        for (int i = 1; i < n; i++)
        {
            int v = order[i];
            double s = scores[v];
            int j = i - 1;
            while (j >= 0 && Before(s, scores[order[j]]))
            {
                order[j + 1] = order[j];
                j--;
            }

            order[j + 1] = v;
        }

        int m = 0;
        while (m < n && !double.IsNaN(scores[order[m]]))
        {
            keys[m] = scores[order[m]];
            m++;
        }

        for (int j = m; j < n; j++)
        {
            ranks[order[j]] = double.NaN;
        }

        AssignRanks<double>(keys[..m], order[..m], ranks, method);
        return m;

        // a goes before b: higher scores first, missing last (never before anything).
        static bool Before(double a, double b) => a > b || (double.IsNaN(b) && !double.IsNaN(a));
    }

    // Shared by the comparison sort (double keys) and the radix sort (order-preserving ulong keys): walks runs of equal
    // sorted keys and gives each run its tie-rule rank. Keys never hold NaN (missing units are skipped before sorting).
    private static void AssignRanks<T>(ReadOnlySpan<T> k, ReadOnlySpan<int> o, Span<double> ranks, RankMethod method)
        where T : struct, IEquatable<T>
    {
        int m = k.Length;
        int dense = 0;
        int start = 0;
        while (start < m)
        {
            int end = start + 1;
            while (end < m && k[end].Equals(k[start]))
            {
                end++;
            }

            dense++;
            double rank = method switch
            {
                RankMethod.Dense => dense,
                RankMethod.Fractional => start + ((end - start + 1) / 2.0),
                _ => start + 1,
            };
            for (int j = start; j < end; j++)
            {
                ranks[o[j]] = rank;
            }

            start = end;
        }
    }
}

/// <summary>Scratch buffers of <see cref="Ranking.RankRadix"/> for up to <see cref="Capacity"/> scores.</summary>
internal sealed class RadixScratch
{
    internal readonly ulong[] _keys;
    internal readonly ulong[] _keys2;
    internal readonly int[] _order;
    internal readonly int[] _order2;
    internal readonly int[] _counts = new int[8 * 256];

    public RadixScratch(int capacity)
    {
        _keys = new ulong[capacity];
        _keys2 = new ulong[capacity];
        _order = new int[capacity];
        _order2 = new int[capacity];
    }

    public int Capacity => _keys.Length;
}
