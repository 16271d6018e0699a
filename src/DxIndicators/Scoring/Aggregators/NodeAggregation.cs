using DxIndicators.Data;
using DxIndicators.Scoring.Kernels;

namespace DxIndicators.Scoring;

/// <summary>
/// What an aggregation rule sees of one node k: its children (links start … end − 1 of the plan's CSR arrays, in
/// link order), their weights, the output column y and the per-unit accumulators sum, wsum and count.
/// </summary>
internal readonly ref struct NodeAggregation
{
    private readonly ColumnStats[]? _stats;

    public NodeAggregation(ScoringPlan plan, int node, IndicatorMatrix matrix, ScoringWorkspace workspace, ColumnStats[]? stats, KernelPath path, ReadOnlySpan<double> weight)
    {
        Plan = plan;
        Node = node;
        (Start, End) = plan.ChildRange(node);
        Matrix = matrix;
        Workspace = workspace;
        _stats = stats;
        Path = path;
        Weight = weight;
        Y = workspace.NodeColumn(node);
        Sum = workspace._sum;
        WeightSum = workspace._weightSum;
        Count = workspace._count;
    }

    public ScoringPlan Plan { get; }

    public int Node { get; }

    public int Start { get; }

    public int End { get; }

    public IndicatorMatrix Matrix { get; }

    public ScoringWorkspace Workspace { get; }

    public KernelPath Path { get; }

    /// <summary>Gets the weight of every link of the plan (the plan's own, or a sample's in analysis).</summary>
    public ReadOnlySpan<double> Weight { get; }

    public Span<double> Y { get; }

    public Span<double> Sum { get; }

    public Span<double> WeightSum { get; }

    public Span<double> Count { get; }

    /// <summary>Gets the exponent p of a generalised mean.</summary>
    public double Power => Plan.NodePower(Node);

    /// <summary>Gets the child column of link c (normalised indicator or node score).</summary>
    public ReadOnlySpan<double> Child(int c) => Plan.LinkColumn(c, Workspace);

    /// <summary>Normalises the indicator of link c if it is one and not yet done.</summary>
    public void EnsureNormalised(int c) => Plan.EnsureLinkNormalised(c, Matrix, Workspace, _stats, Path);

    /// <summary>Runs the fused normalise-and-accumulate arithmetic mean of the plan.</summary>
    public void Arithmetic() => Plan.AggregateArithmetic(Node, Matrix, Workspace, _stats, Path, Weight, Y);

    /// <summary>Throws, naming every offending unit and child, when a child score is not positive (or negative).</summary>
    public void CheckPositive(string what, string need, bool allowZero = false) => Plan.CheckPositive(Node, Start, End, Matrix, Workspace, what, need, allowZero);

    /// <summary>Gets whether unit i has any child present.</summary>
    public bool AnyPresent(int unit) => Plan.AnyPresent(unit, Start, End, Workspace);

    /// <summary>Gets the total weight of the node's links (the compiled total for the plan's own weights, the same bits).</summary>
    public double TotalWeight() => Plan.NodeTotalWeight(Node, Weight);
}
