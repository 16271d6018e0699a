using DxIndicators.Analysis;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Scoring;
using static DxIndicators.Tests.Analysis.AnalysisFrameworks;

namespace DxIndicators.Tests.Analysis;

/// <summary>Dirichlet weights on a node's children, and aggregator lists per level: moments, records, oracle, threads, errors.</summary>
public sealed class DirichletAndLevelChoiceTests
{
    private static readonly ScoringOptions BaseOptions = ScoringOptions.Default.WithNormaliser(Normaliser.MinMax(1, 100)).WithRanking(RankMethod.Competition, RankScope.RootOnly);

    // Dirichlet(a_1 … a_k) with a_0 = Σ a: E[w_i] = a_i / a_0, Var[w_i] = a_i (a_0 − a_i) / (a_0² (a_0 + 1)),
    // Cov[w_i, w_j] = −a_i a_j / (a_0² (a_0 + 1)) (Kotz, Balakrishnan and Johnson, Continuous Multivariate
    // Distributions, vol. 1, 2nd ed., 2000, ch. 49; also en.wikipedia.org/wiki/Dirichlet_distribution, "Moments").
    [Theory]
    [InlineData(20.0, true)]
    [InlineData(3.0, true)]
    [InlineData(0.5, false)]
    [InlineData(0.05, false)]
    public void Draws_MatchTheDirichletMeanVarianceAndCovariance(double alpha, bool centred)
    {
        UncertainInputs inputs = UncertainInputs.For(ThreePillars(), BaseOptions).WithDirichletWeights(alpha, ["P1"], centred);
        int[] links = [.. Enumerable.Range(0, inputs.Links.Count).Where(c => inputs.Links[c].Parent == "P1")];
        double[] nominal = [.. links.Select(c => inputs.Links[c].Weight)];
        double[] a = centred ? [.. nominal.Select(w => alpha * w / nominal.Sum())] : [.. nominal.Select(_ => alpha)];
        double a0 = a.Sum();
        const int S = 40_000;
        var w = new double[S, links.Length];
        for (int r = 0; r < S; r++)
        {
            SampleParameters p = inputs.Sample(9, r);
            double sum = 0;
            for (int t = 0; t < links.Length; t++)
            {
                w[r, t] = p.LinkWeights[links[t]];
                w[r, t].Should().BeInRange(0, 1);
                sum += w[r, t];
            }

            sum.Should().BeApproximately(1, 1e-14);
        }

        for (int i = 0; i < links.Length; i++)
        {
            double mean = Enumerable.Range(0, S).Average(r => w[r, i]);
            double expectedMean = a[i] / a0;
            double expectedVar = a[i] * (a0 - a[i]) / (a0 * a0 * (a0 + 1));
            mean.Should().BeApproximately(expectedMean, 5 * Math.Sqrt(expectedVar / S), "the mean of weight {0}", i);
            double variance = Enumerable.Range(0, S).Sum(r => (w[r, i] - mean) * (w[r, i] - mean)) / (S - 1);
            variance.Should().BeApproximately(expectedVar, 0.06 * expectedVar, "the variance of weight {0}", i);
            for (int j = i + 1; j < links.Length; j++)
            {
                double meanJ = Enumerable.Range(0, S).Average(r => w[r, j]);
                double cov = Enumerable.Range(0, S).Sum(r => (w[r, i] - mean) * (w[r, j] - meanJ)) / (S - 1);
                double expectedCov = -a[i] * a[j] / (a0 * a0 * (a0 + 1));
                cov.Should().BeApproximately(expectedCov, 0.1 * Math.Abs(expectedCov) + 1e-4 * expectedVar, "the covariance of weights {0} and {1}", i, j);
            }
        }
    }

    [Fact]
    public void Draws_AreRecordedPerSample_OnlyOnTheDirichletNodes_AndSeedStable()
    {
        UncertainInputs inputs = UncertainInputs.For(ThreePillars(), BaseOptions).WithWeightNoise(0.3).WithDirichletWeights(8, ["P0", "I"]);

        SampleParameters p = inputs.Sample(3, 17);

        inputs.Inputs.Should().Equal(UncertainInput.Weights);
        inputs.Dirichlet.Should().Be(new DirichletWeights(ValueList.Of("P0", "I"), 8, true));
        p.Should().Be(inputs.Sample(3, 17), "a sample is a pure function of (seed, index)");
        p.LinkWeights.Should().NotEqual(inputs.Sample(4, 17).LinkWeights);
        foreach (string parent in new[] { "P0", "I" })
        {
            Enumerable.Range(0, inputs.Links.Count).Where(c => inputs.Links[c].Parent == parent).Sum(c => p.LinkWeights[c]).Should().BeApproximately(1, 1e-15, "Dirichlet weights of {0} sum to 1", parent);
        }

        for (int c = 0; c < inputs.Links.Count; c++)
        {
            if (inputs.Links[c].Parent is "P1" or "P2")
            {
                p.LinkWeights[c].Should().BeInRange(0.7 * inputs.Links[c].Weight, 1.3 * inputs.Links[c].Weight, "noise ±30 % on the other nodes");
            }
        }
    }

