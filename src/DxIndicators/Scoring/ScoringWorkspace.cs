using DxIndicators.Data;
using DxIndicators.Scoring.Kernels;

namespace DxIndicators.Scoring;

/// <summary>
/// Reusable buffers for one <see cref="ScoringPlan"/> and a fixed number of units, so that repeated scoring
/// allocates nothing (<see cref="ScoringPlan.ScoreInto(IndicatorMatrix, ScoringWorkspace, IReadOnlyDictionary{string, IReadOnlyList{string}})"/>).
/// </summary>
/// <remarks>Not thread-safe: use one workspace per thread. Results stay valid until the next call that writes into it.</remarks>
public sealed class ScoringWorkspace
{
    internal readonly double[] _raw;
    internal readonly double[] _normalised;
    internal readonly double[] _nodes;
    internal readonly double[] _ranks;
    internal readonly double[] _groupRanks;
    internal readonly int[] _universe;
    internal readonly int[] _groupUniverse;
    internal readonly double[] _sum;
    internal readonly double[] _weightSum;
    internal readonly double[] _count;
    internal readonly double[] _keys;
    internal readonly int[] _order;
    internal readonly double[] _scratch;
    internal readonly double[] _scratch2;
    internal readonly double[] _nan;
    internal readonly int[] _columnMap;
    internal readonly bool[] _normalisedDone;
    internal readonly bool[] _fused;
    internal readonly AffineParameters[] _affine;
    internal readonly RadixScratch? _radix;
    internal object? _mappedIndicators;
    internal IndicatorMatrix? _matrix;
    internal bool _rawInWorkspace;

    // Re-aggregation bookkeeping (Analysis): the link weights each node was last aggregated with, whether a node's
    // ungrouped rank buffer matches its scores, and which nodes changed in the current re-aggregation.
    internal readonly double[] _appliedWeights;
    internal readonly bool[] _rankCurrent;
    internal readonly bool[] _changed;
    internal bool _appliedValid;
    internal int[]? _rankOrder;

    /// <summary>Initializes buffers for a plan and a number of units.</summary>
    /// <param name="plan">The plan the workspace serves.</param>
    /// <param name="unitCount">The number of units (rows) every scored matrix will have.</param>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unitCount"/> is negative.</exception>
    public ScoringWorkspace(ScoringPlan plan, int unitCount)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentOutOfRangeException.ThrowIfNegative(unitCount);
        Plan = plan;
        UnitCount = unitCount;
        int i = plan.IndicatorCodes.Count;
        int n = plan.NodeCodes.Count;
        _raw = new double[unitCount * i];
        _normalised = new double[unitCount * i];
        _nodes = new double[unitCount * n];
        _ranks = new double[unitCount * n];
        _groupRanks = new double[unitCount * n];
        _universe = new int[n];
        _groupUniverse = new int[unitCount * n];
        _sum = new double[unitCount];
        _weightSum = new double[unitCount];
        _count = new double[unitCount];
        _keys = new double[unitCount];
        _order = new int[unitCount];
        _scratch = new double[unitCount];
        _scratch2 = new double[unitCount];
        _nan = new double[unitCount];
        Array.Fill(_nan, double.NaN);
        _columnMap = new int[i];
        _normalisedDone = new bool[i];
        _fused = new bool[plan.LinkCount];
        _affine = new AffineParameters[plan.LinkCount];
        _radix = unitCount >= ScoringPlan.RadixRankMinimum ? new RadixScratch(unitCount) : null;
        _appliedWeights = new double[plan.LinkCount];
        _rankCurrent = new bool[n];
        _changed = new bool[n];
    }

    /// <summary>Gets the plan the workspace serves.</summary>
    public ScoringPlan Plan { get; }

    /// <summary>Gets the number of units.</summary>
    public int UnitCount { get; }

    /// <summary>Gets the normalised values of an indicator (by its position in <see cref="ScoringPlan.IndicatorCodes"/>).</summary>
    /// <param name="indicator">The indicator position.</param>
    /// <returns>One value per unit, NaN = missing.</returns>
    public ReadOnlySpan<double> Normalised(int indicator) => _normalised.AsSpan(indicator * UnitCount, UnitCount);

    /// <summary>Gets the scores of a node (by its position in <see cref="ScoringPlan.NodeCodes"/>).</summary>
    /// <param name="node">The node position.</param>
    /// <returns>One score per unit, NaN = missing.</returns>
    public ReadOnlySpan<double> NodeScores(int node) => _nodes.AsSpan(node * UnitCount, UnitCount);

    /// <summary>Gets the ranks of a node (NaN for missing scores and for nodes outside the rank scope).</summary>
    /// <param name="node">The node position.</param>
    /// <returns>One rank per unit.</returns>
    public ReadOnlySpan<double> Ranks(int node) => _ranks.AsSpan(node * UnitCount, UnitCount);

    /// <summary>Gets how many units were ranked for a node (its universe size).</summary>
    /// <param name="node">The node position.</param>
    /// <returns>The universe size.</returns>
    public int Universe(int node) => _universe[node];

    internal Span<double> NormalisedColumn(int indicator) => _normalised.AsSpan(indicator * UnitCount, UnitCount);

    internal Span<double> NodeColumn(int node) => _nodes.AsSpan(node * UnitCount, UnitCount);

    internal Span<double> RawColumnBuffer(int indicator) => _raw.AsSpan(indicator * UnitCount, UnitCount);

    internal ReadOnlySpan<double> Raw(int indicator) =>
        _rawInWorkspace ? _raw.AsSpan(indicator * UnitCount, UnitCount) :
        _columnMap[indicator] < 0 ? _nan : _matrix!.Column(_columnMap[indicator]);
}
