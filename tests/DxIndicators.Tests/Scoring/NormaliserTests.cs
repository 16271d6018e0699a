using DxIndicators.Model;
using DxIndicators.Scoring;
using static DxIndicators.Tests.TestFrameworks;

namespace DxIndicators.Tests.Scoring;

/// <summary>
/// Normalisers against hand-computed values; x = (3, 7, NA, 1, 10, 7, 4) and its expected outputs are COINr's golden
/// values from shared/research/methods.md §2.7 (COINr run from source, R 4.2.2).
/// </summary>
public sealed class NormaliserTests
{
    private const double Na = double.NaN;
    private static readonly double[] X = [3, 7, Na, 1, 10, 7, 4];

    private static double[] Normalise(Normaliser n, double[] x, Polarity polarity = Polarity.HigherIsBetter, Goalposts? goalposts = null, double? target = null, PointsRule? points = null)
    {
        var ind = Ind("X", polarity, goalposts, target, points);
        ScoreTable t = ScoringPlan.Compile(Flat(ind), ScoringOptions.Default.WithNormaliser(n)).Score(Matrix(TestFrameworks.Units(x.Length), ("X", x)));
        return t.Normalised("X").ToArray();
    }

    private static void ShouldEqual(double[] actual, double[] expected, double tolerance = 1e-9)
    {
        actual.Should().HaveCount(expected.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            if (double.IsNaN(expected[i]))
            {
                double.IsNaN(actual[i]).Should().BeTrue($"element {i} should be missing");
            }
            else
            {
                actual[i].Should().BeApproximately(expected[i], tolerance, $"element {i}");
            }
        }
    }

    [Fact]
    public void MinMax_Default0To100_MatchesCoinrGolden() =>
        ShouldEqual(Normalise(Normaliser.MinMax(0, 100), X), [22.2222222, 66.6666667, Na, 0, 100, 66.6666667, 33.3333333], 1e-7);

    [Fact]
    public void MinMax_LowerIsBetter_MatchesCoinrGolden() =>
        ShouldEqual(Normalise(Normaliser.MinMax(0, 100), X, Polarity.LowerIsBetter), [77.7777778, 33.3333333, Na, 100, 0, 33.3333333, 66.6666667], 1e-7);

    [Fact]
    public void ZScore_Default_MatchesCoinrGolden() =>
        ShouldEqual(Normalise(Normaliser.ZScore(), X), [-0.7144345083, 0.5103103631, Na, -1.326806944, 1.428869017, 0.5103103631, -0.4082482905]);

    [Fact]
    public void DistanceToReference_SecondUnit_MatchesCoinrGolden() =>
        ShouldEqual(Normalise(Normaliser.DistanceToReference("U01"), X), [0.3333333, 1, Na, 0, 1.5, 1, 0.5], 1e-7);

    [Fact]
    public void DistanceToReference_Capped_CapsAtOne() =>
        ShouldEqual(Normalise(Normaliser.DistanceToReference("U01", cap: true), X), [1.0 / 3, 1, Na, 0, 1, 1, 0.5]);

    [Fact]
    public void DistanceToTarget_Target8_MatchesCoinrGolden() =>
        ShouldEqual(Normalise(Normaliser.DistanceToTarget(), X, target: 8), [0.2857142857, 0.8571428571, Na, 0, 1.285714286, 0.8571428571, 0.4285714286]);

    [Fact]
    public void DistanceToTarget_LowerIsBetterRawTarget2_MatchesCoinrFlippedRoute() =>
        // COINr: n_dist2targ(x, 2, direction = -1) ≡ Normalise(x, "n_dist2targ", list(targ = -2), direction = -1); we take the raw target 2.
        ShouldEqual(Normalise(Normaliser.DistanceToTarget(), X, Polarity.LowerIsBetter, target: 2), [0.875, 0.375, Na, 1.125, 0, 0.375, 0.75]);

    [Fact]
    public void DistanceToTarget_Capped_CapsAtOne() =>
        ShouldEqual(Normalise(Normaliser.DistanceToTarget(cap: true), X, target: 8), [2.0 / 7, 6.0 / 7, Na, 0, 1, 6.0 / 7, 3.0 / 7]);

