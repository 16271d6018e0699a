using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Units;

namespace DxIndicators.Tests.Data;

public class RestatementTests
{
    private static readonly ReportingPeriod Y2024 = ReportingPeriod.FromYear(2024);

    private static Observation Obs(string unit, string indicator, double value, ReportingPeriod? period = null) => new(unit, indicator, period ?? Y2024, value);

    [Fact]
    public void ToVietnamProvinces2025_NewDaNang_IsUnweightedMeanOfPredecessors()
    {
        // research/dti.md §1.6 item 6: old Đà Nẵng 0.8335, old Quảng Nam 0.5803 → new Đà Nẵng 0.7069 (published).
        var data = new Dataset([Obs("48", "DTI", 0.8335), Obs("49", "DTI", 0.5803)]);
        RollupResult result = Restatement.ToVietnamProvinces2025(data, TestFrameworks.Dti());

        result.Problems.Should().BeEmpty();
        Observation daNang = result.Dataset.Series("48", "DTI").Should().ContainSingle().Subject;
        daNang.Value.Should().BeApproximately(0.7069, 1e-12);
        Math.Round(daNang.Value, 4).Should().Be(0.7069);
        daNang.Restated.Should().BeTrue();
        result.Details.Should().ContainSingle().Which.Children.Should().Equal("48", "49");
    }

    [Fact]
    public void ToVietnamProvinces2025_DienBien_UnchangedButMarkedRestated()
    {
        var data = new Dataset([Obs("11", "DTI", 0.7)]);
        Observation dienBien = Restatement.ToVietnamProvinces2025(data, TestFrameworks.Dti()).Dataset.Series("11", "DTI").Single();
        dienBien.Value.Should().Be(0.7);
        dienBien.Restated.Should().BeTrue();
    }

    [Fact]
    public void ToVietnamProvinces2025_Counts_AddUnderSuccessorCode()
    {
        // Hồ Chí Minh (79) = 74 + 77 + 79; new Bắc Ninh takes code 24, formerly Bắc Giang, and absorbs old Bắc Ninh (27).
        var data = new Dataset(
        [
            Obs("74", "CNT", 100), Obs("77", "CNT", 50), Obs("79", "CNT", 1000),
            Obs("24", "CNT", 7), Obs("27", "CNT", 8),
        ]);
        RollupResult result = Restatement.ToVietnamProvinces2025(data, TestFrameworks.Kinds());
        result.Problems.Should().BeEmpty();
        result.Dataset.ValueOrNaN("79", "CNT", Y2024).Should().Be(1150);
        result.Dataset.ValueOrNaN("24", "CNT", Y2024).Should().Be(15);
        result.Dataset.Units.Should().Equal("24", "79");
    }

    [Fact]
    public void ToVietnamProvinces2025_RatesFromCounts()
    {
        var data = new Dataset(
        [
            new Observation("48", "RATE", Y2024, 90) { Numerator = 90, Denominator = 100 },
            new Observation("49", "RATE", Y2024, 40) { Numerator = 120, Denominator = 300 },
        ]);
        Observation o = Restatement.ToVietnamProvinces2025(data, TestFrameworks.Kinds()).Dataset.Series("48", "RATE").Single();

        // (90 + 120) / (100 + 300) = 210 / 400 = 52.5 %.
        o.Value.Should().Be(52.5);
        o.Numerator.Should().Be(210);
    }

    [Fact]
    public void ToVietnamProvinces2025_IndexOutsideDti_NeedsWeight()
    {
        var data = new Dataset([Obs("48", "IDX", 0.8), Obs("49", "IDX", 0.6)]);
        RollupResult result = Restatement.ToVietnamProvinces2025(data, TestFrameworks.Kinds());
        result.Problems.Should().ContainSingle().Which.Rule.Should().Be(ProblemRules.RollupNeedsWeight);
        Restatement.RuleFor(TestFrameworks.Kinds()).Should().Be(IndexCombination.NotAllowed);
        Restatement.RuleFor(TestFrameworks.Dti()).Should().Be(IndexCombination.UnweightedMean);
        Restatement.RuleFor(TestFrameworks.Build("vn-dti-lookalike", TestFrameworks.Indicator("DTI", MeasureKind.IndexScore, new NumericRange(0, 1))))
            .Should().Be(IndexCombination.NotAllowed, "the rule is declared by the framework, not read from its id");
        result.Problems.Single().Message.Should().NotContain("RollupOptions").And.Contain("mergerRule").And.StartWith("Cannot restate ");
    }

