using DxIndicators.Analysis;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Scoring;
using static DxIndicators.Tests.Analysis.AnalysisFrameworks;

namespace DxIndicators.Tests.Analysis;

/// <summary>
/// The uncertainty engine against its oracle: a plain loop that draws each sample's parameters, compiles a fresh plan
/// with them (<see cref="UncertainInputs.OptionsFor"/>), scores from raw data and summarises the ranks by sorting.
/// </summary>
public sealed class UncertaintyAnalysisTests
{
    private static UncertainInputs AllInputs()
    {
        ScoringOptions baseOptions = ScoringOptions.Default.WithNormaliser(Normaliser.MinMax(1, 100)).WithRanking(RankMethod.Competition, RankScope.RootOnly);
        return UncertainInputs.For(ThreePillars(), baseOptions)
            .WithWeightNoise(new Dictionary<NodeKind, double> { [NodeKind.Pillar] = 0.5, [NodeKind.Index] = 0.3 })
            .WithNormalisers([Normaliser.MinMax(1, 100), Normaliser.Rank])
            .WithAggregators([Aggregator.ArithmeticMean, Aggregator.GeometricMean, Aggregator.HarmonicMean], [NodeKind.Pillar])
            .WithImputations([ImputationMethod.None, ImputationMethod.ColumnMean, ImputationMethod.ColumnMedian])
            .WithTreatmentChoice()
            .WithExclusions(["X01", "X05", "X10"]);
    }

    [Fact]
    public void Run_EveryInputVaried_EqualsRebuildPerSampleOracle()
    {
        UncertainInputs inputs = AllInputs();
        IndicatorMatrix matrix = Matrix(inputs.Framework);
        const int Runs = 400;
        UncertaintyAnalysis analysis = UncertaintyAnalysis.Create(inputs, Runs, seed: 11).WithNodes(["P1"]).WithRunShifts();

        UncertaintyResult result = analysis.Run(matrix);

        inputs.Inputs.Should().Equal(UncertainInput.Weights, UncertainInput.Normaliser, UncertainInput.Aggregator, UncertainInput.Imputation, UncertainInput.Treatment, UncertainInput.Exclusion);
        result.Inputs.Should().Equal(inputs.Inputs);
        ScoreTable nominal = ScoringPlan.Compile(inputs.Framework, inputs.BaseOptions.WithRanking(RankMethod.Competition)).Score(matrix);
        foreach (string node in new[] { "I", "P1" })
        {
            int units = matrix.RowCount;
            var ranks = new double[units][];
            var scores = new double[units][];
            for (int i = 0; i < units; i++)
            {
                ranks[i] = new double[Runs];
                scores[i] = new double[Runs];
            }

            var seenCombos = new HashSet<string>();
            for (int r = 0; r < Runs; r++)
            {
                SampleParameters p = analysis.Sample(r);
                seenCombos.Add($"{p.Normaliser}|{p.Aggregator}|{p.Imputation}|{p.Treated}|{p.Excluded}");
                ScoreTable table = ScoringPlan.Compile(inputs.Framework, inputs.OptionsFor(p).WithRanking(RankMethod.Competition)).Score(matrix);
                double shift = 0;
                for (int i = 0; i < units; i++)
                {
                    ranks[i][r] = table.Ranks(node)[i];
                    scores[i][r] = table.Scores(node)[i];
                    shift += Math.Abs(ranks[i][r] - nominal.Ranks(node)[i]);
                }

                result.Node(node).MeanAbsoluteRankShift[r].Should().Be(shift / units, "run {0} of node {1}", r, node);
            }

            seenCombos.Count.Should().BeGreaterThan(100, "the draws cover the choices");
            for (int i = 0; i < units; i++)
            {
                UnitRankStatistics s = result.Node(node).Units[i];
                double[] sorted = [.. ranks[i].Order()];
                s.Unit.Should().Be(matrix.Units[i]);
                s.Nominal.Should().Be(nominal.Ranks(node)[i]);
                s.NominalScore.Should().Be(nominal.Scores(node)[i]);
                s.RankedRuns.Should().Be(Runs);
                s.Mean.Should().BeApproximately(ranks[i].Average(), 1e-12);
                s.Median.Should().Be(WeightUncertainty.QuantileType7(sorted, 0.5));
                s.Percentile5.Should().Be(WeightUncertainty.QuantileType7(sorted, 0.05));
                s.Percentile95.Should().Be(WeightUncertainty.QuantileType7(sorted, 0.95));
                s.MeanAbsoluteShift.Should().BeApproximately(ranks[i].Select(x => Math.Abs(x - s.Nominal)).Average(), 1e-12);
                double mean = scores[i].Average();
                s.ScoreMean.Should().BeApproximately(mean, 1e-9 * Math.Max(1, Math.Abs(mean)));
                s.ScoreStandardDeviation.Should().BeApproximately(Math.Sqrt(scores[i].Sum(x => (x - mean) * (x - mean)) / (Runs - 1)), 1e-7 * Math.Max(1, Math.Abs(mean)));
                s.ScoreMinimum.Should().Be(scores[i].Min());
                s.ScoreMaximum.Should().Be(scores[i].Max());
            }
        }
    }