    [Fact]
    public void RankBordaPercentileRank_MatchCoinrGolden()
    {
        ShouldEqual(Normalise(Normaliser.Rank, X), [2, 4, Na, 1, 6, 4, 3]);
        ShouldEqual(Normalise(Normaliser.Borda, X), [1, 3, Na, 0, 5, 3, 2]);
        ShouldEqual(Normalise(Normaliser.PercentileRank, X), [0.2, 0.6, Na, 0, 1, 0.6, 0.4]);
    }

    [Fact]
    public void Rank_LowerIsBetter_RanksFlippedValues() =>
        // −x = (−3, −7, NA, −1, −10, −7, −4): ascending ranks with ties at the minimum, by hand.
        ShouldEqual(Normalise(Normaliser.Rank, X, Polarity.LowerIsBetter), [5, 2, Na, 6, 1, 2, 4]);

    [Fact]
    public void Goalposts_0To10Scale100_MatchesCoinrGolden() =>
        ShouldEqual(Normalise(Normaliser.Goalposts(100), X, goalposts: new Goalposts(0, 10)), [30, 70, Na, 10, 100, 70, 40]);

    [Fact]
    public void Goalposts_LowerIsBetterRawGoalposts_IsDirectionSafe() =>
        // methods.md §2.1: x = (0, 2.5, 5, 10), Direction −1, correct result (1, 0.75, 0.5, 0) from goalposts 0..10 in raw units.
        ShouldEqual(Normalise(Normaliser.Goalposts(), [0, 2.5, 5, 10], Polarity.LowerIsBetter, goalposts: new Goalposts(0, 10)), [1, 0.75, 0.5, 0]);

    [Fact]
    public void Goalposts_NotTruncated_GoesBeyondZeroAndOne() =>
        ShouldEqual(Normalise(Normaliser.Goalposts(1, truncate: false), [-5, 5, 15], goalposts: new Goalposts(0, 10)), [-0.5, 0.5, 1.5]);

    [Fact]
    public void Goalposts_Truncated_ClampsToZeroAndOne() =>
        ShouldEqual(Normalise(Normaliser.Goalposts(), [-5, 5, 15], goalposts: new Goalposts(0, 10)), [0, 0.5, 1]);

    [Fact]
    public void DistanceToMaxAndFractionOfMax_MatchHandValues()
    {
        ShouldEqual(Normalise(Normaliser.DistanceToMax, X), [2.0 / 9, 6.0 / 9, Na, 0, 1, 6.0 / 9, 3.0 / 9]);
        ShouldEqual(Normalise(Normaliser.FractionOfMax, X), [0.3, 0.7, Na, 0.1, 1, 0.7, 0.4]);
    }

    [Fact]
    public void None_LowerIsBetter_ReturnsNegatedValuesAsCoinr() =>
        ShouldEqual(Normalise(Normaliser.None, [1, -2, Na], Polarity.LowerIsBetter), [-1, 2, Na]);

    [Fact]
    public void Points_RatioRule_ReturnsFractionOfMaxPoints() =>
        // 50 of fullAt 100 → 10 of 20 points → 0.5; 150 → capped at 20 → 1.
        ShouldEqual(Normalise(Normaliser.Points, [50, 150, Na, 0], points: new RatioPointsRule(20, 100)), [0.5, 1, Na, 0]);

    [Fact]
    public void Auto_PicksPointsThenGoalpostsThenMinMax01()
    {
        ShouldEqual(Normalise(Normaliser.Auto, [50, 100], points: new RatioPointsRule(20, 100), goalposts: new Goalposts(0, 1000)), [0.5, 1]);
        ShouldEqual(Normalise(Normaliser.Auto, [50, 100], goalposts: new Goalposts(0, 1000)), [0.05, 0.1]);
        ShouldEqual(Normalise(Normaliser.Auto, [50, 100, 75]), [0, 1, 0.5]);
    }

    [Fact]
    public void MinMax_AllValuesEqual_GivesNaNAsCoinr() =>
        ShouldEqual(Normalise(Normaliser.MinMax(0, 100), [4, 4, Na, 4]), [Na, Na, Na, Na]);

    [Fact]
    public void MinMax_AllMissing_GivesNaN() =>
        ShouldEqual(Normalise(Normaliser.MinMax(0, 100), [Na, Na, Na]), [Na, Na, Na]);

