using DxIndicators.Model;
using DxIndicators.Scoring;
using static DxIndicators.Tests.TestFrameworks;

namespace DxIndicators.Tests.Scoring;

/// <summary>Ranks with ties (hand-computed; COINr/DTI competition rule from methods.md §2.4) and group ranks.</summary>
public sealed class RankingTests
{
    private static ScoreTable Score(double[] scores, RankMethod method, string? group = null, string?[]? labels = null)
    {
        ScoringOptions o = ScoringOptions.Default.WithNormaliser(Normaliser.None).WithRanking(method, RankScope.AllNodes, group);
        var groups = labels is null ? null : new Dictionary<string, IReadOnlyList<string?>> { [group!] = labels };
        return ScoringPlan.Compile(Flat(Ind("X")), o).Score(Matrix(TestFrameworks.Units(scores.Length), ("X", scores)), groups);
    }

    [Theory]
    [InlineData(RankMethod.Competition, new[] { 3.0, 1, 1, 4 })]
    [InlineData(RankMethod.Dense, new[] { 2.0, 1, 1, 3 })]
    [InlineData(RankMethod.Fractional, new[] { 3.0, 1.5, 1.5, 4 })]
    public void Rank_TiedScores_FollowsTieRule(RankMethod method, double[] expected)
    {
        // Scores 5, 7, 7, 1 (methods.md §2.4: competition ranks 3, 1, 1, 4).
        ScoreTable t = Score([5, 7, 7, 1], method);
        t.Ranks("I").ToArray().Should().Equal(expected);
        t.UniverseSize("I").Should().Be(4);
    }

    [Fact]
    public void Rank_MissingScore_IsUnrankedAndOutsideUniverse()
    {
        ScoreTable t = Score([5, double.NaN, 9], RankMethod.Competition);
        t.GetRank("U00", "I").Should().Be(new UnitRank(2, 2));
        t.GetRank("U01", "I").IsRanked.Should().BeFalse();
        t.GetRank("U02", "I").Rank.Should().Be(1);
    }

    [Fact]
    public void GroupRank_RanksWithinEachGroupWithItsUniverse()
    {
        ScoreTable t = Score([5, 7, 9, 1, 3], RankMethod.Competition, "region", ["N", "S", "N", "S", null]);
        t.GetGroupRank("U00", "I").Should().Be(new UnitRank(2, 2));
        t.GetGroupRank("U02", "I").Should().Be(new UnitRank(1, 2));
        t.GetGroupRank("U01", "I").Should().Be(new UnitRank(1, 2));
        t.GetGroupRank("U03", "I").Should().Be(new UnitRank(2, 2));
        t.GetGroupRank("U04", "I").IsRanked.Should().BeFalse("a unit without a group gets no group rank");
        t.GetRank("U04", "I").Should().Be(new UnitRank(4, 5));
    }

    [Fact]
    public void RootOnlyScope_LeavesOtherNodesUnranked()
    {
        Framework f = Build("I", [Node("I", NodeKind.Index, ("P", 1)), Node("P", NodeKind.Pillar, ("X", 1))], [Ind("X")]);
        ScoreTable t = ScoringPlan.Compile(f, ScoringOptions.Default.WithRanking(RankMethod.Competition, RankScope.RootOnly)).Score(Matrix(["A", "B"], ("X", [1, 2])));
        t.GetRank("B", "I").Rank.Should().Be(1);
        t.GetRank("B", "P").IsRanked.Should().BeFalse();
    }
}
