using System.Text.Json.Nodes;
using DxIndicators.Catalog;
using DxIndicators.Model;
using DxIndicators.Serialization;
using NodaTime;

namespace DxIndicators.Tests.Serialization;

public sealed class TargetCatalogJsonTests
{
    private static TargetCatalog Sample() => new(
        "test-targets",
        new LocalizedText("Mục tiêu", "Targets"),
        [
            new IndicatorDefinition("GOV-ONLINE", new LocalizedText("Hồ sơ trực tuyến", "Dossiers processed online"), MeasureKind.Percentage, "%", Polarity.HigherIsBetter, new NumericRange(0, 100)),
            new IndicatorDefinition("DE-GDP", new LocalizedText("Kinh tế số / GDP", "Digital economy share of GDP"), MeasureKind.Percentage, "% of GDP", Polarity.HigherIsBetter, new NumericRange(0, 100)) { Frequency = Frequency.Annual, ReportingLevel = AdminLevel.Nation },
        ],
        [
            new TargetRule("T-DE-2025", "DE-GDP", Comparator.AtLeast, 20, new LocalDate(2025, 12, 31), "Decision 411/QĐ-TTg") { Name = new LocalizedText("Kinh tế số 20% GDP", "Digital economy 20% of GDP") },
            new TargetRule("T-DE-2030", "DE-GDP", Comparator.AtLeast, 30, new LocalDate(2030, 12, 31), "Resolution 57-NQ/TW") { Baseline = new TargetBaseline(12.33, new LocalDate(2023, 12, 31)) },
            new TargetRule("T-ONLINE", "GOV-ONLINE", Comparator.Between, 80, new LocalDate(2025, 12, 31), "Resolution 03/NQ-CP") { UpperThreshold = 100 },
        ]);

    [Fact]
    public void RoundTrip_Catalog_IsEqualAndStable()
    {
        TargetCatalog catalog = Sample();

        string first = TargetCatalogJson.Write(catalog);
        TargetCatalog read = TargetCatalogJson.Read(first, "targets.json").GetValueOrThrow();

        read.Should().Be(catalog);
        TargetCatalogJson.Write(read).Should().Be(first);
        first.Should().StartWith("{\n  \"formatVersion\": 1,\n  \"id\": \"test-targets\",");
        read.TargetsFor("DE-GDP").Select(t => t.Code).Should().Equal("T-DE-2025", "T-DE-2030");
    }

    [Fact]
    public void Read_Stream_Reads()
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(TargetCatalogJson.Write(Sample())));

        TargetCatalogJson.Read(stream, "targets.json").GetValueOrThrow().Should().Be(Sample());
    }

    [Fact]
    public void Read_TargetOnUnknownIndicator_ReportsPathAndCode()
    {
        JsonNode doc = JsonNode.Parse(TargetCatalogJson.Write(Sample()))!;
        doc["targets"]![1]!["indicator"] = "DE-GRDP";

        var act = () => TargetCatalogJson.Read(doc.ToJsonString(), "targets.json").GetValueOrThrow();

        act.Should().Throw<FrameworkValidationException>()
            .Where(e => e.Errors.Any(x => x.Location == "$.targets[1].indicator" && x.Rule == "unknown-reference" && x.Message.Contains("'DE-GRDP'") && x.Code == "T-DE-2030"))
            .Where(e => e.Message.Contains("targets.json"));
    }

    [Fact]
    public void Read_ManyProblems_ReportsEveryOne()
    {
        JsonNode doc = JsonNode.Parse(TargetCatalogJson.Write(Sample()))!;
        doc["indicators"]![1]!["code"] = "GOV-ONLINE"; // duplicate code → also leaves DE-GDP unknown
        doc["targets"]![0]!["deadline"] = "2019-12-31"; // fine alone (no baseline)
        doc["targets"]![1]!["deadline"] = "2019-12-31"; // before its baseline
        doc["targets"]![2]!.AsObject().Remove("upperThreshold"); // between needs it

        var ex = Assert.Throws<FrameworkValidationException>(() => TargetCatalogJson.Read(doc.ToJsonString(), "targets.json").GetValueOrThrow());

        ex.Errors.Select(e => (e.Location, e.Rule)).Should().Contain(
        [
            ("$.indicators[1].code", "duplicate-code"),
            ("$.targets[0].indicator", "unknown-reference"),
            ("$.targets[1].deadline", "deadline-before-baseline"),
            ("$.targets[2].upperThreshold", "missing-field"),
        ]);
    }

    [Fact]
    public void Read_DocumentProblems_ReportsEveryOne()
    {
        JsonNode doc = JsonNode.Parse(TargetCatalogJson.Write(Sample()))!;
        doc.AsObject().Remove("targets");
        doc["indicators"]![0]!["polarity"] = "up";
        doc["nodes"] = new JsonArray();

        var ex = Assert.Throws<FrameworkValidationException>(() => TargetCatalogJson.Read(doc.ToJsonString(), "targets.json").GetValueOrThrow());

        ex.Errors.Select(e => (e.Location, e.Rule)).Should().BeEquivalentTo(new[]
        {
            ("$.targets", "missing-field"),
            ("$.indicators[0].polarity", "unknown-enum"),
            ("$.nodes", "unknown-property"),
        });
    }

    [Fact]
    public void Constructor_BlankIdAndName_Throws()
    {
        var act = () => new TargetCatalog(" ", new LocalizedText("", ""), [], []);

        act.Should().Throw<FrameworkValidationException>()
            .Where(e => e.Errors.Any(x => x.Location == "$.id" && x.Rule == "missing-field") && e.Errors.Any(x => x.Location == "$.name" && x.Rule == "missing-field"));
    }
}
