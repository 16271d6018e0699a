namespace DxIndicators.Scoring.Kernels;

/// <summary>Ranks a column of scores, keeping NaN (missing) as NaN; returns the universe size (number ranked).</summary>
/// <remarks>
/// Sorting has no vector path; the result does not depend on the sort's tie order because tied scores always
/// get the same rank. Allocation-free: the caller passes scratch spans at least as long as the input.
/// </remarks>
internal static class Ranking
{
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
        int dense = 0;
        int start = 0;
        while (start < m)
        {
            int end = start + 1;
            while (end < m && k[end] == k[start])
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

        return m;
    }
}
