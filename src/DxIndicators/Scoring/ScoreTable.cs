using System.Collections.Frozen;
using System.Globalization;
using DxIndicators.Data;

namespace DxIndicators.Scoring;

/// <summary>A rank with the number of units it was ranked among.</summary>
/// <param name="Rank">The rank (1 = best; fractional ranks may end in .5); NaN when the unit has no score.</param>
/// <param name="UniverseSize">The number of units ranked (those with a score, in the whole set or in the unit's group).</param>
public readonly record struct UnitRank(double Rank, int UniverseSize)
{
    /// <summary>Gets whether the unit has a rank.</summary>
    public bool IsRanked => !double.IsNaN(Rank);
}

/// <summary>One unit's score and rank on one node: the row view of a <see cref="ScoreTable"/>.</summary>
/// <param name="Unit">The unit code.</param>
/// <param name="Node">The node code.</param>
/// <param name="Score">The score, full precision (NaN = missing).</param>
/// <param name="Rank">The rank among all units (NaN = not ranked).</param>
/// <param name="UniverseSize">The number of units ranked on the node.</param>
public sealed record ScoreRow(string Unit, string Node, double Score, double Rank, int UniverseSize);

/// <summary>The immutable result of scoring one matrix: normalised values, node scores and ranks, with their provenance.</summary>
/// <remarks>Values are full precision (no rounding); NaN means missing. Immutable; safe to share.</remarks>
public sealed class ScoreTable
{
    private readonly double[] _normalised;
    private readonly double[] _nodes;
    private readonly double[] _ranks;
    private readonly double[]? _groupRanks;
    private readonly int[] _universe;
    private readonly int[]? _groupUniverse;
    private readonly FrozenDictionary<string, int> _unitIndex;
    private readonly FrozenDictionary<string, int> _indicatorIndex;
    private readonly FrozenDictionary<string, int> _nodeIndex;

    internal ScoreTable(ScoringPlan plan, ScoringWorkspace ws, ValueList<string> units, ReportingPeriod? period)
    {
        Units = units;
        Indicators = plan.IndicatorCodes;
        CarriedIndicators = plan.CarriedIndicators;
        Nodes = plan.NodeCodes;
        FrameworkId = plan.Framework.Id;
        Root = plan.Framework.Root;
        FrameworkVersion = plan.Framework.Metadata.Version;
        MethodDescription = plan.Options.ToString();
        Period = period;
        RankMethod = plan.Options.RankMethod;
        RankGroup = plan.Options.RankGroup;
        _normalised = ws._normalised.ToArray();
        _nodes = ws._nodes.ToArray();
        RejectInfinity(plan, _normalised, plan.IndicatorCodes, units.Count, "normalised value");
        RejectInfinity(plan, _nodes, plan.NodeCodes, units.Count, "score");
        _ranks = ws._ranks.ToArray();
        _universe = ws._universe.ToArray();
        if (RankGroup is not null)
        {
            _groupRanks = ws._groupRanks.ToArray();
            _groupUniverse = ws._groupUniverse.ToArray();
        }

        _unitIndex = Index(units);
        _indicatorIndex = Index(Indicators);
        _nodeIndex = Index(Nodes);
    }

    /// <summary>Gets the unit codes, in row order.</summary>
    public ValueList<string> Units { get; }

    /// <summary>Gets the indicator codes, in the framework's order.</summary>
    public ValueList<string> Indicators { get; }

    /// <summary>Gets the indicators carried without normalisation (see <see cref="ScoringPlan.CarriedIndicators"/>); their normalised values are NaN.</summary>
    public ValueList<string> CarriedIndicators { get; }

    /// <summary>Gets the node codes, bottom-up (every node after its children).</summary>
    public ValueList<string> Nodes { get; }

    /// <summary>Gets the id of the framework scored against.</summary>
    public string FrameworkId { get; }

    /// <summary>Gets the code of the framework's root node (the index).</summary>
    public string Root { get; }

    /// <summary>Gets the version of the framework scored against.</summary>
    public string FrameworkVersion { get; }

    /// <summary>Gets a one-line description of the methods used.</summary>
    public string MethodDescription { get; }

    /// <summary>Gets the period scored, when part of a panel.</summary>
    public ReportingPeriod? Period { get; }

