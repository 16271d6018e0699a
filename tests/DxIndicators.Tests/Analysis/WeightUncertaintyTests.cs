using DxIndicators.Analysis;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Scoring;
using static DxIndicators.Tests.Analysis.AnalysisFrameworks;

namespace DxIndicators.Tests.Analysis;

/// <summary>Weight uncertainty: noise draws, supplied vectors, rank statistics (hand-computed) and validation.</summary>
public sealed class WeightUncertaintyTests
{
    [Fact]
    public void Run_NoiseFactorZero_EveryRunReproducesNominalRanks()
    {
        ScoringPlan plan = Plan(ThreePillars());
        IndicatorMatrix matrix = Matrix(plan.Framework);
        ScoreTable nominal = plan.Score(matrix);

        UncertaintyResult result = WeightUncertainty.FromNoise(plan, 25, 0, seed: 1).WithNodes(["P1"]).Run(matrix);

        result.Runs.Should().Be(25);
        result.Nodes.Select(n => n.Node).Should().Equal("I", "P1");
        for (int i = 0; i < matrix.RowCount; i++)
        {
            UnitRankStatistics s = result.Root.Units[i];
            s.Unit.Should().Be(matrix.Units[i]);
            s.Nominal.Should().Be(nominal.Ranks("I")[i]);
            s.RankedRuns.Should().Be(25);
            s.Mean.Should().Be(s.Nominal);
            s.Median.Should().Be(s.Nominal);
            s.Percentile5.Should().Be(s.Nominal);
            s.Percentile95.Should().Be(s.Nominal);
        }

        result.Root.MeanAbsoluteRankShift.Should().HaveCount(25).And.OnlyContain(y => y == 0);
        result.Node("P1").MeanAbsoluteRankShift.Should().OnlyContain(y => y == 0);

        // P1 is outside the plan's rank scope (root only); the analysis ranks it with the plan's tie rule.
        UnitRankStatistics best = result.Node("P1").Units.MinBy(u => u.Nominal);
        best.Nominal.Should().Be(1);
        best.Median.Should().Be(1);
    }

    [Fact]
    public void Run_SuppliedVectors_RankDistributionComputedByHand()
    {
        // Min-max of A = (0, 5, 10) → (0, .5, 1) and B = (10, 5, 0) → (1, .5, 0); index = (wA·a + wB·b)/(wA + wB).
        // Nominal (wA, wB) = (2, 1): scores (1/3, 1/2, 2/3) → competition ranks (3, 2, 1).
        // Runs: (1, 0) → (0, .5, 1) → (3, 2, 1); (0, 1) → (1, .5, 0) → (1, 2, 3);
        //       (3, 1) → (.25, .5, .75) → (3, 2, 1); (1, 1) → (.5, .5, .5) → (1, 1, 1).
        // U0: 1 1 3 3 → mean 2, median 2, type-7 q05 (h = .15) 1, q95 (h = 2.85) 3.
        // U1: 1 2 2 2 → mean 1.75, median 2, q05 = .85·1 + .15·2 = 1.15, q95 2.
        // U2: 1 1 1 3 → mean 1.5, median 1, q05 1, q95 = .15·1 + .85·3 = 2.7.
        // y_r = mean |rank − nominal|: 0, (2 + 0 + 2)/3, 0, (2 + 1 + 0)/3.
        var a = TestFrameworks.Ind("A");
        var b = TestFrameworks.Ind("B");
        Framework framework = TestFrameworks.Build("I", [TestFrameworks.Node("I", NodeKind.Index, ("A", 2), ("B", 1))], [a, b]);
        ScoringPlan plan = Plan(framework);
        IndicatorMatrix matrix = TestFrameworks.Matrix(["U0", "U1", "U2"], ("A", [0, 5, 10]), ("B", [10, 5, 0]));
        WeightUncertainty.Links(plan).Should().Equal(new WeightLink("I", "A", 2), new WeightLink("I", "B", 1));

        UncertaintyResult result = WeightUncertainty.FromWeightVectors(plan, [[1, 0], [0, 1], [3, 1], [1, 1]]).Run(matrix);

        result.Runs.Should().Be(4);
        Check(result.Root.Unit("U0"), 3, 2, 2, 1, 3);
        Check(result.Root.Unit("U1"), 2, 1.75, 2, 1.15, 2);
        Check(result.Root.Unit("U2"), 1, 1.5, 1, 1, 2.7);
        result.Root.MeanAbsoluteRankShift.Should().HaveCount(4);
        result.Root.MeanAbsoluteRankShift[0].Should().Be(0);
        result.Root.MeanAbsoluteRankShift[1].Should().BeApproximately(4.0 / 3, 1e-15);
        result.Root.MeanAbsoluteRankShift[2].Should().Be(0);
        result.Root.MeanAbsoluteRankShift[3].Should().Be(1);

        static void Check(UnitRankStatistics s, double nominal, double mean, double median, double q05, double q95)
        {
            s.Nominal.Should().Be(nominal);
            s.Mean.Should().BeApproximately(mean, 1e-12);
            s.Median.Should().BeApproximately(median, 1e-12);
            s.Percentile5.Should().BeApproximately(q05, 1e-12);
            s.Percentile95.Should().BeApproximately(q95, 1e-12);
            s.RankedRuns.Should().Be(4);
        }
    }