    [Fact]
    public void Run_DirichletAndNoise_EqualsTheRebuildOracle_OnAnyThreadCount()
    {
        UncertainInputs inputs = UncertainInputs.For(ThreePillars(), BaseOptions).WithWeightNoise(0.4).WithDirichletWeights(2, ["P1", "I"]).WithNormalisers([Normaliser.MinMax(1, 100), Normaliser.Rank]);
        IndicatorMatrix matrix = Matrix(inputs.Framework);
        const int Runs = 300;
        UncertaintyAnalysis analysis = UncertaintyAnalysis.Create(inputs, Runs, seed: 21).WithRunShifts();

        UncertaintyResult result = analysis.Run(matrix);

        ScoreTable nominal = ScoringPlan.Compile(inputs.Framework, inputs.BaseOptions.WithRanking(RankMethod.Competition)).Score(matrix);
        var ranks = Enumerable.Range(0, matrix.RowCount).Select(_ => new double[Runs]).ToArray();
        for (int r = 0; r < Runs; r++)
        {
            ScoreTable t = ScoringPlan.Compile(inputs.Framework, inputs.OptionsFor(analysis.Sample(r)).WithRanking(RankMethod.Competition)).Score(matrix);
            double shift = 0;
            for (int i = 0; i < matrix.RowCount; i++)
            {
                ranks[i][r] = t.Ranks("I")[i];
                shift += Math.Abs(ranks[i][r] - nominal.Ranks("I")[i]);
            }

            result.Root.MeanAbsoluteRankShift[r].Should().Be(shift / matrix.RowCount, "run {0}", r);
        }

        for (int i = 0; i < matrix.RowCount; i++)
        {
            double[] sorted = [.. ranks[i].Order()];
            result.Root.Units[i].Percentile5.Should().Be(WeightUncertainty.QuantileType7(sorted, 0.05));
            result.Root.Units[i].Percentile95.Should().Be(WeightUncertainty.QuantileType7(sorted, 0.95));
        }

        analysis.WithThreads(1).WithRunShifts(false).Run(matrix).Root.Units.Should().Equal(analysis.WithThreads(2).WithRunShifts(false).Run(matrix).Root.Units);
    }

    [Fact]
    public void Run_DirichletOnALinearPlan_TakesTheProductPath_AndEqualsTheOracle()
    {
        Framework framework = ThreePillars();
        var random = new Random(8);
        IndicatorMatrix matrix = new(TestFrameworks.Units(50), framework.Indicators.Select(i => i.Code), [.. Enumerable.Range(0, 50 * IndicatorCount).Select(_ => random.NextDouble() * 100)]);
        UncertainInputs inputs = UncertainInputs.For(framework, ScoringOptions.Default.WithNormaliser(Normaliser.MinMax()).WithRanking(RankMethod.Competition, RankScope.RootOnly)).WithDirichletWeights(0.7, centred: false);
        new SampleEvaluator(inputs, matrix, null, [inputs.NominalPlan.NodeCodes.AsSpan().IndexOf("I")]).Linear.Should().BeTrue();
        const int Runs = 400;

        UncertaintyResult result = UncertaintyAnalysis.Create(inputs, Runs, 2).WithRunShifts().Run(matrix);

        ScoreTable nominal = inputs.NominalPlan.Score(matrix);
        for (int r = 0; r < Runs; r++)
        {
            ScoreTable t = ScoringPlan.Compile(framework, inputs.OptionsFor(inputs.Sample(2, r))).Score(matrix);
            double shift = Enumerable.Range(0, matrix.RowCount).Sum(i => Math.Abs(t.Ranks("I")[i] - nominal.Ranks("I")[i]));
            result.Root.MeanAbsoluteRankShift[r].Should().Be(shift / matrix.RowCount, "run {0}", r);
        }

        result.Root.ShiftSummary.Mean.Should().BeGreaterThan(1, "symmetric Dirichlet(0.7) weights move ranks a lot");
    }

