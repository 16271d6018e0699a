using System.Text;
using System.Text.Json.Nodes;
using DxIndicators.Catalog;
using DxIndicators.Model;
using DxIndicators.Serialization;
using DxIndicators.Tests.Model;

namespace DxIndicators.Tests.Serialization;

public sealed class FrameworkJsonTests
{
    public static TheoryData<string> BuiltInIds => [.. FrameworkCatalog.Ids];

    [Fact]
    public void Write_TinyFramework_MatchesGoldenJson()
    {
        string json = FrameworkJson.Write(TestFrameworks.Tiny().Build());

        json.Should().Be(TestFrameworks.TinyJson);
    }

    [Fact]
    public void Read_GoldenJson_EqualsHandBuiltFramework()
    {
        Framework framework = FrameworkJson.Read(TestFrameworks.TinyJson, "tiny.json").GetValueOrThrow();

        framework.Should().Be(TestFrameworks.Tiny().Build());
        framework.Nodes[1].Children[0].Should().Be(new NodeLink("A", 1, 20));
    }

    [Fact]
    public void RoundTrip_FrameworkUsingEveryField_IsEqualAndStable()
    {
        Framework original = TestFrameworks.Full();

        string first = FrameworkJson.Write(original);
        Framework read = FrameworkJson.Read(first, "full.json").GetValueOrThrow();
        string second = FrameworkJson.Write(read);

        read.Should().Be(original);
        read.Metadata.Should().Be(original.Metadata);
        read.Indicators.Should().Equal(original.Indicators);
        read.Targets.Should().Equal(original.Targets);
        second.Should().Be(first);
    }

    [Fact]
    public void Write_FrameworkUsingEveryField_KeepsTextReadableAndNumbersRoundTrip()
    {
        string json = FrameworkJson.Write(TestFrameworks.Full());

        json.Should().Contain("\"description\": \"Every field, \\\"quoted\\\" & <escaped>, line\\nbreak, tiếng Việt.\"");
        json.Should().Contain("\"referenceTarget\": 0.30000000000000004"); // 0.1 + 0.2, shortest round-trip form
        json.Should().Contain("\"comparator\": \"rank<=\"").And.Contain("\"comparator\": \"between\"");
        json.Should().NotContain("\r").And.EndWith("}\n");
        json.Should().NotContain("null");
    }

    [Theory]
    [MemberData(nameof(BuiltInIds))]
    public void RoundTrip_BuiltInFramework_IsEqualAndStable(string id)
    {
        Framework builtIn = FrameworkCatalog.Get(id);

        string first = FrameworkJson.Write(builtIn);
        Framework read = FrameworkJson.Read(first, id).GetValueOrThrow();

        read.Should().Be(builtIn);
        FrameworkJson.Write(read).Should().Be(first);
    }

    [Fact]
    public void Read_MergerRuleAndUnitRegistry_AreData()
    {
        string json = TestFrameworks.TinyJson.Replace("\"root\": \"IDX\",", "\"mergerRule\": \"unweightedMean\",\n  \"unitRegistry\": \"vn-provinces\",\n  \"root\": \"IDX\",", StringComparison.Ordinal);

        Framework f = FrameworkJson.Read(json, "f.json").GetValueOrThrow();

        f.Metadata.MergerRule.Should().Be(DxIndicators.Data.IndexCombination.UnweightedMean);
        f.Metadata.UnitRegistry.Should().Be("vn-provinces");
        FrameworkJson.Read(TestFrameworks.TinyJson, "t.json").GetValueOrThrow().Metadata.MergerRule.Should().Be(DxIndicators.Data.IndexCombination.NotAllowed);
    }

