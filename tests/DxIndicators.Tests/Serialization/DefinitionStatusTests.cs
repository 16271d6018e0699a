using System.Text.Json.Nodes;
using DxIndicators.Catalog;
using DxIndicators.Model;
using DxIndicators.Serialization;
using DxIndicators.Tests.Model;
using NodaTime;

namespace DxIndicators.Tests.Serialization;

/// <summary>The <c>status</c> / <c>statusNote</c>, <c>componentCount</c>, <c>reference</c>, <c>supersedes</c> and catalogue
/// <c>unit</c> fields of the format (docs/framework-format.md).</summary>
public sealed class DefinitionStatusTests
{
    [Fact]
    public void Provisional_WithNote_IsValidAndListedAsAWarning()
    {
        JsonNode doc = JsonNode.Parse(TestFrameworks.TinyJson)!;
        doc["nodes"]![1]!["status"] = "provisional";
        doc["nodes"]![1]!["statusNote"] = "points not public";
        doc["indicators"]![2]!["status"] = "provisional";
        doc["indicators"]![2]!["statusNote"] = "definition inferred";

        Framework framework = FrameworkJson.Read(doc.ToJsonString(), "t.json").GetValueOrThrow();

        framework.GetNode("P1").Status.Should().Be(DefinitionStatus.Provisional);
        framework.GetNode("IDX").Status.Should().Be(DefinitionStatus.Confirmed, "confirmed is the default");
        framework.Warnings.Where(w => w.Rule == "provisional").Select(w => (w.Location, w.Message, w.Severity)).Should().BeEquivalentTo(new[]
        {
            ("$.nodes[1].status", "Node 'P1' is provisional: points not public", ProblemSeverity.Warning),
            ("$.indicators[2].status", "Indicator 'C' is provisional: definition inferred", ProblemSeverity.Warning),
        });
    }

    [Fact]
    public void StatusRules_AreAllReportedTogether()
    {
        JsonNode doc = JsonNode.Parse(TestFrameworks.TinyJson)!;
        doc["nodes"]![1]!["status"] = "provisional";
        doc["indicators"]![0]!["statusNote"] = "a caveat on a confirmed part";
        doc["targets"]![0]!["status"] = "provisional";
        doc["targets"]![0]!["statusNote"] = " ";
        doc["targets"]![0]!["supersedes"] = new JsonArray("T1", "X", "X", "");
        doc["targets"]![0]!["reference"] = "";
        doc["componentCount"] = 0;

        var read = FrameworkJson.Read(doc.ToJsonString(), "t.json");
        read.IsSuccess.Should().BeFalse();
        IReadOnlyList<Problem> errors = read.Problems;

        errors.Where(e => e.Severity == ProblemSeverity.Error).Select(e => (e.Location, e.Rule)).Should().BeEquivalentTo(new[]
        {
            ("$.nodes[1].statusNote", "missing-field"),
            ("$.indicators[0].statusNote", "unexpected-field"),
            ("$.targets[0].statusNote", "missing-field"),
            ("$.targets[0].supersedes[0]", "unknown-reference"),
            ("$.targets[0].supersedes[2]", "duplicate-code"),
            ("$.targets[0].supersedes[3]", "missing-field"),
            ("$.targets[0].reference", "missing-field"),
            ("$.componentCount", "invalid-value"),
        });
    }

    [Fact]
    public void UnknownStatus_IsAnEnumErrorListingTheNames()
    {
        JsonNode doc = JsonNode.Parse(TestFrameworks.TinyJson)!;
        doc["nodes"]![0]!["status"] = "draft";

        var read = FrameworkJson.Read(doc.ToJsonString(), "t.json");
        read.IsSuccess.Should().BeFalse();
        IReadOnlyList<Problem> errors = read.Problems;

        errors.Should().ContainSingle().Which.Should().Match<Problem>(e =>
            e.Location == "$.nodes[0].status" && e.Rule == "unknown-enum" && e.Message.Contains("confirmed, provisional"));
    }

    [Fact]
    public void NewFields_RoundTripExactly_AndConfirmedIsNotWritten()
    {
        FrameworkBuilder parts = TestFrameworks.Tiny();
        parts.WithMetadata(parts.Metadata.Changed(componentCount: 47));
        parts.Nodes[1] = parts.Nodes[1].Changed(d => { d.Status = DefinitionStatus.Provisional; d.StatusNote = "points not public"; });
        parts.Targets[0] = parts.Targets[0].Changed(d => { d.Reference = "Điều 1, mục II — https://example.org/decision"; d.Supersedes = ValueList.Of("T0"); d.Status = DefinitionStatus.Provisional; d.StatusNote = "clause not read"; });
        Framework framework = parts.Build();

        string json = FrameworkJson.Write(framework);
        Framework back = FrameworkJson.Read(json, "t.json").GetValueOrThrow();

        back.Should().Be(framework);
        FrameworkJson.Write(back).Should().Be(json);
        json.Should().Contain("\"componentCount\": 47").And.Contain("\"status\": \"provisional\"").And.Contain("\"supersedes\": [");
        FrameworkJson.Write(TestFrameworks.Tiny().Build()).Should().NotContain("\"status\"", "confirmed is the default and left out");
    }

    [Fact]
    public void TargetCatalog_Unit_RoundTrips_AndABlankUnitIsRejected()
    {
        var indicator = new IndicatorDefinition("A", new LocalizedText("A", "A"), MeasureKind.Percentage, "%", Polarity.HigherIsBetter, new NumericRange(0, 100));
        var target = new TargetRule("T", "A", Comparator.AtLeast, 10, new LocalDate(2030, 12, 31), "Plan 1/KH-UBND");
        var catalog = new TargetCatalog("own", new LocalizedText("Riêng", "Own"), [indicator], [target], unit: "11");

        TargetCatalog back = TargetCatalogJson.Read(TargetCatalogJson.Write(catalog), "own.json").GetValueOrThrow();

        back.Should().Be(catalog);
        back.Unit.Should().Be("11");
        Action blank = () => _ = new TargetCatalog("own", new LocalizedText("Riêng", "Own"), [indicator], [target], unit: " ");
        blank.Should().Throw<FrameworkValidationException>().Which.Errors.Should().ContainSingle(e => e.Location == "$.unit" && e.Rule == "missing-field");
    }
}
