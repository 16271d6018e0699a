using System.Globalization;
using DxIndicators.Data;

namespace DxIndicators.Analysis;

/// <summary>
/// Variance-based (Sobol) sensitivity of a ranking to its uncertain inputs (COINr <c>get_sensitivity</c> with
/// <c>SA_type = "SA"</c>): Saltelli's design [A; B; AB_1 … AB_d], the Saltelli 2010 first-order and Jansen total
/// estimators, bootstrap bounds, and convergence as N grows.
/// </summary>
/// <remarks>Immutable; safe to share. Each model run is evaluated like an <see cref="UncertaintyAnalysis"/> sample (no
/// rebuild); rows of A are the samples an uncertainty analysis with the same seed draws. Results do not depend on the
/// thread count.</remarks>
public sealed class SobolSensitivity
{
    private SobolSensitivity(UncertainInputs inputs, int baseSamples, int seed, string node, string? unit, int bootstrap, double confidence, int threads)
    {
        Inputs = inputs;
        BaseSamples = baseSamples;
        Seed = seed;
        Node = node;
        Unit = unit;
        BootstrapResamples = bootstrap;
        Confidence = confidence;
        Threads = threads;
    }

    /// <summary>Gets the uncertain inputs (each varied input is one Sobol input).</summary>
    public UncertainInputs Inputs { get; }

    /// <summary>Gets N, the number of base samples.</summary>
    public int BaseSamples { get; }

    /// <summary>Gets the seed.</summary>
    public int Seed { get; }

    /// <summary>Gets the node whose ranks are analysed (default: the root).</summary>
    public string Node { get; }

    /// <summary>Gets the unit whose rank is the output, or null for the mean absolute rank shift over all units.</summary>
    public string? Unit { get; }

    /// <summary>Gets the number of bootstrap resamples.</summary>
    public int BootstrapResamples { get; }

    /// <summary>Gets the confidence level of the bootstrap bounds.</summary>
    public double Confidence { get; }

    /// <summary>Gets the most threads used (0: one per core).</summary>
    public int Threads { get; }

    /// <summary>Creates a Sobol analysis of the root's mean absolute rank shift.</summary>
    /// <param name="inputs">The uncertain inputs; at least one must be varied.</param>
    /// <param name="baseSamples">N, at least 2.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The analysis (1,000 bootstrap resamples, 90 % bounds).</returns>
    /// <exception cref="ArgumentException">Nothing is varied.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="baseSamples"/> is below 2.</exception>
    public static SobolSensitivity Create(UncertainInputs inputs, int baseSamples, int seed)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfLessThan(baseSamples, 2);
        if (inputs.Inputs.Count == 0)
        {
            throw new ArgumentException("A sensitivity analysis needs at least one varied input.", nameof(inputs));
        }

