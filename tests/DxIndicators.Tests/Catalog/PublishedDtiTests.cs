using DxIndicators.Catalog;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Scoring;

namespace DxIndicators.Tests.Catalog;

/// <summary>
/// Reproduces published DTI values with the built-in frameworks and the scoring engine (not a hand formula).
/// Sources: dti.gov.vn/xep-hang-2022 (2022 main-index values, via shared/research/dti.md §1.6) and
/// en.dangcongsan.vn (Bắc Ninh 2020 pillars, dti.md §1.4).
/// </summary>
public sealed class PublishedDtiTests
{
    // Main-index values: AWR, INS, INF, HRD, SEC, GOV, ECO, SOC; smart city is not published (0 points).
    public static TheoryData<string, double[], double> Rows2022 => new()
    {
        { "48 Đà Nẵng", [1.0000, 0.9000, 0.8253, 0.8487, 0.7578, 0.8575, 0.7836, 0.5197], 0.8002 },
        { "79 Hồ Chí Minh", [0.8917, 0.9000, 0.8258, 0.6267, 0.5580, 0.8406, 0.7611, 0.3590], 0.7163 },
        { "22 Quảng Ninh", [0.9581, 0.9000, 0.7648, 0.6250, 0.5382, 0.8385, 0.5904, 0.4505], 0.7024 },
        { "46 Thừa Thiên Huế", [0.9500, 0.9000, 0.6823, 0.6794, 0.6423, 0.8262, 0.6787, 0.3001], 0.6975 },
        { "92 Cần Thơ", [0.9000, 0.8000, 0.7233, 0.7376, 0.7226, 0.7325, 0.7556, 0.2947], 0.6924 },
    };

    [Theory]
    [MemberData(nameof(Rows2022))]
    public void Dti2022_PublishedRow_ReproducedByScoringPlan(string province, double[] mainIndices, double published)
    {
        Framework dti = FrameworkCatalog.Get("vn-dti-province-2022");
        string[] order = ["AWR", "INS", "INF", "HRD", "SEC", "GOV", "ECO", "SOC"];
        double[] values = dti.Indicators.Select(i => Array.IndexOf(order, i.Code) is int k and >= 0 ? mainIndices[k] : double.NaN).ToArray();
        var matrix = new IndicatorMatrix([province], dti.Indicators.Select(i => i.Code), values);

        ScoreTable table = ScoringPlan.Compile(dti).Score(matrix);

        // Published values are rounded to 4 decimals after aggregation (dti.md §1.6: tolerance ~1e-4).
        table.GetScore(province, "DTI").Should().BeApproximately(published, 1e-4);
    }

    [Fact]
    public void Dti2022_FiveProvinces_RankInPublishedOrder()
    {
        Framework dti = FrameworkCatalog.Get("vn-dti-province-2022");
        string[] order = ["AWR", "INS", "INF", "HRD", "SEC", "GOV", "ECO", "SOC"];
        var rows = Rows2022.Select(r => ((string)r[0], (double[])r[1])).ToArray();
        var values = new List<double>();
        foreach (IndicatorDefinition indicator in dti.Indicators)
        {
            int k = Array.IndexOf(order, indicator.Code);
            values.AddRange(rows.Select(r => k >= 0 ? r.Item2[k] : double.NaN));
        }

        ScoreTable table = ScoringPlan.Compile(dti).Score(new IndicatorMatrix(rows.Select(r => r.Item1), dti.Indicators.Select(i => i.Code), values.ToArray()));

        // dti.gov.vn 2022: Đà Nẵng 1, HCMC 2, Quảng Ninh 3, Huế 4, Cần Thơ 5 — ranks carry their universe (5 here).
        rows.Select(r => table.GetRank(r.Item1, "DTI")).Should().Equal(
            new UnitRank(1, 5), new UnitRank(2, 5), new UnitRank(3, 5), new UnitRank(4, 5), new UnitRank(5, 5));
    }

    [Fact]
    public void Dti2020_BacNinh_ReproducedByScoringPlan()
    {
        // Bắc Ninh 2020: CQS 0.4449, KTS 0.3668, XHS 0.4052 → published DTI 0.4096 (0.4·CQS + 0.3·KTS + 0.3·XHS = 0.40956).
        Framework dti = FrameworkCatalog.Get("vn-dti-province-2020");
        var matrix = new IndicatorMatrix(["27"], ["CQS", "KTS", "XHS"], [0.4449, 0.3668, 0.4052]);

        ScoreTable table = ScoringPlan.Compile(dti).Score(matrix);

        table.GetScore("27", "DTI").Should().BeApproximately(0.4096, 1e-4);
        table.GetScore("27", "DTI").Should().NotBeApproximately((0.4449 + 0.3668 + 0.4052) / 3, 1e-3, "a simple mean (0.4056) is not the 2020 method");
    }

    [Fact]
    public void Dti2022_WeightOverrideOnPointsNode_IsRejectedNotIgnored()
    {
        // DTI and the pillars weigh main indices by max points; a weight override there would silently do nothing.
        Framework dti = FrameworkCatalog.Get("vn-dti-province-2022");
        Action act = () => ScoringPlan.Compile(dti, ScoringOptions.Default.WithWeights([new("AWR", 2.0)]));
        act.Should().Throw<ArgumentException>().WithMessage("*weight set for 'AWR' has no effect in node 'DTI'*points ratio*");

        // With an arithmetic mean the same override is meaningful and accepted.
        ScoringPlan.Compile(dti, ScoringOptions.Default.WithAggregator(Aggregator.ArithmeticMean).WithWeights([new("AWR", 2.0)])).Should().NotBeNull();
    }
}