    /// <summary>Gets the tie rule of the ranks.</summary>
    public RankMethod RankMethod { get; }

    /// <summary>Gets the group column of the group ranks, if any.</summary>
    public string? RankGroup { get; }

    /// <summary>Gets the normalised values of an indicator, one per unit.</summary>
    /// <param name="indicator">The indicator code.</param>
    /// <returns>The values, NaN = missing.</returns>
    /// <exception cref="KeyNotFoundException">Unknown indicator.</exception>
    public ReadOnlySpan<double> Normalised(string indicator) => _normalised.AsSpan(Find(_indicatorIndex, indicator, "indicator") * Units.Count, Units.Count);

    /// <summary>Gets the scores of a node, one per unit.</summary>
    /// <param name="node">The node code.</param>
    /// <returns>The scores, NaN = missing.</returns>
    /// <exception cref="KeyNotFoundException">Unknown node.</exception>
    public ReadOnlySpan<double> Scores(string node) => _nodes.AsSpan(Find(_nodeIndex, node, "node") * Units.Count, Units.Count);

    /// <summary>Gets the ranks of a node, one per unit (NaN when missing or not ranked).</summary>
    /// <param name="node">The node code.</param>
    /// <returns>The ranks.</returns>
    /// <exception cref="KeyNotFoundException">Unknown node.</exception>
    public ReadOnlySpan<double> Ranks(string node) => _ranks.AsSpan(Find(_nodeIndex, node, "node") * Units.Count, Units.Count);

    /// <summary>Gets one unit's normalised value of an indicator.</summary>
    /// <param name="unit">The unit code.</param>
    /// <param name="indicator">The indicator code.</param>
    /// <returns>The value, NaN = missing.</returns>
    /// <exception cref="KeyNotFoundException">Unknown unit or indicator.</exception>
    public double GetNormalised(string unit, string indicator) => Normalised(indicator)[Find(_unitIndex, unit, "unit")];

    /// <summary>Gets one unit's score of a node.</summary>
    /// <param name="unit">The unit code.</param>
    /// <param name="node">The node code.</param>
    /// <returns>The score, NaN = missing.</returns>
    /// <exception cref="KeyNotFoundException">Unknown unit or node.</exception>
    public double GetScore(string unit, string node) => Scores(node)[Find(_unitIndex, unit, "unit")];

    /// <summary>Gets one unit's rank on a node among all units.</summary>
    /// <param name="unit">The unit code.</param>
    /// <param name="node">The node code.</param>
    /// <returns>The rank and universe size.</returns>
    /// <exception cref="KeyNotFoundException">Unknown unit or node.</exception>
    public UnitRank GetRank(string unit, string node)
    {
        int k = Find(_nodeIndex, node, "node");
        return new UnitRank(_ranks[(k * Units.Count) + Find(_unitIndex, unit, "unit")], _universe[k]);
    }

    /// <summary>Gets one unit's rank on a node within its group (<see cref="RankGroup"/>).</summary>
    /// <param name="unit">The unit code.</param>
    /// <param name="node">The node code.</param>
    /// <returns>The rank and the number of units ranked in the group.</returns>
    /// <exception cref="KeyNotFoundException">Unknown unit or node.</exception>
    /// <exception cref="InvalidOperationException">No group ranking was requested.</exception>
    public UnitRank GetGroupRank(string unit, string node)
    {
        if (_groupRanks is null || _groupUniverse is null)
        {
            throw new InvalidOperationException("No group ranks: score with ScoringOptions.WithRanking(..., groupColumn: ...).");
        }

        int at = (Find(_nodeIndex, node, "node") * Units.Count) + Find(_unitIndex, unit, "unit");
        return new UnitRank(_groupRanks[at], _groupUniverse[at]);
    }

    /// <summary>Gets the scores of a node as an array a caller can keep (a notebook variable cannot hold a span).</summary>
    /// <param name="node">The node code.</param>
    /// <returns>A new array, one score per unit in <see cref="Units"/> order, NaN = missing.</returns>
    /// <exception cref="KeyNotFoundException">Unknown node.</exception>
    public double[] GetScores(string node) => Scores(node).ToArray();

