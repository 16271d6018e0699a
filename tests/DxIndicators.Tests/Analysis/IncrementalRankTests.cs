using DxIndicators.Scoring;
using DxIndicators.Scoring.Kernels;

namespace DxIndicators.Tests.Analysis;

/// <summary>The insertion-sort rank used by uncertainty samples equals the comparison-sort rank, whatever the starting order.</summary>
public sealed class IncrementalRankTests
{
    [Theory]
    [InlineData(RankMethod.Competition)]
    [InlineData(RankMethod.Dense)]
    [InlineData(RankMethod.Fractional)]
    public void RankIncremental_EqualsRank_OnRandomTiedMissingAndSignedZeroData(RankMethod method)
    {
        var random = new Random(17);
        foreach (int n in new[] { 0, 1, 2, 7, 51, 200 })
        {
            var order = Enumerable.Range(0, n).OrderBy(_ => random.Next()).ToArray();
            for (int round = 0; round < 30; round++)
            {
                double[] scores = Enumerable.Range(0, n).Select(_ => random.Next(8) switch
                {
                    0 => double.NaN,
                    1 => 0.0,
                    2 => -0.0,
                    3 => Math.Round(random.NextDouble() * 4),
                    4 => double.PositiveInfinity,
                    _ => random.NextDouble(),
                }).ToArray();
                var expected = new double[n];
                var actual = new double[n];
                int u1 = Ranking.Rank(scores, expected, method, ascending: false, new double[n], new int[n]);
                int u2 = Ranking.RankIncremental(scores, actual, method, order, new double[n]);

                u2.Should().Be(u1);
                actual.Should().Equal(expected, (a, b) => a.Equals(b), "n = {0}, round {1}", n, round);
                order.Order().Should().Equal(Enumerable.Range(0, n), "the order stays a permutation");
            }
        }
    }
}
