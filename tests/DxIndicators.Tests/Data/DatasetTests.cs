using DxIndicators.Data;
using DxIndicators.Model;
using NodaTime;

namespace DxIndicators.Tests.Data;

public class DatasetTests
{
    private static readonly ReportingPeriod Y2024 = ReportingPeriod.FromYear(2024);

    private static Observation Obs(string unit, string indicator, ReportingPeriod period, double value, string? source = null) =>
        new(unit, indicator, period, value) { Provenance = source is null ? null : new Provenance(source) };

    [Fact]
    public void Constructor_TwoDifferentValuesForOneKey_ThrowsShowingBothWithSources()
    {
        Observation a = Obs("11", "CNT", Y2024, 120, "seed-a.txt");
        Observation b = Obs("11", "CNT", Y2024, 125, "seed-b.txt");
        Action act = () => _ = new Dataset([a, b]);
        act.Should().Throw<ArgumentException>()
            .WithMessage("*Unit '11', indicator 'CNT', period 2024 has 2 different observations*observations[0] value 120, source 'seed-a.txt'*observations[1] value 125, source 'seed-b.txt'*[duplicate-key]*");
    }

    [Fact]
    public void TryCreate_PaddedCodesAndEmptyProvenance_AreReportedTogether()
    {
        // Neither would survive a CSV round trip: readers trim codes, and an empty provenance reads back as none.
        bool ok = Dataset.TryCreate(
            [Obs(" 11", "CNT", Y2024, 1), Obs("12", "CNT", Y2024, 2, source: string.Empty)],
            out Dataset? data,
            out IReadOnlyList<Problem> problems);
        ok.Should().BeFalse();
        data.Should().BeNull();
        problems.Should().HaveCount(2);
        problems[0].Message.Should().Contain("white space");
        problems[1].Field.Should().Be("source");
    }

    [Fact]
    public void Constructor_IdenticalDuplicate_IsKeptOnce()
    {
        Observation a = Obs("11", "CNT", Y2024, 120, "seed-a.txt");
        var data = new Dataset([a, a with { }]);
        data.Count.Should().Be(1);
        data.TryGet("11", "CNT", Y2024, out Observation? o).Should().BeTrue();
        o.Should().Be(a);
    }

    [Fact]
    public void Constructor_SameValueDifferentSource_IsAConflict()
    {
        Dataset.TryCreate([Obs("11", "CNT", Y2024, 120, "a"), Obs("11", "CNT", Y2024, 120, "b")], out _, out IReadOnlyList<Problem> problems)
            .Should().BeFalse();
        problems.Should().ContainSingle().Which.Rule.Should().Be(ProblemRules.DuplicateKey);
    }

    // 2,410 / 2,699 = 0.892923… (hand division), so 89.3 and 89.29 state it correctly, 89.2 and 89.4 do not.
    [Theory]
    [InlineData(89.3, true)]
    [InlineData(89.29, true)]
    [InlineData(89, true)]
    [InlineData(89.2, false)]
    [InlineData(89.4, false)]
    public void Constructor_RateAgainstCounts_AcceptsOnlyWithinStatedPrecision(double stated, bool ok)
    {
        Observation o = Obs("11", "RATE", Y2024, stated) with { Numerator = 2410, Denominator = 2699 };
        bool built = Dataset.TryCreate([o], out _, out IReadOnlyList<Problem> problems);
        built.Should().Be(ok);
        if (!ok)
        {
            problems.Should().ContainSingle().Which.Rule.Should().Be(ProblemRules.RateMismatch);
            problems[0].Message.Should().Contain("100·2410/2699");
        }
    }

    [Theory]
    [InlineData(89.3, 0.05)]
    [InlineData(90, 0.5)]
    [InlineData(0.125, 0.0005)]
    [InlineData(1e-5, 5e-6)]
    [InlineData(1234.5678, 0.00005)]
    public void HalfUnitInLastPlace_StatedDecimals_IsHalfUnit(double value, double expected)
    {
        RateCheck.HalfUnitInLastPlace(value).Should().BeApproximately(expected, expected * 1e-12);
    }