    [Fact]
    public void Run_SameSeed_SameResultWhateverTheThreadCount()
    {
        UncertainInputs inputs = AllInputs();
        IndicatorMatrix matrix = Matrix(inputs.Framework);
        UncertaintyAnalysis analysis = UncertaintyAnalysis.Create(inputs, 9_000, seed: 5).WithNodes(["P0", "P2"]);

        UncertaintyResult one = analysis.WithThreads(1).Run(matrix);
        UncertaintyResult two = analysis.WithThreads(2).Run(matrix);
        UncertaintyResult three = analysis.WithThreads(3).Run(matrix);

        foreach (UncertaintyResult other in new[] { two, three })
        {
            for (int a = 0; a < one.Nodes.Count; a++)
            {
                other.Nodes[a].Units.Should().Equal(one.Nodes[a].Units);
                other.Nodes[a].ShiftSummary.Should().Be(one.Nodes[a].ShiftSummary);
            }
        }

        one.Root.ShiftSummary.Runs.Should().Be(9_000);
        one.Root.ShiftSummary.Mean.Should().BeGreaterThan(0);
        UncertaintyAnalysis.Create(inputs, 9_000, seed: 6).WithThreads(1).Run(matrix).Root.Units.Should().NotEqual(one.Root.Units, "another seed draws other samples");
    }

