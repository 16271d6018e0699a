using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Units;

namespace DxIndicators.Tests.Data;

public class AdminRollupTests
{
    private static readonly ReportingPeriod Y2024 = ReportingPeriod.FromYear(2024);
    private static readonly Framework Kinds = TestFrameworks.Kinds();

    // A province P with three communes.
    private static readonly UnitRegistry Tree = new(
    [
        new AdministrativeUnit("P", null, "Tỉnh", "Province", "Tinh", AdminLevel.Province, UnitKind.Province, null, null, null),
        new AdministrativeUnit("C1", null, "Xã 1", "Commune 1", "Xa 1", AdminLevel.Commune, UnitKind.Commune, "P", null, null),
        new AdministrativeUnit("C2", null, "Xã 2", "Commune 2", "Xa 2", AdminLevel.Commune, UnitKind.Commune, "P", null, null),
        new AdministrativeUnit("C3", null, "Phường 3", "Ward 3", "Phuong 3", AdminLevel.Commune, UnitKind.Ward, "P", null, null),
    ]);

    private static Observation Obs(string unit, string indicator, double value, Qualifier qualifier = Qualifier.Exact) =>
        new(unit, indicator, Y2024, value) { Qualifier = qualifier };

    private static Observation Rate(string unit, string indicator, double value, double n, double d) =>
        new(unit, indicator, Y2024, value) { Numerator = n, Denominator = d };

    private static RollupResult RollUp(IEnumerable<Observation> observations, RollupOptions? options = null) =>
        AdminRollup.ToParents(new Dataset(observations), Kinds, Tree, options);

    [Fact]
    public void ToParents_RateWithCounts_IsReDerivedFromSummedCounts()
    {
        RollupResult result = RollUp(
        [
            Rate("C1", "RATE", 89.3, 2410, 2699),
            Rate("C2", "RATE", 50, 500, 1000),
            Rate("C3", "RATE", 90, 90, 100),
        ]);
        result.Problems.Should().BeEmpty();
        Observation p = result.Dataset.Series("P", "RATE").Should().ContainSingle().Subject;

        // Σn = 2410 + 500 + 90 = 3000, Σd = 2699 + 1000 + 100 = 3799 (hand sums); 3000/3799 = 78.97 %, not the
        // mean of the rates (89.3 + 50 + 90)/3 = 76.43 %.
        p.Numerator.Should().Be(3000);
        p.Denominator.Should().Be(3799);
        p.Value.Should().Be(100.0 * 3000 / 3799);
        p.Value.Should().BeApproximately(78.97, 0.005);
        p.Qualifier.Should().Be(Qualifier.Exact);
        result.Details.Should().ContainSingle().Which.Children.Should().Equal("C1", "C2", "C3");
    }

    [Fact]
    public void ToParents_BarePercentage_IsAnErrorNamingIndicatorAndRule()
    {
        RollupResult result = RollUp([Obs("C1", "PCT", 50), Obs("C2", "PCT", 60), Rate("C3", "PCT", 70, 7, 10)]);
        result.Dataset.Count.Should().Be(0);
        Problem problem = result.Problems.Should().ContainSingle().Subject;
        problem.Rule.Should().Be(ProblemRules.RollupNeedsCounts);
        problem.Code.Should().Be("PCT");
        problem.Message.Should().Contain("'PCT'").And.Contain("'P'").And.Contain("C1, C2").And.Contain("never averaged");
    }

    [Fact]
    public void ToParents_PercentageWithWeight_IsWeightedMean()
    {
        var options = new RollupOptions { Weights = new Dictionary<string, string> { ["PCT"] = "POP" }, Indicators = ["PCT"] };
        RollupResult result = RollUp(
            [Obs("C1", "PCT", 50), Obs("C2", "PCT", 60), Obs("C3", "PCT", 70), Obs("C1", "POP", 1000), Obs("C2", "POP", 3000), Obs("C3", "POP", 1000)],
            options);

        // (50·1000 + 60·3000 + 70·1000) / 5000 = 300000 / 5000 = 60.
        result.Dataset.ValueOrNaN("P", "PCT", Y2024).Should().Be(60);
    }

