using DxIndicators.Catalog;
using DxIndicators.Model;
using DxIndicators.Serialization;

namespace DxIndicators.Tests.Catalog;

public sealed class FrameworkCatalogTests
{
    private const string Dti2022 = "vn-dti-province-2022";
    private const string Dti2020 = "vn-dti-province-2020";

    public static TheoryData<string> BuiltInIds => [.. FrameworkCatalog.Ids];

    [Fact]
    public void Ids_ListsTheDtiFrameworksSorted()
    {
        FrameworkCatalog.Ids.Should().Contain([Dti2020, Dti2022]).And.BeInAscendingOrder(StringComparer.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BuiltInIds))]
    public void Get_EveryBuiltIn_LoadsWithItsOwnIdAndIsCached(string id)
    {
        Framework framework = FrameworkCatalog.Get(id);

        framework.Id.Should().Be(id, "the resource file name is the framework id");
        FrameworkCatalog.Get(id).Should().BeSameAs(framework);
        FrameworkCatalog.TryGet(id, out Framework? again).Should().BeTrue();
        again.Should().BeSameAs(framework);
    }

    [Theory]
    [InlineData(Dti2020)]
    [InlineData(Dti2022)]
    public void OpenJson_DtiFramework_IsInCanonicalWrittenForm(string id)
    {
        using var reader = new StreamReader(FrameworkCatalog.OpenJson(id));

        reader.ReadToEnd().Should().Be(FrameworkJson.Write(FrameworkCatalog.Get(id)));
    }

    [Fact]
    public void Get_UnknownId_ThrowsListingKnownIds()
    {
        var act = () => FrameworkCatalog.Get("vn-dti-province-1999");

        act.Should().Throw<KeyNotFoundException>()
            .WithMessage("*'vn-dti-province-1999'*")
            .Where(e => e.Message.Contains(Dti2020) && e.Message.Contains(Dti2022));
        FrameworkCatalog.TryGet("vn-dti-province-1999", out Framework? none).Should().BeFalse();
        none.Should().BeNull();
    }

    [Fact]
    public void GetTargets_UnknownId_ThrowsListingKnownIds()
    {
        var act = () => FrameworkCatalog.GetTargets("no-such-targets");

        act.Should().Throw<KeyNotFoundException>().WithMessage("*'no-such-targets'*Known ids:*");
    }

    [Fact]
    public void GetTargets_EveryBuiltIn_LoadsWithItsOwnIdAndRoundTrips()
    {
        foreach (string id in FrameworkCatalog.TargetIds)
        {
            TargetCatalog catalog = FrameworkCatalog.GetTargets(id);

            catalog.Id.Should().Be(id);
            string json = TargetCatalogJson.Write(catalog);
            TargetCatalogJson.Read(json, id).GetValueOrThrow().Should().Be(catalog);
        }
    }

    [Fact]
    public void Dti2022_Structure_MatchesDecision922()
    {
        // dti.md §1.2: 9 main indices, 5 foundation × 100, smart city 0, activities 200/150/150 = 1000 points.
        Framework framework = FrameworkCatalog.Get(Dti2022);
        FrameworkNode root = framework.GetNode(framework.Root);

        root.Aggregation.Should().Be(AggregationMethod.PointsRatio);
        root.MaxPoints.Should().Be(1000);
        root.Children.Select(l => (l.Code, l.MaxPoints)).Should().Equal(
            ("AWR", 100), ("INS", 100), ("INF", 100), ("HRD", 100), ("SEC", 100), ("SMC", 0), ("GOV", 200), ("ECO", 150), ("SOC", 150));
        framework.Indicators.Should().OnlyContain(i => i.Measure == MeasureKind.IndexScore && i.ValidRange == new NumericRange(0, 1));
        framework.Metadata.Scale.Should().Be(new OutputScale(0, 1));
    }

    [Theory]
    [InlineData("CQS", Pillar.DigitalGovernment, 700, "GOV")]
    [InlineData("KTS", Pillar.DigitalEconomy, 650, "ECO")]
    [InlineData("XHS", Pillar.DigitalSociety, 650, "SOC")]
    public void Dti2022_Pillars_AreFoundationPlusOwnActivity(string code, Pillar pillar, double maxPoints, string activity)
    {
        // dti.md §1.2 (CQS stated, KTS/XHS inferred): the six foundation indices (incl. smart city) + the pillar's activity index.
        FrameworkNode node = FrameworkCatalog.Get(Dti2022).GetNode(code);

        node.Kind.Should().Be(NodeKind.Pillar);
        node.Pillar.Should().Be(pillar);
        node.MaxPoints.Should().Be(maxPoints);
        node.Children.Select(l => l.Code).Should().Equal("AWR", "INS", "INF", "HRD", "SEC", "SMC", activity);
    }

    [Fact]
    public void Dti2022_DaNang2022_ReproducesPublishedDti()
    {
        // Main-index values of TP. Đà Nẵng 2022 and its published DTI 0.8002: dti.md §1.6 (source dti.gov.vn/xep-hang-2022).
        // Smart city has no published value and 0 points, so it is taken as 0.
        // By hand: 100·(1 + 0.9 + 0.8253 + 0.8487 + 0.7578) + 0·0 + 200·0.8575 + 150·0.7836 + 150·0.5197
        //        = 433.18 + 171.5 + 117.54 + 77.955 = 800.175 points → 0.800175.
        var values = new Dictionary<string, double>
        {
            ["AWR"] = 1.0000, ["INS"] = 0.9000, ["INF"] = 0.8253, ["HRD"] = 0.8487, ["SEC"] = 0.7578,
            ["SMC"] = 0, ["GOV"] = 0.8575, ["ECO"] = 0.7836, ["SOC"] = 0.5197,
        };
        Framework framework = FrameworkCatalog.Get(Dti2022);
        FrameworkNode root = framework.GetNode(framework.Root);

        double points = root.Children.Sum(l => l.MaxPoints!.Value * values[l.Code]);
        double dti = points / root.MaxPoints!.Value;

        dti.Should().BeApproximately(0.8002, 1e-4);
        points.Should().BeApproximately(800.175, 1e-9);
    }

    [Fact]
    public void Dti2022_IndicatorPointsRules_AgreeWithRootLinks()
    {
        // Each main index earns maxPoints · v (ratio rule, full at v = 1), the same points the root link gives it.
        Framework framework = FrameworkCatalog.Get(Dti2022);
        foreach (NodeLink link in framework.GetNode("DTI").Children)
        {
            framework.TryGetIndicator(link.Code, out IndicatorDefinition? indicator).Should().BeTrue();
            indicator!.Points.Should().Be(new RatioPointsRule(link.MaxPoints!.Value, 1));
            indicator.Points!.Evaluate(0.5, Polarity.HigherIsBetter).Should().Be(link.MaxPoints!.Value / 2);
        }
    }

    [Fact]
    public void Dti2020_BacNinh2020_ReproducesPublishedDti()
    {
        // Bắc Ninh 2020 pillar values 0.4449 / 0.3668 / 0.4052 and published DTI 0.4096: dti.md §1.4.
        // By hand: 0.4·0.4449 + 0.3·0.3668 + 0.3·0.4052 = 0.17796 + 0.11004 + 0.12156 = 0.40956 (weights add up to 1).
        var values = new Dictionary<string, double> { ["CQS"] = 0.4449, ["KTS"] = 0.3668, ["XHS"] = 0.4052 };
        Framework framework = FrameworkCatalog.Get(Dti2020);
        FrameworkNode root = framework.GetNode(framework.Root);

        root.Aggregation.Should().Be(AggregationMethod.ArithmeticMean);
        double dti = root.Children.Sum(l => l.Weight * values[l.Code]) / root.Children.Sum(l => l.Weight);

        dti.Should().BeApproximately(0.4096, 1e-4);
        root.Children.Select(l => (l.Code, l.Weight)).Should().Equal(("CQS", 0.4), ("KTS", 0.3), ("XHS", 0.3));
    }
}