    [Fact]
    public void BuiltInDtiFrameworks_DeclareTheMergerRuleAndTheProvinces()
    {
        foreach (string id in new[] { "vn-dti-province-2020", "vn-dti-province-2022" })
        {
            Framework f = DxIndicators.Catalog.FrameworkCatalog.Get(id);
            f.Metadata.MergerRule.Should().Be(IndexCombination.UnweightedMean, id);
            f.Metadata.UnitRegistry.Should().Be(FrameworkMetadata.VietnamProvincesRegistry, id);
        }

        DxIndicators.Catalog.FrameworkCatalog.Get("dien-bien-sample").Metadata.MergerRule.Should().Be(IndexCombination.NotAllowed);
    }

    [Fact]
    public void RestateBuiltInDti_PublishedOverallDti_IsAccepted()
    {
        // Published 2024 DTI 48 0.8335, 49 0.5803 → new Đà Nẵng 0.7069 (research/dti.md §1.6 item 6). "DTI" is the
        // framework's root node, not an indicator: node scores are read and restated as index scores.
        Framework dti = DxIndicators.Catalog.FrameworkCatalog.Get("vn-dti-province-2022");
        ReadResult<Dataset> read = ObservationCsv.Read(new StringReader("unit,indicator,period,value\n48,DTI,2024,0.8335\n49,DTI,2024,0.5803\n48,DTI,2023,1.5\n"), "d.csv", new ReadOptions { Framework = dti });
        read.Problems.Should().ContainSingle().Which.Rule.Should().Be(ProblemRules.OutOfRange, "a node score lies on the framework's output scale");

        var data = new Dataset(ObservationCsv.Read(new StringReader("unit,indicator,period,value\n48,DTI,2024,0.8335\n49,DTI,2024,0.5803\n"), "d.csv", new ReadOptions { Framework = dti }).GetValueOrThrow().Observations);
        Restatement.ToVietnamProvinces2025(data, dti).Dataset.Series("48", "DTI").Single().Value.Should().BeApproximately(0.7069, 1e-12);
    }

    [Fact]
    public void ToVietnamProvinces2025_MissingPredecessor_Reported()
    {
        RollupResult result = Restatement.ToVietnamProvinces2025(new Dataset([Obs("48", "DTI", 0.8335)]), TestFrameworks.Dti());
        result.Dataset.Count.Should().Be(0);
        result.Problems.Should().ContainSingle().Which.Message.Should().Contain("49");
    }

    [Fact]
    public void ToVietnamProvinces2025_PostMergerData_PassesThroughUnrestated()
    {
        ReportingPeriod q4 = ReportingPeriod.FromQuarter(2025, 4);
        var data = new Dataset([Obs("48", "DTI", 0.8335), Obs("49", "DTI", 0.5803), Obs("48", "DTI", 0.75, q4)]);
        RollupResult result = Restatement.ToVietnamProvinces2025(data, TestFrameworks.Dti());
        IReadOnlyList<Observation> series = result.Dataset.Series("48", "DTI");
        series.Select(o => o.Restated).Should().Equal(true, false);
        series[1].Value.Should().Be(0.75);
    }

    [Fact]
    public void ToUnitsOn_UnknownCode_Reported()
    {
        RollupResult result = Restatement.ToUnitsOn(new Dataset([Obs("00", "DTI", 0.5)]), TestFrameworks.Dti(), BuiltIn.VietnamProvinces, Restatement.VietnamMerger2025);
        result.Problems.Should().ContainSingle().Which.Rule.Should().Be(ProblemRules.UnknownUnit);
    }
}
