using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Scoring;
using DxIndicators.Scoring.Kernels;
using static DxIndicators.Tests.Scoring.TestFrameworks;

namespace DxIndicators.Tests.Scoring;

/// <summary>Pipeline stages (denominate, impute, treat), panels and workspace reuse, with hand-computed values.</summary>
public sealed class PipelineTests
{
    private const double Na = double.NaN;

    [Fact]
    public void Treat_CoinrGoldenColumn_WinsorisesOnePoint()
    {
        // methods.md §2.7: z = (1…9, 100, 200): skew 2.440013229, kurt 5.668603316 → fails; 200 set to 100, nwin 1, then passes.
        double[] z = [1, 2, 3, 4, 5, 6, 7, 8, 9, 100, 200];
        Preprocessing.Skew(z).Should().BeApproximately(2.440013229, 1e-9);
        Preprocessing.Kurtosis(z).Should().BeApproximately(5.668603316, 1e-9);
        Preprocessing.Passes(z, 2, 3.5).Should().BeFalse();
        int n = Preprocessing.Treat(z, new double[z.Length], 5, 2, 3.5);
        n.Should().Be(1);
        z.Should().Equal(1, 2, 3, 4, 5, 6, 7, 8, 9, 100, 100);
        Preprocessing.Skew(z).Should().BeApproximately(1.9044049, 1e-7);
        Preprocessing.Kurtosis(z).Should().BeApproximately(1.995948444, 1e-9);
    }

