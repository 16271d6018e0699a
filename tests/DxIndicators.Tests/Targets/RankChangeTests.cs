using DxIndicators.Targets;

namespace DxIndicators.Tests.Targets;

public class RankChangeTests
{
    [Fact]
    public void Between_SameUniverse_CountsPlacesUp()
    {
        RankChange change = RankChange.Between(RankPosition.From(49, 63), RankPosition.From(40, 63));
        change.PlacesUp.Should().Be(9); // 49 − 40
        change.Direction.Should().Be(ChangeDirection.Improved);
        change.DifferentUniverses.Should().BeFalse();
        change.Describe().Should().Be("40th of 63, up 9 places");
    }

    [Fact]
    public void Between_FellOnePlace_DescribesSingular()
    {
        RankChange change = RankChange.Between(RankPosition.From(5, 63), RankPosition.From(6, 63));
        change.PlacesUp.Should().Be(-1);
        change.Direction.Should().Be(ChangeDirection.Worsened);
        change.Describe().Should().Be("6th of 63, down 1 place");
    }

    [Fact]
    public void Between_SameRank_IsUnchanged()
    {
        RankChange change = RankChange.Between(RankPosition.From(21, 63), RankPosition.From(21, 63));
        change.Direction.Should().Be(ChangeDirection.Unchanged);
        change.Describe().Should().Be("21st of 63, unchanged");
    }

    [Fact]
    public void Between_DifferentUniverses_ThrowsExplainingWhy()
    {
        // Rank 35 of 63 (2022) against 6 of 34 (2024, after the merger).
        Action act = () => RankChange.Between(RankPosition.From(35, 63), RankPosition.From(6, 34));
        act.Should().Throw<ArgumentException>()
            .WithMessage("*35 of 63*6 of 34*different numbers of units (63 vs 34)*allowDifferentUniverses*");
    }

    [Fact]
    public void TryBetween_DifferentUniverses_ReturnsFalseWithError()
    {
        bool ok = RankChange.TryBetween(RankPosition.From(35, 63), RankPosition.From(6, 34), false, out RankChange? change, out string? error);
        ok.Should().BeFalse();
        change.Should().BeNull();
        error.Should().Contain("63 vs 34");
    }

    [Fact]
    public void Between_DifferentUniversesAllowed_IsFlagged()
    {
        RankChange change = RankChange.Between(RankPosition.From(35, 63), RankPosition.From(6, 34), allowDifferentUniverses: true);
        change.PlacesUp.Should().Be(29); // 35 − 6
        change.DifferentUniverses.Should().BeTrue();
        change.Describe().Should().Be("6th of 34, up 29 places (different universes)");
    }

    [Fact]
    public void Between_DefaultPosition_Throws()
    {
        Action act = () => RankChange.Between(default, RankPosition.From(1, 63));
        act.Should().Throw<ArgumentException>().WithMessage("*uninitialised*");
    }

    [Theory]
    [InlineData(0, 63)]
    [InlineData(64, 63)]
    [InlineData(1, 0)]
    public void From_OutOfRange_Throws(int rank, int size)
    {
        Action act = () => RankPosition.From(rank, size);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData(1, "1st")]
    [InlineData(2, "2nd")]
    [InlineData(3, "3rd")]
    [InlineData(4, "4th")]
    [InlineData(11, "11th")]
    [InlineData(12, "12th")]
    [InlineData(13, "13th")]
    [InlineData(21, "21st")]
    [InlineData(22, "22nd")]
    [InlineData(23, "23rd")]
    [InlineData(101, "101st")]
    [InlineData(111, "111th")]
    [InlineData(112, "112th")]
    public void Ordinal_Number_UsesEnglishSuffix(int n, string expected)
    {
        RankPosition.Ordinal(n).Should().Be(expected);
    }

    [Fact]
    public void Equality_SameRankAndUniverse_AreEqual()
    {
        RankPosition a = RankPosition.From(3, 34);
        (a == RankPosition.From(3, 34)).Should().BeTrue();
        (a != RankPosition.From(3, 63)).Should().BeTrue();
        a.GetHashCode().Should().Be(RankPosition.From(3, 34).GetHashCode());
        a.ToString().Should().Be("3rd of 34");
    }
}
