using System.Globalization;
using DxIndicators.Data;
using DxIndicators.Scoring;
using DxIndicators.Scoring.Kernels;

namespace DxIndicators.Analysis;

/// <summary>The statistical audit of a framework and its data (COINr <c>get_stats</c>, <c>get_corr</c>, <c>get_cronbach</c>, <c>get_corr_flags</c>, <c>Screen</c>).</summary>
/// <remarks>All statistics skip missing values (pairwise complete for pairs). Formulas: docs/methodology.md, "Statistical audit".</remarks>
public static class StatisticalAudit
{
    /// <summary>Runs every part of the audit.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="matrix">Raw values.</param>
    /// <param name="thresholds">Thresholds (null: COINr's).</param>
    /// <param name="groups">Group columns, when the plan needs them.</param>
    /// <returns>The report.</returns>
    public static AuditReport Run(ScoringPlan plan, IndicatorMatrix matrix, AuditThresholds? thresholds = null, IReadOnlyDictionary<string, IReadOnlyList<string?>>? groups = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(matrix);
        AuditThresholds t = thresholds ?? AuditThresholds.Default;
        ScoreTable table = plan.Score(matrix, groups);
        CorrelationMatrix pearson = Correlations(plan, table, CorrelationMethod.Pearson);
        return new AuditReport(
            Statistics(matrix, plan.IndicatorCodes, t),
            pearson,
            Correlations(plan, table, CorrelationMethod.Spearman),
            Consistency(plan, table),
            Flags(plan, pearson, t),
            Screen(matrix, plan.IndicatorCodes, t.UnitAvailability));
    }

    /// <summary>Column statistics with COINr's flags.</summary>
    /// <param name="matrix">Values.</param>
    /// <param name="codes">The columns (null: all).</param>
    /// <param name="thresholds">Thresholds (null: COINr's).</param>
    /// <returns>One row per column.</returns>
    /// <exception cref="ArgumentException">A code is not a column (all are listed).</exception>
    public static ValueList<ColumnStatistics> Statistics(IndicatorMatrix matrix, IEnumerable<string>? codes = null, AuditThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        AuditThresholds t = thresholds ?? AuditThresholds.Default;
        int n = matrix.RowCount;
        var rows = new List<ColumnStatistics>();
        foreach (int c in Columns(matrix, codes))
        {
            double[] x = [.. matrix.Column(c).ToArray().Where(v => !double.IsNaN(v))];
            int m = x.Length;
            Array.Sort(x);
            double mean = m == 0 ? double.NaN : x.Average();
            double sd = m < 2 ? double.NaN : Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (m - 1));
            double median = m == 0 ? double.NaN : m % 2 == 1 ? x[m / 2] : (x[(m / 2) - 1] + x[m / 2]) / 2;
            double skew = Preprocessing.Skew(x), kurt = Preprocessing.Kurtosis(x);
            int nonZero = x.Count(v => v != 0);
            var counts = x.GroupBy(v => v).Select(g => g.Count()).ToList();
            int unique = counts.Count, same = counts.Count == 0 ? 0 : counts.Max();
            rows.Add(new ColumnStatistics(
                matrix.Indicators[c], m == 0 ? double.NaN : x[0], m == 0 ? double.NaN : x[^1], mean, median, sd, skew, kurt, m, nonZero, unique, same, n,
                LowAvailability: (double)m / n < t.Availability,
                ManyZeros: (double)nonZero / n < t.NonZero,
                FewUnique: (double)unique / n < t.Unique,
                Outliers: Math.Abs(skew) > t.Skew && kurt > t.Kurtosis));
        }

