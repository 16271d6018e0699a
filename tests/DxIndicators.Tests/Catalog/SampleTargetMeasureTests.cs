using DxIndicators.Catalog;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Targets;
using NodaTime;

namespace DxIndicators.Tests.Catalog;

/// <summary>A target is evaluated only on its own measure: the sample's data for a neighbouring measure do not count.</summary>
public class SampleTargetMeasureTests
{
    private static readonly Framework Sample = FrameworkCatalog.Get("dien-bien-sample");
    private static readonly Dataset Data = FrameworkCatalog.GetDataset("dien-bien-sample");
    private static readonly TargetCatalog National = FrameworkCatalog.GetTargets("vn-national-dx-targets");
    private static readonly LocalDate AsOf = new(2026, 1, 1);

    private static TargetEvaluation Evaluate(string code)
    {
        TargetRule target = Sample.Targets.Single(t => t.Code == code);
        return TargetEvaluator.Default.Evaluate(target, Sample.GetIndicator(target.Indicator), "11", Data.Series("11", target.Indicator), AsOf);
    }

    [Theory]
    // Decision 942/QĐ-TTg: dossiers processed fully online (the project's collected citation of the decision); the articles give only dossiers processed
    // online (75 % in 2024, > 78 % in 2025), a wider measure.
    [InlineData("T942-ONLINE-PROC-2025", "GOV-FULL-ONLINE-PROC")]
    // Decision 411/QĐ-TTg: people with an electronic health record (hồ sơ sức khỏe điện tử); article 004's 39.9 % is the
    // share with a VNeID e-health book (sổ sức khỏe điện tử).
    [InlineData("T411-EHR-2025", "SOC-HEALTH-RECORD-SHARE")]
    [InlineData("T411-EHR-2030", "SOC-HEALTH-RECORD-SHARE")]
    public void Target_BindsToItsOwnMeasure_AndShowsNoData(string code, string indicator)
    {
        Sample.Targets.Single(t => t.Code == code).Indicator.Should().Be(indicator);
        National.Targets.Single(t => t.Code == code).Indicator.Should().Be(indicator);
        Data.Series("11", indicator).Should().BeEmpty();
        Evaluate(code).Status.Should().Be(TargetStatus.NoData);
    }

    [Fact]
    public void DossiersProcessedOnline_AreJudgedAgainstDecision126_StillUndecided()
    {
        // Decision 126/QĐ-BCĐCP: 80 % of dossiers processed online by the end of 2025; article 002: "over 78%" — a lower
        // bound below the threshold cannot decide.
        Sample.Targets.Where(t => t.Indicator == "GOV-ONLINE-PROC").Select(t => t.Code).Should().Equal("T126-ONLINE-PROC-2025");
        Evaluate("T126-ONLINE-PROC-2025").Status.Should().Be(TargetStatus.Indeterminate);
        Sample.Targets.Should().NotContain(t => t.Indicator == "SOC-EHR-SHARE");
        Sample.GetIndicator("SOC-EHR-SHARE").Name.En.Should().Contain("VNeID");
    }
}
