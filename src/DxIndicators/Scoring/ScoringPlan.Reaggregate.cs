using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Scoring.Kernels;

namespace DxIndicators.Scoring;

/// <summary>
/// The re-aggregation entry used by <c>DxIndicators.Analysis</c>: normalise once, then aggregate and rank again with
/// other link weights, reusing the workspace's normalised matrix and buffers.
/// </summary>
public sealed partial class ScoringPlan
{
    /// <summary>Gets the number of links (parent → child edges) in the plan's CSR child lists.</summary>
    internal int LinkCount => _childWeight.Length;

    /// <summary>Gets the plan's own link weights, in CSR order (nodes bottom-up, each node's links in framework order).</summary>
    internal ReadOnlySpan<double> LinkWeights => _childWeight;

    /// <summary>Gets the index into <see cref="NodeCodes"/> of the node a link belongs to (its parent).</summary>
    internal int LinkParent(int link)
    {
        // Few nodes: a linear walk over the CSR starts is simpler than a search and is only used while setting up.
        int k = 0;
        while (_childStart[k + 1] <= link)
        {
            k++;
        }

        return k;
    }

    /// <summary>Gets the code of a link's child (an indicator or a node).</summary>
    internal string LinkChildCode(int link) => ChildCode(_childRef[link]);

    /// <summary>Gets whether a link's parent is aggregated as a points ratio (its weight is the child's max points).</summary>
    internal bool LinkIsPointsRatio(int link) => _method[LinkParent(link)] == AggregationMethod.PointsRatio;

    /// <summary>Gets whether any node takes a minimum or applies a minimum share, where a zero weight does not drop a child.</summary>
    internal bool CountsChildren => _method.Contains(AggregationMethod.Minimum) || _minShare.Any(s => !double.IsNaN(s));

    /// <summary>Gets the aggregation method of node k.</summary>
    internal AggregationMethod NodeMethod(int k) => _method[k];

    /// <summary>Gets the CSR child range of node k and the child references (index ≥ 0: indicator; ~index: node).</summary>
    internal (int Start, int End) ChildRange(int k) => (_childStart[k], _childStart[k + 1]);

    internal int ChildReference(int link) => _childRef[link];

    /// <summary>Gets every node's first link, then one past the last node's last (CSR offsets: node k's links are [k], [k + 1]).</summary>
    internal ReadOnlySpan<int> ChildStarts => _childStart;

    /// <summary>Gets every link's child reference (index ≥ 0: indicator; ~index: node).</summary>
    internal ReadOnlySpan<int> ChildReferences => _childRef;

    /// <summary>Gets COINr's level of every node: 1 + the highest level among its children, indicators being level 1.</summary>
    internal int[] NodeLevels()
    {
        var level = new int[NodeCodes.Count];
        for (int k = 0; k < level.Length; k++)
        {
            int max = 1;
            for (int c = _childStart[k]; c < _childStart[k + 1]; c++)
            {
                max = Math.Max(max, _childRef[c] >= 0 ? 1 : level[~_childRef[c]]);
            }

            level[k] = max + 1;
        }

        return level;
    }

    /// <summary>Gets COINr's level of a link's child (1 for an indicator).</summary>
    internal int LinkChildLevel(int link, int[] nodeLevels) => _childRef[link] >= 0 ? 1 : nodeLevels[~_childRef[link]];

    /// <summary>Gets the level of a link's parent node.</summary>
    internal NodeKind LinkParentKind(int link) => NodeKinds[LinkParent(link)];

    /// <summary>
    /// Re-runs aggregation for every node with <paramref name="linkWeights"/> in place of the plan's weights, then
    /// ranks the nodes listed in <paramref name="rankNodes"/> (ungrouped, with the plan's tie rule) into the
    /// workspace's rank buffers. Nothing is re-normalised and nothing is allocated. Nodes whose link weights and child
    /// nodes are unchanged since the last aggregation in this workspace keep their scores (and ranks).
    /// </summary>
    /// <param name="ws">A workspace of this plan holding a completed <see cref="ScoreInto"/>.</param>
    /// <param name="linkWeights">One weight per link, in CSR order.</param>
    /// <param name="rankNodes">The nodes to rank.</param>
    /// <param name="radix">Null, or scratch for <see cref="Ranking.RankRadix"/> (at least the unit count): ranks then
    /// sort by radix, which is faster when every call brings a new order; the ranks are the same either way.</param>
    /// <param name="path">The kernel path (null: the best one).</param>
    /// <param name="incremental">Rank by insertion sort from the previous call's order (<see cref="Ranking.RankIncremental"/>),
    /// fastest for few units whose order changes little; the ranks are the same either way.</param>
    /// <remarks>
    /// The workspace must hold a completed <see cref="ScoreInto"/> of this plan: its normalised columns are read as
    /// they are. With the plan's own weights the node scores are bit-identical to <see cref="ScoreInto"/>'s, since
    /// the same kernels run in the same order on the same path.
    /// </remarks>
    internal void ReaggregateInto(ScoringWorkspace ws, ReadOnlySpan<double> linkWeights, ReadOnlySpan<int> rankNodes, RadixScratch? radix = null, KernelPath? path = null, bool incremental = false)
    {
        IndicatorMatrix matrix = CheckReaggregation(ws, linkWeights);
        AggregateChangedNodes(ws, matrix, linkWeights, path ?? KernelPaths.Best(ws.UnitCount));
        RankStaleNodes(ws, rankNodes, radix, incremental);
    }

