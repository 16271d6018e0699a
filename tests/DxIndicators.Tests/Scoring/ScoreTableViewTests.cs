using DxIndicators.Catalog;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Scoring;

namespace DxIndicators.Tests.Scoring;

public class ScoreTableViewTests
{
    // Published 2022 main-index values for Đà Nẵng (48) and HCMC (79) (dti.gov.vn, as in the README); Đà Nẵng's published DTI is 0.8002.
    private static ScoreTable Dti2022()
    {
        Framework dti = FrameworkCatalog.Get("vn-dti-province-2022");
        var matrix = new IndicatorMatrix(["48", "79"], dti.Indicators.Select(i => i.Code),
            [1.0000, 0.8917, 0.9000, 0.9000, 0.8253, 0.8258, 0.8487, 0.6267, 0.7578, 0.5580, 0, 0, 0.8575, 0.8406, 0.7836, 0.7611, 0.5197, 0.3590]);
        return ScoringPlan.Compile(dti).Score(matrix);
    }

    [Fact]
    public void GetScores_ReturnsACopyInUnitOrder()
    {
        ScoreTable t = Dti2022();
        double[] scores = t.GetScores("DTI");
        scores.Should().Equal(t.Scores("DTI").ToArray());
        scores[0] = -1;
        t.GetScore("48", "DTI").Should().NotBe(-1, "the array is a copy");
        t.GetRanks("DTI").Should().Equal(1, 2);
    }

    [Fact]
    public void ToRows_OneRowPerUnitAndNode()
    {
        ScoreTable t = Dti2022();
        IReadOnlyList<ScoreRow> rows = t.ToRows(["DTI", "CQS"]);
        rows.Should().HaveCount(4);
        rows[0].Should().Be(new ScoreRow("48", "DTI", t.GetScore("48", "DTI"), 1, 2));
        rows[3].Should().Be(new ScoreRow("79", "CQS", t.GetScore("79", "CQS"), t.GetRank("79", "CQS").Rank, 2));
        t.ToRows().Should().HaveCount(2 * t.Nodes.Count);
        FluentActions.Invoking(() => t.ToRows(["NOPE"])).Should().Throw<KeyNotFoundException>().WithMessage("*node 'NOPE'*");
    }

    [Fact]
    public void ToString_ShowsRootScoresRoundedOnce()
    {
        string text = Dti2022().ToString();
        text.Should().StartWith("ScoreTable vn-dti-province-2022 ");
        text.Should().Contain("2 units × ").And.Contain("48  DTI = 0.8002  (rank 1 of 2)").And.Contain("79  DTI = ");
    }

    [Fact]
    public void Root_IsTheFrameworkRoot() => Dti2022().Root.Should().Be("DTI");
}