    [Fact]
    public void Run_SameSeed_IdenticalResult()
    {
        ScoringPlan plan = Plan(ThreePillars());
        IndicatorMatrix matrix = Matrix(plan.Framework);

        UncertaintyResult first = WeightUncertainty.FromNoise(plan, 50, 0.5, seed: 3).WithNodes(["P0"]).Run(matrix);
        UncertaintyResult second = WeightUncertainty.FromNoise(plan, 50, 0.5, seed: 3).WithNodes(["P0"]).Run(matrix);

        second.Root.Units.Should().Equal(first.Root.Units);
        second.Root.MeanAbsoluteRankShift.Should().Equal(first.Root.MeanAbsoluteRankShift);
        second.Node("P0").Units.Should().Equal(first.Node("P0").Units);

        // Noise 0.5 does move ranks in this data set, so the check above compares something that varies.
        first.Root.MeanAbsoluteRankShift.Should().Contain(y => y > 0);
    }

    [Fact]
    public void Run_DifferentSeed_DifferentDraws()
    {
        ScoringPlan plan = Plan(ThreePillars());
        IndicatorMatrix matrix = Matrix(plan.Framework);

        UncertaintyResult first = WeightUncertainty.FromNoise(plan, 50, 0.5, seed: 3).Run(matrix);
        UncertaintyResult second = WeightUncertainty.FromNoise(plan, 50, 0.5, seed: 4).Run(matrix);

        second.Root.MeanAbsoluteRankShift.Should().NotEqual(first.Root.MeanAbsoluteRankShift);
    }

    [Fact]
    public void Run_Noise_FollowsDocumentedDrawOrder()
    {
        // Documented order: one Random(seed); per run, per link in Links order, u = NextDouble(), w' = w + (2u − 1)·f·w,
        // with f the factor of the link's parent level (0 here for the index's links, which are still drawn).
        ScoringPlan plan = Plan(ThreePillars());
        IndicatorMatrix matrix = Matrix(plan.Framework);
        var links = WeightUncertainty.Links(plan);
        var random = new Random(11);
        var vectors = new List<IReadOnlyList<double>>();
        for (int r = 0; r < 20; r++)
        {
            var v = new double[links.Count];
            for (int c = 0; c < v.Length; c++)
            {
                double f = plan.NodeKinds[plan.NodeCodes.AsSpan().IndexOf(links[c].Parent)] == NodeKind.Pillar ? 0.4 : 0;
                v[c] = links[c].Weight + (((2 * random.NextDouble()) - 1) * f * links[c].Weight);
            }

            vectors.Add(v);
        }

        UncertaintyResult drawn = WeightUncertainty.FromNoiseByLevel(plan, 20, new Dictionary<NodeKind, double> { [NodeKind.Pillar] = 0.4 }, seed: 11).Run(matrix);
        UncertaintyResult supplied = WeightUncertainty.FromWeightVectors(plan, vectors).Run(matrix);

        drawn.Root.Units.Should().Equal(supplied.Root.Units);
        drawn.Root.MeanAbsoluteRankShift.Should().Equal(supplied.Root.MeanAbsoluteRankShift);
        drawn.Root.MeanAbsoluteRankShift.Should().Contain(y => y > 0);
    }

