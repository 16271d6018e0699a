using System.Globalization;
using System.Runtime.Intrinsics;
using DxIndicators.Data;
using DxIndicators.Scoring;
using DxIndicators.Scoring.Kernels;

namespace DxIndicators.Analysis;

/// <summary>
/// An uncertainty analysis over every modelling choice of <see cref="UncertainInputs"/> (COINr <c>get_sensitivity</c>
/// with <c>SA_type = "UA"</c>): per analysed node and unit the nominal, mean and median rank, the 5–95 % rank
/// interval, the mean absolute rank shift and a summary of the score distribution.
/// </summary>
/// <remarks>
/// <para>Immutable; safe to share. Never rebuilds per sample: see <see cref="UncertainInputs"/> for the draws and
/// docs/methodology.md, "Uncertainty analysis", for the statistics.</para>
/// <para>Memory does not grow with the number of runs: ranks are streamed into per-unit histograms of 2·rank
/// (units × (2·units + 2) counts per thread), sums into fixed blocks; only <see cref="WithRunShifts"/> keeps one
/// double per run and node. Samples are processed in blocks of 256, blocks in waves of 16 spread over the threads,
/// and floating-point sums are merged in block order, so the result is bit-identical for every thread count.</para>
/// </remarks>
public sealed partial class UncertaintyAnalysis
{
    internal const int BlockSize = 256;

    /// <summary>The row stride of the transposed weight matrix (indicator × sample): one cache line more than
    /// <see cref="BlockSize"/>. With a stride of 2 KB every row of a lane group's column falls into the same 2 of
    /// L1's 64 sets, so the weight draws' stores and adds into A missed L1 (docs/performance.md).</summary>
    internal const int AtStride = BlockSize + 8;
    internal const int WaveBlocks = 16;

    private readonly int[] _nodeIndex;

    private UncertaintyAnalysis(UncertainInputs inputs, int runs, int seed, int[] nodeIndex, int threads, bool keep)
    {
        Inputs = inputs;
        Runs = runs;
        Seed = seed;
        _nodeIndex = nodeIndex;
        Threads = threads;
        KeepsRunShifts = keep;
        Nodes = nodeIndex.Select(k => inputs.NominalPlan.NodeCodes[k]).ToValueList();
    }

    /// <summary>Gets the uncertain inputs.</summary>
    public UncertainInputs Inputs { get; }

    /// <summary>Gets the number of runs.</summary>
    public int Runs { get; }

    /// <summary>Gets the seed of the draws.</summary>
    public int Seed { get; }

    /// <summary>Gets the analysed nodes, the framework root first.</summary>
    public ValueList<string> Nodes { get; }

    /// <summary>Gets the most threads used (0: one per core).</summary>
    public int Threads { get; }

    /// <summary>Gets whether the per-run mean absolute rank shift series is kept in the result.</summary>
    public bool KeepsRunShifts { get; }