    [Fact]
    public void Run_MemoryDoesNotGrowWithRuns()
    {
        UncertainInputs inputs = UncertainInputs.For(ThreePillars(), ScoringOptions.Default.WithNormaliser(Normaliser.MinMax())).WithWeightNoise(0.25);
        IndicatorMatrix matrix = Matrix(inputs.Framework);
        UncertaintyAnalysis.Create(inputs, 100, 1).WithThreads(1).Run(matrix);

        long small = Allocated(() => UncertaintyAnalysis.Create(inputs, 2_000, 1).WithThreads(1).Run(matrix));
        long large = Allocated(() => UncertaintyAnalysis.Create(inputs, 40_000, 1).WithThreads(1).Run(matrix));

        large.Should().BeLessThan((long)(small * 1.1) + 16_384, "20× the runs allocate about the same (no per-run storage)");

        static long Allocated(Action run)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            run();
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }
    }

    [Fact]
    public void Sample_IsAPureFunctionOfSeedAndIndex()
    {
        UncertainInputs inputs = AllInputs();
        SampleParameters a = inputs.Sample(3, 1234);
        SampleParameters b = inputs.Sample(3, 1234);

        b.Should().Be(a);
        inputs.Sample(4, 1234).Should().NotBe(a);
        a.LinkWeights.Should().HaveCount(inputs.Links.Count);
        if (a.Excluded is { } excluded)
        {
            a.LinkWeights[inputs.Links.ToList().FindIndex(l => l.Child == excluded)].Should().Be(0);
        }

        // Noise stays within w ± f·w: pillar links (parent level Pillar) f = 0.5, index links f = 0.3.
        for (int c = 0; c < inputs.Links.Count; c++)
        {
            double w = inputs.Links[c].Weight, f = inputs.Links[c].Parent == "I" ? 0.3 : 0.5;
            if (inputs.Links[c].Child != a.Excluded)
            {
                a.LinkWeights[c].Should().BeInRange(w - (f * w), w + (f * w));
            }
        }
    }

    [Fact]
    public void Run_CombinationThatCannotScore_NamesIt()
    {
        UncertainInputs inputs = UncertainInputs.For(ThreePillars(), ScoringOptions.Default.WithNormaliser(Normaliser.MinMax()))
            .WithAggregators([Aggregator.ArithmeticMean, Aggregator.GeometricMean]);

        Action act = () => UncertaintyAnalysis.Create(inputs, 10, 1).Run(Matrix(inputs.Framework));

        act.Should().Throw<InvalidOperationException>().WithMessage("*with aggregator gmean*geometric mean*positive*");
    }

    [Fact]
    public void Run_ExclusionUnderMinimumAggregator_IsRejected()
    {
        UncertainInputs inputs = UncertainInputs.For(ThreePillars(), ScoringOptions.Default.WithNormaliser(Normaliser.MinMax()).WithAggregator(NodeKind.Pillar, Aggregator.Minimum))
            .WithExclusions(["X01"]);

        Action act = () => UncertaintyAnalysis.Create(inputs, 10, 1).Run(Matrix(inputs.Framework));

        act.Should().Throw<InvalidOperationException>().WithMessage("*minimum*exclusions are not supported*");
    }

    [Fact]
    public void Run_Cancelled_Throws()
    {
        UncertainInputs inputs = UncertainInputs.For(ThreePillars()).WithWeightNoise(0.2);
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Action act = () => UncertaintyAnalysis.Create(inputs, 100_000, 1).Run(Matrix(inputs.Framework), cancellationToken: cts.Token);

        act.Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public void Run_ReportsProgressUpToTotal()
    {
        UncertainInputs inputs = UncertainInputs.For(ThreePillars()).WithWeightNoise(0.2);
        var seen = new List<AnalysisProgress>();
        var progress = new SyncProgress(seen.Add);

        UncertaintyAnalysis.Create(inputs, 10_000, 1).Run(Matrix(inputs.Framework), progress: progress);

        seen.Should().NotBeEmpty();
        seen[^1].Should().Be(new AnalysisProgress(10_000, 10_000));
        seen.Select(p => p.Done).Should().BeInAscendingOrder();
    }

    [Fact]
    public void HistogramSums_EqualTheSumsOfTheRanksTheyCount()
    {
        // Bins hold 2·rank: ranks 1 (×3), 2.5 (×2) and 4 (×1) around a nominal rank of 2, worked by hand:
        // n = 6, Σ rank = 3 + 5 + 4 = 12, Σ |rank − 2| = 3·1 + 2·0.5 + 1·2 = 6.
        int[] counts = [0, 0, 3, 0, 0, 2, 0, 0, 1, 0];

        UncertaintyAnalysis.HistogramSums(counts, 2).Should().Be((6, 12.0, 6.0));
        UncertaintyAnalysis.HistogramSums(counts, double.NaN).ShiftSum.Should().Be(double.NaN);
        UncertaintyAnalysis.HistogramSums(new int[10], 2).Should().Be((0, 0.0, 0.0));
    }

    private sealed class SyncProgress(Action<AnalysisProgress> report) : IProgress<AnalysisProgress>
    {
        public void Report(AnalysisProgress value) => report(value);
    }
}