    [Theory]
    [InlineData(RankMethod.Competition)]
    [InlineData(RankMethod.Fractional)]
    [InlineData(RankMethod.Dense)]
    public void Run_SuppliedVectors_SameAsScoringEachWeightingSeparately(RankMethod method)
    {
        // Oracle: each run scored from scratch by a plan compiled with that run's weights (ScoringOptions.WithWeights),
        // its ranks collected per unit, sorted, and summarised with R's type-7 rule. Integer data in [0, 4] gives ties.
        Framework framework = ThreePillars();
        var options = ScoringOptions.Default.WithNormaliser(Normaliser.MinMax()).WithRanking(method, RankScope.AllNodes);
        ScoringPlan plan = Plan(framework, options);
        var random = new Random(5);
        var values = new double[UnitCount * IndicatorCount];
        for (int k = 0; k < values.Length; k++)
        {
            values[k] = random.Next(5);
        }

        var matrix = new IndicatorMatrix(TestFrameworks.Units(UnitCount), framework.Indicators.Select(i => i.Code), values);
        var links = WeightUncertainty.Links(plan);
        var vectors = Enumerable.Range(0, 21).Select(_ => (IReadOnlyList<double>)links.Select(_ => random.NextDouble()).ToArray()).ToList();

        UncertaintyResult result = WeightUncertainty.FromWeightVectors(plan, vectors).WithNodes(["P2"]).Run(matrix);

        foreach (string node in new[] { "I", "P2" })
        {
            double[] nominal = plan.Score(matrix).Ranks(node).ToArray();
            double[][] runs = vectors.Select(v => Plan(framework, options.WithWeights(links.Select((l, c) => new KeyValuePair<string, double>(l.Child, v[c]))))
                .Score(matrix).Ranks(node).ToArray()).ToArray();
            for (int i = 0; i < UnitCount; i++)
            {
                double[] x = runs.Select(r => r[i]).Order().ToArray();
                UnitRankStatistics s = result.Node(node).Units[i];
                s.Nominal.Should().Be(nominal[i]);
                s.Mean.Should().BeApproximately(x.Average(), 1e-12);
                s.Median.Should().Be(WeightUncertainty.QuantileType7(x, 0.5));
                s.Percentile5.Should().Be(WeightUncertainty.QuantileType7(x, 0.05));
                s.Percentile95.Should().Be(WeightUncertainty.QuantileType7(x, 0.95));
            }

            for (int r = 0; r < runs.Length; r++)
            {
                result.Node(node).MeanAbsoluteRankShift[r].Should().BeApproximately(runs[r].Zip(nominal, (a, b) => Math.Abs(a - b)).Average(), 1e-12);
            }
        }

        // The integer data do produce tied (half) ranks under the fractional rule, so the halves path is exercised.
        if (method == RankMethod.Fractional)
        {
            result.Root.Units.Should().Contain(u => u.Nominal % 1 != 0);
        }
    }

