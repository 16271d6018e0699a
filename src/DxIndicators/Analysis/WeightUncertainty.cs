using System.Globalization;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Scoring;
using DxIndicators.Scoring.Kernels;

namespace DxIndicators.Analysis;

/// <summary>
/// An uncertainty analysis over alternative weightings of a scoring plan (COINr <c>get_sensitivity</c> with
/// <c>SA_type = "UA"</c> on weights): the matrix is normalised once, then every run re-aggregates and re-ranks it with
/// its own link weights, and the rank distribution of each unit is summarised.
/// </summary>
/// <remarks>
/// <para>Immutable; safe to share. Build it with <see cref="FromNoise"/>, <see cref="FromNoiseByLevel"/> or
/// <see cref="FromWeightVectors"/>, then call <see cref="Run"/>.</para>
/// <para>Noisy weights (COINr <c>get_noisy_weights</c>): run r draws, with one <see cref="Random"/> seeded with
/// <see cref="Seed"/>, one <see cref="Random.NextDouble"/> u per link, runs in order and links in the order of
/// <see cref="Links"/>, and sets <c>w' = w + (2u − 1)·f·w</c>, where f is the noise factor of the link's parent
/// level (0 for levels not listed; a draw is made for every link all the same, so the sequence never depends on
/// the factors). Runs are evaluated in order on one thread, so the result depends on the seed only.</para>
/// <para>Formulas of the statistics: docs/methodology.md, "Weight uncertainty".</para>
/// </remarks>
public sealed class WeightUncertainty
{
    // Units transposed at a time for the statistics: 64 units × runs doubles stay in L2 for up to ~2,000 runs.
    private const int TransposeBlock = 64;

    private readonly double[] _linkNoise;
    private readonly double[]? _vectors;
    private readonly int[] _nodeIndex;

    private WeightUncertainty(ScoringPlan plan, int runs, int? seed, double[] linkNoise, double[]? vectors, IReadOnlyDictionary<NodeKind, double> noise, int[] nodeIndex)
    {
        Plan = plan;
        Runs = runs;
        Seed = seed;
        _linkNoise = linkNoise;
        _vectors = vectors;
        NoiseFactors = noise;
        _nodeIndex = nodeIndex;
        Nodes = nodeIndex.Select(k => plan.NodeCodes[k]).ToValueList();
    }

    /// <summary>Gets the plan whose weights are varied.</summary>
    public ScoringPlan Plan { get; }

    /// <summary>The most ranks (runs × units × analysed nodes) one <see cref="Run"/> may hold: 2^28 floats, 1 GiB.</summary>
    public const long MaxRankCells = 1L << 28;

    /// <summary>Gets the number of runs.</summary>
    public int Runs { get; }

    /// <summary>Gets the seed of the weight draws, or null when the weight vectors were supplied.</summary>
    public int? Seed { get; }

    /// <summary>Gets the noise factor per parent level (empty when the weight vectors were supplied).</summary>
    public IReadOnlyDictionary<NodeKind, double> NoiseFactors { get; }

    /// <summary>Gets whether the weight vectors were supplied rather than drawn.</summary>
    public bool HasSuppliedWeights => _vectors is not null;

    /// <summary>Gets the analysed nodes: the framework root first, then those added with <see cref="WithNodes"/>.</summary>
    public ValueList<string> Nodes { get; }

    /// <summary>Lists a plan's links in the order every weight vector uses.</summary>
    /// <param name="plan">The plan.</param>
    /// <returns>The links, nodes bottom-up and each node's links in framework order, with the plan's own weights.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is null.</exception>
    public static ValueList<WeightLink> Links(ScoringPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var links = new WeightLink[plan.LinkCount];
        for (int c = 0; c < links.Length; c++)
        {
            links[c] = new WeightLink(plan.NodeCodes[plan.LinkParent(c)], plan.LinkChildCode(c), plan.LinkWeights[c]);
        }

        return ValueList.Of(links);
    }