    /// <summary>Creates an analysis of the root over <paramref name="runs"/> samples.</summary>
    /// <param name="inputs">The uncertain inputs.</param>
    /// <param name="runs">The number of samples, at least 1.</param>
    /// <param name="seed">The seed of the counter-based draws.</param>
    /// <returns>The analysis.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="inputs"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="runs"/> is below 1.</exception>
    public static UncertaintyAnalysis Create(UncertainInputs inputs, int runs, int seed)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (runs < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(runs), runs, $"The number of runs must be at least 1 but was {runs.ToString(CultureInfo.InvariantCulture)}.");
        }

        int root = inputs.NominalPlan.NodeCodes.AsSpan().IndexOf(inputs.Framework.Root);
        return new UncertaintyAnalysis(inputs, runs, seed, [root], 0, false);
    }

    /// <summary>Returns a copy that also analyses the given nodes.</summary>
    /// <param name="nodes">Node codes (duplicates ignored).</param>
    /// <returns>The new analysis.</returns>
    /// <exception cref="ArgumentException">A code is not a node (all are listed).</exception>
    public UncertaintyAnalysis WithNodes(IEnumerable<string> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var index = new List<int>(_nodeIndex);
        var unknown = new List<string>();
        foreach (string code in nodes)
        {
            int k = code is null ? -1 : Inputs.NominalPlan.NodeCodes.AsSpan().IndexOf(code);
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
            throw new ArgumentException($"Framework '{Inputs.Framework.Id}' has no node {string.Join(", ", unknown)}.", nameof(nodes));
        }

        return new UncertaintyAnalysis(Inputs, Runs, Seed, [.. index], Threads, KeepsRunShifts);
    }

    /// <summary>Returns a copy that uses at most <paramref name="threads"/> threads (0: one per core); the result does not depend on it.</summary>
    /// <param name="threads">The thread limit, ≥ 0.</param>
    /// <returns>The new analysis.</returns>
    public UncertaintyAnalysis WithThreads(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        return new UncertaintyAnalysis(Inputs, Runs, Seed, _nodeIndex, threads, KeepsRunShifts);
    }

    /// <summary>Returns a copy that keeps (or drops) the per-run mean absolute rank shift series (one double per run and node).</summary>
    /// <param name="keep">Whether to keep it.</param>
    /// <returns>The new analysis.</returns>
    public UncertaintyAnalysis WithRunShifts(bool keep = true) => new(Inputs, Runs, Seed, _nodeIndex, Threads, keep);

    /// <summary>Gets the drawn parameters of one run.</summary>
    /// <param name="run">The run index in [0, <see cref="Runs"/>).</param>
    /// <returns>The parameters.</returns>
    public SampleParameters Sample(int run)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(run);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(run, Runs);
        return Inputs.Sample(Seed, run);
    }

    /// <summary>Runs the analysis.</summary>
    /// <param name="matrix">Raw values, units × indicators (as for <see cref="Scoring.ScoringPlan.Score"/>).</param>
    /// <param name="groups">Group columns, when an imputation choice needs them.</param>
    /// <param name="progress">Receives progress after every wave of blocks (null: none).</param>
    /// <param name="cancellationToken">Cancels between blocks.</param>
    /// <returns>The statistics of every analysed node.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="matrix"/> is null.</exception>
    /// <exception cref="InvalidOperationException">A combination of choices cannot score the data (every failing combination is named).</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public UncertaintyResult Run(IndicatorMatrix matrix, IReadOnlyDictionary<string, IReadOnlyList<string?>>? groups = null, IProgress<AnalysisProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var evaluator = new SampleEvaluator(Inputs, matrix, groups, _nodeIndex);
        int units = evaluator.Units;
        int nodes = _nodeIndex.Length;
        var total = new Totals(nodes, units);
        double[]? shifts = KeepsRunShifts ? new double[nodes * Runs] : null;
        var partials = Enumerable.Range(0, WaveBlocks).Select(_ => new Totals(nodes, units)).ToArray();
        int blocks = (Runs + BlockSize - 1) / BlockSize;
        int threads = Threads == 0 ? Environment.ProcessorCount : Threads;
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };
        for (int b0 = 0; b0 < blocks; b0 += WaveBlocks)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int b1 = Math.Min(blocks, b0 + WaveBlocks);
            if (threads == 1 || b1 - b0 == 1)
            {
                SampleEvaluator.Worker w = evaluator.Rent();
                for (int b = b0; b < b1; b++)
                {
                    RunBlock(evaluator, w, b, partials[b - b0], shifts);
                }

                evaluator.Return(w);
            }
            else
            {
                Parallel.For(b0, b1, options, evaluator.Rent, (b, _, w) =>
                {
                    RunBlock(evaluator, w, b, partials[b - b0], shifts);
                    return w;
                }, evaluator.Return);
            }

            for (int b = b0; b < b1; b++)
            {
                total.Add(partials[b - b0]);
            }

            progress?.Report(new AnalysisProgress(Math.Min((long)b1 * BlockSize, Runs), Runs));
        }

        foreach (SampleEvaluator.Worker w in evaluator.Workers)
        {
            (w.State2 as LinearScratch)?.Release();
            w.State2 = null;
        }

        return Summarise(evaluator, total, shifts);
    }

    private void RunBlock(SampleEvaluator evaluator, SampleEvaluator.Worker w, int block, Totals partial, double[]? shifts)
    {
        partial.Clear();
        var hist = (Histograms)(w.State ??= new Histograms(_nodeIndex.Length, evaluator.Units));
        Span<ulong> keys = stackalloc ulong[UncertainInputs.GroupCount];
        int r0 = block * BlockSize, r1 = Math.Min(Runs, (block + 1) * BlockSize);
        if (evaluator.Linear)
        {
            RunLinearBlock(evaluator, w, hist, r0, r1, partial, shifts);
            return;
        }

        for (int r = r0; r < r1; r++)
        {
            UncertainInputs.SampleKeys(Seed, r, keys);
            evaluator.Evaluate(w, keys);
            for (int a = 0; a < _nodeIndex.Length; a++)
            {
                Accumulate(evaluator, a, r, w.Current.Ranks(_nodeIndex[a]), w.Current.NodeScores(_nodeIndex[a]), hist, partial, shifts);
            }
        }
    }

    /// <summary>Linear plans: effective weights of the block's samples as rows of A, root scores = A · N in one register-blocked product, then rank and accumulate.</summary>
    private void RunLinearBlock(SampleEvaluator evaluator, SampleEvaluator.Worker w, Histograms hist, int r0, int r1, Totals partial, double[]? shifts)
    {
        int units = evaluator.Units, n = evaluator.PaddedUnits, k = evaluator.IndicatorCount, rows = r1 - r0;
        var lin = (LinearScratch)(w.State2 ??= new LinearScratch(BlockSize, k, n, units, Inputs.NominalPlan.NodeCodes.Count, Inputs.Links.Count, evaluator));
        RankMethod method = Inputs.NominalPlan.Options.RankMethod;
        if (LinearPath == KernelPath.V512 && LanesAvailable(method))
        {
            RunLinearLanes(evaluator, lin, hist, r0, r1, partial, shifts, w.Radix);
            return;
        }

        Span<ulong> keys = stackalloc ulong[UncertainInputs.GroupCount];
        for (int r = r0; r < r1; r++)
        {
            UncertainInputs.SampleKeys(Seed, r, keys);
            evaluator.EffectiveWeights(w, keys, lin.A.AsSpan((r - r0) * k, k), lin.Share);
        }

        WeightProduct.Multiply(lin.A, evaluator.LinearMatrix, lin.C.Span, rows, k, n, LinearPath);
        // Without the lane path (no AVX-512, or V256 asked for) the rank still runs in vectors where it can; the twin
        // (KernelPath.Scalar) keeps the insertion sort. Same ranks either way.
        bool counting = LinearPath != KernelPath.Scalar && Vector256.IsHardwareAccelerated && method != RankMethod.Dense && units <= CountingRank256Limit;
        for (int r = r0; r < r1; r++)
        {
            ReadOnlySpan<double> row = lin.C.Span.Slice((r - r0) * n, n), scores = row[..units];
            if (counting)
            {
                CountingRank256(row, units, lin.Ranks, method == RankMethod.Fractional);
                AccumulateCounted(evaluator, r, lin.Ranks, scores, lin.Offsets, hist, partial, shifts);
                continue;
            }

            if (units <= SampleEvaluator.IncrementalLimit)
            {
                Ranking.RankIncremental(scores, lin.Ranks, method, lin.Order, lin.Keys);
            }
            else
            {
                Ranking.RankRadix(scores, lin.Ranks, method, w.Radix);
            }

            Accumulate(evaluator, 0, r, lin.Ranks, scores, hist, partial, shifts);
        }
    }

    private void Accumulate(SampleEvaluator evaluator, int a, int r, ReadOnlySpan<double> ranks, ReadOnlySpan<double> scores, Histograms hist, Totals partial, double[]? shifts)
    {
        double sumAbs = 0;
        int n = 0;
        AccumulateUnits(evaluator, a, 0, ranks, scores, hist, partial, ref sumAbs, ref n);
        AddRunShift(a, r, sumAbs, n, hist, partial, shifts);
    }

    /// <summary>
    /// One sample of node <paramref name="a"/>, units <paramref name="first"/> on: each ranked unit's 2·rank bin, score
    /// sums (from the nominal score), minimum and maximum; |rank − nominal| added to <paramref name="sumAbs"/> and
    /// <paramref name="n"/> where the unit has a nominal rank.
    /// </summary>
    private static void AccumulateUnits(SampleEvaluator evaluator, int a, int first, ReadOnlySpan<double> ranks, ReadOnlySpan<double> scores, Histograms hist, Totals partial, ref double sumAbs, ref int n)
    {
        int units = evaluator.Units;
        int h = hist.Stride;
        ReadOnlySpan<double> nominal = evaluator.NominalRanks.AsSpan(a * units, units);
        ReadOnlySpan<double> offset = evaluator.NominalScores.AsSpan(a * units, units);
        Span<int> counts = hist.Counts.AsSpan(a * units * h, units * h);
        int o = a * units;
        for (int i = first; i < units; i++)
        {
            double rk = ranks[i];
            if (double.IsNaN(rk))
            {
                continue;
            }

            counts[(i * h) + (int)(2 * rk)]++;
            double s = scores[i];
            double d = double.IsNaN(offset[i]) ? s : s - offset[i];
            partial.ScoreSum[o + i] += d;
            partial.ScoreSquares[o + i] += d * d;
            hist.ScoreMin[o + i] = Math.Min(hist.ScoreMin[o + i], s);
            hist.ScoreMax[o + i] = Math.Max(hist.ScoreMax[o + i], s);
            double shift = Math.Abs(rk - nominal[i]);
            if (!double.IsNaN(shift))
            {
                sumAbs += shift;
                n++;
            }
        }
    }

    /// <summary>Adds sample <paramref name="r"/>'s mean absolute rank shift of node <paramref name="a"/> (Σ |shift| over its <paramref name="n"/> ranked units with a nominal rank) to the run-shift statistics.</summary>
    private void AddRunShift(int a, int r, double sumAbs, int n, Histograms hist, Totals partial, double[]? shifts)
    {
        double y = n == 0 ? double.NaN : sumAbs / n;
        if (shifts is not null)
        {
            shifts[(a * Runs) + r] = y;
        }

        if (n > 0)
        {
            partial.RunShiftSum[a] += y;
            partial.RunShiftSquares[a] += y * y;
            partial.RunShiftCount[a]++;
            hist.RunShiftMin[a] = Math.Min(hist.RunShiftMin[a], y);
            hist.RunShiftMax[a] = Math.Max(hist.RunShiftMax[a], y);
        }
    }

    private sealed class LinearScratch(int rows, int k, int n, int units, int nodes, int links, SampleEvaluator evaluator)
    {
        private static AlignedBuffer Starts(int[] order, int n, int stride)
        {
            var starts = new AlignedBuffer(n);
            Span<long> first = starts.Longs;
            for (int p = 0; p < order.Length; p++)
            {
                first[p] = (long)order[p] * stride;
            }

            return starts;
        }

        private static bool EachOnce(ScoringPlan plan, int k)
        {
            var uses = new int[k];
            foreach (int r in plan.ChildReferences)
            {
                if (r >= 0)
                {
                    uses[r]++;
                }
            }

            return uses.All(u => u == 1);
        }

        /// <summary>Gets A row-major (the scalar route only; the lane path stores it transposed in <see cref="At"/>).</summary>
        public double[] A => field ??= new double[rows * k];

        // C and At are rented (reused between runs) and fully overwritten by every block before they are read.
        public AlignedBuffer C { get; } = AlignedBufferPool.Rent(rows * n);

        // The lane path: A transposed (k × rows, row stride AtStride), 8-lane weights and shares, padded per-block statistics.
        public AlignedBuffer At { get; } = AlignedBufferPool.Rent(AtStride * k);

        public AlignedBuffer LaneWeights { get; } = new(links * Lanes);

        public AlignedBuffer LaneShare { get; } = new(nodes * Lanes);

        public AlignedBuffer LaneEffective { get; } = new(k * Lanes);

        /// <summary>Gets whether every indicator is the child of exactly one link reached from the root (its effective weight is then one product, stored once).</summary>
        public bool EachIndicatorOnce { get; } = EachOnce(evaluator.LinearPlan, k);

        /// <summary>Gets or sets the links with weight noise, once <see cref="LaneWeights"/> holds every other link's nominal weight.</summary>
        public int[]? NoisyLinks { get; set; }

        public double[] OneSample { get; } = new double[links];

        public AlignedBuffer RankPad { get; } = new(n);

        public double[] GroupLow { get; } = new double[2 * GroupSlots(units)];

        public double[] GroupHigh { get; } = new double[2 * GroupSlots(units)];

        public AlignedBuffer EqualPad { get; } = new(n);

        public AlignedBuffer Valid { get; } = AlignedBuffer.Of([.. Enumerable.Range(0, n).Select(i => i < units ? BitConverter.Int64BitsToDouble(-1) : 0)]);

        // The lane path's per-position arrays follow evaluator.LaneOrder: position p is unit LaneOrder[p] (empty, and
        // these unused, where the lane path is not available).
        public AlignedBuffer NominalRank { get; } = AlignedBuffer.Of([.. evaluator.LaneOrder.Select(i => evaluator.NominalRanks[i]), .. new double[n - units]]);

        public AlignedBuffer NominalScore { get; } = AlignedBuffer.Of([.. evaluator.LaneOrder.Select(i => evaluator.NominalScores[i]), .. new double[n - units]]);

        /// <summary>Gets where each position's histogram starts, as 64-bit integers: its unit's first bin (0 for padding).</summary>
        public AlignedBuffer HistogramStart { get; } = Starts(evaluator.LaneOrder, n, Histograms.StrideFor(units));

        /// <summary>Gets each position's histogram bin in the current sample, as 64-bit integers (written by the statistics pass).</summary>
        public AlignedBuffer Bins { get; } = new(n);

        public AlignedBuffer ScoreSum { get; } = new(n);

        public AlignedBuffer ScoreSquares { get; } = new(n);

        public AlignedBuffer ScoreMin { get; } = new(n);

        public AlignedBuffer ScoreMax { get; } = new(n);

        /// <summary>Gives the rented buffers back to the pool: the scratch is not used again.</summary>
        public void Release()
        {
            AlignedBufferPool.Return(C);
            AlignedBufferPool.Return(At);
        }

        public void ClearBlock()
        {
            ScoreSum.Span.Clear();
            ScoreSquares.Span.Clear();
            ScoreMin.Span.Fill(double.PositiveInfinity);
            ScoreMax.Span.Fill(double.NegativeInfinity);
        }

        public double[] Share { get; } = new double[nodes];

        public double[] Ranks { get; } = new double[units];

        /// <summary>Gets the root's nominal scores in unit order, NaN as 0 (what the statistics subtract from a score).</summary>
        public double[] Offsets { get; } = [.. evaluator.NominalScores.Take(units).Select(v => double.IsNaN(v) ? 0 : v)];

        public double[] Keys { get; } = new double[units];

        public int[] Order { get; } = [.. Enumerable.Range(0, units)];
    }

    private UncertaintyResult Summarise(SampleEvaluator evaluator, Totals total, double[]? shifts)
    {
        int units = evaluator.Units;
        int nodes = _nodeIndex.Length;
        var merged = new Histograms(nodes, units);
        foreach (SampleEvaluator.Worker w in evaluator.Workers)
        {
            if (w.State is Histograms hist)
            {
                merged.Add(hist);
            }
        }

        var result = new NodeRankStatistics[nodes];
        int h = merged.Stride;
        for (int a = 0; a < nodes; a++)
        {
            var stats = new UnitRankStatistics[units];
            for (int i = 0; i < units; i++)
            {
                int o = (a * units) + i;
                double nominal = evaluator.NominalRanks[o];
                ReadOnlySpan<int> counts = merged.Counts.AsSpan(o * h, h);
                (int n, double rankSum, double shiftSum) = HistogramSums(counts, nominal);
                double nominalScore = evaluator.NominalScores[o];
                if (n == 0)
                {
                    stats[i] = new UnitRankStatistics(evaluator.Matrix.Units[i], nominal, double.NaN, double.NaN, double.NaN, double.NaN, 0) { NominalScore = nominalScore };
                    continue;
                }

                double offset = double.IsNaN(nominalScore) ? 0 : nominalScore;
                double meanDev = total.ScoreSum[o] / n;
                double sd = n < 2 ? double.NaN : Math.Sqrt(Math.Max(0, (total.ScoreSquares[o] - (n * meanDev * meanDev)) / (n - 1)));
                stats[i] = new UnitRankStatistics(
                    evaluator.Matrix.Units[i],
                    nominal,
                    rankSum / n,
                    HistogramQuantile(counts, n, 0.5),
                    HistogramQuantile(counts, n, 0.05),
                    HistogramQuantile(counts, n, 0.95),
                    n)
                {
                    MeanAbsoluteShift = double.IsNaN(nominal) ? double.NaN : shiftSum / n,
                    NominalScore = nominalScore,
                    ScoreMean = offset + meanDev,
                    ScoreStandardDeviation = sd,
                    ScoreMinimum = merged.ScoreMin[o],
                    ScoreMaximum = merged.ScoreMax[o],
                };
            }

            RunShiftSummary summary = RunShiftSummary.From(total.RunShiftCount[a], total.RunShiftSum[a], total.RunShiftSquares[a], merged.RunShiftMin[a], merged.RunShiftMax[a]);
            ValueList<double> series = shifts is null ? ValueList<double>.Empty : ValueList.Of(shifts.AsSpan(a * Runs, Runs).ToArray());
            result[a] = new NodeRankStatistics(Nodes[a], ValueList.Of(stats), series, summary);
        }

        return new UncertaintyResult(Runs, ValueList.Of(result), Inputs.Inputs, Seed);
    }

    /// <summary>
    /// The number of values, their sum and the sum of their distances from <paramref name="nominal"/>, of the values
    /// whose 2·value histogram is <paramref name="counts"/>. The values are ranks, multiples of ½, and every count
    /// times a rank is below 2^53, so both sums are exact in any order: bit for bit those of adding each sample's rank
    /// as it comes, with no per-sample work (NaN distances where <paramref name="nominal"/> is NaN).
    /// </summary>
    internal static (int Count, double Sum, double ShiftSum) HistogramSums(ReadOnlySpan<int> counts, double nominal)
    {
        int n = 0;
        double sum = 0, shiftSum = 0;
        for (int b = 0; b < counts.Length; b++)
        {
            int c = counts[b];
            if (c != 0)
            {
                double rank = b / 2.0;
                n += c;
                sum += c * rank;
                shiftSum += c * Math.Abs(rank - nominal);
            }
        }

        return (n, sum, shiftSum);
    }

    /// <summary>R's quantile type 7 of the values whose 2·value histogram is <paramref name="counts"/> (n values in all).</summary>
    internal static double HistogramQuantile(ReadOnlySpan<int> counts, int n, double p)
    {
        double h = (n - 1) * p;
        int lo = (int)Math.Floor(h), hi = (int)Math.Ceiling(h);
        double xlo = double.NaN, xhi = double.NaN;
        int seen = 0;
        for (int k = 0; k < counts.Length; k++)
        {
            int c = counts[k];
            if (c == 0)
            {
                continue;
            }

            seen += c;
            if (double.IsNaN(xlo) && lo < seen)
            {
                xlo = k / 2.0;
            }

            if (hi < seen)
            {
                xhi = k / 2.0;
                break;
            }
        }

        double f = h - lo;
        return f > 0 && xhi != xlo ? ((1 - f) * xlo) + (f * xhi) : xlo;
    }

    /// <summary>Order-dependent (floating-point) sums of one block, merged in block order.</summary>
    private sealed class Totals(int nodes, int units)
    {
        public double[] ScoreSum { get; } = new double[nodes * units];

        public double[] ScoreSquares { get; } = new double[nodes * units];

        public double[] RunShiftSum { get; } = new double[nodes];

        public double[] RunShiftSquares { get; } = new double[nodes];

        public int[] RunShiftCount { get; } = new int[nodes];

        public void Clear()
        {
            Array.Clear(ScoreSum);
            Array.Clear(ScoreSquares);
            Array.Clear(RunShiftSum);
            Array.Clear(RunShiftSquares);
            Array.Clear(RunShiftCount);
        }

        public void Add(Totals other)
        {
            for (int i = 0; i < ScoreSum.Length; i++)
            {
                ScoreSum[i] += other.ScoreSum[i];
                ScoreSquares[i] += other.ScoreSquares[i];
            }

            for (int a = 0; a < RunShiftSum.Length; a++)
            {
                RunShiftSum[a] += other.RunShiftSum[a];
                RunShiftSquares[a] += other.RunShiftSquares[a];
                RunShiftCount[a] += other.RunShiftCount[a];
            }
        }
    }

    /// <summary>Order-independent accumulators of one worker: integer counts of 2·rank (from which the exact rank and shift sums follow), minima and maxima.</summary>
    private sealed class Histograms
    {
        /// <summary>Bins per unit: 2·rank for ranks ½ … units, and one to spare.</summary>
        public static int StrideFor(int units) => (2 * units) + 2;

        public Histograms(int nodes, int units)
        {
            Stride = StrideFor(units);
            Counts = new int[nodes * units * Stride];
            ScoreMin = Enumerable.Repeat(double.PositiveInfinity, nodes * units).ToArray();
            ScoreMax = Enumerable.Repeat(double.NegativeInfinity, nodes * units).ToArray();
            RunShiftMin = Enumerable.Repeat(double.PositiveInfinity, nodes).ToArray();
            RunShiftMax = Enumerable.Repeat(double.NegativeInfinity, nodes).ToArray();
        }

        public int Stride { get; }

        /// <summary>Gets the counts of 2·rank per node and unit: the samples ranked, the rank sums and the shift sums all follow from them (<see cref="HistogramSums"/>).</summary>
        public int[] Counts { get; }

        public double[] ScoreMin { get; }

        public double[] ScoreMax { get; }

        public double[] RunShiftMin { get; }

        public double[] RunShiftMax { get; }

        public void Add(Histograms o)
        {
            for (int i = 0; i < Counts.Length; i++)
            {
                Counts[i] += o.Counts[i];
            }

            for (int i = 0; i < ScoreMin.Length; i++)
            {
                ScoreMin[i] = Math.Min(ScoreMin[i], o.ScoreMin[i]);
                ScoreMax[i] = Math.Max(ScoreMax[i], o.ScoreMax[i]);
            }

            for (int a = 0; a < RunShiftMin.Length; a++)
            {
                RunShiftMin[a] = Math.Min(RunShiftMin[a], o.RunShiftMin[a]);
                RunShiftMax[a] = Math.Max(RunShiftMax[a], o.RunShiftMax[a]);
            }
        }
    }
}