    [Fact]
    public void Treat_WinsorisingNotEnough_LogsOriginalColumn()
    {
        // With at most 0 extra steps allowed after the first (maxPoints 1) a column with two far outliers still fails,
        // so COINr's log_CT is applied to the original: ln(x − min + 0.01(max − min)).
        double[] z = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1000, 2000];
        double[] original = (double[])z.Clone();
        int n = Preprocessing.Treat(z, new double[z.Length], 1, 2, 3.5);
        n.Should().Be(-1);
        for (int i = 0; i < z.Length; i++)
        {
            z[i].Should().BeApproximately(Math.Log(original[i] - 1 + (0.01 * 1999)), 1e-12);
        }
    }

    [Fact]
    public void Impute_MedianAndGroupMean_FillByHand()
    {
        Framework f = Flat(Ind("X"));
        IndicatorMatrix m = Matrix(TestFrameworks.Units(5), ("X", [1, Na, 4, 10, Na]));
        ScoringOptions none = ScoringOptions.Default.WithNormaliser(Normaliser.None);
        ScoringPlan.Compile(f, none.WithImputation(ImputationMethod.ColumnMedian)).Score(m).Normalised("X").ToArray().Should().Equal(1, 4, 4, 10, 4);
        ScoringPlan.Compile(f, none.WithImputation(ImputationMethod.ColumnMean)).Score(m).Normalised("X").ToArray().Should().Equal(1, 5, 4, 10, 5);
        var groups = new Dictionary<string, IReadOnlyList<string?>> { ["g"] = ["a", "a", "b", "b", null] };
        double[] byGroup = ScoringPlan.Compile(f, none.WithImputation(ImputationMethod.GroupMean, "g")).Score(m, groups).Normalised("X").ToArray();
        byGroup[..4].Should().Equal(1, 1, 4, 10);
        double.IsNaN(byGroup[4]).Should().BeTrue("a unit without a group is not imputed");
    }

    [Fact]
    public void Impute_GroupMeanWithoutGroups_ThrowsNamingColumn()
    {
        ScoringPlan plan = ScoringPlan.Compile(Flat(Ind("X")), ScoringOptions.Default.WithImputation(ImputationMethod.GroupMean, "region"));
        Action act = () => plan.Score(Matrix(["A"], ("X", [1])));
        act.Should().Throw<ArgumentException>().WithMessage("*'region'*");
    }

    [Fact]
    public void Denominate_DividesByDenominatorTimesPerPopulation()
    {
        Framework f = Build("I", [Node("I", NodeKind.Index, ("BTS", 1))], [Ind("BTS", denominator: "POP", perPopulation: 1000), Ind("POP")]);
        ScoreTable t = ScoringPlan.Compile(f, ScoringOptions.Default.WithNormaliser(Normaliser.None).WithDenomination()).Score(Matrix(["A", "B"], ("BTS", [50, 30]), ("POP", [10000, 20000])));
        t.Normalised("BTS").ToArray().Should().Equal(5, 1.5);
    }

    [Fact]
    public void Score_MissingIndicatorColumns_ListsAll()
    {
        ScoringPlan plan = ScoringPlan.Compile(Flat(Ind("A"), Ind("B"), Ind("C")));
        Action act = () => plan.Score(Matrix(["U"], ("B", [1])));
        act.Should().Throw<ArgumentException>().Where(e => e.Message.Contains("A, C"));
    }

    [Fact]
    public void ScorePanel_PooledAndFixedAndPerPeriod_MatchHandValues()
    {
        Framework f = Flat(Ind("X"));
        var panel = new[]
        {
            new KeyValuePair<ReportingPeriod, IndicatorMatrix>(ReportingPeriod.FromYear(2024), Matrix(["A", "B"], ("X", [5, 20]))),
            new KeyValuePair<ReportingPeriod, IndicatorMatrix>(ReportingPeriod.FromYear(2023), Matrix(["A", "B"], ("X", [0, 10]))),
        };
        ScoringOptions mm = ScoringOptions.Default.WithNormaliser(Normaliser.MinMax());
        IReadOnlyList<ScoreTable> perPeriod = ScoringPlan.Compile(f, mm).ScorePanel(panel);
        perPeriod[0].Period.Should().Be(ReportingPeriod.FromYear(2023));
        perPeriod[1].Normalised("X").ToArray().Should().Equal(0, 1);
        IReadOnlyList<ScoreTable> pooled = ScoringPlan.Compile(f, mm.WithPanelNormalisation(PanelNormalisation.Pooled)).ScorePanel(panel);
        pooled[0].Normalised("X").ToArray().Should().Equal(0, 0.5);
        pooled[1].Normalised("X").ToArray().Should().Equal(0.25, 1);
        IReadOnlyList<ScoreTable> fixedBounds = ScoringPlan.Compile(f, mm.WithPanelNormalisation(PanelNormalisation.FixedBounds, [new("X", new NumericRange(0, 40))])).ScorePanel(panel);
        fixedBounds[0].Normalised("X").ToArray().Should().Equal(0, 0.25);
        fixedBounds[1].Normalised("X").ToArray().Should().Equal(0.125, 0.5);
    }

    [Fact]
    public void ScorePanel_LatestEarlierPeriod_FillsFromMostRecentYearWithData()
    {
        Framework f = Flat(Ind("X"));
        var panel = new[]
        {
            new KeyValuePair<ReportingPeriod, IndicatorMatrix>(ReportingPeriod.FromYear(2022), Matrix(["A", "B"], ("X", [1, 2]))),
            new KeyValuePair<ReportingPeriod, IndicatorMatrix>(ReportingPeriod.FromYear(2023), Matrix(["A", "B"], ("X", [3, Na]))),
            new KeyValuePair<ReportingPeriod, IndicatorMatrix>(ReportingPeriod.FromYear(2024), Matrix(["B", "A"], ("X", [Na, Na]))),
        };
        ScoringOptions o = ScoringOptions.Default.WithNormaliser(Normaliser.None).WithImputation(ImputationMethod.LatestEarlierPeriod);
        IReadOnlyList<ScoreTable> t = ScoringPlan.Compile(f, o).ScorePanel(panel);
        t[1].GetNormalised("B", "X").Should().Be(2);
        t[2].GetNormalised("A", "X").Should().Be(3);
        t[2].GetNormalised("B", "X").Should().Be(2);
    }

    [Fact]
    public void Score_LatestEarlierPeriodOnOneMatrix_Throws()
    {
        ScoringPlan plan = ScoringPlan.Compile(Flat(Ind("X")), ScoringOptions.Default.WithImputation(ImputationMethod.LatestEarlierPeriod));
        Action act = () => plan.Score(Matrix(["A"], ("X", [1])));
        act.Should().Throw<InvalidOperationException>().WithMessage("*ScorePanel*");
    }

    [Fact]
    public void ScorePanel_PooledZScore_UsesPooledMeanAndSd()
    {
        // Pooled values (0, 10, 5, 20): mean 8.75, sample sd sqrt(((−8.75)² + 1.25² + (−3.75)² + 11.25²)/3) by hand.
        var panel = new[]
        {
            new KeyValuePair<ReportingPeriod, IndicatorMatrix>(ReportingPeriod.FromYear(2023), Matrix(["A", "B"], ("X", [0, 10]))),
            new KeyValuePair<ReportingPeriod, IndicatorMatrix>(ReportingPeriod.FromYear(2024), Matrix(["A", "B"], ("X", [5, 20]))),
        };
        double sd = Math.Sqrt(((8.75 * 8.75) + (1.25 * 1.25) + (3.75 * 3.75) + (11.25 * 11.25)) / 3);
        ScoringOptions o = ScoringOptions.Default.WithNormaliser(Normaliser.ZScore()).WithPanelNormalisation(PanelNormalisation.Pooled);
        IReadOnlyList<ScoreTable> t = ScoringPlan.Compile(Flat(Ind("X")), o).ScorePanel(panel);
        t[1].GetNormalised("B", "X").Should().BeApproximately(11.25 / sd, 1e-12);
        t[0].GetNormalised("A", "X").Should().BeApproximately(-8.75 / sd, 1e-12);
    }

    [Fact]
    public void ScoreInto_ReusedWorkspace_GivesSameScoresAsScore()
    {
        Framework f = Build("I", [Node("I", NodeKind.Index, ("P", 2), ("C", 1)), Node("P", NodeKind.Pillar, ("A", 1), ("B", 1))], [Ind("A"), Ind("B", Polarity.LowerIsBetter), Ind("C")]);
        ScoringPlan plan = ScoringPlan.Compile(f);
        IndicatorMatrix m = Matrix(TestFrameworks.Units(4), ("A", [1, 2, 3, Na]), ("B", [4, 3, 2, 1]), ("C", [0, 0, 1, 1]));
        var ws = new ScoringWorkspace(plan, 4);
        plan.ScoreInto(m, ws);
        plan.ScoreInto(m, ws);
        ScoreTable t = plan.Score(m);
        int root = plan.NodeCodes.AsSpan().IndexOf("I");
        ws.NodeScores(root).ToArray().Should().Equal(t.Scores("I").ToArray());
        // By hand: A→(0, .5, 1, NA), B lower-better→(0, 1/3, 2/3, 1), P = mean, I = (2P + C)/3.
        t.GetScore("U00", "I").Should().BeApproximately(0, 1e-15);
        t.GetScore("U03", "I").Should().BeApproximately(1, 1e-15);
        t.GetScore("U02", "P").Should().BeApproximately(5.0 / 6, 1e-15);
        t.FrameworkId.Should().Be("test");
        t.FrameworkVersion.Should().Be("1");
    }

    [Fact]
    public void Score_WithTreatment_WinsorisesRawColumnBeforeNormalising()
    {
        // methods.md §2.7 column: 200 is winsorised to 100, so min-max [0, 1] maps 100 (twice) to 1 and 1 to 0.
        double[] z = [1, 2, 3, 4, 5, 6, 7, 8, 9, 100, 200];
        ScoringOptions o = ScoringOptions.Default.WithNormaliser(Normaliser.MinMax()).WithTreatment();
        double[] y = ScoringPlan.Compile(Flat(Ind("X")), o).Score(Matrix(TestFrameworks.Units(z.Length), ("X", z))).Normalised("X").ToArray();
        y[9].Should().Be(1);
        y[10].Should().Be(1);
        y[0].Should().Be(0);
        y[1].Should().BeApproximately(1.0 / 99, 1e-15);
    }

    [Fact]
    public void ScoreInto_Warm_AllocatesNothing()
    {
        Framework f = Build("I", [Node("I", NodeKind.Index, ("P", 1), ("C", 1)), Node("P", NodeKind.Pillar, ("A", 1), ("B", 1), ("D", 1), ("E", 1), ("G", 1))],
            [Ind("A"), Ind("B", Polarity.LowerIsBetter), Ind("C"), Ind("D"), Ind("E"), Ind("G")]);
        ScoringPlan plan = ScoringPlan.Compile(f, ScoringOptions.Default.WithNormaliser(Normaliser.MinMax()));
        var random = new Random(42);
        IndicatorMatrix m = new(TestFrameworks.Units(100), ["A", "B", "C", "D", "E", "G"], Enumerable.Range(0, 600).Select(_ => random.NextDouble()).ToArray());
        var ws = new ScoringWorkspace(plan, 100);
        plan.ScoreInto(m, ws);
        long before = GC.GetAllocatedBytesForCurrentThread();
        plan.ScoreInto(m, ws);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        allocated.Should().Be(0);
    }

    [Fact]
    public void ScoreInto_WrongWorkspace_Throws()
    {
        ScoringPlan plan = ScoringPlan.Compile(Flat(Ind("A")));
        Action act = () => plan.ScoreInto(Matrix(["U", "V"], ("A", [1, 2])), new ScoringWorkspace(plan, 3));
        act.Should().Throw<ArgumentException>().WithMessage("*3 units*2 units*");
    }
}

