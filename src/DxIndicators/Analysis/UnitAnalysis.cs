using System.Globalization;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Scoring;
using DxIndicators.Scoring.Kernels;

namespace DxIndicators.Analysis;

/// <summary>Back to the data: contributions, strengths and weaknesses, smallest improvements, and comparisons of two scorings.</summary>
/// <remarks>Formulas: docs/methodology.md, "Contributions and improvements".</remarks>
public static class UnitAnalysis
{
    /// <summary>Splits every unit's score at a node into indicator contributions.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="matrix">Raw values.</param>
    /// <param name="node">The node (null: the root).</param>
    /// <param name="groups">Group columns, when the plan needs them.</param>
    /// <returns>Rows per unit (matrix order) and indicator (framework order of first use); units with a missing score have none.</returns>
    /// <exception cref="ArgumentException">Unknown node.</exception>
    /// <exception cref="InvalidOperationException">A node below uses a non-linear aggregator (contributions add up only through weighted arithmetic means and points ratios).</exception>
    public static ValueList<IndicatorContribution> Contributions(ScoringPlan plan, IndicatorMatrix matrix, string? node = null, IReadOnlyDictionary<string, IReadOnlyList<string?>>? groups = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(matrix);
        int k = NodeIndex(plan, node ?? plan.Framework.Root);
        CheckLinear(plan, k);
        var ws = new ScoringWorkspace(plan, matrix.RowCount);
        plan.ScoreInto(matrix, ws, groups);
        var walk = new ContributionWalk(plan, ws);
        var rows = new List<IndicatorContribution>();
        for (int u = 0; u < matrix.RowCount; u++)
        {
            if (double.IsNaN(ws.NodeScores(k)[u]))
            {
                continue;
            }

            walk.Run(k, u);
            foreach (int j in walk.Order)
            {
                double e = walk.Share[j], x = ws.Normalised(j)[u];
                rows.Add(new IndicatorContribution(matrix.Units[u], plan.NodeCodes[k], plan.IndicatorCodes[j], e, x, e * x));
            }
        }

        return rows.ToValueList();
    }

    /// <summary>The indicators where a unit ranks best and worst among all units (COINr <c>get_str_weak</c> on normalised values).</summary>
    /// <param name="table">A score table.</param>
    /// <param name="raw">The raw values the table was scored from (for display).</param>
    /// <param name="unit">The unit code.</param>
    /// <param name="count">How many strengths and how many weaknesses, at least 1.</param>
    /// <returns>Strengths (best rank first), then weaknesses (worst rank first); ties broken by framework order; indicators the unit lacks are left out.</returns>
    /// <exception cref="KeyNotFoundException">Unknown unit.</exception>
    public static ValueList<StrengthOrWeakness> StrengthsAndWeaknesses(ScoreTable table, IndicatorMatrix raw, string unit, int count = 5)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        int u = table.Units.AsSpan().IndexOf(unit);
        if (u < 0)
        {
            throw new KeyNotFoundException($"The score table has no unit '{unit}'.");
        }

        int n = table.Units.Count;
        var ranks = new double[n];
        var keys = new double[n];
        var order = new int[n];
        var list = new List<(string Code, double Rank, int Ranked, double Value, double Raw)>();
        foreach (string code in table.Indicators)
        {
            ReadOnlySpan<double> values = table.Normalised(code);
            if (double.IsNaN(values[u]))
            {
                continue;
            }

            int ranked = Ranking.Rank(values, ranks, RankMethod.Competition, ascending: false, keys, order);
            int col = raw.Indicators.AsSpan().IndexOf(code);
            list.Add((code, ranks[u], ranked, values[u], col < 0 ? double.NaN : raw.Column(col)[raw.Units.AsSpan().IndexOf(unit)]));
        }

        var rows = new List<StrengthOrWeakness>();
        foreach (var s in list.OrderBy(x => x.Rank).Take(count))
        {
            rows.Add(new StrengthOrWeakness(unit, s.Code, s.Rank, s.Ranked, s.Value, s.Raw, true));
        }

        foreach (var s in list.OrderByDescending(x => x.Rank).Take(count))
        {
            rows.Add(new StrengthOrWeakness(unit, s.Code, s.Rank, s.Ranked, s.Value, s.Raw, false));
        }

