namespace DxIndicators.Cli.Infrastructure;

/// <summary>"Did you mean …?" for a mistyped command or option: the closest known name by edit distance.</summary>
internal static class Suggest
{
    /// <summary>
    /// The known name closest to <paramref name="typed"/> (optimal string alignment distance: insertions, deletions,
    /// substitutions and swaps of two neighbours), if it is within a third of the name's length (at least 1, at most
    /// 3 edits; a name differing only in case counts as 0); otherwise null. Ties go to the earlier name in <paramref name="known"/>.
    /// </summary>
    public static string? Closest(string typed, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(known);
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string name in known)
        {
            int distance = Distance(typed, name);
            if (distance < bestDistance)
            {
                best = name;
                bestDistance = distance;
            }
        }

        int allowed = Math.Clamp(Math.Max(typed.Length, best?.Length ?? 0) / 3, 1, 3);
        return best is not null && bestDistance <= allowed && !string.Equals(best, typed, StringComparison.Ordinal) ? best : null;
    }

    /// <summary>Optimal string alignment distance, case-insensitive (ordinal on upper-cased invariant characters).</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = char.ToUpperInvariant(a[i - 1]) == char.ToUpperInvariant(b[j - 1]) ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && char.ToUpperInvariant(a[i - 1]) == char.ToUpperInvariant(b[j - 2]) && char.ToUpperInvariant(a[i - 2]) == char.ToUpperInvariant(b[j - 1]))
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
