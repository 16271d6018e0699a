using DxIndicators.Catalog;
using DxIndicators.Model;

namespace DxIndicators.Tests.Catalog;

/// <summary>
/// The built-in vn-dti-province-2025 framework (Decision 405/QĐ-BKHCN) and the 2025+ target catalogues.
/// Structure: sggp.org.vn and vietnamnet.vn (2025-10-21: 8 main indices, 47 components, foundation + activity groups);
/// 2024 provincial means: dantri.com.vn (2025-10-21: DTI 0.6961, pillars 0.7582 / 0.7723 / 0.7692).
/// </summary>
public sealed class Dti2025CatalogTests
{
    private const string Dti2025 = "vn-dti-province-2025";

    [Fact]
    public void Dti2025_HasTheEightMainIndicesAnd47Components()
    {
        Framework dti = FrameworkCatalog.Get(Dti2025);

        dti.Metadata.ComponentCount.Should().Be(47);
        dti.Metadata.MethodologySource.Should().Be("Decision 405/QĐ-BKHCN (2025-04-03)");
        dti.GetNode("DTI").Children.Select(c => c.Code).Should().Equal("AWR", "INS", "INF", "HRD", "SEC", "GOV", "ECO", "SOC");
        dti.Indicators.Where(i => i.Foundation is not null).Select(i => i.Code).Should().Equal("AWR", "INS", "INF", "HRD", "SEC");
        dti.Indicators.Should().NotContain(i => i.Code == "SMC", "the smart-city index of Decision 922 is gone");
        FrameworkCatalog.Get("vn-dti-province-2022").Metadata.EffectiveTo.Should().Be(dti.Metadata.EffectiveFrom.PlusDays(-1));
    }

    [Fact]
    public void Dti2025_EveryUnpublishedPartIsMarkedProvisional_AndListedAsAWarning()
    {
        Framework dti = FrameworkCatalog.Get(Dti2025);

        dti.Nodes.Should().OnlyContain(n => n.Status == DefinitionStatus.Provisional && !string.IsNullOrWhiteSpace(n.StatusNote), "the points and pillar formula are not public");
        dti.Indicators.Should().OnlyContain(i => i.Status == DefinitionStatus.Provisional, "each main index's points are not public");
        dti.Warnings.Count(w => w.Rule == "provisional").Should().Be(dti.Nodes.Count + dti.Indicators.Count);
        FrameworkCatalog.Get("vn-dti-province-2022").Warnings.Should().NotContain(w => w.Rule == "provisional");
    }

    [Fact]
    public void Dti2025_ProvisionalPoints_AreConsistentWithThePublished2024Means()
    {
        // Means are linear in main-index values, so the four published 2024 means (DTI and three pillars) determine the mean
        // foundation points F and the mean activity values g, e, s under the framework's points. The note on the DTI node
        // claims they all fall inside [0, 1]; a different point split could break that.
        Framework dti = FrameworkCatalog.Get(Dti2025);
        PublishedDtiResult mean = PublishedDti.ProvincialMeans(2024).Single();
        double Points(string node, string child) => dti.GetNode(node).Children.Single(c => c.Code == child).MaxPoints!.Value;
        double foundationMax = new[] { "AWR", "INS", "INF", "HRD", "SEC" }.Sum(c => Points("DTI", c));
        double cqs = mean.Government!.Value * dti.GetNode("CQS").MaxPoints!.Value;
        double kts = mean.Economy!.Value * dti.GetNode("KTS").MaxPoints!.Value;
        double xhs = mean.Society!.Value * dti.GetNode("XHS").MaxPoints!.Value;
        double all = mean.Overall!.Value * dti.GetNode("DTI").MaxPoints!.Value;

        double foundation = (cqs + kts + xhs - all) / 2;
        double[] values = [foundation / foundationMax, (cqs - foundation) / Points("DTI", "GOV"), (kts - foundation) / Points("DTI", "ECO"), (xhs - foundation) / Points("DTI", "SOC")];

        values.Should().OnlyContain(v => v >= 0 && v <= 1);
        values[0].Should().BeApproximately(0.8366, 1e-4, "the figure the DTI node's note quotes");
    }

    [Fact]
    public void TargetCatalogues_HoldResolution71AndDienBienTargetsAhead_EachWithAPublicReference()
    {
        TargetCatalog national = FrameworkCatalog.GetTargets("vn-national-dx-targets");
        TargetCatalog dienBien = FrameworkCatalog.GetTargets("vn-dien-bien-dx-targets");

        national.Targets.Where(t => t.LegalSource.Contains("71/NQ-CP", StringComparison.Ordinal)).Should().HaveCountGreaterThanOrEqualTo(4);
        national.Unit.Should().BeNull();
        dienBien.Unit.Should().Be("11");
        dienBien.Targets.Where(t => t.Deadline.Year > 2026).Select(t => t.Code).Should().Contain(["DB-DE-GRDP-2030", "DB-COMMUNES-DX-2030", "DB-ETHNIC-FULL-OPS-2030"]);
        foreach (TargetRule target in dienBien.Targets.Concat(national.Targets.Where(t => t.Code.StartsWith("T71", StringComparison.Ordinal) || t.Code.StartsWith("T126", StringComparison.Ordinal))))
        {
            target.Reference.Should().Contain("https://", "target {0} cites where it is printed", target.Code);
        }

        // Every superseded code names a national target on the same indicator.
        foreach (TargetRule target in dienBien.Targets)
        {
            foreach (string code in target.Supersedes)
            {
                national.Targets.Should().ContainSingle(t => t.Code == code).Which.Indicator.Should().Be(target.Indicator);
            }
        }
    }
}

/// <summary>The commune-level example (Ho Chi Minh City 2025: 8 main indices, 42 components, 100 points; ttbc-hcm.gov.vn).</summary>
public sealed class CommuneFrameworkTests
{
    [Fact]
    public void HcmcCommune2025_HasEightMainIndices42ComponentsAnd100Points_WithEqualSplitMarkedProvisional()
    {
        Framework commune = FrameworkCatalog.Get("vn-hcmc-commune-2025");

        commune.Metadata.ComponentCount.Should().Be(42);
        commune.GetNode("DTI").MaxPoints.Should().Be(100);
        commune.GetNode("DTI").Children.Should().HaveCount(8).And.OnlyContain(c => c.MaxPoints == 12.5);
        commune.GetNode("DTI").Status.Should().Be(DefinitionStatus.Provisional);
        commune.Indicators.Should().OnlyContain(i => i.ReportingLevel == AdminLevel.Commune);

        // Equal split = unweighted mean of the main-index values.
        double[] values = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2];
        var matrix = new DxIndicators.Data.IndicatorMatrix(["ward"], commune.Indicators.Select(i => i.Code), values);
        DxIndicators.Scoring.ScoringPlan.Compile(commune).Score(matrix).GetScore("ward", "DTI").Should().BeApproximately(values.Average(), 1e-12);
    }
}
