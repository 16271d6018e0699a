using DxIndicators.Analysis;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Scoring;
using DxIndicators.Scoring.Kernels;
using static DxIndicators.Tests.Analysis.AnalysisFrameworks;

namespace DxIndicators.Tests.Analysis;

/// <summary>The Vector512 lane path of linear blocks against its scalar twin (per-sample draws, row-major product, insertion-sort rank): bit-identical.</summary>
public sealed class LanePathTests
{
    [Theory]
    [InlineData(63, "noise", RankMethod.Competition)]
    [InlineData(70, "noise", RankMethod.Fractional)]
    [InlineData(9, "dirichlet", RankMethod.Competition)]
    [InlineData(130, "dirichlet", RankMethod.Fractional)]
    [InlineData(64, "both", RankMethod.Competition)]
    [InlineData(250, "noise", RankMethod.Fractional)]
    [InlineData(300, "noise", RankMethod.Competition)]
    public void Run_LanePath_IsBitIdenticalToTheScalarTwin(int units, string weights, RankMethod method) =>
        RunShouldEqualTheTwin(units, weights, method, KernelPath.V512);

    [Theory]
    [InlineData(63, "noise", RankMethod.Competition)]
    [InlineData(70, "noise", RankMethod.Fractional)]
    [InlineData(9, "dirichlet", RankMethod.Competition)]
    [InlineData(128, "both", RankMethod.Fractional)]
    [InlineData(130, "noise", RankMethod.Competition)]
    public void Run_Vector256Route_IsBitIdenticalToTheScalarTwin(int units, string weights, RankMethod method) =>
        // The route of machines without AVX-512: Vector256 product and, up to 128 units, the Vector256 counting rank.
        RunShouldEqualTheTwin(units, weights, method, KernelPath.V256);

    [Theory]
    [InlineData(RankMethod.Competition)]
    [InlineData(RankMethod.Fractional)]
    public void CountingRank256_EqualsRankingRank(RankMethod method)
    {
        var random = new Random(23);
        foreach (int units in new[] { 1, 2, 3, 4, 5, 7, 8, 63, 64, 100, 127, 128 })
        {
            for (int trial = 0; trial < 20; trial++)
            {
                int padded = (units + 3) & ~3;
                // Random scores, a coarse grid (many ties) and runs of equal values, with ±0 and a huge value among them.
                double[] scores = [.. Enumerable.Range(0, padded).Select(i => i >= units ? double.MaxValue : (trial % 3) switch
                {
                    0 => (random.NextDouble() * 2) - 1,
                    1 => random.Next(5) == 0 ? -0.0 : Math.Round(random.NextDouble() * 4),
                    _ => i == 0 ? 1e300 : Math.Floor(i / 5.0),
                })];
                var ranks = new double[units];
                var expected = new double[units];

                UncertaintyAnalysis.CountingRank256(scores, units, ranks, method == RankMethod.Fractional);
                Ranking.Rank(scores.AsSpan(0, units), expected, method, false, new double[units], new int[units]);

                ranks.Should().Equal(expected, "units {0}, trial {1}", units, trial);
            }
        }
    }

    private static void RunShouldEqualTheTwin(int units, string weights, RankMethod method, KernelPath path)
    {
        Framework framework = ThreePillars();
        var random = new Random(units);
        double[] values = [.. Enumerable.Range(0, units * IndicatorCount).Select(_ => Math.Round(random.NextDouble() * 20))];
        // Plant exact ties (values are column-major): unit 1 repeats unit 0, unit 3 repeats unit 2 (equal scores in every sample).
        for (int j = 0; j < IndicatorCount; j++)
        {
            values[(j * units) + 1] = values[j * units];
            values[(j * units) + 3] = values[(j * units) + 2];
        }
        IndicatorMatrix matrix = new(TestFrameworks.Units(units), framework.Indicators.Select(i => i.Code), values);
        UncertainInputs inputs = UncertainInputs.For(framework, ScoringOptions.Default.WithNormaliser(Normaliser.MinMax()).WithRanking(method, RankScope.RootOnly));
        inputs = weights switch
        {
            "noise" => inputs.WithWeightNoise(0.5),
            "dirichlet" => inputs.WithDirichletWeights(3),
            _ => inputs.WithWeightNoise(0.3).WithDirichletWeights(1.5, ["P1"], centred: false),
        };
        new SampleEvaluator(inputs, matrix, null, [inputs.NominalPlan.NodeCodes.AsSpan().IndexOf("I")]).Linear.Should().BeTrue();
        UncertaintyAnalysis analysis = UncertaintyAnalysis.Create(inputs, 1_000, 7).WithRunShifts();

        UncertaintyResult lanes = analysis.WithLinearPath(path).Run(matrix);
        UncertaintyResult twin = analysis.WithLinearPath(KernelPath.Scalar).Run(matrix);

        lanes.Root.Units.Should().Equal(twin.Root.Units);
        lanes.Root.ShiftSummary.Should().Be(twin.Root.ShiftSummary);
        lanes.Root.MeanAbsoluteRankShift.Select(BitConverter.DoubleToInt64Bits).Should().Equal(twin.Root.MeanAbsoluteRankShift.Select(BitConverter.DoubleToInt64Bits));
        lanes.Root.Units[0].Median.Should().Be(lanes.Root.Units[1].Median, "tied units rank alike");
        lanes.Root.ShiftSummary.Mean.Should().BeGreaterThan(0);
    }

