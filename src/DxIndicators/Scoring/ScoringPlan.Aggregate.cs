using System.Globalization;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Scoring.Kernels;

namespace DxIndicators.Scoring;

public sealed partial class ScoringPlan
{
    private static ReadOnlySpan<double> ChildColumn(int reference, ScoringWorkspace ws) =>
        reference >= 0 ? ws.Normalised(reference) : ws.NodeScores(~reference);

    private string ChildCode(int reference) => reference >= 0 ? IndicatorCodes[reference] : NodeCodes[~reference];

    private void EnsureNormalised(int reference, IndicatorMatrix matrix, ScoringWorkspace ws, ColumnStats[]? stats, KernelPath path)
    {
        if (reference >= 0 && !ws._normalisedDone[reference])
        {
            Normalise(reference, matrix, ws, stats is null ? null : stats[reference], path);
            ws._normalisedDone[reference] = true;
        }
    }

    /// <summary>Gets the exponent p of node k's generalised mean.</summary>
    internal double NodePower(int k) => _power[k];

    /// <summary>Gets the child column of link c.</summary>
    internal ReadOnlySpan<double> LinkColumn(int c, ScoringWorkspace ws) => ChildColumn(_childRef[c], ws);

    /// <summary>Normalises the indicator of link c, if it is one and not yet normalised.</summary>
    internal void EnsureLinkNormalised(int c, IndicatorMatrix matrix, ScoringWorkspace ws, ColumnStats[]? stats, KernelPath path) =>
        EnsureNormalised(_childRef[c], matrix, ws, stats, path);

    /// <summary>The plan's own weights use the total summed at compile time (same order, same bits); other weight
    /// vectors (Analysis) sum theirs here in link order.</summary>
    internal double NodeTotalWeight(int k, ReadOnlySpan<double> weight) =>
        weight == _childWeight ? _totalWeight[k] : TotalWeight(weight, _childStart[k], _childStart[k + 1]);

    /// <summary>
    /// Aggregates node k from its children, children outermost so each unit's sum has the same order on every
    /// path, by the node's <see cref="AggregationRule"/>. Missing children are skipped and the weights of those present
    /// re-normalised (points ratio: they earn 0); then the minimum share of children present applies.
    /// </summary>
    private void Aggregate(int k, IndicatorMatrix matrix, ScoringWorkspace ws, ColumnStats[]? stats, KernelPath path, ReadOnlySpan<double> weight)
    {
        AggregationRule rule = AggregatorRegistry.Rule(_method[k]);
        var node = new NodeAggregation(this, k, matrix, ws, stats, path, weight);
        if (!rule.Streaming)
        {
            for (int c = node.Start; c < node.End; c++)
            {
                node.EnsureNormalised(c);
            }
        }

        node.Sum.Clear();
        node.WeightSum.Clear();
        bool counted = rule.Aggregate(node);
        ApplyMinShare(node, counted);
    }

    /// <summary>A unit whose share of children present is strictly below the node's minimum share becomes missing.</summary>
    private void ApplyMinShare(in NodeAggregation node, bool counted)
    {
        double share = _minShare[node.Node];
        if (double.IsNaN(share))
        {
            return;
        }

        Span<double> count = node.Count, y = node.Y;
        if (!counted)
        {
            count.Clear();
            for (int c = node.Start; c < node.End; c++)
            {
                CountPresent.Accumulate(node.Child(c), count, node.WeightSum, node.Path);
            }
        }

        double n = node.End - node.Start;
        for (int i = 0; i < y.Length; i++)
        {
            if (count[i] / n < share)
            {
                y[i] = double.NaN;
            }
        }
    }

    /// <summary>From this many units on, node ranks use the LSD radix sort (<see cref="Ranking.RankRadix"/>, the same
    /// ranks); below it the comparison sort, which is faster for few units (docs/performance.md, "Rank").</summary>
    internal const int RadixRankMinimum = 8192;

    /// <summary>The number of units per block of <see cref="AggregateArithmetic"/>: 8 KB per column, so one block's
    /// raw and normalised columns and the two accumulators stay in L1/L2 whatever the number of units.</summary>
    internal const int UnitBlock = 1024;