    [Fact]
    public void ToParents_CountsMoneyAndPerPopulation_FollowTheirRules()
    {
        RollupResult result = RollUp(
        [
            Obs("C1", "CNT", 10), Obs("C2", "CNT", 20), Obs("C3", "CNT", 5),
            Obs("C1", "MONEY", -5), Obs("C2", "MONEY", 10), Obs("C3", "MONEY", 2),
            Obs("C1", "PERPOP", 10), Obs("C2", "PERPOP", 20), Obs("C3", "PERPOP", 30),
            Obs("C1", "POP", 1000), Obs("C2", "POP", 3000), Obs("C3", "POP", 1000),
        ]);
        result.Problems.Should().BeEmpty();
        result.Dataset.ValueOrNaN("P", "CNT", Y2024).Should().Be(35);
        result.Dataset.ValueOrNaN("P", "MONEY", Y2024).Should().Be(7);
        result.Dataset.ValueOrNaN("P", "POP", Y2024).Should().Be(5000);

        // (10·1000 + 20·3000 + 30·1000) / 5000 = 100000 / 5000 = 20 per 100 people.
        result.Dataset.ValueOrNaN("P", "PERPOP", Y2024).Should().Be(20);
    }

    [Fact]
    public void ToParents_IndexWithoutWeightAndRank_AreErrors()
    {
        RollupResult result = RollUp([Obs("C1", "IDX", 0.5), Obs("C2", "IDX", 0.6), Obs("C3", "IDX", 0.7), Obs("C1", "RANK", 1), Obs("C2", "RANK", 2), Obs("C3", "RANK", 3)]);
        result.Problems.Select(p => (p.Code, p.Rule)).Should().BeEquivalentTo(new[]
        {
            ("IDX", ProblemRules.RollupNeedsWeight),
            ("RANK", ProblemRules.RollupNotCombinable),
        });
    }

    [Theory]
    [InlineData(Qualifier.Exact, Qualifier.Exact, Qualifier.Exact)]
    [InlineData(Qualifier.Exact, Qualifier.LowerBound, Qualifier.LowerBound)]
    [InlineData(Qualifier.LowerBound, Qualifier.LowerBound, Qualifier.LowerBound)]
    [InlineData(Qualifier.UpperBound, Qualifier.Exact, Qualifier.UpperBound)]
    [InlineData(Qualifier.LowerBound, Qualifier.UpperBound, Qualifier.Estimate)]
    [InlineData(Qualifier.Estimate, Qualifier.LowerBound, Qualifier.Estimate)]
    [InlineData(Qualifier.Exact, Qualifier.Estimate, Qualifier.Estimate)]
    public void ToParents_CountQualifiers_Propagate(Qualifier a, Qualifier b, Qualifier expected)
    {
        AdminRollup.Combine([a, b, Qualifier.Exact]).Should().Be(expected);
        RollupResult result = RollUp([Obs("C1", "CNT", 1, a), Obs("C2", "CNT", 2, b), Obs("C3", "CNT", 3)]);
        result.Dataset.Series("P", "CNT").Should().ContainSingle().Which.Qualifier.Should().Be(expected);
    }

    [Fact]
    public void ToParents_MissingChild_ReportedByDefault()
    {
        RollupResult result = RollUp([Obs("C1", "CNT", 10), Obs("C2", "CNT", 20)]);
        result.Dataset.Count.Should().Be(0);
        Problem problem = result.Problems.Should().ContainSingle().Subject;
        problem.Rule.Should().Be(ProblemRules.IncompleteChildren);
        problem.Message.Should().Contain("C3");
    }

