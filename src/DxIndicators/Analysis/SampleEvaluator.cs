using System.Collections.Concurrent;
using System.Runtime.Intrinsics;
using DxIndicators.Data;
using DxIndicators.Scoring;
using DxIndicators.Scoring.Kernels;
using DxIndicators.Model;

namespace DxIndicators.Analysis;

/// <summary>Progress of a long analysis: samples evaluated so far out of the total.</summary>
/// <param name="Done">Samples evaluated.</param>
/// <param name="Total">Samples in the run.</param>
public readonly record struct AnalysisProgress(long Done, long Total);

/// <summary>
/// Evaluates samples of an <see cref="UncertainInputs"/> without rebuilding: one scoring per distinct combination of
/// normaliser, aggregator, imputation and treatment (normalised matrix computed once and cached per worker), then per
/// sample a re-aggregation of only the nodes whose weights changed, and a radix rank of the analysed nodes.
/// </summary>
internal sealed class SampleEvaluator
{
    private readonly UncertainInputs _inputs;
    private readonly IndicatorMatrix _matrix;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string?>>? _groups;
    private readonly ScoringPlan[] _plans;
    private readonly ConcurrentBag<Worker> _free = [];
    private readonly List<Worker> _all = [];
    private readonly int[][] _excludedLinks;

    public SampleEvaluator(UncertainInputs inputs, IndicatorMatrix matrix, IReadOnlyDictionary<string, IReadOnlyList<string?>>? groups, int[] rankNodes)
    {
        _inputs = inputs;
        _matrix = matrix;
        _groups = groups;
        RankNodes = rankNodes;
        Units = matrix.RowCount;
        int combos = inputs.CombinationCount;
        _plans = new ScoringPlan[combos];
        var first = new Worker(this);
        var problems = new List<string>();
        for (int c = 0; c < combos; c++)
        {
            // Every combination is scored once up front, so a method that does not fit the data fails here, named.
            try
            {
                _plans[c] = combos == 1 ? inputs.NominalPlan : inputs.CombinationPlan(c);
                if (inputs.Exclusions.Count > 0 && _plans[c].CountsChildren)
                {
                    problems.Add($"with {inputs.DescribeCombination(c)}: a node takes a minimum or needs a minimum share of children, where excluding an indicator is not the same as a zero weight; exclusions are not supported there");
                    continue;
                }

                first.Score(c);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException)
            {
                problems.Add($"with {inputs.DescribeCombination(c)}: {e.Message}");
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"The uncertain inputs cannot all be applied to the data:{Environment.NewLine}- {string.Join(Environment.NewLine + "- ", problems)}");
        }

        _excludedLinks = [.. Enumerable.Range(0, inputs.Exclusions.Count).Select(inputs.ExcludedLinks)];
        PrepareLinear(first.Workspace(0));
        _all.Add(first);
        _free.Add(first);

        // The nominal scoring: base options, plan weights, the same ungrouped radix ranks as the samples.
        ScoringPlan nominal = inputs.NominalPlan;
        var ws = new ScoringWorkspace(nominal, Units);
        nominal.ScoreInto(matrix, ws, groups);
        nominal.ReaggregateInto(ws, nominal.LinkWeights, rankNodes, new RadixScratch(Units));
        NominalRanks = new double[rankNodes.Length * Units];
        NominalScores = new double[rankNodes.Length * Units];
        for (int a = 0; a < rankNodes.Length; a++)
        {
            ws.Ranks(rankNodes[a]).CopyTo(NominalRanks.AsSpan(a * Units, Units));
            ws.NodeScores(rankNodes[a]).CopyTo(NominalScores.AsSpan(a * Units, Units));
        }

        // Only the Vector512 lane path reads the unit order and the permuted matrix (UncertaintyAnalysis.LanesAvailable).
        if (Linear && Vector512.IsHardwareAccelerated)
        {
            PrepareLaneOrder();
        }
    }

    /// <summary>Up to this many units, samples rank by insertion sort from the previous sample's order (few moves); above, by radix sort.</summary>
    internal const int IncrementalLimit = 256;

