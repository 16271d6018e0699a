using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Targets;
using static DxIndicators.Tests.Targets.Fixtures;

namespace DxIndicators.Tests.Targets;

public class ValueChangeTests
{
    [Fact]
    public void Between_Percentage_GivesPercentagePointsAndRelative()
    {
        // 70.5% → 73.36%: +2.86 points; relative 2.86 / 70.5 × 100 = 4.056738%.
        ValueChange c = ValueChange.Between(Indicator(), Obs("2022", 70.5), Obs("2024", 73.36));
        c.Absolute.Should().BeApproximately(2.86, 1e-12);
        c.PercentagePoints.Should().BeApproximately(2.86, 1e-12);
        c.RelativePercent.Should().BeApproximately(4.056738, 1e-6);
        c.Direction.Should().Be(ChangeDirection.Improved);
        c.IsQualified.Should().BeFalse();
        c.Describe().Should().Be("+2.86 percentage points");
    }

    [Fact]
    public void Between_IndexScoreInPercent_GivesPercentagePoints()
    {
        // SIPAS (Điện Biên): 80.10% in 2023 → 82.96% in 2024 (seed 004): +2.86 points, published as a percentage.
        IndicatorDefinition sipas = Indicator(measure: MeasureKind.IndexScore, unit: "%");
        ValueChange c = ValueChange.Between(sipas, Obs("2023", 80.10), Obs("2024", 82.96));
        c.PercentagePoints.Should().BeApproximately(2.86, 1e-12);
        c.Describe().Should().Be("+2.86 percentage points");
    }

    [Fact]
    public void Describe_RoundsOnceFromTheExactDifference()
    {
        // 0 → 0.0055: the double 0.0055 is 0.00549999999999999968…, so three decimals show 0.005. Math.Round(x, 3,
        // AwayFromZero) scales by 1000 first (5.5 after rounding) and gave 0.006.
        ValueChange c = ValueChange.Between(Indicator(measure: MeasureKind.Count, unit: "t"), Obs("2023", 0), Obs("2024", 0.0055));
        c.Describe(3).Should().Be("+0.005 t");
    }

    [Fact]
    public void Between_Rank_DescribesPlaces()
    {
        // SIPAS rank 49 → 40: nine places up (1 is best); 40 → 41: one place down.
        IndicatorDefinition rank = Indicator(measure: MeasureKind.Rank, polarity: Polarity.LowerIsBetter, unit: "rank of 63");
        ValueChange.Between(rank, Obs("2023", 49), Obs("2024", 40)).Describe().Should().Be("up 9 places");
        ValueChange.Between(rank, Obs("2023", 40), Obs("2024", 41)).Describe().Should().Be("down 1 place");
    }

    [Fact]
    public void PeriodChange_ValueAndRank_DescribesBoth()
    {
        var change = new PeriodChange(
            ValueChange.Between(Indicator(), Obs("2022", 70.5), Obs("2024", 73.36)),
            RankChange.Between(RankPosition.From(49, 63), RankPosition.From(40, 63)));
        change.Describe().Should().Be("+2.86 percentage points, up 9 places");
    }

    [Fact]
    public void Between_CountLowerIsBetter_FallIsImprovement()
    {
        // 12 → 9 incidents: −3, relative −25%; lower is better → improved; no percentage points for counts.
        IndicatorDefinition incidents = Indicator(measure: MeasureKind.Count, polarity: Polarity.LowerIsBetter, unit: "incidents");
        ValueChange c = ValueChange.Between(incidents, Obs("2023", 12), Obs("2024", 9));
        c.Absolute.Should().Be(-3);
        c.PercentagePoints.Should().BeNull();
        c.RelativePercent.Should().Be(-25);
        c.Direction.Should().Be(ChangeDirection.Improved);
        c.Describe().Should().Be("-3 incidents");
    }

    [Fact]
    public void Between_HigherIsBetterFall_IsWorsened()
    {
        ValueChange c = ValueChange.Between(Indicator(), Obs("2023", 60), Obs("2024", 59));
        c.Direction.Should().Be(ChangeDirection.Worsened);
        c.Describe().Should().Be("-1 percentage point");
    }

    [Fact]
    public void Between_Equal_IsUnchanged()
    {
        ValueChange c = ValueChange.Between(Indicator(), Obs("2023", 60), Obs("2024", 60));
        c.Direction.Should().Be(ChangeDirection.Unchanged);
        c.Describe().Should().Be("no change");
    }

    [Fact]
    public void Between_FromZero_HasNoRelativeChange()
    {
        ValueChange c = ValueChange.Between(Indicator(measure: MeasureKind.Count, unit: "stations"), Obs("2023", 0), Obs("2024", 120));
        c.RelativePercent.Should().BeNull();
        c.Describe().Should().Be("+120 stations");
    }

    // Direction with bounds: x_from and x_to range over their intervals; decided only if every difference has one sign.
    [Theory]
    [InlineData(90, Qualifier.LowerBound, 95, Qualifier.Exact, ChangeDirection.Undetermined)] // from > 90: could be 97 > 95
    [InlineData(90, Qualifier.LowerBound, 90, Qualifier.Exact, ChangeDirection.Worsened)]     // from > 90 = to: fell
    [InlineData(80, Qualifier.Exact, 85, Qualifier.LowerBound, ChangeDirection.Improved)]     // to > 85 > 80: rose
    [InlineData(80, Qualifier.Exact, 80, Qualifier.LowerBound, ChangeDirection.Improved)]     // to > 80 = from: rose
    [InlineData(90, Qualifier.LowerBound, 95, Qualifier.LowerBound, ChangeDirection.Undetermined)]
    [InlineData(50, Qualifier.UpperBound, 60, Qualifier.Exact, ChangeDirection.Improved)]     // from < 50 < 60
    [InlineData(50, Qualifier.Exact, 60, Qualifier.UpperBound, ChangeDirection.Undetermined)] // to < 60 may be 40
    [InlineData(50, Qualifier.Estimate, 60, Qualifier.Estimate, ChangeDirection.Improved)]    // estimates as exact
    public void Direction_Qualified_FollowsIntervals(double from, Qualifier fq, double to, Qualifier tq, ChangeDirection expected)
    {
        ValueChange c = ValueChange.Between(Indicator(), Obs("2023", from, fq), Obs("2024", to, tq));
        c.Direction.Should().Be(expected);
        c.IsQualified.Should().BeTrue();
    }

    [Fact]
    public void Describe_Qualified_SaysSo()
    {
        ValueChange.Between(Indicator(), Obs("2023", 80), Obs("2024", 85, Qualifier.LowerBound)).Describe().Should().Be("+5 percentage points (bound)");
        ValueChange.Between(Indicator(), Obs("2023", 80, Qualifier.Estimate), Obs("2024", 85)).Describe().Should().Be("+5 percentage points (estimate)");
    }

    [Fact]
    public void Between_MismatchedObservations_ThrowsListingProblems()
    {
        Action act = () => ValueChange.Between(Indicator(), Obs("2024", 1, unit: "12"), Obs("2023", 2));
        act.Should().Throw<ArgumentException>().WithMessage("*different units ('12' and '11')*must end after*");
    }
}