    [Fact]
    public void Read_UnknownMergerRuleAndRegistry_ReportsBothWithTheirPaths()
    {
        string badRule = TestFrameworks.TinyJson.Replace("\"root\": \"IDX\",", "\"mergerRule\": \"average\",\n  \"root\": \"IDX\",", StringComparison.Ordinal);
        string badRegistry = TestFrameworks.TinyJson.Replace("\"root\": \"IDX\",", "\"unitRegistry\": \"vn-communes\",\n  \"root\": \"IDX\",", StringComparison.Ordinal);

        Assert.Throws<FrameworkValidationException>(() => FrameworkJson.Read(badRule, "a.json").GetValueOrThrow()).Message.Should().Contain("mergerRule").And.Contain("unweightedMean");
        Assert.Throws<FrameworkValidationException>(() => FrameworkJson.Read(badRegistry, "b.json").GetValueOrThrow()).Errors.Should().ContainSingle(e => e.Location == "$.unitRegistry" && e.Rule == "unknown-unit-registry");
    }

    [Fact]
    public void Read_Stream_WithByteOrderMark_Reads()
    {
        byte[] bytes = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(TestFrameworks.TinyJson)];
        using var stream = new MemoryStream(bytes);

        FrameworkJson.Read(stream, "tiny.json").GetValueOrThrow().Should().Be(TestFrameworks.Tiny().Build());
    }

    [Fact]
    public void Read_OptionalFieldsOmitted_UsesDefaults()
    {
        JsonNode doc = Doc();
        doc["nodes"]![2]!.AsObject().Remove("aggregation");
        doc["indicators"]![0]!.AsObject().Remove("validRange");
        doc["indicators"]![0]!.AsObject().Remove("reportingLevel");
        doc["indicators"]![0]!.AsObject().Remove("frequency");
        doc["indicators"]![1]!["validRange"] = new JsonObject { ["min"] = 0, ["max"] = null };
        doc.AsObject().Remove("targets");

        Framework framework = FrameworkJson.Read(doc.ToJsonString(), "defaults.json").GetValueOrThrow();

        framework.Nodes[2].Aggregation.Should().Be(AggregationMethod.ArithmeticMean);
        framework.Nodes[0].Children[1].Weight.Should().Be(1);
        framework.Indicators[0].ValidRange.Should().Be(NumericRange.Unbounded);
        framework.Indicators[0].ReportingLevel.Should().Be(AdminLevel.Province);
        framework.Indicators[0].Frequency.Should().Be(Frequency.Annual);
        framework.Indicators[1].ValidRange.Should().Be(new NumericRange(0, double.PositiveInfinity));
        framework.Targets.Should().BeEmpty();
    }

    [Fact]
    public void TryRead_Valid_ReturnsFrameworkAndNoErrors()
    {
        var read = FrameworkJson.Read(TestFrameworks.TinyJson, "tiny.json");
        bool ok = read.IsSuccess;
        Framework? framework = read.Value;
        IReadOnlyList<Problem> errors = read.Problems;

        ok.Should().BeTrue();
        framework!.Id.Should().Be("tiny");
        errors.Should().BeEmpty();
    }

    [Fact]
    public void Read_Invalid_ThrowsNamingSourcePathAndRule()
    {
        JsonNode doc = Doc();
        doc["indicators"]![1]!["colour"] = "red";

        FrameworkValidationException ex = Assert.Throws<FrameworkValidationException>(() => FrameworkJson.Read(doc.ToJsonString(), "bad.json").GetValueOrThrow());

        ex.Message.Should().StartWith("'bad.json' is invalid: 1 problem(s).");
        ex.Message.Should().Contain("$.indicators[1].colour: Unknown property 'colour' (in 'B')").And.Contain("[unknown-property]");
        ex.Errors.Should().ContainSingle(e => e.Code == "B");
    }

    [Fact]
    public void Read_MalformedJson_ReportsLineAndColumn()
    {
        // Line 3 is `  "version": ,`: the comma is byte 13 of the line (0-based), i.e. column 14.
        const string json = "{\n  \"id\": \"x\",\n  \"version\": ,\n}";

        var read = FrameworkJson.Read(json, "broken.json");
        read.IsSuccess.Should().BeFalse();
        IReadOnlyList<Problem> errors = read.Problems;

        Problem error = errors.Should().ContainSingle().Subject;
        error.Rule.Should().Be("malformed");
        error.Message.Should().Contain("line 3, column 14");
    }

    [Fact]
    public void Read_TruncatedJson_ReportsMalformed()
    {
        string json = TestFrameworks.TinyJson[..200];

        var read = FrameworkJson.Read(json, "cut.json");
        read.IsSuccess.Should().BeFalse();
        IReadOnlyList<Problem> errors = read.Problems;

        errors.Should().ContainSingle(e => e.Rule == "malformed" && e.Message.Contains("line "));
    }

    [Fact]
    public void Read_RootIsNotAnObject_ReportsWrongType()
    {
        ErrorsOf("[1, 2]").Should().ContainSingle(e => e.Location == "$" && e.Rule == "wrong-type" && e.Message.Contains("an object") && e.Message.Contains("an array"));
    }

    [Theory]
    [InlineData("unknown-property", "$.nodes[0].children[1].wieght", "unknown-property", "'wieght'", "allowed: code, weight, maxPoints")]
    [InlineData("unknown-top-property", "$.scales", "unknown-property", "'scales'", "scale")]
    [InlineData("missing-unit", "$.indicators[1].unit", "missing-field", "'unit'", "(in 'B')")]
    [InlineData("null-kind", "$.nodes[0].kind", "missing-field", "'kind' is null", "(in 'IDX')")]
    [InlineData("missing-root", "$.root", "missing-field", "'root' is missing", "'root'")]
    [InlineData("missing-format-version", "$.formatVersion", "missing-field", "'formatVersion'", "missing")]
    [InlineData("format-version-2", "$.formatVersion", "unsupported-version", "formatVersion 2", "version 1")]
    [InlineData("format-version-fraction", "$.formatVersion", "wrong-type", "whole number", "1.5")]
    [InlineData("weight-as-string", "$.nodes[0].children[0].weight", "wrong-type", "a number", "the string \"2\"")]
    [InlineData("nodes-not-array", "$.nodes", "wrong-type", "an array", "an object")]
    [InlineData("null-child", "$.nodes[0].children[0]", "wrong-type", "null", "(in 'IDX')")]
    [InlineData("name-as-string", "$.indicators[0].name", "wrong-type", "an object", "the string \"A\"")]
    [InlineData("code-as-number", "$.indicators[2].code", "wrong-type", "a string", "the number 3")]
    [InlineData("unknown-pillar", "$.nodes[1].pillar", "unknown-enum", "'digitalGovt'", "digitalGovernment, digitalEconomy, digitalSociety")]
    [InlineData("enum-wrong-case", "$.nodes[1].aggregation", "unknown-enum", "'PointsRatio'", "pointsRatio")]
    [InlineData("unknown-comparator", "$.targets[0].comparator", "unknown-enum", "'≥'", ">=, >, <=, <, =, between, rank<=")]
    [InlineData("unknown-measure", "$.indicators[0].measure", "unknown-enum", "'percent'", "percentage, count, rate, perPopulation, money, indexScore, rank, categorical, yesNo")]
    [InlineData("enum-as-number", "$.indicators[0].polarity", "unknown-enum", "the number 0", "higherIsBetter, lowerIsBetter")]
    [InlineData("unknown-points-type", "$.indicators[0].points.type", "unknown-enum", "'linear'", "ratio, steps, categorical, additive")]
    [InlineData("weight-nan-string", "$.nodes[0].children[0].weight", "not-finite", "\"NaN\" is not a number", "(in 'IDX')")]
    [InlineData("threshold-infinity-string", "$.targets[0].threshold", "not-finite", "\"Infinity\" is not a number", "'T1'")]
    [InlineData("max-minus-infinity-symbol", "$.indicators[1].validRange.min", "not-finite", "\"-∞\" is not a number", "null")]
    [InlineData("number-overflow", "$.nodes[1].maxPoints", "not-finite", "1e400", "finite")]
    [InlineData("date-not-a-day", "$.targets[0].deadline", "bad-date", "\"2025-02-30\"", "uuuu-MM-dd")]
    [InlineData("date-wrong-form", "$.effectiveFrom", "bad-date", "\"01/01/2024\"", "uuuu-MM-dd")]
    [InlineData("ratio-with-steps", "$.indicators[0].points.steps", "unexpected-field", "'steps' does not apply to a 'ratio'", "'fullAt'")]
    [InlineData("ratio-without-full-at", "$.indicators[0].points.fullAt", "missing-field", "'ratio' points rule needs 'fullAt'", "(in 'A')")]
    [InlineData("steps-without-steps", "$.indicators[1].points.steps", "missing-field", "'steps' points rule needs 'steps'", "(in 'B')")]
    [InlineData("negative-weight", "$.nodes[0].children[1].weight", "invalid-weight", "'P2'", "-1")]
    [InlineData("unknown-child", "$.nodes[2].children[1].code", "unknown-reference", "'Q'", "'P2'")]
    public void Read_RuleBroken_ReportsPathRuleAndOffender(string mutation, string path, string rule, string messagePart, string messagePart2)
    {
        IReadOnlyList<Problem> errors = ErrorsOf(Mutated(mutation));

        errors.Should().Contain(
            e => e.Location == path && e.Rule == rule && e.Message.Contains(messagePart, StringComparison.Ordinal) && e.Message.Contains(messagePart2, StringComparison.Ordinal),
            "the errors were: {0}",
            string.Join(" | ", errors));
    }

    [Fact]
    public void Read_DuplicateProperty_Reported()
    {
        string json = TestFrameworks.TinyJson.Replace("\"root\": \"IDX\",", "\"root\": \"IDX\", \"root\": \"P1\",", StringComparison.Ordinal);

        ErrorsOf(json).Should().ContainSingle(e => e.Location == "$.root" && e.Rule == "duplicate-property" && e.Message.Contains("'root'"));
    }

    [Fact]
    public void Read_PropertyNameWithSpaces_PathIsBracketed()
    {
        JsonNode doc = Doc();
        doc["nodes"]![0]!["odd name"] = 1;

        ErrorsOf(doc.ToJsonString()).Should().ContainSingle(e => e.Location == "$.nodes[0]['odd name']" && e.Rule == "unknown-property");
    }

    [Fact]
    public void Read_ManyDocumentProblems_ReportsEveryOne()
    {
        JsonNode doc = Doc();
        doc["nodes"]![0]!["children"]![1]!["wieght"] = 2; // unknown property
        doc["nodes"]![1]!["maxPoints"] = "30"; // wrong type
        doc["nodes"]![2]!["kind"] = "pilar"; // unknown enum
        doc["indicators"]![2]!.AsObject().Remove("polarity"); // missing field
        doc["indicators"]![0]!["referenceTarget"] = "NaN"; // not a number
        doc["targets"]![0]!["deadline"] = "2025-31-12"; // invalid date
        doc["indicators"]![0]!["points"]!["parts"] = new JsonArray(); // unexpected for ratio

        IReadOnlyList<Problem> errors = ErrorsOf(doc.ToJsonString());

        errors.Select(e => (e.Location, e.Rule)).Should().BeEquivalentTo(new[]
        {
            ("$.nodes[0].children[1].wieght", "unknown-property"),
            ("$.nodes[1].maxPoints", "wrong-type"),
            ("$.nodes[2].kind", "unknown-enum"),
            ("$.indicators[2].polarity", "missing-field"),
            ("$.indicators[0].referenceTarget", "not-finite"),
            ("$.targets[0].deadline", "bad-date"),
            ("$.indicators[0].points.parts", "unexpected-field"),
        });
    }

    [Fact]
    public void Read_ManyStructuralProblems_ReportsEveryOne()
    {
        JsonNode doc = Doc();
        doc["nodes"]![0]!["children"]![1]!["weight"] = -1;
        doc["nodes"]![1]!["maxPoints"] = 40;
        doc["nodes"]![2]!["code"] = "A";
        doc["targets"]![0]!["deadline"] = "2019-01-01";
        doc["indicators"]![1]!["points"]!["steps"]![1]!["points"] = 3;

        IReadOnlyList<Problem> errors = ErrorsOf(doc.ToJsonString());

        errors.Should().Contain(e => e.Location == "$.nodes[0].children[1].weight" && e.Rule == "invalid-weight");
        errors.Should().Contain(e => e.Location == "$.nodes[1].maxPoints" && e.Rule == "points-sum");
        errors.Should().Contain(e => e.Location == "$.nodes[2].code" && e.Rule == "duplicate-code" && e.Message.Contains("'A'"));
        errors.Should().Contain(e => e.Location == "$.targets[0].deadline" && e.Rule == "deadline-before-baseline");
        errors.Should().Contain(e => e.Location == "$.indicators[1].points.steps[1]" && e.Rule == "non-monotone-steps");
    }

    private static JsonNode Doc() => JsonNode.Parse(TestFrameworks.TinyJson)!;

    private static IReadOnlyList<Problem> ErrorsOf(string json)
    {
        var read = FrameworkJson.Read(json, "test.json");
        bool ok = read.IsSuccess;
        Framework? framework = read.Value;
        IReadOnlyList<Problem> errors = read.Problems;
        ok.Should().BeFalse("the JSON was meant to be invalid");
        framework.Should().BeNull();
        return errors;
    }

    private static string Mutated(string mutation)
    {
        JsonNode doc = Doc();
        JsonNode indicators = doc["indicators"]!;
        JsonNode nodes = doc["nodes"]!;
        switch (mutation)
        {
            case "unknown-property": nodes[0]!["children"]![1]!["wieght"] = 2; break;
            case "unknown-top-property": doc["scales"] = new JsonObject(); break;
            case "missing-unit": indicators[1]!.AsObject().Remove("unit"); break;
            case "null-kind": nodes[0]!["kind"] = null; break;
            case "missing-root": doc.AsObject().Remove("root"); break;
            case "missing-format-version": doc.AsObject().Remove("formatVersion"); break;
            case "format-version-2": doc["formatVersion"] = 2; break;
            case "format-version-fraction": doc["formatVersion"] = 1.5; break;
            case "weight-as-string": nodes[0]!["children"]![0]!["weight"] = "2"; break;
            case "nodes-not-array": doc["nodes"] = new JsonObject(); break;
            case "null-child": nodes[0]!["children"]![0]!.AsObject().Parent!.AsArray()[0] = null; break;
            case "name-as-string": indicators[0]!["name"] = "A"; break;
            case "code-as-number": indicators[2]!["code"] = 3; break;
            case "unknown-pillar": nodes[1]!["pillar"] = "digitalGovt"; break;
            case "enum-wrong-case": nodes[1]!["aggregation"] = "PointsRatio"; break;
            case "unknown-comparator": doc["targets"]![0]!["comparator"] = "≥"; break;
            case "unknown-measure": indicators[0]!["measure"] = "percent"; break;
            case "enum-as-number": indicators[0]!["polarity"] = 0; break;
            case "unknown-points-type": indicators[0]!["points"]!["type"] = "linear"; break;
            case "weight-nan-string": nodes[0]!["children"]![0]!["weight"] = "NaN"; break;
            case "threshold-infinity-string": doc["targets"]![0]!["threshold"] = "Infinity"; break;
            case "max-minus-infinity-symbol": indicators[1]!["validRange"]!["min"] = "-∞"; break;
            case "number-overflow": return doc.ToJsonString().Replace("\"maxPoints\":30", "\"maxPoints\":1e400", StringComparison.Ordinal);
            case "date-not-a-day": doc["targets"]![0]!["deadline"] = "2025-02-30"; break;
            case "date-wrong-form": doc["effectiveFrom"] = "01/01/2024"; break;
            case "ratio-with-steps": indicators[0]!["points"]!["steps"] = new JsonArray(); break;
            case "ratio-without-full-at": indicators[0]!["points"]!.AsObject().Remove("fullAt"); break;
            case "steps-without-steps": indicators[1]!["points"]!.AsObject().Remove("steps"); break;
            case "negative-weight": nodes[0]!["children"]![1]!["weight"] = -1; break;
            case "unknown-child": nodes[2]!["children"]![1]!["code"] = "Q"; break;
            default: throw new ArgumentException(mutation, nameof(mutation));
        }

        return doc.ToJsonString();
    }
}