    [Fact]
    public void Links_ThreePillars_BottomUpInFrameworkOrder()
    {
        ScoringPlan plan = Plan(ThreePillars());

        var links = WeightUncertainty.Links(plan);

        links.Should().HaveCount(15);
        links.Take(4).Should().Equal(new WeightLink("P0", "X00", 1), new WeightLink("P0", "X01", 2), new WeightLink("P0", "X02", 3), new WeightLink("P0", "X03", 1));
        links.Skip(12).Should().Equal(new WeightLink("I", "P0", 1), new WeightLink("I", "P1", 2), new WeightLink("I", "P2", 1));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void FromNoise_RunsNotPositive_Throws(int runs)
    {
        ScoringPlan plan = Plan(ThreePillars());
        var act = () => WeightUncertainty.FromNoise(plan, runs, 0.2, 1);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "runs").WithMessage("*at least 1*");
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void FromNoise_FactorOutsideUnitInterval_Throws(double factor)
    {
        ScoringPlan plan = Plan(ThreePillars());
        var act = () => WeightUncertainty.FromNoise(plan, 10, factor, 1);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "noiseFactor").WithMessage("*[0, 1]*");
    }

    [Fact]
    public void FromNoiseByLevel_FactorsOutsideUnitInterval_ThrowsListingAll()
    {
        ScoringPlan plan = Plan(ThreePillars());
        var act = () => WeightUncertainty.FromNoiseByLevel(plan, 10, new Dictionary<NodeKind, double> { [NodeKind.Pillar] = 1.5, [NodeKind.Index] = -1 }, 1);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "noiseFactors").WithMessage("*level Pillar*1.5*level Index*-1*");
    }

    [Fact]
    public void FromNoiseByLevel_RunsNotPositive_Throws()
    {
        ScoringPlan plan = Plan(ThreePillars());
        var act = () => WeightUncertainty.FromNoiseByLevel(plan, 0, new Dictionary<NodeKind, double>(), 1);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "runs");
    }

    [Fact]
    public void FromWeightVectors_WrongLengthAndNegative_ThrowsListingAll()
    {
        ScoringPlan plan = Plan(ThreePillars());
        double[] good = Enumerable.Repeat(1.0, 15).ToArray();
        double[] negative = (double[])good.Clone();
        negative[13] = -0.5;

        var act = () => WeightUncertainty.FromWeightVectors(plan, [good, new double[14], negative]);

        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "weightVectors")
            .WithMessage("*vector 1 has 14 weights but the plan has 15 links*vector 2 link 13 (I → P1) has weight -0.5*");
    }

    [Fact]
    public void FromWeightVectors_NaN_Throws()
    {
        ScoringPlan plan = Plan(ThreePillars());
        double[] v = Enumerable.Repeat(1.0, 15).ToArray();
        v[0] = double.NaN;
        var act = () => WeightUncertainty.FromWeightVectors(plan, [v]);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "weightVectors").WithMessage("*vector 0 link 0 (P0 → X00) has weight NaN*");
    }

    [Fact]
    public void FromWeightVectors_Empty_Throws()
    {
        ScoringPlan plan = Plan(ThreePillars());
        var act = () => WeightUncertainty.FromWeightVectors(plan, []);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "weightVectors");
    }

    [Fact]
    public void WithNodes_UnknownNode_Throws()
    {
        ScoringPlan plan = Plan(ThreePillars());
        var act = () => WeightUncertainty.FromNoise(plan, 5, 0.1, 1).WithNodes(["P1", "P9", "X00"]);
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "nodes").WithMessage("*'P9', 'X00'*");
    }

    [Fact]
    public void QuantileType7_MatchesRDefinition()
    {
        // R: quantile(c(1, 2, 4, 10), c(0, .05, .5, .95, 1)) = 1, 1.15, 3, 9.1, 10 (h = 3p; x[⌊h⌋] + (h − ⌊h⌋)(x[⌈h⌉] − x[⌊h⌋])).
        double[] x = [1, 2, 4, 10];
        WeightUncertainty.QuantileType7(x, 0).Should().Be(1);
        WeightUncertainty.QuantileType7(x, 0.05).Should().BeApproximately(1.15, 1e-12);
        WeightUncertainty.QuantileType7(x, 0.5).Should().Be(3);
        WeightUncertainty.QuantileType7(x, 0.95).Should().BeApproximately(9.1, 1e-12);
        WeightUncertainty.QuantileType7(x, 1).Should().Be(10);
        WeightUncertainty.QuantileType7([], 0.5).Should().Be(double.NaN);
    }
}