        return rows.ToValueList();
    }

    /// <summary>The correlation matrix of a scoring's normalised indicators and node scores.</summary>
    /// <param name="plan">The plan the table was scored with.</param>
    /// <param name="table">The score table.</param>
    /// <param name="method">Pearson or Spearman.</param>
    /// <returns>The matrix, indicators first then nodes bottom-up.</returns>
    public static CorrelationMatrix Correlations(ScoringPlan plan, ScoreTable table, CorrelationMethod method)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(table);
        var codes = new List<string>();
        var levels = new List<int>();
        var columns = new List<double[]>();
        foreach (string code in plan.IndicatorCodes)
        {
            codes.Add(code);
            levels.Add(1);
            columns.Add(table.Normalised(code).ToArray());
        }

        int[] nodeLevel = NodeLevels(plan);
        for (int k = 0; k < plan.NodeCodes.Count; k++)
        {
            codes.Add(plan.NodeCodes[k]);
            levels.Add(nodeLevel[k]);
            columns.Add(table.Scores(plan.NodeCodes[k]).ToArray());
        }

        return Correlations(codes, levels, columns, method);
    }

    /// <summary>The pairwise-complete correlation matrix of arbitrary columns.</summary>
    /// <param name="codes">Column names.</param>
    /// <param name="levels">A level per column.</param>
    /// <param name="columns">The columns, all of one length.</param>
    /// <param name="method">Pearson or Spearman.</param>
    /// <returns>The matrix.</returns>
    /// <exception cref="ArgumentException">Lengths differ.</exception>
    public static CorrelationMatrix Correlations(IReadOnlyList<string> codes, IReadOnlyList<int> levels, IReadOnlyList<double[]> columns, CorrelationMethod method)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(columns);
        if (codes.Count != columns.Count || levels.Count != columns.Count || columns.Any(c => c.Length != columns[0].Length))
        {
            throw new ArgumentException("Codes, levels and columns must match, and every column must have the same length.", nameof(columns));
        }

        int p = columns.Count;
        var values = new double[p * p];
        var pairs = new int[p * p];
        for (int a = 0; a < p; a++)
        {
            for (int b = a; b < p; b++)
            {
                (double r, int m) = Correlation(columns[a], columns[b], method);
                values[(a * p) + b] = values[(b * p) + a] = r;
                pairs[(a * p) + b] = pairs[(b * p) + a] = m;
            }
        }

        return new CorrelationMatrix(method, codes.ToValueList(), levels.ToValueList(), ValueList.Of(values), ValueList.Of(pairs));
    }

    /// <summary>Cronbach's alpha of every node's children.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="table">Its score table.</param>
    /// <returns>One row per node, bottom-up.</returns>
    public static ValueList<NodeConsistency> Consistency(ScoringPlan plan, ScoreTable table)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(table);
        var rows = new List<NodeConsistency>();
        for (int k = 0; k < plan.NodeCodes.Count; k++)
        {
            (int start, int end) = plan.ChildRange(k);
            var cols = new List<double[]>();
            for (int c = start; c < end; c++)
            {
                int r = plan.ChildReference(c);
                cols.Add(r >= 0 ? table.Normalised(plan.IndicatorCodes[r]).ToArray() : table.Scores(plan.NodeCodes[~r]).ToArray());
            }

            rows.Add(new NodeConsistency(plan.NodeCodes[k], cols.Count, CronbachAlpha(cols)));
        }

        return rows.ToValueList();
    }

    /// <summary>Cronbach's alpha, α = k²·σ̄ / Σσ, with σ the pairwise-complete covariance matrix and σ̄ the mean off-diagonal covariance (COINr <c>cronbach_alpha</c>).</summary>
    /// <param name="columns">The items (k ≥ 2 for a defined value).</param>
    /// <returns>Alpha, NaN when k &lt; 2.</returns>
    public static double CronbachAlpha(IReadOnlyList<double[]> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        int k = columns.Count;
        if (k < 2)
        {
            return double.NaN;
        }

        double all = 0, diagonal = 0;
        for (int a = 0; a < k; a++)
        {
            for (int b = 0; b < k; b++)
            {
                double cov = Covariance(columns[a], columns[b]);
                if (double.IsNaN(cov))
                {
                    continue;
                }

                all += cov;
                if (a == b)
                {
                    diagonal += cov;
                }
            }
        }

        double offMean = (all - diagonal) / (k * (k - 1.0));
        return k * k * offMean / all;
    }

    /// <summary>Pairs of indicators flagged collinear (same parent) or near-duplicate.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="pearson">The Pearson matrix of <see cref="Correlations(ScoringPlan, ScoreTable, CorrelationMethod)"/>.</param>
    /// <param name="thresholds">Thresholds (null: COINr's).</param>
    /// <returns>The flagged pairs, in column order.</returns>
    public static ValueList<PairFlag> Flags(ScoringPlan plan, CorrelationMatrix pearson, AuditThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(pearson);
        AuditThresholds t = thresholds ?? AuditThresholds.Default;
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int c = 0; c < plan.LinkCount; c++)
        {
            parent.TryAdd(plan.LinkChildCode(c), plan.NodeCodes[plan.LinkParent(c)]);
        }

        var rows = new List<PairFlag>();
        int ni = plan.IndicatorCodes.Count;
        for (int a = 0; a < ni; a++)
        {
            for (int b = a + 1; b < ni; b++)
            {
                string ca = plan.IndicatorCodes[a], cb = plan.IndicatorCodes[b];
                double r = pearson[ca, cb];
                string? same = parent.TryGetValue(ca, out string? pa) && parent.TryGetValue(cb, out string? pb) && pa == pb ? pa : null;
                bool collinear = same is not null && r > t.Collinear, duplicate = r > t.NearDuplicate;
                if (collinear || duplicate)
                {
                    rows.Add(new PairFlag(ca, cb, r, same, collinear, duplicate));
                }
            }
        }

        return rows.ToValueList();
    }

    /// <summary>Unit screening by data availability (COINr <c>Screen(unit_screen = "byNA")</c>).</summary>
    /// <param name="matrix">Raw values.</param>
    /// <param name="codes">The indicators screened (null: all columns).</param>
    /// <param name="threshold">The share of indicators a unit needs (COINr default 2/3); a unit below it is excluded.</param>
    /// <returns>One row per unit.</returns>
    public static ValueList<UnitScreening> Screen(IndicatorMatrix matrix, IEnumerable<string>? codes = null, double threshold = 2.0 / 3)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int[] cols = Columns(matrix, codes);
        var rows = new UnitScreening[matrix.RowCount];
        for (int u = 0; u < rows.Length; u++)
        {
            int available = 0, nonZero = 0;
            foreach (int c in cols)
            {
                double v = matrix[u, c];
                if (!double.IsNaN(v))
                {
                    available++;
                    nonZero += v != 0 ? 1 : 0;
                }
            }

            rows[u] = new UnitScreening(matrix.Units[u], available, cols.Length, nonZero, cols.Length > 0 && (double)available / cols.Length >= threshold);
        }

        return ValueList.Of(rows);
    }

    private static int[] NodeLevels(ScoringPlan plan) => plan.NodeLevels();

    private static int[] Columns(IndicatorMatrix matrix, IEnumerable<string>? codes)
    {
        if (codes is null)
        {
            return [.. Enumerable.Range(0, matrix.ColumnCount)];
        }

        var list = codes.ToList();
        var missing = list.Where(c => matrix.Indicators.AsSpan().IndexOf(c) < 0).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"The data have no column for {string.Join(", ", missing)}.", nameof(codes));
        }

        return [.. list.Select(c => matrix.Indicators.AsSpan().IndexOf(c))];
    }

    private static (double R, int N) Correlation(double[] x, double[] y, CorrelationMethod method)
    {
        var px = new List<double>();
        var py = new List<double>();
        for (int i = 0; i < x.Length; i++)
        {
            if (!double.IsNaN(x[i]) && !double.IsNaN(y[i]))
            {
                px.Add(x[i]);
                py.Add(y[i]);
            }
        }

        int n = px.Count;
        if (n < 2)
        {
            return (double.NaN, n);
        }

        double[] a = [.. px], b = [.. py];
        if (method == CorrelationMethod.Spearman)
        {
            a = AverageRanks(a);
            b = AverageRanks(b);
        }

        double ma = a.Average(), mb = b.Average(), sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < n; i++)
        {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }

        return (saa == 0 || sbb == 0 ? double.NaN : sab / Math.Sqrt(saa * sbb), n);
    }

    private static double[] AverageRanks(double[] x)
    {
        var ranks = new double[x.Length];
        Ranking.Rank(x, ranks, RankMethod.Fractional, ascending: true, new double[x.Length], new int[x.Length]);
        return ranks;
    }

    private static double Covariance(double[] x, double[] y)
    {
        double sx = 0, sy = 0;
        int n = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (!double.IsNaN(x[i]) && !double.IsNaN(y[i]))
            {
                sx += x[i];
                sy += y[i];
                n++;
            }
        }

        if (n < 2)
        {
            return double.NaN;
        }

        double mx = sx / n, my = sy / n, s = 0;
        for (int i = 0; i < x.Length; i++)
        {
            if (!double.IsNaN(x[i]) && !double.IsNaN(y[i]))
            {
                s += (x[i] - mx) * (y[i] - my);
            }
        }

        return s / (n - 1);
    }

    internal static string Format(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