    public int Units { get; }

    public int[] RankNodes { get; }

    /// <summary>Gets the nominal ranks, analysed node-major.</summary>
    public double[] NominalRanks { get; }

    /// <summary>Gets the nominal scores, analysed node-major.</summary>
    public double[] NominalScores { get; }

    public IndicatorMatrix Matrix => _matrix;

    public Worker Rent()
    {
        if (_free.TryTake(out Worker? w))
        {
            return w;
        }

        w = new Worker(this);
        lock (_all)
        {
            _all.Add(w);
        }

        return w;
    }

    public void Return(Worker w) => _free.Add(w);

    /// <summary>Evaluates one sample; afterwards <see cref="Worker.Current"/> holds the scores and ranks of <see cref="RankNodes"/>.</summary>
    public void Evaluate(Worker w, ReadOnlySpan<ulong> keys)
    {
        _inputs.DrawChoices(keys, out int combo, out int excluded);
        ScoringPlan plan = _plans[combo];
        _inputs.DrawWeights(keys, plan.LinkWeights, w.Weights, -1);
        if (excluded >= 0)
        {
            foreach (int c in _excludedLinks[excluded])
            {
                w.Weights[c] = 0;
            }
        }

        ScoringWorkspace ws = w.Workspace(combo);
        plan.ReaggregateInto(ws, w.Weights, RankNodes, w.Radix, incremental: Units <= IncrementalLimit);
        w.Current = ws;
    }

    /// <summary>Per-thread state: a workspace per combination (scored on first use), the weight vector and rank scratch.</summary>
    internal sealed class Worker
    {
        private readonly SampleEvaluator _owner;
        private readonly ScoringWorkspace?[] _workspaces;

        public Worker(SampleEvaluator owner)
        {
            _owner = owner;
            _workspaces = new ScoringWorkspace?[owner._plans.Length];
            Weights = new double[owner._inputs.Links.Count];
            Radix = new RadixScratch(owner.Units);
        }

        public double[] Weights { get; }

        public RadixScratch Radix { get; }

        public ScoringWorkspace Current { get; set; } = null!;

        /// <summary>Per-worker accumulators of the caller (an uncertainty run keeps its histograms here).</summary>
        public object? State { get; set; }

        /// <summary>Scratch of the caller's linear (matrix-product) path.</summary>
        public object? State2 { get; set; }

        public ScoringWorkspace Workspace(int combo) => _workspaces[combo] ?? Score(combo);

        public ScoringWorkspace Score(int combo)
        {
            ScoringPlan plan = _owner._plans[combo];
            var ws = new ScoringWorkspace(plan, _owner.Units);
            plan.ScoreInto(_owner._matrix, ws, _owner._groups);
            _workspaces[combo] = ws;
            return ws;
        }
    }

    public IReadOnlyList<Worker> Workers => _all;

    /// <summary>
    /// Gets whether root scores are linear in the normalised matrix for every sample: one combination, no exclusion,
    /// weighted arithmetic means everywhere, no minimum share, no missing normalised value, only the root analysed and
    /// every node's weights positive. Samples are then evaluated in blocks as a matrix product (<see cref="WeightProduct"/>).
    /// </summary>
    public bool Linear { get; private set; }

    /// <summary>Gets the normalised matrix, one row per indicator, units padded to <see cref="PaddedUnits"/> (when <see cref="Linear"/>).</summary>
    public double[] LinearMatrix { get; private set; } = [];

    public int PaddedUnits { get; private set; }

    /// <summary>
    /// Gets the lane path's order of units: position p holds unit <c>LaneOrder[p]</c>, by nominal root rank, then unit.
    /// Neighbouring positions then hold close scores in most samples and distant groups of 8 do not overlap, which the
    /// lane path's counting rank prunes on (when <see cref="Linear"/> on Vector512 hardware; empty otherwise).
    /// </summary>
    public int[] LaneOrder { get; private set; } = [];

    /// <summary>Gets <see cref="LinearMatrix"/> with its unit columns in <see cref="LaneOrder"/> (when <see cref="LaneOrder"/> is).</summary>
    public AlignedBuffer LaneMatrix { get; private set; } = new(0);