    [Theory]
    [InlineData(RankMethod.Competition)]
    [InlineData(RankMethod.Fractional)]
    public void CountingRank_EqualsRankingRank_OnRandomAndEdgeScores(RankMethod method)
    {
        var random = new Random(17);
        foreach (int units in new[] { 1, 2, 7, 8, 9, 63, 64, 100 })
        {
            for (int trial = 0; trial < 40; trial++)
            {
                int padded = WeightProduct.Padded(units);
                double[] scores = [.. Enumerable.Range(0, padded).Select(i => i >= units ? 0 : random.Next(6) switch
                {
                    0 => 0.0,
                    1 => -0.0,
                    2 => 1e300,
                    3 => -1e-300,
                    4 => Math.Round(random.NextDouble() * 4),
                    _ => random.NextDouble(),
                })];
                CountingRankShouldEqualRankingRank(scores, units, method, trial);
            }
        }
    }

    [Theory]
    [InlineData(RankMethod.Competition, "near-descending")]
    [InlineData(RankMethod.Fractional, "near-descending")]
    [InlineData(RankMethod.Competition, "ascending")]
    [InlineData(RankMethod.Fractional, "plateaus")]
    public void CountingRank_PrunedGroups_EqualRankingRank(RankMethod method, string order)
    {
        // The lane path orders units by nominal score, so most groups of 8 are wholly above or below each other and
        // skip their comparisons: here nearly sorted scores (pruned), reversed ones (pruned the other way) and long
        // runs of equal scores spanning groups (ties across group bounds), over 1 to 3 vectors of group bounds.
        var random = new Random(order.Length);
        foreach (int units in new[] { 1, 8, 17, 63, 64, 65, 130, 200 })
        {
            for (int trial = 0; trial < 20; trial++)
            {
                int padded = WeightProduct.Padded(units);
                double[] scores = [.. Enumerable.Range(0, padded).Select(i => i >= units ? 0 : order switch
                {
                    "near-descending" => units - i + ((random.NextDouble() - 0.5) * 6),
                    "ascending" => i + (random.NextDouble() * 0.5),
                    _ => Math.Floor(i / 11.0) + (random.Next(4) == 0 ? 0.5 : 0),
                })];
                CountingRankShouldEqualRankingRank(scores, units, method, trial);
            }
        }
    }

    private static void CountingRankShouldEqualRankingRank(double[] scores, int units, RankMethod method, int trial)
    {
        var ranks = new double[scores.Length];
        var expected = new double[units];

        UncertaintyAnalysis.CountingRank(scores, units, scores.Length, ranks, method == RankMethod.Fractional);
        Ranking.Rank(scores.AsSpan(0, units), expected, method, false, new double[units], new int[units]);

        ranks.Take(units).Should().Equal(expected, "units {0}, trial {1}", units, trial);
    }

    [Theory]
    [InlineData(256, 100, 64, "V512")]
    [InlineData(7, 13, 128, "V512")]
    [InlineData(2, 49, 64, "V512")]
    [InlineData(256, 100, 64, "V256")]
    [InlineData(7, 13, 128, "V256")]
    [InlineData(2, 49, 64, "V256")]
    public void WeightProduct_TransposedA_EqualsRowMajorAndScalar(int rows, int k, int n, string pathName)
    {
        KernelPath path = Enum.Parse<KernelPath>(pathName);
        var random = new Random(rows + k);
        double[] a = [.. Enumerable.Range(0, rows * k).Select(_ => random.Next(10) == 0 ? -0.0 : (random.NextDouble() * 2) - 1)];
        double[] b = [.. Enumerable.Range(0, k * n).Select(_ => random.Next(10) == 0 ? double.NaN : random.NextDouble())];
        int lda = rows + 3;
        var at = new double[k * lda];
        for (int r = 0; r < rows; r++)
        {
            for (int j = 0; j < k; j++)
            {
                at[(j * lda) + r] = a[(r * k) + j];
            }
        }

        var rowMajor = new double[rows * n];
        var vector = new double[rows * n];
        var scalar = new double[rows * n];
        WeightProduct.Multiply(a, b, rowMajor, rows, k, n, KernelPath.Scalar);
        WeightProduct.MultiplyTransposedA(at, lda, b, vector, rows, k, n, path);
        WeightProduct.MultiplyTransposedA(at, lda, b, scalar, rows, k, n, KernelPath.Scalar);

        vector.Select(BitConverter.DoubleToInt64Bits).Should().Equal(rowMajor.Select(BitConverter.DoubleToInt64Bits));
        scalar.Select(BitConverter.DoubleToInt64Bits).Should().Equal(rowMajor.Select(BitConverter.DoubleToInt64Bits));
    }
}