    /// <summary>
    /// A weighted arithmetic mean in two steps. First the statistics of every child that is normalised here (its first
    /// parent) are read and turned into affine parameters. Then, block of <see cref="UnitBlock"/> units by block, each
    /// child is normalised and accumulated in one pass (<see cref="NormaliseAccumulate"/>: the normalised column is
    /// written and not read back), already-computed children are accumulated, and the block's quotient is taken.
    /// Each unit's additions keep the link order, so the bits are those of normalising whole columns and then
    /// accumulating them (the kernels' tests and PipelineTests show it).
    /// </summary>
    internal void AggregateArithmetic(int k, IndicatorMatrix matrix, ScoringWorkspace ws, ColumnStats[]? stats, KernelPath path, ReadOnlySpan<double> weight, Span<double> y)
    {
        int start = _childStart[k], end = _childStart[k + 1];
        Span<bool> fused = ws._fused.AsSpan(0, end - start);
        Span<AffineParameters> affine = ws._affine.AsSpan(0, end - start);
        PrepareFusedChildren(start, end, matrix, ws, stats, path, fused, affine);
        int units = y.Length;
        for (int b0 = 0; b0 < units; b0 += UnitBlock)
        {
            int len = Math.Min(UnitBlock, units - b0);
            Span<double> sum = ws._sum.AsSpan(b0, len), wsum = ws._weightSum.AsSpan(b0, len);
            int c = start;
            while (c < end)
            {
                int f = c - start;
                if (c + 4 <= end && fused[f] && fused[f + 1] && fused[f + 2] && fused[f + 3])
                {
                    int r0 = _childRef[c], r1 = _childRef[c + 1], r2 = _childRef[c + 2], r3 = _childRef[c + 3];
                    var children = new FusedChildren4(
                        ws.Raw(r0).Slice(b0, len), ws.Raw(r1).Slice(b0, len), ws.Raw(r2).Slice(b0, len), ws.Raw(r3).Slice(b0, len),
                        affine[f], affine[f + 1], affine[f + 2], affine[f + 3],
                        ws.NormalisedColumn(r0).Slice(b0, len), ws.NormalisedColumn(r1).Slice(b0, len), ws.NormalisedColumn(r2).Slice(b0, len), ws.NormalisedColumn(r3).Slice(b0, len));
                    NormaliseAccumulate.Run4(children, new Weights4(weight[c], weight[c + 1], weight[c + 2], weight[c + 3]), sum, wsum, path);
                    c += 4;
                }
                else if (c + 4 <= end && !fused[f] && !fused[f + 1] && !fused[f + 2] && !fused[f + 3])
                {
                    WeightedSum4.Accumulate(
                        ChildColumn(_childRef[c], ws).Slice(b0, len), ChildColumn(_childRef[c + 1], ws).Slice(b0, len),
                        ChildColumn(_childRef[c + 2], ws).Slice(b0, len), ChildColumn(_childRef[c + 3], ws).Slice(b0, len),
                        new Weights4(weight[c], weight[c + 1], weight[c + 2], weight[c + 3]), sum, wsum, path);
                    c += 4;
                }
                else if (fused[f])
                {
                    int r = _childRef[c];
                    NormaliseAccumulate.Run(ws.Raw(r).Slice(b0, len), affine[f], weight[c], ws.NormalisedColumn(r).Slice(b0, len), sum, wsum, path);
                    c++;
                }
                else
                {
                    WeightedSum.Accumulate(ChildColumn(_childRef[c], ws).Slice(b0, len), weight[c], sum, wsum, path);
                    c++;
                }
            }

            Quotient.Divide(sum, wsum, y.Slice(b0, len), path);
        }
    }

    /// <summary>For each child normalised here (its first parent): the affine parameters of a method the fused kernel
    /// accepts (fused[c] = true), else the child is normalised now by its own code.</summary>
    private void PrepareFusedChildren(int start, int end, IndicatorMatrix matrix, ScoringWorkspace ws, ColumnStats[]? stats, KernelPath path, Span<bool> fused, Span<AffineParameters> affine)
    {
        for (int c = start; c < end; c++)
        {
            int r = _childRef[c];
            fused[c - start] = false;
            if (r < 0 || ws._normalisedDone[r])
            {
                continue;
            }

            ColumnStats? s = stats is null ? null : stats[r];
            if (!_carried[r] && TryAffine(r, matrix, ws, s, path, out AffineParameters p) && NormaliseAccumulate.Accepts(p))
            {
                fused[c - start] = true;
                affine[c - start] = p;
            }
            else
            {
                Normalise(r, matrix, ws, s, path);
            }

            ws._normalisedDone[r] = true;
        }
    }

    private static double TotalWeight(ReadOnlySpan<double> weight, int start, int end)
    {
        double total = 0;
        for (int c = start; c < end; c++)
        {
            total += weight[c];
        }

        return total;
    }