    public int IndicatorCount => _plans[0].IndicatorCodes.Count;

    /// <summary>Gets the one plan of a linear evaluator.</summary>
    public ScoringPlan LinearPlan => _plans[0];

    /// <summary>Draws a sample's link weights and turns them into effective indicator weights of the root (one row of A).</summary>
    public void EffectiveWeights(Worker w, ReadOnlySpan<ulong> keys, Span<double> row, Span<double> share)
    {
        ScoringPlan plan = _plans[0];
        _inputs.DrawWeights(keys, plan.LinkWeights, w.Weights, -1);
        row.Clear();
        share.Clear();
        int root = RankNodes[0];
        share[root] = 1;
        ReadOnlySpan<double> weights = w.Weights;
        // The plan's CSR arrays are read through spans taken once: through the plan's accessors the JIT reloaded the
        // field and re-checked its bounds for every link.
        ReadOnlySpan<int> starts = plan.ChildStarts, refs = plan.ChildReferences;
        for (int k = root; k >= 0; k--)
        {
            double s = share[k];
            if (s == 0)
            {
                continue;
            }

            int start = starts[k], end = starts[k + 1];
            double total = 0;
            for (int c = start; c < end; c++)
            {
                total += weights[c];
            }

            // One division per node, then a product per child (the lane path does the same, in the same order).
            double perWeight = s / total;
            for (int c = start; c < end; c++)
            {
                double e = perWeight * weights[c];
                int r = refs[c];
                if (r >= 0)
                {
                    row[r] += e;
                }
                else
                {
                    share[~r] += e;
                }
            }
        }
    }

    private static bool Finite(ReadOnlySpan<double> x)
    {
        foreach (double v in x)
        {
            if (!double.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }

    private void PrepareLaneOrder()
    {
        double[] nominal = NominalRanks;
        int[] order = [.. Enumerable.Range(0, Units)];
        Array.Sort(order, (x, y) => nominal[x] != nominal[y] ? nominal[x].CompareTo(nominal[y]) : x.CompareTo(y));
        int n = PaddedUnits, k = IndicatorCount;
        var buffer = new AlignedBuffer(LinearMatrix.Length);
        Span<double> permuted = buffer.Span;
        for (int j = 0; j < k; j++)
        {
            for (int p = 0; p < Units; p++)
            {
                permuted[(j * n) + p] = LinearMatrix[(j * n) + order[p]];
            }
        }

        LaneOrder = order;
        LaneMatrix = buffer;
    }

    private void PrepareLinear(ScoringWorkspace ws)
    {
        ScoringPlan plan = _plans[0];
        int root = plan.NodeCodes.AsSpan().IndexOf(plan.Framework.Root);
        bool linear = _plans.Length == 1 && _inputs.Exclusions.Count == 0 && RankNodes is [var only] && only == root && !plan.CountsChildren
            && _inputs.WeightSets.Count == 0 && _inputs.LinkNoise.AsSpan().IndexOfAnyInRange(1.0, double.PositiveInfinity) < 0;
        for (int k = 0; linear && k < plan.NodeCodes.Count; k++)
        {
            (int start, int end) = plan.ChildRange(k);
            linear = plan.NodeMethod(k) == Model.AggregationMethod.ArithmeticMean;
            for (int c = start; linear && c < end; c++)
            {
                int r = plan.ChildReference(c);
                linear = plan.LinkWeights[c] > 0 && (r < 0 || Finite(ws.Normalised(r)));
            }
        }

        if (!linear)
        {
            return;
        }

        int n = WeightProduct.Padded(Units), ni = plan.IndicatorCodes.Count;
        var b = new double[ni * n];
        for (int j = 0; j < ni; j++)
        {
            ReadOnlySpan<double> col = ws.Normalised(j);
            if (Finite(col))
            {
                col.CopyTo(b.AsSpan(j * n, Units));
            }
        }

        LinearMatrix = b;
        PaddedUnits = n;
        Linear = true;
    }
}
