using DxIndicators.Model;
using DxIndicators.Scoring;
using static DxIndicators.Tests.TestFrameworks;

namespace DxIndicators.Tests.Scoring;

/// <summary>
/// Aggregators against COINr's golden values (methods.md §2.7: y = (20, 50, NA, 80), w = (1, 2, 1, 0.5)) and hand
/// computations; normalisation "none" keeps the child values as given.
/// </summary>
public sealed class AggregationTests
{
    private const double Na = double.NaN;

    private static ScoreTable ScoreRow(Aggregator aggregator, double[] values, double[] weights, ScoringOptions? options = null)
    {
        var inds = values.Select((_, i) => Ind("X" + i)).ToArray();
        Framework f = Build("I", [Node("I", NodeKind.Index, inds.Select((d, i) => (d.Code, weights[i])).ToArray())], inds);
        var opts = (options ?? ScoringOptions.Default).WithNormaliser(Normaliser.None).WithAggregator(aggregator);
        return ScoringPlan.Compile(f, opts).Score(Matrix(["U"], inds.Select((d, i) => (d.Code, new[] { values[i] })).ToArray()));
    }

    [Theory]
    [InlineData("amean", 45.71428571)]
    [InlineData("gmean", 41.15597138)]
    [InlineData("hmean", 36.36363636)]
    public void Aggregate_CoinrGoldenRow_MatchesGolden(string method, double expected)
    {
        Aggregator a = method switch { "amean" => Aggregator.ArithmeticMean, "gmean" => Aggregator.GeometricMean, _ => Aggregator.HarmonicMean };
        ScoreRow(a, [20, 50, Na, 80], [1, 2, 1, 0.5]).GetScore("U", "I").Should().BeApproximately(expected, 1e-8);
    }

    [Fact]
    public void GeneralisedMean_P2_ReweightsOverPresentChildren() =>
        // sqrt((1·400 + 2·2500 + 0.5·6400) / 3.5) by hand; COINr would give NA here (methods.md: its a_genmean ignores na.rm).
        ScoreRow(Aggregator.GeneralisedMean(2), [20, 50, Na, 80], [1, 2, 1, 0.5]).GetScore("U", "I").Should().BeApproximately(Math.Sqrt(8600 / 3.5), 1e-9);

    [Fact]
    public void Minimum_SkipsMissing() =>
        ScoreRow(Aggregator.Minimum, [20, 50, Na, 80], [1, 2, 1, 0.5]).GetScore("U", "I").Should().Be(20);

    [Fact]
    public void AllChildrenMissing_GivesNaNForEveryMean()
    {
        foreach (Aggregator a in new[] { Aggregator.ArithmeticMean, Aggregator.GeometricMean, Aggregator.HarmonicMean, Aggregator.GeneralisedMean(3), Aggregator.Minimum })
        {
            double.IsNaN(ScoreRow(a, [Na, Na], [1, 1]).GetScore("U", "I")).Should().BeTrue(a.ToString());
        }
    }

    [Fact]
    public void GeometricMean_ZeroOrNegative_ThrowsNamingNodeUnitAndChild()
    {
        Action act = () => ScoreRow(Aggregator.GeometricMean, [20, 0, -1], [1, 1, 1]);
        act.Should().Throw<InvalidOperationException>()
            .Where(e => e.Message.Contains("Node 'I'") && e.Message.Contains("geometric") && e.Message.Contains("unit 'U' child 'X1' = 0") && e.Message.Contains("child 'X2' = -1"));
    }

    [Fact]
    public void HarmonicMean_Zero_ThrowsNamingNodeAndUnit()
    {
        Action act = () => ScoreRow(Aggregator.HarmonicMean, [20, 0], [1, 1]);
        act.Should().Throw<InvalidOperationException>().Where(e => e.Message.Contains("Node 'I'") && e.Message.Contains("harmonic") && e.Message.Contains("unit 'U'"));
    }

    [Fact]
    public void GeneralisedMean_PositivePowerNegativeChild_Throws_ZeroIsAllowed()
    {
        // (−4)^0.5 is NaN: the unit would silently turn "missing" one level up, so it is an error naming the child.
        Action act = () => ScoreRow(Aggregator.GeneralisedMean(0.5), [9, -4], [1, 1]);
        act.Should().Throw<InvalidOperationException>().Where(e => e.Message.Contains("generalised mean") && e.Message.Contains("child 'X1' = -4"));

        // 0 is fine for p > 0: ((0^2 + 4^2) / 2)^(1/2) = √8.
        ScoreRow(Aggregator.GeneralisedMean(2), [0, 4], [1, 1]).GetScore("U", "I").Should().BeApproximately(Math.Sqrt(8), 1e-12);
    }

    [Fact]
    public void MinShare_StrictlyBelow_IsMissing_AtThreshold_IsKept()
    {
        // 2 of 4 present = 0.5: kept at minShare 0.5, missing at 0.51.
        ScoreRow(Aggregator.ArithmeticMean, [10, Na, 30, Na], [1, 1, 1, 1], ScoringOptions.Default.WithMinShare(0.5)).GetScore("U", "I").Should().Be(20);
        double.IsNaN(ScoreRow(Aggregator.ArithmeticMean, [10, Na, 30, Na], [1, 1, 1, 1], ScoringOptions.Default.WithMinShare(0.51)).GetScore("U", "I")).Should().BeTrue();
        double.IsNaN(ScoreRow(Aggregator.Minimum, [10, Na, 30, Na], [1, 1, 1, 1], ScoringOptions.Default.WithMinShare(0.75)).GetScore("U", "I")).Should().BeTrue();
    }

