using System.Runtime.Intrinsics;
using DxIndicators.Analysis;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Scoring;
using DxIndicators.Scoring.Kernels;
using static DxIndicators.Tests.Analysis.AnalysisFrameworks;

namespace DxIndicators.Tests.Analysis;

/// <summary>The matrix-product path of linear plans: kernel twins bit-identical, and the analysis equal to the rebuild oracle.</summary>
public sealed class LinearPathTests
{
    [Theory]
    [InlineData(1, 1, 64, "V512")]
    [InlineData(7, 13, 128, "V512")]
    [InlineData(256, 100, 64, "V512")]
    [InlineData(5, 49, 192, "V512")]
    [InlineData(1, 1, 64, "V256")]
    [InlineData(5, 13, 128, "V256")]
    [InlineData(6, 7, 64, "V256")]
    [InlineData(13, 49, 192, "V256")]
    [InlineData(256, 100, 64, "V256")]
    public void WeightProduct_VectorPathsAndScalar_AreBitIdentical(int rows, int k, int n, string pathName)
    {
        KernelPath path = Enum.Parse<KernelPath>(pathName);
        var random = new Random(rows * 1000 + k);
        double Edge() => random.Next(12) switch
        {
            0 => 0.0,
            1 => -0.0,
            2 => double.Epsilon,
            3 => 1e300,
            4 => -1e-300,
            5 => double.NaN,
            _ => (random.NextDouble() * 2) - 1,
        };
        double[] a = [.. Enumerable.Range(0, rows * k).Select(_ => Edge())];
        double[] b = [.. Enumerable.Range(0, k * n).Select(_ => Edge())];
        var scalar = new double[rows * n];
        var vector = new double[rows * n];

        WeightProduct.Multiply(a, b, scalar, rows, k, n, KernelPath.Scalar);
        WeightProduct.Multiply(a, b, vector, rows, k, n, path);

        vector.Select(BitConverter.DoubleToInt64Bits).Should().Equal(scalar.Select(BitConverter.DoubleToInt64Bits));
        double expected = 0;
        for (int j = 0; j < k; j++)
        {
            expected = Math.FusedMultiplyAdd(a[j], b[j * n], expected);
        }

        scalar[0].Should().Be(expected);
    }

    [Fact]
    public void WeightProduct_Resolve_TakesTheWidestPathTheMachineHas()
    {
        // What each request runs as, stated from the runtime's own flags (CI also runs with the widths capped).
        KernelPath widest = Vector512.IsHardwareAccelerated ? KernelPath.V512
            : Vector256.IsHardwareAccelerated && System.Runtime.Intrinsics.X86.Fma.IsSupported ? KernelPath.V256 : KernelPath.Scalar;
        WeightProduct.Resolve(KernelPath.V512).Should().Be(widest);
        WeightProduct.Resolve(KernelPath.V256).Should().Be(widest == KernelPath.V512 ? KernelPath.V256 : widest);
        WeightProduct.Resolve(KernelPath.Scalar).Should().Be(KernelPath.Scalar);
        WeightProduct.Resolve(KernelPath.V128).Should().Be(KernelPath.Scalar, "the product has no Vector128 kernel");
    }

    [Fact]
    public void Run_LinearPlan_UsesTheProduct_AndEqualsTheRebuildOracle()
    {
        Framework framework = ThreePillars();
        var random = new Random(3);
        IndicatorMatrix matrix = new(TestFrameworks.Units(70), framework.Indicators.Select(i => i.Code), [.. Enumerable.Range(0, 70 * IndicatorCount).Select(_ => random.NextDouble() * 100)]);
        UncertainInputs inputs = UncertainInputs.For(framework, ScoringOptions.Default.WithNormaliser(Normaliser.MinMax()).WithRanking(RankMethod.Competition, RankScope.RootOnly))
            .WithWeightNoise(0.6);
        new SampleEvaluator(inputs, matrix, null, [inputs.NominalPlan.NodeCodes.AsSpan().IndexOf("I")]).Linear.Should().BeTrue();
        const int Runs = 700;

        UncertaintyResult result = UncertaintyAnalysis.Create(inputs, Runs, 4).WithRunShifts().Run(matrix);

        ScoreTable nominal = inputs.NominalPlan.Score(matrix);
        var ranks = Enumerable.Range(0, matrix.RowCount).Select(_ => new double[Runs]).ToArray();
        var scores = Enumerable.Range(0, matrix.RowCount).Select(_ => new double[Runs]).ToArray();
        for (int r = 0; r < Runs; r++)
        {
            ScoreTable t = ScoringPlan.Compile(framework, inputs.OptionsFor(inputs.Sample(4, r))).Score(matrix);
            double shift = 0;
            for (int i = 0; i < matrix.RowCount; i++)
            {
                ranks[i][r] = t.Ranks("I")[i];
                scores[i][r] = t.Scores("I")[i];
                shift += Math.Abs(ranks[i][r] - nominal.Ranks("I")[i]);
            }

            result.Root.MeanAbsoluteRankShift[r].Should().Be(shift / matrix.RowCount);
        }

        for (int i = 0; i < matrix.RowCount; i++)
        {
            UnitRankStatistics s = result.Root.Units[i];
            double[] sorted = [.. ranks[i].Order()];
            s.Mean.Should().BeApproximately(ranks[i].Average(), 1e-12);
            s.Median.Should().Be(WeightUncertainty.QuantileType7(sorted, 0.5));
            s.Percentile5.Should().Be(WeightUncertainty.QuantileType7(sorted, 0.05));
            s.Percentile95.Should().Be(WeightUncertainty.QuantileType7(sorted, 0.95));
            s.ScoreMean.Should().BeApproximately(scores[i].Average(), 1e-12);
            s.ScoreMinimum.Should().BeApproximately(scores[i].Min(), 1e-13);
            s.ScoreMaximum.Should().BeApproximately(scores[i].Max(), 1e-13);
        }

        UncertaintyAnalysis.Create(inputs, Runs, 4).WithThreads(1).Run(matrix).Root.Units.Should().Equal(UncertaintyAnalysis.Create(inputs, Runs, 4).WithThreads(2).Run(matrix).Root.Units);
    }

    [Fact]
    public void Linear_NotUsed_WithMissingValuesOrOtherAggregators()
    {
        Framework framework = ThreePillars();
        IndicatorMatrix withNaN = Matrix(framework);
        UncertainInputs inputs = UncertainInputs.For(framework, ScoringOptions.Default.WithNormaliser(Normaliser.MinMax())).WithWeightNoise(0.2);
        int root = inputs.NominalPlan.NodeCodes.AsSpan().IndexOf("I");

        new SampleEvaluator(inputs, withNaN, null, [root]).Linear.Should().BeFalse("missing values re-weight per unit");
        var random = new Random(1);
        IndicatorMatrix full = new(TestFrameworks.Units(20), framework.Indicators.Select(i => i.Code), [.. Enumerable.Range(0, 20 * IndicatorCount).Select(_ => 1 + random.NextDouble())]);
        new SampleEvaluator(inputs.WithNormalisers([Normaliser.MinMax(), Normaliser.Rank]), full, null, [root]).Linear.Should().BeFalse("several combinations");
        new SampleEvaluator(UncertainInputs.For(framework, ScoringOptions.Default.WithNormaliser(Normaliser.MinMax(1, 2)).WithAggregator(NodeKind.Pillar, Aggregator.GeometricMean)).WithWeightNoise(0.2), full, null, [root]).Linear.Should().BeFalse("geometric pillars");
        new SampleEvaluator(inputs, full, null, [root]).Linear.Should().BeTrue();
    }
}