    [Fact]
    public void Dirichlet_BadInput_ListsEveryProblem()
    {
        UncertainInputs inputs = UncertainInputs.For(ThreePillars(), BaseOptions);

        Action bad = () => inputs.WithWeightSets([Enumerable.Repeat(1.0, inputs.Links.Count).ToArray()]).WithDirichletWeights(-1, ["P9", "X01"]);

        bad.Should().Throw<ArgumentException>()
            .WithMessage("*concentration*(0, 1e9]*-1*")
            .And.Message.Should().ContainAll("weight sets are already given", "no node 'P9'", "no node 'X01'");
        inputs.Invoking(i => i.WithDirichletWeights(double.NaN)).Should().Throw<ArgumentException>().WithMessage("*concentration*NaN*");
        inputs.WithDirichletWeights(1).Invoking(i => i.WithWeightSets([Enumerable.Repeat(1.0, inputs.Links.Count).ToArray()]))
            .Should().Throw<ArgumentException>().WithMessage("*Dirichlet weights are already given*");
        inputs.WithDirichletWeights(1).Dirichlet!.Nodes.Should().Equal(inputs.NominalPlan.NodeCodes, "every node by default, bottom-up");
    }

    [Fact]
    public void AggregatorsPerLevel_DrawIndependently_AreRecorded_AndEqualTheOracle()
    {
        UncertainInputs inputs = UncertainInputs.For(ThreePillars(), BaseOptions).WithWeightNoise(0.2)
            .WithAggregatorsByLevel([Aggregator.ArithmeticMean, Aggregator.GeometricMean], [2])
            .WithAggregatorsByLevel([Aggregator.ArithmeticMean, Aggregator.HarmonicMean, Aggregator.GeometricMean], [3]);
        IndicatorMatrix matrix = Matrix(inputs.Framework);
        const int Runs = 240;
        UncertaintyAnalysis analysis = UncertaintyAnalysis.Create(inputs, Runs, seed: 5).WithNodes(["P2"]).WithRunShifts();

        UncertaintyResult result = analysis.Run(matrix);

        inputs.Inputs.Should().Equal(UncertainInput.Weights, UncertainInput.Aggregator);
        inputs.AggregatorChoices.Select(c => c.Nodes).Should().BeEquivalentTo(new[] { ValueList.Of("P0", "P1", "P2"), ValueList.Of("I") }, o => o.WithStrictOrdering());
        var pairs = new HashSet<string>();
        ScoreTable nominal = ScoringPlan.Compile(inputs.Framework, inputs.BaseOptions.WithRanking(RankMethod.Competition)).Score(matrix);
        for (int r = 0; r < Runs; r++)
        {
            SampleParameters p = analysis.Sample(r);
            p.Aggregators.Should().HaveCount(2);
            p.Aggregator.Should().Be(p.Aggregators[0]);
            pairs.Add($"{p.Aggregators[0]}|{p.Aggregators[1]}");
            ScoreTable t = ScoringPlan.Compile(inputs.Framework, inputs.OptionsFor(p).WithRanking(RankMethod.Competition)).Score(matrix);
            foreach (string node in new[] { "I", "P2" })
            {
                double shift = Enumerable.Range(0, matrix.RowCount).Sum(i => Math.Abs(t.Ranks(node)[i] - nominal.Ranks(node)[i]));
                result.Node(node).MeanAbsoluteRankShift[r].Should().Be(shift / matrix.RowCount, "run {0} of {1}", r, node);
            }
        }

        pairs.Should().HaveCount(6, "the two levels' aggregators are drawn independently");
        inputs.Invoking(i => i.WithAggregators([Aggregator.HarmonicMean], [NodeKind.Pillar])).Should().Throw<ArgumentException>().WithMessage("*'P0', 'P1', 'P2' already*");
        inputs.Invoking(i => i.WithAggregatorsByLevel([Aggregator.HarmonicMean], [1, 7])).Should().Throw<ArgumentException>().WithMessage("*level 1 has no aggregated node*level 7*");
    }

    [Fact]
    public void OneAggregatorChoice_DrawsAsBefore()
    {
        // A single choice draws element ⌊u₀·count⌋ of the Aggregator key, as before per-level choices existed.
        UncertainInputs one = UncertainInputs.For(ThreePillars(), BaseOptions).WithAggregators([Aggregator.ArithmeticMean, Aggregator.GeometricMean, Aggregator.HarmonicMean], [NodeKind.Pillar]);
        UncertainInputs byLevel = UncertainInputs.For(ThreePillars(), BaseOptions).WithAggregatorsByLevel([Aggregator.ArithmeticMean, Aggregator.GeometricMean, Aggregator.HarmonicMean], [2]);

        for (int r = 0; r < 50; r++)
        {
            one.Sample(1, r).Aggregator.Should().Be(byLevel.Sample(1, r).Aggregator);
        }

        Enumerable.Range(0, 50).Select(r => one.Sample(1, r).Aggregator).Distinct().Should().HaveCount(3);
    }
}