    /// <summary>Creates an analysis that draws noisy weights for every link with one noise factor.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="runs">The number of runs, at least 1.</param>
    /// <param name="noiseFactor">The noise factor f in [0, 1]: each weight w becomes uniform on [w − f·w, w + f·w).</param>
    /// <param name="seed">The seed of the <see cref="Random"/> that draws the weights.</param>
    /// <returns>The analysis.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="runs"/> is below 1, or <paramref name="noiseFactor"/> is outside [0, 1] or NaN.</exception>
    public static WeightUncertainty FromNoise(ScoringPlan plan, int runs, double noiseFactor, int seed)
    {
        ArgumentNullException.ThrowIfNull(plan);
        CheckRuns(runs, nameof(runs));
        CheckFactor(noiseFactor, nameof(noiseFactor), "The noise factor");
        var byLevel = Enum.GetValues<NodeKind>().ToDictionary(k => k, _ => noiseFactor);
        return FromFactors(plan, runs, seed, byLevel);
    }

    /// <summary>Creates an analysis that draws noisy weights with a noise factor per level (COINr's <c>noise_specs</c>).</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="runs">The number of runs, at least 1.</param>
    /// <param name="noiseFactors">The noise factor in [0, 1] per level of the <em>parent</em> node: <see cref="NodeKind.Pillar"/>
    /// perturbs the weights of the children inside each pillar. Links under levels not listed keep their weights.</param>
    /// <param name="seed">The seed of the <see cref="Random"/> that draws the weights.</param>
    /// <returns>The analysis.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> or <paramref name="noiseFactors"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="runs"/> is below 1.</exception>
    /// <exception cref="ArgumentException">A level is undefined or its factor is outside [0, 1] or NaN (all are listed).</exception>
    public static WeightUncertainty FromNoiseByLevel(ScoringPlan plan, int runs, IReadOnlyDictionary<NodeKind, double> noiseFactors, int seed)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(noiseFactors);
        CheckRuns(runs, nameof(runs));
        var problems = new List<string>();
        foreach ((NodeKind kind, double f) in noiseFactors)
        {
            if (!Enum.IsDefined(kind))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"level {(int)kind} is not a defined NodeKind"));
            }
            else if (!(f is >= 0 and <= 1))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"the noise factor of level {kind} must be in [0, 1] but was {f}"));
            }
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid noise factors: {string.Join("; ", problems)}.", nameof(noiseFactors));
        }

        return FromFactors(plan, runs, seed, new Dictionary<NodeKind, double>(noiseFactors));
    }

    /// <summary>Creates an analysis over weight vectors supplied by the caller, one run per vector.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="weightVectors">The vectors, each one weight per link in the order of <see cref="Links"/>; weights are relative within each node.</param>
    /// <returns>The analysis.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> or <paramref name="weightVectors"/> is null.</exception>
    /// <exception cref="ArgumentException">There are no vectors, or a vector is null, has the wrong length, or holds a negative,
    /// NaN or infinite weight (all problems are listed, naming the vector and the link).</exception>
    public static WeightUncertainty FromWeightVectors(ScoringPlan plan, IReadOnlyList<IReadOnlyList<double>> weightVectors)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(weightVectors);
        if (weightVectors.Count == 0)
        {
            throw new ArgumentException("At least one weight vector is needed (one run per vector).", nameof(weightVectors));
        }

        int links = plan.LinkCount;
        var values = new double[weightVectors.Count * links];
        var problems = new List<string>();
        for (int r = 0; r < weightVectors.Count; r++)
        {
            IReadOnlyList<double>? v = weightVectors[r];
            if (v is null || v.Count != links)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"vector {r} has {(v is null ? "no" : v.Count.ToString(CultureInfo.InvariantCulture))} weights but the plan has {links} links"));
                continue;
            }

            for (int c = 0; c < links; c++)
            {
                double w = v[c];
                if (!(w >= 0) || double.IsPositiveInfinity(w))
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"vector {r} link {c} ({plan.NodeCodes[plan.LinkParent(c)]} → {plan.LinkChildCode(c)}) has weight {w}, which is not finite and ≥ 0"));
                }

                values[(r * links) + c] = w;
            }
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid weight vectors: {string.Join("; ", problems)}.", nameof(weightVectors));
        }

        return new WeightUncertainty(plan, weightVectors.Count, null, new double[links], values, new Dictionary<NodeKind, double>(), [RootIndex(plan)]);
    }

    /// <summary>Returns a copy that also analyses the given nodes (the root is always analysed, first).</summary>
    /// <param name="nodes">Node codes of the plan, for example pillars; duplicates are ignored.</param>
    /// <returns>The new analysis.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="nodes"/> is null.</exception>
    /// <exception cref="ArgumentException">A code is not a node of the plan (all are listed).</exception>
    public WeightUncertainty WithNodes(IEnumerable<string> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var index = new List<int>(_nodeIndex);
        var unknown = new List<string>();
        foreach (string code in nodes)
        {
            int k = code is null ? -1 : Plan.NodeCodes.AsSpan().IndexOf(code);
            if (k < 0)
            {
                unknown.Add($"'{code}'");
            }
            else if (!index.Contains(k))
            {
                index.Add(k);
            }
        }

        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Framework '{Plan.Framework.Id}' has no node {string.Join(", ", unknown)}.", nameof(nodes));
        }

        return new WeightUncertainty(Plan, Runs, Seed, _linkNoise, _vectors, NoiseFactors, [.. index]);
    }

    /// <summary>Scores the matrix once with the plan's weights, re-aggregates and re-ranks it once per run, and summarises the ranks.</summary>
    /// <param name="matrix">Raw values, units × indicators (as for <see cref="ScoringPlan.Score"/>).</param>
    /// <param name="groups">Group columns, when the plan's imputation needs them (as for <see cref="ScoringPlan.Score"/>).</param>
    /// <returns>The rank statistics of every analysed node.</returns>
    /// <remarks>Ranks are ungrouped and use the plan's tie rule, for every analysed node whatever the plan's rank scope.
    /// Memory: one float per run, unit and analysed node.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="matrix"/> is null.</exception>
    /// <exception cref="ArgumentException">Required columns are missing (see <see cref="ScoringPlan.Score"/>).</exception>
    /// <exception cref="InvalidOperationException">The data break a method's rule (see <see cref="ScoringPlan.Score"/>), the plan imputes from earlier periods, or runs × units × analysed nodes exceeds <see cref="MaxRankCells"/>.</exception>
    public UncertaintyResult Run(IndicatorMatrix matrix, IReadOnlyDictionary<string, IReadOnlyList<string?>>? groups = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int units = matrix.RowCount;
        CheckRankCells(units);
        var ws = new ScoringWorkspace(Plan, units);
        Plan.ScoreInto(matrix, ws, groups);

        // Every run brings a new order, which a comparison sort mispredicts; the radix rank gives the same ranks.
        var radix = new RadixScratch(units);
        double[] nominal = NominalRanks(ws, radix);

        // Ranks are integers or halves (fractional ties), exact in float. Stored run-major, so each run writes one
        // contiguous row; the statistics transpose a block of units at a time (a unit-major store would scatter every
        // run's writes over a stride of Runs floats, one cache miss per unit and run).
        var ranks = new float[_nodeIndex.Length * units * Runs];
        var shift = new double[_nodeIndex.Length * Runs];
        RunAll(ws, radix, nominal, ranks, shift);
        return new UncertaintyResult(Runs, NodeStatistics(matrix.Units, nominal, ranks, shift));
    }

    /// <summary>Checks, before any allocation, that runs × units × analysed nodes ranks fit in <see cref="MaxRankCells"/>
    /// (more would overflow an int or exhaust memory).</summary>
    private void CheckRankCells(int units)
    {
        long cells = (long)_nodeIndex.Length * units * Runs;
        if (cells > MaxRankCells)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{Runs} runs × {units} units × {_nodeIndex.Length} analysed node(s) = {cells} ranks, more than the {MaxRankCells} (1 GiB of floats) one analysis may hold; use fewer runs."));
        }
    }

    /// <summary>The nominal ranks of every analysed node (node-major): the same ungrouped ranking as the runs, with the
    /// plan's weights, so a run with the plan's weights shifts nothing.</summary>
    private double[] NominalRanks(ScoringWorkspace ws, RadixScratch radix)
    {
        int units = ws.UnitCount;
        Plan.ReaggregateInto(ws, Plan.LinkWeights, _nodeIndex, radix);
        var nominal = new double[_nodeIndex.Length * units];
        for (int a = 0; a < _nodeIndex.Length; a++)
        {
            ws.Ranks(_nodeIndex[a]).CopyTo(nominal.AsSpan(a * units, units));
        }

        return nominal;
    }

    /// <summary>Re-aggregates and re-ranks once per run, in run order, storing every analysed node's ranks and mean
    /// absolute rank shift of the run.</summary>
    private void RunAll(ScoringWorkspace ws, RadixScratch radix, double[] nominal, float[] ranks, double[] shift)
    {
        var weights = new double[Plan.LinkCount];
        Random? random = _vectors is null ? new Random(Seed!.Value) : null;
        for (int r = 0; r < Runs; r++)
        {
            RunWeights(r, random, weights);
            Plan.ReaggregateInto(ws, weights, _nodeIndex, radix);
            StoreRun(ws, r, nominal, ranks, shift);
        }
    }

    /// <summary>Writes run <paramref name="r"/>'s link weights: the supplied vector, or the next noisy draw of every
    /// link from <paramref name="random"/> (rule in the type remarks).</summary>
    private void RunWeights(int r, Random? random, Span<double> weights)
    {
        int links = weights.Length;
        if (random is null)
        {
            _vectors.AsSpan(r * links, links).CopyTo(weights);
            return;
        }

        ReadOnlySpan<double> nominalWeights = Plan.LinkWeights;
        for (int c = 0; c < links; c++)
        {
            double w = nominalWeights[c];
            weights[c] = w + (((2 * random.NextDouble()) - 1) * _linkNoise[c] * w);
        }
    }

    /// <summary>Stores the workspace's ranks of every analysed node as run <paramref name="r"/>, and the run's mean
    /// absolute shift from the nominal ranks over the units ranked in both (NaN when none).</summary>
    private void StoreRun(ScoringWorkspace ws, int r, double[] nominal, float[] ranks, double[] shift)
    {
        int units = ws.UnitCount;
        for (int a = 0; a < _nodeIndex.Length; a++)
        {
            ReadOnlySpan<double> run = ws.Ranks(_nodeIndex[a]);
            ReadOnlySpan<double> nom = nominal.AsSpan(a * units, units);
            Span<float> store = ranks.AsSpan((a * units * Runs) + (r * units), units);
            double sum = 0;
            int n = 0;
            for (int i = 0; i < units; i++)
            {
                store[i] = (float)run[i];
                double d = Math.Abs(run[i] - nom[i]);
                if (!double.IsNaN(d))
                {
                    sum += d;
                    n++;
                }
            }

            shift[(a * Runs) + r] = n == 0 ? double.NaN : sum / n;
        }
    }

    /// <summary>Summarises the stored ranks of every analysed node, unit by unit, transposing a block of units at a time.</summary>
    private ValueList<NodeRankStatistics> NodeStatistics(ValueList<string> unitCodes, double[] nominal, float[] ranks, double[] shift)
    {
        int units = unitCodes.Count;
        var result = new NodeRankStatistics[_nodeIndex.Length];
        int block = Math.Min(units, TransposeBlock);
        var transposed = new double[block * Runs];
        var counts = new int[(2 * units) + 2];
        for (int a = 0; a < result.Length; a++)
        {
            var stats = new UnitRankStatistics[units];
            ReadOnlySpan<float> all = ranks.AsSpan(a * units * Runs, units * Runs);
            for (int i0 = 0; i0 < units; i0 += block)
            {
                int n = Math.Min(block, units - i0);
                for (int r = 0; r < Runs; r++)
                {
                    ReadOnlySpan<float> row = all.Slice((r * units) + i0, n);
                    for (int t = 0; t < n; t++)
                    {
                        transposed[(t * Runs) + r] = row[t];
                    }
                }

                for (int t = 0; t < n; t++)
                {
                    int i = i0 + t;
                    stats[i] = Summarise(unitCodes[i], nominal[(a * units) + i], transposed.AsSpan(t * Runs, Runs), counts);
                }
            }

            result[a] = new NodeRankStatistics(Nodes[a], ValueList.Of(stats), ValueList.Of(shift.AsSpan(a * Runs, Runs).ToArray()));
        }

        return ValueList.Of(result);
    }

    /// <summary>Computes R's quantile type 7 of sorted values: h = (n − 1)p, x[⌊h⌋] blended with x[⌈h⌉] as R does.</summary>
    internal static double QuantileType7(ReadOnlySpan<double> sorted, double p)
    {
        if (sorted.IsEmpty)
        {
            return double.NaN;
        }

        double h = (sorted.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        return Blend(sorted[lo], sorted[(int)Math.Ceiling(h)], h - lo);
    }

    /// <summary>R's type-7 step: <c>(1 − f)·x_lo + f·x_hi</c>, applied only when f &gt; 0 and x_hi ≠ x_lo (so exact order statistics stay exact).</summary>
    private static double Blend(double lo, double hi, double fraction) =>
        fraction > 0 && hi != lo ? ((1 - fraction) * lo) + (fraction * hi) : lo;

    /// <summary>
    /// Summarises one unit's ranks over the runs (in run order). Ranks are multiples of ½ in [1, units], so the order
    /// statistics come from a histogram of 2·rank (<paramref name="counts"/>, all zero on entry and on return) instead
    /// of a sort; the values are the same as <see cref="QuantileType7"/> on the sorted ranks.
    /// </summary>
    private static UnitRankStatistics Summarise(string unit, double nominal, ReadOnlySpan<double> runs, int[] counts)
    {
        int n = 0;
        double sum = 0;
        int min = int.MaxValue, max = int.MinValue;
        for (int r = 0; r < runs.Length; r++)
        {
            double v = runs[r];
            if (double.IsNaN(v))
            {
                continue;
            }

            int k = (int)(2 * v);
            counts[k]++;
            min = Math.Min(min, k);
            max = Math.Max(max, k);
            sum += v;
            n++;
        }

        if (n == 0)
        {
            return new UnitRankStatistics(unit, nominal, double.NaN, double.NaN, double.NaN, double.NaN, 0);
        }

        // Sorted positions ⌊h⌋, ⌈h⌉ for p = 0.05, 0.5, 0.95 (non-decreasing), read in one walk over the histogram.
        ReadOnlySpan<double> probabilities = [0.05, 0.5, 0.95];
        Span<int> at = stackalloc int[6];
        Span<double> x = stackalloc double[6];
        for (int q = 0; q < 3; q++)
        {
            double h = (n - 1) * probabilities[q];
            at[2 * q] = (int)Math.Floor(h);
            at[(2 * q) + 1] = (int)Math.Ceiling(h);
        }

        int next = 0, seen = 0;
        for (int k = min; k <= max; k++)
        {
            int c = counts[k];
            if (c == 0)
            {
                continue;
            }

            counts[k] = 0;
            seen += c;
            while (next < 6 && at[next] < seen)
            {
                x[next++] = k / 2.0;
            }
        }

        double q05 = Blend(x[0], x[1], ((n - 1) * 0.05) - at[0]);
        double q50 = Blend(x[2], x[3], ((n - 1) * 0.5) - at[2]);
        double q95 = Blend(x[4], x[5], ((n - 1) * 0.95) - at[4]);
        return new UnitRankStatistics(unit, nominal, sum / n, q50, q05, q95, n);
    }

    private static WeightUncertainty FromFactors(ScoringPlan plan, int runs, int seed, Dictionary<NodeKind, double> byLevel)
    {
        var linkNoise = new double[plan.LinkCount];
        for (int c = 0; c < linkNoise.Length; c++)
        {
            linkNoise[c] = byLevel.GetValueOrDefault(plan.LinkParentKind(c));
        }

        return new WeightUncertainty(plan, runs, seed, linkNoise, null, byLevel, [RootIndex(plan)]);
    }

    private static int RootIndex(ScoringPlan plan) => plan.NodeCodes.AsSpan().IndexOf(plan.Framework.Root);

    private static void CheckRuns(int runs, string name)
    {
        if (runs < 1)
        {
            throw new ArgumentOutOfRangeException(name, runs, $"The number of runs must be at least 1 but was {runs.ToString(CultureInfo.InvariantCulture)}.");
        }
    }

    private static void CheckFactor(double factor, string name, string what)
    {
        if (!(factor is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(name, factor, string.Create(CultureInfo.InvariantCulture, $"{what} must be in [0, 1] but was {factor}."));
        }
    }
}