    [Fact]
    public void TryCreate_BadNumbersAndCounts_ReportsEveryProblem()
    {
        Observation[] input =
        [
            Obs("11", "A", Y2024, double.NaN),
            Obs("11", "B", Y2024, 50) with { Numerator = 1 },
            Obs("11", "C", Y2024, 50) with { Numerator = 1, Denominator = 0 },
            Obs("11", "D", Y2024, double.PositiveInfinity),
        ];
        Dataset.TryCreate(input, out Dataset? data, out IReadOnlyList<Problem> problems).Should().BeFalse();
        data.Should().BeNull();
        problems.Select(p => (p.Location, p.Rule)).Should().Equal(
            ("observations[0]", ProblemRules.NotFinite),
            ("observations[1]", ProblemRules.RateCountsIncomplete),
            ("observations[2]", ProblemRules.BadDenominator),
            ("observations[3]", ProblemRules.NotFinite));
    }

    [Fact]
    public void Series_MixedPeriods_OrderedByPeriod()
    {
        var data = new Dataset(
        [
            Obs("11", "CNT", ReportingPeriod.FromYear(2024), 3),
            Obs("11", "CNT", ReportingPeriod.FromYear(2020), 1),
            Obs("11", "CNT", ReportingPeriod.FromQuarter(2022, 1), 2),
            Obs("12", "CNT", ReportingPeriod.FromYear(2021), 9),
            Obs("11", "X", ReportingPeriod.FromYear(2021), 9),
        ]);
        data.Series("11", "CNT").Select(o => o.Value).Should().Equal(1, 2, 3);
        data.Series("11", "NOPE").Should().BeEmpty();
        data.Units.Should().Equal("11", "12");
        data.Indicators.Should().Equal("CNT", "X");
        data.Periods.Should().Equal(ReportingPeriod.FromYear(2020), ReportingPeriod.FromYear(2021), ReportingPeriod.FromQuarter(2022, 1), ReportingPeriod.FromYear(2024));
    }

    [Fact]
    public void CrossSectionAsOf_TakesEachIndicatorsLatestValueOnOrBeforeTheDate()
    {
        Framework framework = TestFrameworks.Kinds();
        var data = new Dataset(
        [
            Obs("A", "CNT", ReportingPeriod.FromYear(2023), 4),
            Obs("A", "CNT", ReportingPeriod.Parse("2024-06-30"), 5),
            Obs("A", "IDX", ReportingPeriod.FromYear(2022), 0.4),
            Obs("B", "RATE", Y2024, 40),
            Obs("C", "CNT", ReportingPeriod.FromYear(2026), 9),
        ]);
        int cnt = framework.IndexOfIndicator("CNT"), idx = framework.IndexOfIndicator("IDX"), rate = framework.IndexOfIndicator("RATE");

        IndicatorMatrix m = data.CrossSectionAsOf(framework, new LocalDate(2024, 7, 1));

        m.Units.Should().Equal("A"); // B's 2024 ends 2024-12-31 and C's 2026 later: neither counts yet
        m[0, cnt].Should().Be(5);
        m[0, idx].Should().Be(0.4);
        double.IsNaN(m[0, rate]).Should().BeTrue();
        IndicatorMatrix end = data.CrossSectionAsOf(framework, new LocalDate(2024, 12, 31));
        end.Units.Should().Equal("A", "B");
        end[1, rate].Should().Be(40);
        data.LatestDate.Should().Be(new LocalDate(2026, 12, 31));
        Dataset.Empty.LatestDate.Should().BeNull();
    }

