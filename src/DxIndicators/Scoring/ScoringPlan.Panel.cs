using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Scoring.Kernels;

namespace DxIndicators.Scoring;

public sealed partial class ScoringPlan
{
    /// <summary>
    /// Scores several periods in one call, normalising per period, over the pooled panel, or against fixed raw-unit
    /// bounds (<see cref="ScoringOptions.PanelNormalisation"/>); with <see cref="ImputationMethod.LatestEarlierPeriod"/>
    /// a missing value takes the unit's value from the latest earlier period that has one.
    /// </summary>
    /// <param name="panel">The matrices by period (any order; units matched by code across periods).</param>
    /// <param name="groups">Group columns by period, if needed (see <see cref="Score"/>).</param>
    /// <returns>One table per period, in ascending period order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="panel"/> is null.</exception>
    /// <exception cref="ArgumentException">Duplicate periods, missing columns or bounds (all listed).</exception>
    /// <exception cref="InvalidOperationException">The data break a method's rule, or a rank-based normaliser is pooled.</exception>
    public IReadOnlyList<ScoreTable> ScorePanel(
        IEnumerable<KeyValuePair<ReportingPeriod, IndicatorMatrix>> panel,
        IReadOnlyDictionary<ReportingPeriod, IReadOnlyDictionary<string, IReadOnlyList<string?>>>? groups = null)
    {
        ArgumentNullException.ThrowIfNull(panel);
        List<KeyValuePair<ReportingPeriod, IndicatorMatrix>> periods = [.. panel.OrderBy(p => p.Key)];
        for (int t = 1; t < periods.Count; t++)
        {
            if (periods[t].Key == periods[t - 1].Key)
            {
                throw new ArgumentException($"Period {periods[t].Key} appears twice in the panel.", nameof(panel));
            }
        }

        if (Options.Imputation == ImputationMethod.LatestEarlierPeriod)
        {
            periods = FillFromEarlierPeriods(periods);
        }

        var workspaces = new ScoringWorkspace[periods.Count];
        for (int t = 0; t < periods.Count; t++)
        {
            workspaces[t] = new ScoringWorkspace(this, periods[t].Value.RowCount);
            Prepare(periods[t].Value, workspaces[t], GroupsOf(groups, periods[t].Key));
        }

        ColumnStats[]? stats = Options.PanelNormalisation switch
        {
            PanelNormalisation.Pooled => PooledStats(workspaces),
            PanelNormalisation.FixedBounds => FixedStats(),
            _ => null,
        };

        var tables = new ScoreTable[periods.Count];
        for (int t = 0; t < periods.Count; t++)
        {
            IndicatorMatrix m = periods[t].Value;
            NormaliseAggregateRank(m, workspaces[t], GroupsOf(groups, periods[t].Key), stats, null);
            tables[t] = new ScoreTable(this, workspaces[t], m.Units, periods[t].Key);
        }

        return tables;
    }

    private static IReadOnlyDictionary<string, IReadOnlyList<string?>>? GroupsOf(IReadOnlyDictionary<ReportingPeriod, IReadOnlyDictionary<string, IReadOnlyList<string?>>>? groups, ReportingPeriod period) =>
        groups is not null && groups.TryGetValue(period, out IReadOnlyDictionary<string, IReadOnlyList<string?>>? g) ? g : null;

    private static List<KeyValuePair<ReportingPeriod, IndicatorMatrix>> FillFromEarlierPeriods(List<KeyValuePair<ReportingPeriod, IndicatorMatrix>> periods)
    {
        var result = new List<KeyValuePair<ReportingPeriod, IndicatorMatrix>>(periods.Count);
        for (int t = 0; t < periods.Count; t++)
        {
            IndicatorMatrix m = periods[t].Value;
            double[] values = m.AsSpan().ToArray();
            for (int c = 0; c < m.ColumnCount; c++)
            {
                for (int r = 0; r < m.RowCount; r++)
                {
                    int at = (c * m.RowCount) + r;
                    if (!double.IsNaN(values[at]))
                    {
                        continue;
                    }

                    for (int e = t - 1; e >= 0; e--)
                    {
                        IndicatorMatrix earlier = periods[e].Value;
                        int er = earlier.RowOf(m.Units[r]);
                        int ec = earlier.ColumnOf(m.Indicators[c]);
                        if (er >= 0 && ec >= 0 && !double.IsNaN(earlier[er, ec]))
                        {
                            values[at] = earlier[er, ec];
                            break;
                        }
                    }
                }
            }

            result.Add(new(periods[t].Key, new IndicatorMatrix(m.Units, m.Indicators, values)));
        }

        return result;
    }

    private ColumnStats[] PooledStats(ScoringWorkspace[] workspaces)
    {
        var stats = new ColumnStats[IndicatorCodes.Count];
        for (int j = 0; j < stats.Length; j++)
        {
            double min = double.PositiveInfinity, max = double.NegativeInfinity, sum = 0;
            int count = 0;
            foreach (ScoringWorkspace ws in workspaces)
            {
                ReadOnlySpan<double> x = ws.Raw(j);
                (double lo, double hi) = ColumnStatistics.MinMax(x);
                min = lo < min ? lo : min;
                max = hi > max ? hi : max;
                (double s, int n) = ColumnStatistics.SumCount(x);
                sum += s;
                count += n;
            }

            double mean = sum / count;
            double ss = 0;
            foreach (ScoringWorkspace ws in workspaces)
            {
                ss += ColumnStatistics.SumSquaredDeviations(ws.Raw(j), mean);
            }

            stats[j] = new ColumnStats(min, max, mean, Math.Sqrt(ss / (count - 1)));
        }

        return stats;
    }

    private ColumnStats[] FixedStats()
    {
        var stats = new ColumnStats[IndicatorCodes.Count];
        var missing = new List<string>();
        for (int j = 0; j < stats.Length; j++)
        {
            if (Options.FixedBounds.TryGetValue(IndicatorCodes[j], out NumericRange range))
            {
                stats[j] = new ColumnStats(range.Min, range.Max, double.NaN, double.NaN);
            }
            else if (_requiredColumn[j] && !_carried[j])
            {
                missing.Add(IndicatorCodes[j]);
            }
            else
            {
                stats[j] = new ColumnStats(double.NaN, double.NaN, double.NaN, double.NaN);
            }
        }

        if (missing.Count > 0)
        {
            throw new ArgumentException($"Fixed-bounds panel normalisation needs (min, max) for every scored indicator; missing: {string.Join(", ", missing)}.");
        }

        return stats;
    }
}