    /// <summary>Checks that <paramref name="ws"/> holds a completed scoring of this plan and that there is one weight per link.</summary>
    /// <returns>The workspace's normalised matrix, which re-aggregation reads as it is.</returns>
    private IndicatorMatrix CheckReaggregation(ScoringWorkspace ws, ReadOnlySpan<double> linkWeights)
    {
        if (!ReferenceEquals(ws.Plan, this) || ws._matrix is null || Array.IndexOf(ws._normalisedDone, false) >= 0)
        {
            throw new InvalidOperationException("Re-aggregation needs a workspace of this plan that holds a completed ScoreInto (the normalised matrix is reused).");
        }

        if (linkWeights.Length != _childWeight.Length)
        {
            throw new ArgumentException($"The plan has {_childWeight.Length} links but {linkWeights.Length} weights were given.", nameof(linkWeights));
        }

        return ws._matrix;
    }

    /// <summary>
    /// Aggregates again, bottom-up, only the nodes whose own link weights changed, or that have a changed child node:
    /// the others would get the same inputs through the same kernels, so their stored scores are already the result.
    /// Marks each node's change in the workspace and the ranks of the changed nodes as stale.
    /// </summary>
    private void AggregateChangedNodes(ScoringWorkspace ws, IndicatorMatrix matrix, ReadOnlySpan<double> linkWeights, KernelPath path)
    {
        ReadOnlySpan<double> applied = ws._appliedWeights;
        bool known = ws._appliedValid;
        for (int k = 0; k < NodeCodes.Count; k++)
        {
            int start = _childStart[k], end = _childStart[k + 1];
            bool changed = !known || !linkWeights[start..end].SequenceEqual(applied[start..end]);
            for (int c = start; !changed && c < end; c++)
            {
                changed = _childRef[c] < 0 && ws._changed[~_childRef[c]];
            }

            ws._changed[k] = changed;
            if (changed)
            {
                Aggregate(k, matrix, ws, null, path, linkWeights);
                linkWeights[start..end].CopyTo(ws._appliedWeights.AsSpan(start, end - start));
                ws._rankCurrent[k] = false;
            }
        }

        ws._appliedValid = true;
    }

    /// <summary>Ranks each node of <paramref name="rankNodes"/> whose ranks are stale, by the sort the caller chose.</summary>
    private void RankStaleNodes(ScoringWorkspace ws, ReadOnlySpan<int> rankNodes, RadixScratch? radix, bool incremental)
    {
        int units = ws.UnitCount;
        foreach (int k in rankNodes)
        {
            if (ws._rankCurrent[k])
            {
                continue;
            }

            Span<double> ranks = ws._ranks.AsSpan(k * units, units);
            ws._universe[k] = incremental
                ? Ranking.RankIncremental(ws.NodeScores(k), ranks, Options.RankMethod, PreviousOrders(ws).AsSpan(k * units, units), ws._keys)
                : radix is null
                    ? Ranking.Rank(ws.NodeScores(k), ranks, Options.RankMethod, ascending: false, ws._keys, ws._order)
                    : Ranking.RankRadix(ws.NodeScores(k), ranks, Options.RankMethod, radix);
            ws._rankCurrent[k] = true;
        }
    }

    /// <summary>Gets every node's unit order from the previous incremental ranking (the identity before the first).</summary>
    private int[] PreviousOrders(ScoringWorkspace ws)
    {
        if (ws._rankOrder is null)
        {
            int units = ws.UnitCount;
            ws._rankOrder = new int[NodeCodes.Count * units];
            for (int t = 0; t < ws._rankOrder.Length; t++)
            {
                ws._rankOrder[t] = t % units;
            }
        }

        return ws._rankOrder;
    }
}