    [Fact]
    public void OneUnit_MinMaxNaNRankOne()
    {
        ShouldEqual(Normalise(Normaliser.MinMax(), [5]), [Na]);
        ShouldEqual(Normalise(Normaliser.Rank, [5]), [1]);
        ShouldEqual(Normalise(Normaliser.ZScore(), [5]), [Na]);
    }

    [Fact]
    public void Compile_GoalpostsWithoutGoalposts_ListsEveryIndicator()
    {
        Framework f = Flat(Ind("A"), Ind("B"), Ind("C", goalposts: new Goalposts(0, 1)));
        Action act = () => ScoringPlan.Compile(f, ScoringOptions.Default.WithNormaliser(Normaliser.Goalposts()));
        act.Should().Throw<ArgumentException>().Where(e => e.Message.Contains("'A'") && e.Message.Contains("'B'") && !e.Message.Contains("'C'"));
    }

    [Fact]
    public void Compile_UnknownOverrideCodes_Throws()
    {
        Action act = () => ScoringPlan.Compile(Flat(Ind("A")), ScoringOptions.Default.WithNormaliser("ZZ", Normaliser.Rank).WithAggregator("QQ", Aggregator.Minimum));
        act.Should().Throw<ArgumentException>().Where(e => e.Message.Contains("'ZZ'") && e.Message.Contains("'QQ'"));
    }

    [Fact]
    public void Factories_ReversedOrFlatParameters_Throw()
    {
        // A reversed range would silently flip every score (polarity is the indicator's job); sd 0 flattens them.
        ((Action)(() => Normaliser.MinMax(100, 0))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("high");
        ((Action)(() => Normaliser.MinMax(5, 5))).Should().Throw<ArgumentOutOfRangeException>();
        ((Action)(() => Normaliser.ZScore(0, 0))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("sd");
    }

    [Fact]
    public void DistanceToReference_MissingReferenceValue_Throws()
    {
        // X = (3, 7, NA, …): unit U02 has no value, so it cannot be the reference.
        Action act = () => Normalise(Normaliser.DistanceToReference("U02"), X);
        act.Should().Throw<ArgumentException>().WithMessage("*reference unit 'U02', whose value is missing*");
    }

    [Fact]
    public void Scaled_FixedBounds_MatchesTheFormulaByHand() =>
        // (x − 0)/(20 − 0)·100 for x = 3, 7, NA, 1, 10, 7, 4: 15, 35, NA, 5, 50, 35, 20.
        ShouldEqual(Normalise(Normaliser.Scaled(0, 20), X), [15, 35, Na, 5, 50, 35, 20], 1e-12);

    [Fact]
    public void Scaled_LowerIsBetter_FlipsTheBoundsAsCoinrsIMeta() =>
        // Bounds (0, 20) become (−20, 0) in x' = −x: (−x + 20)/20·100 = 85, 65, NA, 95, 50, 65, 80.
        ShouldEqual(Normalise(Normaliser.Scaled(0, 20), X, Polarity.LowerIsBetter), [85, 65, Na, 95, 50, 65, 80], 1e-12);

    [Fact]
    public void Scaled_CoinrsOlderForm_IsLowerCUpperCPlusM() =>
        // (x − c)/m·100 with c = 2, m = 10: 10, 50, NA, −10, 80, 50, 20; and with factor 1: a tenth of that, not clamped.
        ShouldEqual(Normalise(Normaliser.Scaled(2, 12), X), [10, 50, Na, -10, 80, 50, 20], 1e-12);

    [Fact]
    public void Scaled_FactorOne_AndItsText()
    {
        ShouldEqual(Normalise(Normaliser.Parse("scaled:2,12,1"), X), [0.1, 0.5, Na, -0.1, 0.8, 0.5, 0.2], 1e-15);
        Normaliser.Scaled(2, 12).ToString().Should().Be("scaled:2,12");
        Normaliser.Scaled(2, 12, 1).ToString().Should().Be("scaled:2,12,1");
        Normaliser.Scaled(2, 12).IsAffine.Should().BeTrue("an affine method feeds the fused normalise-and-accumulate pass");
        Action bad = () => Normaliser.Scaled(12, 2);
        bad.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*upper > lower*");
    }
}