        return new SobolSensitivity(inputs, baseSamples, seed, inputs.Framework.Root, null, 1000, 0.9, 0);
    }

    /// <summary>Returns a copy whose output is one unit's rank at <paramref name="node"/> (unit null: the mean absolute rank shift).</summary>
    /// <param name="node">The node code.</param>
    /// <param name="unit">The unit code, or null.</param>
    /// <returns>The new analysis.</returns>
    /// <exception cref="ArgumentException">The node is not a node of the plan.</exception>
    public SobolSensitivity WithTarget(string node, string? unit = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (Inputs.NominalPlan.NodeCodes.AsSpan().IndexOf(node) < 0)
        {
            throw new ArgumentException($"Framework '{Inputs.Framework.Id}' has no node '{node}'.", nameof(node));
        }

        return new SobolSensitivity(Inputs, BaseSamples, Seed, node, unit, BootstrapResamples, Confidence, Threads);
    }

    /// <summary>Returns a copy with another bootstrap setting.</summary>
    /// <param name="resamples">Resamples (0: no bounds).</param>
    /// <param name="confidence">Confidence level in (0, 1).</param>
    /// <returns>The new analysis.</returns>
    public SobolSensitivity WithBootstrap(int resamples, double confidence = 0.9)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(resamples);
        if (!(confidence is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "The confidence level must be in (0, 1).");
        }

        return new SobolSensitivity(Inputs, BaseSamples, Seed, Node, Unit, resamples, confidence, Threads);
    }

    /// <summary>Returns a copy that uses at most <paramref name="threads"/> threads (0: one per core).</summary>
    /// <param name="threads">The limit.</param>
    /// <returns>The new analysis.</returns>
    public SobolSensitivity WithThreads(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        return new SobolSensitivity(Inputs, BaseSamples, Seed, Node, Unit, BootstrapResamples, Confidence, threads);
    }

    /// <summary>Runs the N·(d + 2) model evaluations and estimates the indices.</summary>
    /// <param name="matrix">Raw values.</param>
    /// <param name="groups">Group columns, when an imputation choice needs them.</param>
    /// <param name="progress">Receives progress (model runs done of total).</param>
    /// <param name="cancellationToken">Cancels between blocks.</param>
    /// <returns>The indices.</returns>
    /// <exception cref="ArgumentException">The unit is not in the matrix.</exception>
    /// <exception cref="InvalidOperationException">A combination of choices cannot score the data.</exception>
    public SobolResult Run(IndicatorMatrix matrix, IReadOnlyDictionary<string, IReadOnlyList<string?>>? groups = null, IProgress<AnalysisProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int unit = -1;
        if (Unit is not null && (unit = matrix.Units.AsSpan().IndexOf(Unit)) < 0)
        {
            throw new ArgumentException($"The data have no unit '{Unit}'.", nameof(matrix));
        }

        int node = Inputs.NominalPlan.NodeCodes.AsSpan().IndexOf(Node);
        var evaluator = new SampleEvaluator(Inputs, matrix, groups, [node]);
        double[] y = EvaluateDesign(evaluator, node, unit, progress, cancellationToken);
        if (Array.Exists(y, double.IsNaN))
        {
            throw new InvalidOperationException(unit >= 0
                ? $"Unit '{Unit}' has no rank at '{Node}' in some runs (its score is missing); choose another unit or node."
                : $"Node '{Node}' ranks no unit in some runs.");
        }

        ValueList<UncertainInput> varied = Inputs.Inputs;
        int d = varied.Count, n = BaseSamples;
        var yab = new double[d][];
        for (int i = 0; i < d; i++)
        {
            yab[i] = y.AsSpan((2 + i) * n, n).ToArray();
        }

        string target = unit >= 0 ? $"rank of {Unit} at {Node}" : $"mean absolute rank shift of {Node}";
        return Estimate(target, varied.Select(v => v.ToString()).ToList(), y.AsSpan(0, n), y.AsSpan(n, n), yab, BootstrapResamples, Confidence, Seed);
    }

    /// <summary>
    /// Evaluates the N·(d + 2) runs of Saltelli's design (the rows of A, then B, then each AB_i) in blocks spread over
    /// the threads, and returns the output of each run in that order.
    /// </summary>
    private double[] EvaluateDesign(SampleEvaluator evaluator, int node, int unit, IProgress<AnalysisProgress>? progress, CancellationToken cancellationToken)
    {
        long total = (long)BaseSamples * (Inputs.Inputs.Count + 2);
        var y = new double[total];
        const int Block = 512;
        int blocks = (int)((total + Block - 1) / Block);
        int threads = Threads == 0 ? Environment.ProcessorCount : Threads;
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };
        int done = 0;
        Parallel.For(0, blocks, options, evaluator.Rent, (b, _, w) =>
        {
            Span<ulong> keys = stackalloc ulong[UncertainInputs.GroupCount];
            long end = Math.Min(total, (long)(b + 1) * Block);
            for (long run = (long)b * Block; run < end; run++)
            {
                DesignKeys(run, keys);
                evaluator.Evaluate(w, keys);
                y[run] = Output(w.Current.Ranks(node), unit, evaluator.NominalRanks.AsSpan(0, evaluator.Units));
            }

            int now = Interlocked.Increment(ref done);
            progress?.Report(new AnalysisProgress(Math.Min((long)now * Block, total), total));
            return w;
        }, evaluator.Return);
        return y;
    }

    /// <summary>Writes the counter keys of one run of the design, one per input group.</summary>
    private void DesignKeys(long run, Span<ulong> keys)
    {
        ValueList<UncertainInput> varied = Inputs.Inputs;
        int m = (int)(run / BaseSamples), row = (int)(run % BaseSamples);
        for (int g = 0; g < keys.Length; g++)
        {
            // A: stream 0; B: stream 1; AB_i: B's draws for input i, A's for the others.
            int stream = m == 1 || (m >= 2 && g == UncertainInputs.GroupOf(varied[m - 2])) ? 1 : 0;
            keys[g] = CounterRandom.Key(Seed, stream, row, g);
        }
    }

    /// <summary>
    /// The output of one run: the unit's rank (<paramref name="unit"/> ≥ 0), else the mean absolute shift of the ranks
    /// from <paramref name="nominal"/> over the units ranked in both (NaN when there are none).
    /// </summary>
    private static double Output(ReadOnlySpan<double> ranks, int unit, ReadOnlySpan<double> nominal)
    {
        if (unit >= 0)
        {
            return ranks[unit];
        }

        double sum = 0;
        int count = 0;
        for (int i = 0; i < nominal.Length; i++)
        {
            double shift = Math.Abs(ranks[i] - nominal[i]);
            if (!double.IsNaN(shift))
            {
                sum += shift;
                count++;
            }
        }

        return count == 0 ? double.NaN : sum / count;
    }

    /// <summary>Runs a Sobol analysis of any model of d inputs uniform on [0, 1) (for checking the estimators on known functions).</summary>
    /// <param name="inputs">d, at least 1.</param>
    /// <param name="baseSamples">N, at least 2.</param>
    /// <param name="model">The model, called N·(d + 2) times with one point of [0, 1)^d.</param>
    /// <param name="seed">The seed of the design.</param>
    /// <param name="bootstrap">Bootstrap resamples.</param>
    /// <param name="confidence">Confidence level of the bounds.</param>
    /// <returns>The indices, inputs named x1 … xd.</returns>
    public static SobolResult Analyse(int inputs, int baseSamples, Func<double[], double> model, int seed, int bootstrap = 1000, double confidence = 0.9)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(inputs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(baseSamples, 2);
        int d = inputs, n = baseSamples;
        var ya = new double[n];
        var yb = new double[n];
        var yab = Enumerable.Range(0, d).Select(_ => new double[n]).ToArray();
        var x = new double[d];
        for (int row = 0; row < n; row++)
        {
            Point(0, -1);
            ya[row] = model(x);
            Point(1, -1);
            yb[row] = model(x);
            for (int i = 0; i < d; i++)
            {
                Point(0, i);
                yab[i][row] = model(x);
            }

            void Point(int stream, int fromB)
            {
                for (int g = 0; g < d; g++)
                {
                    x[g] = CounterRandom.Uniform(CounterRandom.Key(seed, g == fromB ? 1 : stream, row, g), 0);
                }
            }
        }

        return Estimate("model output", Enumerable.Range(1, d).Select(i => "x" + i.ToString(CultureInfo.InvariantCulture)).ToList(), ya, yb, yab, bootstrap, confidence, seed);
    }

    /// <summary>Estimates first-order and total indices from the outputs of a Saltelli design.</summary>
    /// <param name="target">What y is.</param>
    /// <param name="names">The input names, d of them.</param>
    /// <param name="ya">y on the rows of A (N values).</param>
    /// <param name="yb">y on the rows of B.</param>
    /// <param name="yab">y on AB_i (A with column group i from B), one array of N per input.</param>
    /// <param name="bootstrap">Bootstrap resamples of the rows (0: no bounds).</param>
    /// <param name="confidence">Confidence level of the bounds: quantiles (1 ∓ c)/2, R type 7.</param>
    /// <param name="seed">The seed of the resampling.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException">Lengths differ or N is below 2.</exception>
    public static SobolResult Estimate(string target, IReadOnlyList<string> names, ReadOnlySpan<double> ya, ReadOnlySpan<double> yb, IReadOnlyList<double[]> yab, int bootstrap, double confidence, int seed)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(yab);
        int n = ya.Length, d = names.Count;
        if (n < 2 || yb.Length != n || yab.Count != d || yab.Any(v => v is null || v.Length != n))
        {
            throw new ArgumentException("y_A, y_B and every y_AB_i need the same length N ≥ 2, and one y_AB per input.", nameof(yab));
        }

        (double mean, double variance) = MeanVariance(ya, yb);
        var first = new double[d];
        var totals = new double[d];
        Indices(ya, yb, yab, null, n, first, totals);
        (double[] low, double[] high) = BootstrapBounds(ya, yb, yab, bootstrap, confidence, seed);
        var indices = new SobolIndex[d];
        for (int i = 0; i < d; i++)
        {
            indices[i] = new SobolIndex(names[i], first[i], low[i], high[i], totals[i], low[d + i], high[d + i]);
        }

        return new SobolResult(target, n, mean, variance, confidence, bootstrap, ValueList.Of(indices), Convergence(names, ya, yb, yab));
    }

    /// <summary>
    /// The bootstrap bounds (quantiles (1 ∓ c)/2, R type 7) of S_1 … S_d (entries 0 … d − 1) and ST_1 … ST_d (entries
    /// d … 2d − 1), from <paramref name="bootstrap"/> resamples of the rows; all NaN when there are no resamples.
    /// </summary>
    private static (double[] Low, double[] High) BootstrapBounds(ReadOnlySpan<double> ya, ReadOnlySpan<double> yb, IReadOnlyList<double[]> yab, int bootstrap, double confidence, int seed)
    {
        int n = ya.Length, d = yab.Count;
        var low = new double[2 * d];
        var high = new double[2 * d];
        low.AsSpan().Fill(double.NaN);
        high.AsSpan().Fill(double.NaN);
        if (bootstrap <= 0)
        {
            return (low, high);
        }

        var pick = new int[n];
        var sf = new double[d];
        var st = new double[d];
        var samples = Enumerable.Range(0, 2 * d).Select(_ => new double[bootstrap]).ToArray();
        for (int b = 0; b < bootstrap; b++)
        {
            ulong key = CounterRandom.Key(seed, 7, b, 0);
            for (int j = 0; j < n; j++)
            {
                pick[j] = Math.Min(n - 1, (int)(CounterRandom.Uniform(key, j) * n));
            }

            Indices(ya, yb, yab, pick, n, sf, st);
            for (int i = 0; i < d; i++)
            {
                samples[i][b] = sf[i];
                samples[d + i][b] = st[i];
            }
        }

        double lo = (1 - confidence) / 2, hi = (1 + confidence) / 2;
        for (int k = 0; k < 2 * d; k++)
        {
            double[] s = samples[k];
            Array.Sort(s);
            low[k] = WeightUncertainty.QuantileType7(s, lo);
            high[k] = WeightUncertainty.QuantileType7(s, hi);
        }

        return (low, high);
    }

    /// <summary>The indices estimated from the first N/8, N/4, N/2 and all N rows (prefixes under 16 rows skipped, except N itself).</summary>
    private static ValueList<SobolConvergence> Convergence(IReadOnlyList<string> names, ReadOnlySpan<double> ya, ReadOnlySpan<double> yb, IReadOnlyList<double[]> yab)
    {
        int n = ya.Length, d = names.Count;
        var convergence = new List<SobolConvergence>();
        foreach (int m in new[] { n / 8, n / 4, n / 2, n })
        {
            if (m < 16 && m != n)
            {
                continue;
            }

            var sf = new double[d];
            var st = new double[d];
            var prefix = yab.Select(v => v[..m]).ToList();
            Indices(ya[..m], yb[..m], prefix, null, m, sf, st);
            for (int i = 0; i < d; i++)
            {
                convergence.Add(new SobolConvergence(m, names[i], sf[i], st[i]));
            }
        }

        return convergence.ToValueList();
    }

    /// <summary>S_i = mean(y_B·(y_ABi − y_A))/V and ST_i = Σ(y_A − y_ABi)²/(2N·V), V = var(c(y_A, y_B)), over the rows in <paramref name="pick"/> (null: all).</summary>
    private static void Indices(ReadOnlySpan<double> ya, ReadOnlySpan<double> yb, IReadOnlyList<double[]> yab, int[]? pick, int n, Span<double> first, Span<double> total)
    {
        double sum = 0;
        for (int j = 0; j < n; j++)
        {
            int r = pick is null ? j : pick[j];
            sum += ya[r] + yb[r];
        }

        double mean = sum / (2 * n), ss = 0;
        for (int j = 0; j < n; j++)
        {
            int r = pick is null ? j : pick[j];
            double a = ya[r] - mean, b = yb[r] - mean;
            ss += (a * a) + (b * b);
        }

        double v = ss / ((2 * n) - 1);
        for (int i = 0; i < first.Length; i++)
        {
            double[] ab = yab[i];
            double s1 = 0, s2 = 0;
            for (int j = 0; j < n; j++)
            {
                int r = pick is null ? j : pick[j];
                s1 += yb[r] * (ab[r] - ya[r]);
                double diff = ya[r] - ab[r];
                s2 += diff * diff;
            }

            first[i] = s1 / n / v;
            total[i] = s2 / (2.0 * n * v);
        }
    }

    private static (double Mean, double Variance) MeanVariance(ReadOnlySpan<double> ya, ReadOnlySpan<double> yb)
    {
        int n = ya.Length;
        double sum = 0;
        for (int j = 0; j < n; j++)
        {
            sum += ya[j] + yb[j];
        }

        double mean = sum / (2 * n), ss = 0;
        for (int j = 0; j < n; j++)
        {
            ss += ((ya[j] - mean) * (ya[j] - mean)) + ((yb[j] - mean) * (yb[j] - mean));
        }

        return (mean, ss / ((2 * n) - 1));
    }
}