    [Fact]
    public void ToParents_MissingChildAllowed_PartialSumIsLowerBoundAndListsMissing()
    {
        RollupResult result = RollUp(
            [Obs("C1", "CNT", 10), Obs("C2", "CNT", 20), Rate("C1", "RATE", 50, 1, 2), Rate("C2", "RATE", 50, 1, 2)],
            new RollupOptions { AllowMissingChildren = true });
        result.Problems.Should().BeEmpty();
        RolledUpObservation count = result.Details.Single(d => d.Observation.Indicator == "CNT");
        count.Observation.Value.Should().Be(30);
        count.Observation.Qualifier.Should().Be(Qualifier.LowerBound);
        count.MissingChildren.Should().Equal("C3");
        count.IsComplete.Should().BeFalse();
        result.Details.Single(d => d.Observation.Indicator == "RATE").Observation.Qualifier.Should().Be(Qualifier.Estimate);
    }

    [Fact]
    public void ToParents_BuiltInProvinces_RollUpToNation()
    {
        var data = new Dataset([new Observation("11", "CNT", Y2024, 45), new Observation("12", "CNT", Y2024, 38)]);
        RollupResult result = AdminRollup.ToParents(data, Kinds, BuiltIn.VietnamProvinces, new RollupOptions { AllowMissingChildren = true });
        RolledUpObservation vn = result.Details.Should().ContainSingle().Subject;
        vn.Observation.Unit.Should().Be("VN");
        vn.Observation.Value.Should().Be(83);
        vn.Children.Should().Equal("11", "12");
        vn.MissingChildren.Should().HaveCount(61);
    }

    [Fact]
    public void ToParents_YearOfTheMerger_ExpectsThe34NewProvinces()
    {
        // 2025 ends after 2025-07-01, so its children are the 34 post-merger provinces (vn-admin-2025), not 63 + 34.
        var y2025 = ReportingPeriod.FromYear(2025);
        var data = new Dataset([new Observation("11", "CNT", y2025, 45), new Observation("79", "CNT", y2025, 168)]);
        RollupResult result = AdminRollup.ToParents(data, Kinds, BuiltIn.VietnamProvinces, new RollupOptions { AllowMissingChildren = true });
        RolledUpObservation vn = result.Details.Should().ContainSingle().Subject;
        vn.Observation.Value.Should().Be(213);
        (vn.Children.Count + vn.MissingChildren.Count).Should().Be(34);
        vn.MissingChildren.Should().NotContain("49", "Quảng Nam's code was retired on 2025-07-01");
    }

    [Fact]
    public void ToParents_RetiredUnitWithData_IsReportedNotDropped()
    {
        // Code 49 (Quảng Nam) resolves for 2025 (valid until 2025-06-30) but is not a child of VN on 2025-12-31:
        // its 20 must not vanish from the national total without a word.
        var y2025 = ReportingPeriod.FromYear(2025);
        var data = new Dataset([new Observation("48", "CNT", y2025, 10), new Observation("49", "CNT", y2025, 20)]);
        RollupResult result = AdminRollup.ToParents(data, Kinds, BuiltIn.VietnamProvinces, new RollupOptions { AllowMissingChildren = true });
        result.Problems.Should().Contain(p => p.Rule == ProblemRules.RetiredChild && p.Unit == "49" && p.Message.Contains("dx restate"));
    }

    [Fact]
    public void Aggregate_ChildListedTwice_Throws()
    {
        var data = new Dataset([Obs("A", "CNT", 1), Obs("B", "CNT", 2)]);
        Action act = () => AdminRollup.Aggregate(data, Kinds, new Dictionary<string, IReadOnlyList<string>> { ["AB"] = ["A", "B", "A"] });
        act.Should().Throw<ArgumentException>().WithMessage("*'AB' lists 'A' more than once*");
    }

    [Fact]
    public void Aggregate_CustomGroups_SumsCounts()
    {
        var data = new Dataset([Obs("A", "CNT", 1), Obs("B", "CNT", 2)]);
        RollupResult result = AdminRollup.Aggregate(data, Kinds, new Dictionary<string, IReadOnlyList<string>> { ["AB"] = ["A", "B"] });
        result.Dataset.ValueOrNaN("AB", "CNT", Y2024).Should().Be(3);
    }
}
