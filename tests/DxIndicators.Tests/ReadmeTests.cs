using DxIndicators.Catalog;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Scoring;
using DxIndicators.Targets;
using NodaTime;

namespace DxIndicators.Tests;

/// <summary>Keeps the README's quick start true: the same code, the same printed numbers.</summary>
public class ReadmeTests
{
    [Fact]
    public void QuickStart_ScoresAndTargets_AsTheReadmeSays()
    {
        Framework dti = FrameworkCatalog.Get("vn-dti-province-2022");
        var matrix = new IndicatorMatrix(
            units: ["48", "79"],
            indicators: dti.Indicators.Select(i => i.Code),
            columnMajorValues: [1.0000, 0.8917, 0.9000, 0.9000, 0.8253, 0.8258, 0.8487, 0.6267, 0.7578, 0.5580,
                                0, 0, 0.8575, 0.8406, 0.7836, 0.7611, 0.5197, 0.3590]);
        ScoreTable scores = ScoringPlan.Compile(dti).Score(matrix);
        scores.GetScore("48", "DTI").Should().BeApproximately(0.800175, 1e-12);
        scores.GetRank("79", "DTI").Should().Be(new UnitRank(2, 2));

        Dataset sample = FrameworkCatalog.GetDataset("dien-bien-sample");
        TargetRule signatures = FrameworkCatalog.GetTargets("vn-national-dx-targets").Targets.First(t => t.Code == "T57-ESIGN-OFFICIALS-2025");
        Framework db = FrameworkCatalog.Get("dien-bien-sample");
        TargetEvaluation e = TargetEvaluator.Default.Evaluate(signatures, db.GetIndicator(signatures.Indicator), "11", sample.Series("11", signatures.Indicator), new LocalDate(2025, 7, 1));
        e.Status.Should().Be(TargetStatus.Achieved);
        e.DaysAheadOfDeadline.Should().Be(96);

        ScoreTable y2025 = ScoringPlan.Compile(db).Score(sample.CrossSection(db, ReportingPeriod.FromYear(2025)));
        // The infrastructure pillar's four weighted indicators with a 2025 figure in the sample (4G at commune centres
        // 100 %, 4G residential 97 %, fibre at commune centres 100 %, fibre to villages 88.5 %; sources in the sample).
        y2025.GetScore("11", "DB-INF").Should().Be((1.0 + 0.97 + 1.0 + 0.885) / 4);
    }
}