        return rows.ToValueList();
    }

    /// <summary>
    /// For each indicator under a node, the smallest change of the unit's raw value (in the indicator's better direction,
    /// within its valid range) that lifts the unit at least one rank, found by re-scoring: the change is doubled until the
    /// rank improves, then bisected 60 times.
    /// </summary>
    /// <param name="plan">The plan.</param>
    /// <param name="matrix">Raw values.</param>
    /// <param name="unit">The unit code.</param>
    /// <param name="node">The node (null: the root).</param>
    /// <param name="groups">Group columns, when the plan needs them.</param>
    /// <returns>One row per indicator the unit has a value for, smallest relative change first; NaN required value when none helps.</returns>
    /// <exception cref="KeyNotFoundException">Unknown unit.</exception>
    /// <exception cref="ArgumentException">Unknown node.</exception>
    public static ValueList<Improvement> SmallestImprovements(ScoringPlan plan, IndicatorMatrix matrix, string unit, string? node = null, IReadOnlyDictionary<string, IReadOnlyList<string?>>? groups = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(matrix);
        int k = NodeIndex(plan, node ?? plan.Framework.Root);
        int u = matrix.Units.AsSpan().IndexOf(unit);
        if (u < 0)
        {
            throw new KeyNotFoundException($"The data have no unit '{unit}'.");
        }

        var search = new ImprovementSearch(plan, matrix, groups, k, u);
        var under = new HashSet<string>(plan.EffectiveWeights(plan.NodeCodes[k]).Keys, StringComparer.Ordinal);
        var rows = new List<(Improvement Row, double Relative)>();
        foreach (IndicatorDefinition ind in plan.Framework.Indicators.Where(i => under.Contains(i.Code)))
        {
            int col = matrix.Indicators.AsSpan().IndexOf(ind.Code);
            if (col < 0 || double.IsNaN(matrix[u, col]) || search.Current <= 1)
            {
                continue;
            }

            rows.Add(search.Smallest(ind, col, unit));
        }

        return rows.OrderBy(r => r.Relative).Select(r => r.Row).ToValueList();
    }

    /// <summary>Compares two scorings of the same units at one node (COINr <c>compare_coins</c>).</summary>
    /// <param name="a">The first table.</param>
    /// <param name="b">The second table.</param>
    /// <param name="node">The node code, present in both.</param>
    /// <returns>One row per unit of <paramref name="a"/>, in its order; a unit missing from <paramref name="b"/> gets NaN there.</returns>
    /// <exception cref="KeyNotFoundException">The node is missing from a table.</exception>
    public static ValueList<ScoringDifference> Compare(ScoreTable a, ScoreTable b, string node)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ReadOnlySpan<double> sa = a.Scores(node), ra = a.Ranks(node), sb = b.Scores(node), rb = b.Ranks(node);
        var rows = new ScoringDifference[a.Units.Count];
        for (int i = 0; i < rows.Length; i++)
        {
            int j = b.Units.AsSpan().IndexOf(a.Units[i]);
            rows[i] = new ScoringDifference(a.Units[i], sa[i], j < 0 ? double.NaN : sb[j], ra[i], j < 0 ? double.NaN : rb[j]);
        }

        return ValueList.Of(rows);
    }

    private static (double Lo, double Hi) Spread(ReadOnlySpan<double> x)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (double v in x)
        {
            if (!double.IsNaN(v))
            {
                lo = Math.Min(lo, v);
                hi = Math.Max(hi, v);
            }
        }

        return (lo, hi);
    }

    private static int NodeIndex(ScoringPlan plan, string node)
    {
        int k = plan.NodeCodes.AsSpan().IndexOf(node);
        return k >= 0 ? k : throw new ArgumentException($"Framework '{plan.Framework.Id}' has no node '{node}'.", nameof(node));
    }

    private static void CheckLinear(ScoringPlan plan, int k)
    {
        AggregationMethod m = plan.NodeMethod(k);
        if (m is not (AggregationMethod.ArithmeticMean or AggregationMethod.PointsRatio))
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Contributions add up to the score only through weighted arithmetic means and points ratios, but node '{plan.NodeCodes[k]}' uses {m}."));
        }

        (int start, int end) = plan.ChildRange(k);
        for (int c = start; c < end; c++)
        {
            if (plan.ChildReference(c) < 0)
            {
                CheckLinear(plan, ~plan.ChildReference(c));
            }
        }
    }

    /// <summary>
    /// The effective weight of each indicator in one unit's score at a node: the node's share (1) split down the tree
    /// over the children that have a value, in proportion to the link weights (under a points ratio every child counts
    /// in the total, as in the score).
    /// </summary>
    private sealed class ContributionWalk(ScoringPlan plan, ScoringWorkspace ws)
    {
        /// <summary>Gets each indicator's effective weight, by indicator index.</summary>
        public Dictionary<int, double> Share { get; } = [];

        /// <summary>Gets the indicators of <see cref="Share"/> in the order the walk first reached them.</summary>
        public List<int> Order { get; } = [];

        /// <summary>Fills <see cref="Share"/> and <see cref="Order"/> for unit <paramref name="u"/> at node <paramref name="node"/>.</summary>
        public void Run(int node, int u)
        {
            Share.Clear();
            Order.Clear();
            Walk(node, 1.0, u, plan.LinkWeights);
        }

        private void Walk(int at, double s, int u, ReadOnlySpan<double> w)
        {
            (int start, int end) = plan.ChildRange(at);
            bool points = plan.NodeMethod(at) == AggregationMethod.PointsRatio;
            double total = 0;
            for (int c = start; c < end; c++)
            {
                if (points || !double.IsNaN(Child(c, u)))
                {
                    total += w[c];
                }
            }

            for (int c = start; c < end; c++)
            {
                double x = Child(c, u);
                if (double.IsNaN(x))
                {
                    continue;
                }

                double e = s * w[c] / total;
                int r = plan.ChildReference(c);
                if (r >= 0)
                {
                    if (!Share.TryAdd(r, e))
                    {
                        Share[r] += e;
                    }
                    else
                    {
                        Order.Add(r);
                    }
                }
                else
                {
                    Walk(~r, e, u, w);
                }
            }
        }

        private double Child(int c, int u)
        {
            int r = plan.ChildReference(c);
            return r >= 0 ? ws.Normalised(r)[u] : ws.NodeScores(~r)[u];
        }
    }

    /// <summary>
    /// Re-scores one unit's data with one raw value changed at a time, to find the smallest change that lifts the unit's
    /// rank at a node: the change is doubled until the rank improves, then bisected.
    /// </summary>
    private sealed class ImprovementSearch
    {
        private readonly ScoringPlan _plan;
        private readonly IndicatorMatrix _matrix;
        private readonly IReadOnlyDictionary<string, IReadOnlyList<string?>>? _groups;
        private readonly int _node;
        private readonly int _unit;
        private readonly ScoringWorkspace _ws;
        private readonly int[] _rankNode;
        private readonly RadixScratch _radix;
        private readonly double[] _values;

        public ImprovementSearch(ScoringPlan plan, IndicatorMatrix matrix, IReadOnlyDictionary<string, IReadOnlyList<string?>>? groups, int node, int unit)
        {
            (_plan, _matrix, _groups, _node, _unit) = (plan, matrix, groups, node, unit);
            _ws = new ScoringWorkspace(plan, matrix.RowCount);
            _rankNode = [node];
            _radix = new RadixScratch(matrix.RowCount);
            Current = RankWith(matrix);
            _values = matrix.AsSpan().ToArray();
        }

        /// <summary>Gets the unit's rank with the data as they are.</summary>
        public double Current { get; }

        /// <summary>The smallest improvement of indicator <paramref name="ind"/> (column <paramref name="col"/>), with
        /// its change relative to the column's spread (infinite when no change helps).</summary>
        public (Improvement Row, double Relative) Smallest(IndicatorDefinition ind, int col, string unit)
        {
            double x0 = _matrix[_unit, col];
            (double lo, double hi) = Spread(_matrix.Column(col));
            double found = Widen(ind, col, x0, hi > lo ? hi - lo : Math.Max(1, Math.Abs(x0)));
            double newRank = Current;
            if (!double.IsNaN(found))
            {
                found = Bisect(col, x0, found);
                newRank = Try(col, found);
            }

            _values[(col * _matrix.RowCount) + _unit] = x0;
            double relative = double.IsNaN(found) ? double.PositiveInfinity : Math.Abs(found - x0) / (hi > lo ? hi - lo : 1);
            return (new Improvement(unit, _plan.NodeCodes[_node], ind.Code, x0, found, Current, newRank), relative);
        }

        /// <summary>Doubles the step from <paramref name="x0"/> in the better direction, up to 40 times and within the
        /// valid range, until the rank improves: that value, or NaN when none helps.</summary>
        private double Widen(IndicatorDefinition ind, int col, double x0, double step)
        {
            double sign = ind.Polarity == Polarity.LowerIsBetter ? -1 : 1;
            double limit = sign > 0 ? ind.ValidRange.Max : ind.ValidRange.Min;
            for (int d = 0; d < 40; d++, step *= 2)
            {
                double x = x0 + (sign * step);
                x = sign > 0 ? Math.Min(x, limit) : Math.Max(x, limit);
                if (Try(col, x) < Current)
                {
                    return x;
                }

                if (x == limit)
                {
                    break;
                }
            }

            return double.NaN;
        }

        /// <summary>Bisects between <paramref name="bad"/> (no better rank) and <paramref name="good"/> (a better rank),
        /// 60 times or until they meet: the good end.</summary>
        private double Bisect(int col, double bad, double good)
        {
            for (int it = 0; it < 60; it++)
            {
                double mid = bad + ((good - bad) / 2);
                if (mid == good || mid == bad)
                {
                    break;
                }

                if (Try(col, mid) < Current)
                {
                    good = mid;
                }
                else
                {
                    bad = mid;
                }
            }

            return good;
        }

        /// <summary>The unit's rank with its value in column <paramref name="col"/> set to <paramref name="x"/>.</summary>
        private double Try(int col, double x)
        {
            _values[(col * _matrix.RowCount) + _unit] = x;
            return RankWith(new IndicatorMatrix(_matrix.Units, _matrix.Indicators, _values));
        }

        private double RankWith(IndicatorMatrix m)
        {
            _plan.ScoreInto(m, _ws, _groups);
            _plan.ReaggregateInto(_ws, _plan.LinkWeights, _rankNode, _radix);
            return _ws.Ranks(_node)[_unit];
        }
    }
}