    internal bool AnyPresent(int unit, int start, int end, ScoringWorkspace ws)
    {
        for (int c = start; c < end; c++)
        {
            if (!double.IsNaN(ChildColumn(_childRef[c], ws)[unit]))
            {
                return true;
            }
        }

        return false;
    }

    internal void CheckPositive(int k, int start, int end, IndicatorMatrix matrix, ScoringWorkspace ws, string what, string need, bool allowZero = false)
    {
        List<string>? bad = null;
        for (int c = start; c < end; c++)
        {
            ReadOnlySpan<double> x = ChildColumn(_childRef[c], ws);
            for (int i = 0; i < x.Length; i++)
            {
                if (allowZero ? x[i] < 0 : x[i] <= 0)
                {
                    (bad ??= []).Add(string.Create(CultureInfo.InvariantCulture, $"unit '{matrix.Units[i]}' child '{ChildCode(_childRef[c])}' = {x[i]}"));
                }
            }
        }

        if (bad is not null)
        {
            throw new InvalidOperationException(
                $"Node '{NodeCodes[k]}' uses a {what}, which needs {need} child scores, but {bad.Count} are not: {string.Join("; ", bad)}. " +
                "Normalise to a strictly positive range (for example min-max to [1, 100]) or use the arithmetic mean.");
        }
    }

    private void Rank(ScoringWorkspace ws, IReadOnlyDictionary<string, IReadOnlyList<string?>>? groups, int units)
    {
        int[]? group = null;
        int groupCount = 0;
        if (Options.RankGroup is { } column)
        {
            (group, groupCount) = GroupIds(groups, column, units);
        }

        for (int k = 0; k < NodeCodes.Count; k++)
        {
            Span<double> ranks = ws._ranks.AsSpan(k * units, units);
            if (!_ranked[k])
            {
                ranks.Fill(double.NaN);
                ws._universe[k] = 0;
                continue;
            }

            ReadOnlySpan<double> scores = ws.NodeScores(k);
            ws._universe[k] = ws._radix is { } radix
                ? Ranking.RankRadix(scores, ranks, Options.RankMethod, radix)
                : Ranking.Rank(scores, ranks, Options.RankMethod, ascending: false, ws._keys, ws._order);
            if (group is null)
            {
                continue;
            }

            Span<double> groupRanks = ws._groupRanks.AsSpan(k * units, units);
            Span<int> groupUniverse = ws._groupUniverse.AsSpan(k * units, units);
            groupRanks.Fill(double.NaN);
            groupUniverse.Clear();
            var members = new int[units];
            for (int g = 0; g < groupCount; g++)
            {
                int m = 0;
                for (int i = 0; i < units; i++)
                {
                    if (group[i] == g)
                    {
                        members[m] = i;
                        ws._scratch[m] = scores[i];
                        m++;
                    }
                }

                int universe = Ranking.Rank(ws._scratch.AsSpan(0, m), ws._scratch2.AsSpan(0, m), Options.RankMethod, ascending: false, ws._keys, ws._order);
                for (int t = 0; t < m; t++)
                {
                    groupRanks[members[t]] = ws._scratch2[t];
                    groupUniverse[members[t]] = universe;
                }
            }
        }
    }

    /// <summary>
    /// Computes each descendant's effective weight in a node: weights normalised within each parent, multiplied
    /// down the tree, summed over every path when a child has several parents (methods.md §2.3).
    /// </summary>
    /// <param name="node">The node code (for example the root or a pillar).</param>
    /// <returns>Effective weight by code, for every node and indicator under <paramref name="node"/>; the indicators' weights add up to 1.</returns>
    /// <exception cref="KeyNotFoundException">Unknown node.</exception>
    public IReadOnlyDictionary<string, double> EffectiveWeights(string node)
    {
        int k = NodeCodes.AsSpan().IndexOf(node);
        if (k < 0)
        {
            throw new KeyNotFoundException($"Framework '{Framework.Id}' has no node '{node}'.");
        }

        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        Walk(k, 1.0);
        return result;

        void Walk(int at, double share)
        {
            double total = _totalWeight[at];
            for (int c = _childStart[at]; c < _childStart[at + 1]; c++)
            {
                double w = share * _childWeight[c] / total;
                string code = ChildCode(_childRef[c]);
                result[code] = result.GetValueOrDefault(code) + w;
                if (_childRef[c] < 0)
                {
                    Walk(~_childRef[c], w);
                }
            }
        }
    }
}
