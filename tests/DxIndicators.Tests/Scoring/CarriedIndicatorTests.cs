using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Scoring;
using NodaTime;
using static DxIndicators.Tests.TestFrameworks;

namespace DxIndicators.Tests.Scoring;

/// <summary>
/// Only what feeds a node is normalised (COINr normalises only iMeta Type = Indicator); min-max without bounds maps
/// onto the framework's declared output scale (docs/methodology.md, "What is normalised" and "Normalisation").
/// </summary>
public sealed class CarriedIndicatorTests
{
    // A and B feed the index; POP is a denominator no node links; SHOWN is linked with weight 0 and has no target.
    private static Framework WithDenominator() => Build(
        "I",
        [Node("I", NodeKind.Index, ("A", 1), ("B", 1), ("SHOWN", 0))],
        [Ind("A", target: 10, denominator: "POP"), Ind("B", Polarity.LowerIsBetter, target: 1), Ind("SHOWN"), Ind("POP")]);

    private static IndicatorMatrix Data() => Matrix(
        ["U1", "U2", "U3"],
        ("A", [2, 4, 8]),
        ("B", [5, 3, 2]),
        ("SHOWN", [1, double.NaN, 3]),
        ("POP", [1, double.NaN, 4]));

    [Fact]
    public void DistanceToTarget_DenominatorAndDisplayOnlyNeedNoTarget()
    {
        ScoringPlan plan = ScoringPlan.Compile(WithDenominator(), ScoringOptions.Default.WithNormaliser(Normaliser.DistanceToTarget()));

        plan.CarriedIndicators.Should().Equal("SHOWN", "POP");
        ScoreTable table = plan.Score(Data());
        table.Normalised("POP").ToArray().Should().OnlyContain(v => double.IsNaN(v));
        table.Normalised("SHOWN").ToArray().Should().OnlyContain(v => double.IsNaN(v));

        // A: (x − 2)/(10 − 2); B (lower is better): (−x − (−5))/(−1 − (−5)). Index = mean of the two.
        table.Normalised("A").ToArray().Should().Equal(0, 0.25, 0.75);
        table.Normalised("B").ToArray().Should().Equal(0, 0.5, 0.75);
        table.Scores("I").ToArray().Should().Equal(0, 0.375, 0.75);
    }

    [Fact]
    public void DisplayOnly_GivenAWeight_NeedsItsParameters()
    {
        Action act = () => ScoringPlan.Compile(WithDenominator(), ScoringOptions.Default.WithNormaliser(Normaliser.DistanceToTarget()).WithWeights([new("SHOWN", 1)]));

        act.Should().Throw<ArgumentException>().WithMessage("*'SHOWN'*no reference target*").Which.Message.Should().NotContain("'POP'");
    }

    [Fact]
    public void DisplayOnly_WithItsParameters_IsStillNormalisedForDisplay()
    {
        ScoringPlan plan = ScoringPlan.Compile(WithDenominator(), ScoringOptions.Default.WithNormaliser(Normaliser.MinMax()));

        plan.CarriedIndicators.Should().Equal("POP");
        plan.Score(Data()).Normalised("SHOWN").ToArray().Should().Equal(0, double.NaN, 1);
    }

    [Fact]
    public void Imputation_LeavesCarriedColumnsAlone_AndDenominatorsStillDivide()
    {
        ScoringOptions options = ScoringOptions.Default.WithNormaliser(Normaliser.None).WithImputation(ImputationMethod.ColumnMean).WithDenomination();
        ScoreTable table = ScoringPlan.Compile(WithDenominator(), options).Score(Data());

        // A / POP = 2, NaN (POP missing and never imputed), 2; then A's missing cell is imputed with the mean 2.
        table.Normalised("A").ToArray().Should().Equal(2, 2, 2);
        table.CarriedIndicators.Should().Equal("POP");
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(0, 100)]
    [InlineData(1, 1000)]
    public void MinMaxWithoutBounds_MapsOntoTheDeclaredOutputScale(double low, double high)
    {
        IndicatorDefinition x = Ind("X");
        var f = new Framework(new FrameworkMetadata("s", "1", new LocalizedText(string.Empty, "S"), "test", new LocalDate(2024, 1, 1), new OutputScale(low, high)), "I", [Node("I", NodeKind.Index, ("X", 1))], [x]);

        ScoreTable table = ScoringPlan.Compile(f, ScoringOptions.Default.WithNormaliser(Normaliser.MinMax())).Score(Matrix(["a", "b", "c"], ("X", [0, 5, 10])));

        table.Normalised("X").ToArray().Should().Equal(low, low + ((high - low) / 2), high);
        ScoringPlan.Compile(f, ScoringOptions.Default.WithNormaliser(Normaliser.MinMax(0, 10))).Score(Matrix(["a", "b", "c"], ("X", [0, 5, 10]))).Normalised("X").ToArray().Should().Equal(0, 5, 10);
    }
}