/// <summary>The whole pipeline's output bits do not depend on the vector width (CI reruns under every setting).</summary>
[Trait("Category", "Kernel")]
public sealed class PipelineBitIdentityTests
{
    [Theory]
    [InlineData("minmax")]
    [InlineData("zscore")]
    [InlineData("harmonic")]
    [InlineData("minimum")]
    public void Score_BestPath_BitIdenticalToScalarPipeline(string method)
    {
        const int units = (6 * 512) + 7;
        var inds = Enumerable.Range(0, 24).Select(i => Ind("X" + i, i % 3 == 0 ? Polarity.LowerIsBetter : Polarity.HigherIsBetter)).ToArray();
        var pillars = Enumerable.Range(0, 4).Select(p => Node("P" + p, NodeKind.Pillar, inds.Skip(p * 6).Take(6).Select((d, k) => (d.Code, 1.0 + k)).ToArray())).ToList();
        Framework f = Build("I", [Node("I", NodeKind.Index, ("P0", 1), ("P1", 2), ("P2", 0.5), ("P3", 1)), .. pillars], inds);
        var random = new Random(42);
        double[] values = new double[units * inds.Length];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = random.NextDouble() < 0.05 ? double.NaN : random.NextDouble() * 1000;
        }

        ScoringOptions o = method switch
        {
            "minmax" => ScoringOptions.Default.WithNormaliser(Normaliser.MinMax(0, 100)).WithMinShare(NodeKind.Pillar, 0.8),
            "zscore" => ScoringOptions.Default.WithNormaliser(Normaliser.ZScore(10, 2)),
            "harmonic" => ScoringOptions.Default.WithNormaliser(Normaliser.MinMax(1, 100)).WithAggregator(Aggregator.HarmonicMean),
            _ => ScoringOptions.Default.WithNormaliser(Normaliser.MinMax()).WithAggregator(Aggregator.Minimum),
        };
        ScoringPlan plan = ScoringPlan.Compile(f, o);
        var matrix = new IndicatorMatrix(TestFrameworks.Units(units), inds.Select(i => i.Code), values);
        var best = new ScoringWorkspace(plan, units);
        var scalar = new ScoringWorkspace(plan, units);
        plan.ScoreInto(matrix, best);
        plan.ScoreCore(matrix, scalar, null, null, KernelPath.Scalar);
        Kernels.KernelTestData.ShouldBeBitIdentical(best._normalised, scalar._normalised, "normalised");
        Kernels.KernelTestData.ShouldBeBitIdentical(best._nodes, scalar._nodes, "node scores");
        Kernels.KernelTestData.ShouldBeBitIdentical(best._ranks, scalar._ranks, "ranks");
        best._nodes.Count(double.IsNaN).Should().BeLessThan(best._nodes.Length / 2);
    }
}