    [Fact]
    public void CrossSection_FrameworkOrder_WithNaNForMissing()
    {
        Framework framework = TestFrameworks.Kinds();
        var data = new Dataset(
        [
            Obs("B", "RATE", Y2024, 40),
            Obs("A", "CNT", Y2024, 5),
            Obs("A", "IDX", Y2024, 0.5),
            Obs("A", "CNT", ReportingPeriod.FromYear(2023), 4),
            Obs("C", "OTHER", Y2024, 1),
        ]);

        IndicatorMatrix m = data.CrossSection(framework, Y2024);
        m.Units.Should().Equal("A", "B");
        m.Indicators.Should().Equal(framework.Indicators.Select(i => i.Code));
        int cnt = framework.IndexOfIndicator("CNT");
        int rate = framework.IndexOfIndicator("RATE");
        int idx = framework.IndexOfIndicator("IDX");
        m[0, cnt].Should().Be(5);
        m[0, idx].Should().Be(0.5);
        m[1, rate].Should().Be(40);
        double.IsNaN(m[0, rate]).Should().BeTrue();
        double.IsNaN(m[1, cnt]).Should().BeTrue();
        m.AsSpan().ToArray().Count(v => !double.IsNaN(v)).Should().Be(3);
    }

    [Fact]
    public void CrossSection_GivenUnits_KeepsOrderAndUnknownRowsAreNaN()
    {
        Framework framework = TestFrameworks.Kinds();
        var data = new Dataset([Obs("A", "CNT", Y2024, 5), Obs("B", "CNT", Y2024, 6)]);
        IndicatorMatrix m = data.CrossSection(framework, Y2024, ["B", "Z", "A"]);
        int cnt = framework.IndexOfIndicator("CNT");
        m.Units.Should().Equal("B", "Z", "A");
        m.Column(cnt).ToArray().Should().Equal([6, double.NaN, 5], (x, y) => x.Equals(y));
    }

    [Fact]
    public void CrossSections_Panel_SameRowsEveryPeriod()
    {
        Framework framework = TestFrameworks.Kinds();
        var data = new Dataset([Obs("A", "CNT", ReportingPeriod.FromYear(2023), 1), Obs("B", "CNT", Y2024, 2)]);
        IReadOnlyList<IndicatorMatrix> panel = data.CrossSections(framework, [ReportingPeriod.FromYear(2023), Y2024, ReportingPeriod.FromYear(2030)]);
        panel.Should().HaveCount(3);
        panel.Should().OnlyContain(m => m.Units.SequenceEqual(new[] { "A", "B" }));
        int cnt = framework.IndexOfIndicator("CNT");
        panel[0][0, cnt].Should().Be(1);
        double.IsNaN(panel[0][1, cnt]).Should().BeTrue();
        panel[1][1, cnt].Should().Be(2);
        panel[2].AsSpan().ToArray().Should().OnlyContain(v => double.IsNaN(v));
    }

    [Fact]
    public void Equals_NegativeZeroVersusZero_NotEqual()
    {
        var plus = new Dataset([Obs("A", "CNT", Y2024, 0.0)]);
        var minus = new Dataset([Obs("A", "CNT", Y2024, -0.0)]);
        var plusAgain = new Dataset([Obs("A", "CNT", Y2024, 0.0)]);
        plus.Should().NotBe(minus);
        plus.Should().Be(plusAgain);
        (plus == plusAgain).Should().BeTrue();
    }

    [Fact]
    public void Observations_RoundTripAllFields()
    {
        Observation full = new("11", "RATE", ReportingPeriod.FromMonth(new YearMonth(2024, 7)), 89.3)
        {
            Qualifier = Qualifier.LowerBound,
            Numerator = 2410,
            Denominator = 2699,
            Provenance = new Provenance("seed 001.txt", new LocalDate(2024, 8, 1)),
            Status = ObservationStatus.Provisional,
            Restated = true,
        };
        new Dataset([full]).Observations.Should().ContainSingle().Which.Should().Be(full);
    }

    [Fact]
    public void WithObservations_Conflict_Throws()
    {
        var data = new Dataset([Obs("A", "CNT", Y2024, 1)]);
        data.WithObservations([Obs("A", "CNT", ReportingPeriod.FromYear(2025), 2)]).Count.Should().Be(2);
        Action act = () => data.WithObservations([Obs("A", "CNT", Y2024, 2)]);
        act.Should().Throw<ArgumentException>().WithMessage("*duplicate-key*");
    }
}
