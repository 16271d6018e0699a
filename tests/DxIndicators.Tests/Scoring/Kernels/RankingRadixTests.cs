using DxIndicators.Scoring;
using DxIndicators.Scoring.Kernels;

namespace DxIndicators.Tests.Scoring.Kernels;

/// <summary><c>Ranking.RankRadix</c> against the comparison-sort <c>Ranking.Rank</c> (the oracle; hand-checked in RankingTests).</summary>
public sealed class RankingRadixTests
{
    [Theory]
    [InlineData(RankMethod.Competition, new[] { 3.0, 1, 1, 4 })]
    [InlineData(RankMethod.Dense, new[] { 2.0, 1, 1, 3 })]
    [InlineData(RankMethod.Fractional, new[] { 3.0, 1.5, 1.5, 4 })]
    public void RankRadix_TiedScores_FollowsTieRule(RankMethod method, double[] expected)
    {
        // Scores 5, 7, 7, 1 (methods.md §2.4: competition ranks 3, 1, 1, 4).
        var ranks = new double[4];
        int universe = Ranking.RankRadix([5, 7, 7, 1], ranks, method, new RadixScratch(4));
        ranks.Should().Equal(expected);
        universe.Should().Be(4);
    }

    [Theory]
    [InlineData(RankMethod.Competition)]
    [InlineData(RankMethod.Dense)]
    [InlineData(RankMethod.Fractional)]
    public void RankRadix_SeededScoresWithSpecialValues_SameAsRank(RankMethod method)
    {
        var random = new Random(42);
        foreach (int n in new[] { 0, 1, 2, 7, 255, 256, 257, 1000, 3321 })
        {
            var scores = new double[n];
            for (int i = 0; i < n; i++)
            {
                // Few distinct values (ties), both zeros, infinities, NaN, negatives and tiny/huge magnitudes.
                scores[i] = (i % 11) switch
                {
                    0 => double.NaN,
                    1 => -0.0,
                    2 => 0.0,
                    3 => Math.Round(random.NextDouble() * 10),
                    4 => double.PositiveInfinity,
                    5 => double.NegativeInfinity,
                    6 => -random.NextDouble() * 1e300,
                    7 => random.NextDouble() * 1e-300,
                    _ => random.NextDouble(),
                };
            }

            random.Shuffle(scores);
            var expected = new double[n];
            var actual = new double[n];
            int u1 = Ranking.Rank(scores, expected, method, ascending: false, new double[n], new int[n]);
            int u2 = Ranking.RankRadix(scores, actual, method, new RadixScratch(n));
            actual.Should().Equal(expected, "n = {0}", n);
            u2.Should().Be(u1);
        }
    }

    [Fact]
    public void RankRadix_ScratchTooSmall_Throws()
    {
        var act = () => Ranking.RankRadix([1.0, 2.0], new double[2], RankMethod.Competition, new RadixScratch(1));
        act.Should().Throw<ArgumentException>();
    }
}