    /// <summary>Gets the ranks of a node as an array a caller can keep.</summary>
    /// <param name="node">The node code.</param>
    /// <returns>A new array, one rank per unit in <see cref="Units"/> order, NaN = not ranked.</returns>
    /// <exception cref="KeyNotFoundException">Unknown node.</exception>
    public double[] GetRanks(string node) => Ranks(node).ToArray();

    /// <summary>Gets one row per unit and node: score, rank and universe size (a view for notebooks and data frames).</summary>
    /// <param name="nodes">The nodes to include; null = every node, bottom-up.</param>
    /// <returns>The rows, unit-major, in <see cref="Units"/> order.</returns>
    /// <exception cref="KeyNotFoundException">A node is unknown.</exception>
    public IReadOnlyList<ScoreRow> ToRows(IEnumerable<string>? nodes = null)
    {
        IReadOnlyList<string> selected = nodes?.ToArray() ?? (IReadOnlyList<string>)Nodes;
        int[] at = selected.Select(n => Find(_nodeIndex, n, "node")).ToArray();
        var rows = new ScoreRow[Units.Count * at.Length];
        int i = 0;
        for (int u = 0; u < Units.Count; u++)
        {
            for (int k = 0; k < at.Length; k++)
            {
                int cell = (at[k] * Units.Count) + u;
                rows[i++] = new ScoreRow(Units[u], selected[k], _nodes[cell], _ranks[cell], _universe[at[k]]);
            }
        }

        return rows;
    }

    /// <summary>Describes the table: framework, size, method, and the root score of the first units.</summary>
    /// <returns>A few lines of text.</returns>
    public override string ToString()
    {
        var sb = new System.Text.StringBuilder();
        string root = Root;
        int rootAt = _nodeIndex[root];
        sb.Append(CultureInfo.InvariantCulture, $"ScoreTable {FrameworkId} {FrameworkVersion}: {Units.Count} units × {Nodes.Count} nodes");
        if (Period is { } p)
        {
            sb.Append(CultureInfo.InvariantCulture, $", period {p}");
        }

        sb.Append(CultureInfo.InvariantCulture, $"; {MethodDescription}");
        int shown = Math.Min(Units.Count, 10);
        for (int u = 0; u < shown; u++)
        {
            int cell = (rootAt * Units.Count) + u;
            string rank = double.IsNaN(_ranks[cell]) ? "unranked" : string.Create(CultureInfo.InvariantCulture, $"rank {_ranks[cell]} of {_universe[rootAt]}");
            string score = double.IsNaN(_nodes[cell]) ? "missing" : Model.DisplayRounding.Format(_nodes[cell], 4);
            sb.Append(CultureInfo.InvariantCulture, $"{Environment.NewLine}  {Units[u]}  {root} = {score}  ({rank})");
        }

        if (Units.Count > shown)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{Environment.NewLine}  … {Units.Count - shown} more units");
        }

        return sb.ToString();
    }

    /// <summary>Gets the number of units ranked on a node.</summary>
    /// <param name="node">The node code.</param>
    /// <returns>The universe size.</returns>
    /// <exception cref="KeyNotFoundException">Unknown node.</exception>
    public int UniverseSize(string node) => _universe[Find(_nodeIndex, node, "node")];

    private static FrozenDictionary<string, int> Index(ValueList<string> codes)
    {
        var d = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < codes.Count; i++)
        {
            d.TryAdd(codes[i], i);
        }

        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private int Find(FrozenDictionary<string, int> index, string code, string what) =>
        index.TryGetValue(code, out int i) ? i : throw new KeyNotFoundException($"Score table for '{FrameworkId}' has no {what} '{code}'.");

    // NaN marks a missing value in a table, but an infinity is never a result: it comes from parameters whose
    // arithmetic overflows (weights near 1e308, minmax:0,1e308) and must not be published as a score.
    private static void RejectInfinity(ScoringPlan plan, double[] values, ValueList<string> codes, int units, string what)
    {
        int at = Array.FindIndex(values, double.IsInfinity);
        if (at >= 0 && units > 0)
        {
            throw new InvalidOperationException(string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"The {what} of '{codes[at / units]}' overflowed to {values[at]} under framework '{plan.Framework.Id}' ({plan.Options}); weights, goalposts or normaliser bounds are too large for double arithmetic. Scale them down."));
        }
    }
}
