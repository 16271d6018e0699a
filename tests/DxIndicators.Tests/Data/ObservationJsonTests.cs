using DxIndicators.Data;
using DxIndicators.Units;
using NodaTime;

namespace DxIndicators.Tests.Data;

public class ObservationJsonTests
{
    private static ReadResult<Dataset> Read(string json, ReadOptions? options = null) =>
        ObservationJson.Read(new StringReader(json), "data.json", options);

    [Fact]
    public void WriteThenRead_AwkwardDoubles_BitExact()
    {
        var original = new Dataset(
        [
            new Observation("11", "A", ReportingPeriod.FromYear(2024), 0.1 + 0.2) { Qualifier = Qualifier.LowerBound, Provenance = new Provenance("seed \"x\"", new LocalDate(2024, 5, 1)) },
            new Observation("11", "A", ReportingPeriod.FromYear(2023), 1e-300) { Status = ObservationStatus.Provisional },
            new Observation("11", "A", ReportingPeriod.FromYear(2022), -0.0) { Restated = true },
            new Observation("11", "R", ReportingPeriod.FromYear(2024), 89.3) { Numerator = 2410, Denominator = 2699 },
            new Observation("12", "A", ReportingPeriod.FromQuarter(2024, 2), double.MaxValue),
        ]);
        var text = new StringWriter();
        ObservationJson.Write(text, original);
        ReadResult<Dataset> result = Read(text.ToString());
        result.Problems.Should().BeEmpty();
        result.Value.Should().Be(original);
        text.ToString().Should().Contain("\"value\": 0.30000000000000004").And.Contain("\"value\": -0");
    }

    [Fact]
    public void Read_BadRows_ReportsEveryProblemWithJsonPath()
    {
        const string json = """
            { "formatVersion": 1, "observations": [
              { "unit": "11", "indicator": "RATE", "period": "2024", "value": 89.3, "numerator": 2410, "denominator": 2699 },
              { "unit": "11", "indicator": "CNT", "period": "2024", "value": "5" },
              { "unit": "99", "indicator": "CNT", "period": "2024", "value": 5, "qualifier": "about" },
              { "unit": "11", "indicator": "RATE", "period": "2023", "value": 101 },
              { "unit": "11", "indicator": "RATE", "period": "2024", "value": 89.4, "numerator": 2410, "denominator": 2699 },
              { "indicator": "CNT", "period": "2024", "value": 5, "colour": "red" },
              42
            ] }
            """;
        // Row 4 repeats row 0's key but is rejected for its rate first, so it is no duplicate.
        ReadResult<Dataset> result = Read(json, new ReadOptions { Registry = BuiltIn.VietnamProvinces, Framework = TestFrameworks.Kinds() });
        result.IsSuccess.Should().BeFalse();
        result.Problems.Select(p => (p.Location, p.Rule)).Should().Equal(
            ("data.json $.observations[1].value", ProblemRules.BadNumber),
            ("data.json $.observations[2].qualifier", ProblemRules.BadQualifier),
            ("data.json $.observations[2].unit", ProblemRules.UnknownUnit),
            ("data.json $.observations[3].value", ProblemRules.OutOfRange),
            ("data.json $.observations[4].value", ProblemRules.RateMismatch),
            ("data.json $.observations[5].colour", ProblemRules.Malformed),
            ("data.json $.observations[5].unit", ProblemRules.MissingField),
            ("data.json $.observations[6]", ProblemRules.Malformed));
        result.Problems.Should().OnlyContain(p => p.Line == null);
    }

    [Fact]
    public void Read_SkipBadRows_ListsIndexes()
    {
        const string json = """{ "formatVersion": 1, "observations": [ { "unit": "A", "indicator": "X", "period": "2024", "value": 1 }, { "unit": "A", "indicator": "X", "period": "2025" } ] }""";
        ReadResult<Dataset> result = Read(json, new ReadOptions { SkipBadRows = true });
        result.Value!.Count.Should().Be(1);
        result.SkippedRows.Should().Equal(1);
    }

    [Theory]
    [InlineData("{ \"formatVersion\": 1, \"observations\": [ ")]
    [InlineData("[]")]
    [InlineData("{ \"formatVersion\": 2, \"observations\": [] }")]
    [InlineData("{ \"formatVersion\": 1 }")]
    public void Read_MalformedDocument_LoadsNothing(string json)
    {
        ReadResult<Dataset> result = Read(json, new ReadOptions { SkipBadRows = true });
        result.IsSuccess.Should().BeFalse();
        result.Problems.Should().NotBeEmpty().And.OnlyContain(p => p.Rule == ProblemRules.Malformed);
    }
}