    [Fact]
    public void PointsRatio_MissingChildEarnsZero()
    {
        // Fractions 1 and 0.5 on 20 and 30 points, third child (50 points) missing: (20 + 15) / 100.
        var inds = new[] { Ind("A"), Ind("B"), Ind("C") };
        var node = new FrameworkNode("I", new LocalizedText(string.Empty, "I"), NodeKind.Index,
            ValueList.Of(new NodeLink("A", 1, 20), new NodeLink("B", 1, 30), new NodeLink("C", 1, 50))) { Aggregation = AggregationMethod.PointsRatio, MaxPoints = 100 };
        Framework f = Build("I", [node], inds);
        ScoreTable t = ScoringPlan.Compile(f, ScoringOptions.Default.WithNormaliser(Normaliser.None)).Score(Matrix(["U", "V"], ("A", [1, Na]), ("B", [0.5, Na]), ("C", [Na, Na])));
        t.GetScore("U", "I").Should().BeApproximately(0.35, 1e-15);
        double.IsNaN(t.GetScore("V", "I")).Should().BeTrue("no child has data");
    }

    [Fact]
    public void Overrides_NodeBeatsLevelBeatsGlobal()
    {
        // Index(P1, P2); P1(A, B), P2(C, D). Values by hand: A=1, B=4, C=2, D=8.
        Framework f = Build("I",
            [Node("I", NodeKind.Index, ("P1", 1), ("P2", 1)), Node("P1", NodeKind.Pillar, ("A", 1), ("B", 1)), Node("P2", NodeKind.Pillar, ("C", 1), ("D", 1))],
            [Ind("A"), Ind("B"), Ind("C"), Ind("D")]);
        ScoringOptions o = ScoringOptions.Default.WithNormaliser(Normaliser.None)
            .WithAggregator(Aggregator.HarmonicMean)
            .WithAggregator(NodeKind.Pillar, Aggregator.GeometricMean)
            .WithAggregator("P2", Aggregator.Minimum);
        ScoreTable t = ScoringPlan.Compile(f, o).Score(Matrix(["U"], ("A", [1]), ("B", [4]), ("C", [2]), ("D", [8])));
        t.GetScore("U", "P1").Should().BeApproximately(2, 1e-15); // sqrt(1·4)
        t.GetScore("U", "P2").Should().Be(2); // min(2, 8)
        t.GetScore("U", "I").Should().BeApproximately(2, 1e-15); // harmonic of (2, 2)
        t.MethodDescription.Should().Contain("hmean").And.Contain("Pillar=gmean").And.Contain("P2=min");
    }

    [Fact]
    public void Weights_OverrideByChildCode_ChangesMean()
    {
        Framework f = Flat(Ind("A"), Ind("B"));
        ScoringOptions o = ScoringOptions.Default.WithNormaliser(Normaliser.None).WithWeights([new("B", 3.0)]);
        ScoringPlan.Compile(f, o).Score(Matrix(["U"], ("A", [0]), ("B", [4]))).GetScore("U", "I").Should().Be(3); // (0 + 3·4)/4
    }

    [Fact]
    public void EffectiveWeights_MultiplyDownTheTree()
    {
        // Index(A w1, B w3); A(x1, x2); B(x3): x1 = x2 = 1/4 · 1/2 = 0.125, x3 = 0.75.
        Framework f = Build("I",
            [Node("I", NodeKind.Index, ("A", 1), ("B", 3)), Node("A", NodeKind.Pillar, ("x1", 1), ("x2", 1)), Node("B", NodeKind.Pillar, ("x3", 2))],
            [Ind("x1"), Ind("x2"), Ind("x3")]);
        IReadOnlyDictionary<string, double> w = ScoringPlan.Compile(f).EffectiveWeights("I");
        w["x1"].Should().Be(0.125);
        w["x2"].Should().Be(0.125);
        w["x3"].Should().Be(0.75);
        w["A"].Should().Be(0.25);
        ScoringPlan.Compile(f).EffectiveWeights("A").Should().BeEquivalentTo(new Dictionary<string, double> { ["x1"] = 0.5, ["x2"] = 0.5 });
    }

    [Fact]
    public void SharedChildAndPillarBesideRoot_AreScored()
    {
        // 2022-DTI shape: DTI(M1, M2) and a pillar P(M1, x3) beside the root; M1 has two parents.
        Framework f = Build("DTI",
            [Node("DTI", NodeKind.Index, ("M1", 1), ("M2", 1)), Node("M1", NodeKind.MainIndex, ("x1", 1)), Node("M2", NodeKind.MainIndex, ("x2", 1)), Node("P", NodeKind.Pillar, ("M1", 1), ("x3", 1))],
            [Ind("x1"), Ind("x2"), Ind("x3")]);
        ScoringPlan plan = ScoringPlan.Compile(f, ScoringOptions.Default.WithNormaliser(Normaliser.None));
        ScoreTable t = plan.Score(Matrix(["U"], ("x1", [0.2]), ("x2", [0.6]), ("x3", [1.0])));
        t.GetScore("U", "DTI").Should().BeApproximately(0.4, 1e-15);
        t.GetScore("U", "P").Should().BeApproximately(0.6, 1e-15);
        plan.EffectiveWeights("P")["x1"].Should().Be(0.5);
    }
}
