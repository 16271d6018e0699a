using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Serialization;
using NodaTime;

namespace DxIndicators.Tests.Model;

/// <summary>The definition types guard themselves: each public constructor and init accessor throws for each of its
/// field rules, naming the parameter, the rule and the value, and the same rule name is what the validator reports for
/// the same value read from a file (issue 16, docs/architecture.md "Types that guard themselves").</summary>
public sealed class GuardedConstructorTests
{
    private static readonly LocalizedText s_name = new("Tên", "Name");
    private static readonly LocalDate s_day = new(2025, 12, 31);

    // label → (construction that breaks exactly one field rule, parameter named, rule named, value shown)
    private static readonly Dictionary<string, (Func<object> Build, string Parameter, string Rule, string Value)> s_cases = new()
    {
        ["metadata-id-blank"] = (() => Metadata(id: " "), "id", "missing-field", "' '"),
        ["metadata-version-blank"] = (() => Metadata(version: ""), "version", "missing-field", "''"),
        ["metadata-name-blank"] = (() => Metadata(name: new LocalizedText("", " ")), "name", "missing-field", "vi '', en ' '"),
        ["metadata-source-blank"] = (() => Metadata(source: "\t"), "methodologySource", "missing-field", "'\t'"),
        ["metadata-scale-empty"] = (() => Metadata(scale: new OutputScale(5, 5)), "scale", "invalid-scale", "[5, 5]"),
        ["metadata-scale-infinite"] = (() => Metadata(scale: new OutputScale(0, double.PositiveInfinity)), "scale", "invalid-scale", "[0, Infinity]"),
        ["metadata-dates-inverted"] = (() => new FrameworkMetadata("f", "1", s_name, "src", new LocalDate(2024, 1, 1), OutputScale.Unit) { EffectiveTo = new LocalDate(2023, 12, 31) }, "EffectiveTo", "inverted-dates", "2023-12-31"),
        ["metadata-merger-undefined"] = (() => new FrameworkMetadata("f", "1", s_name, "src", s_day, OutputScale.Unit) { MergerRule = (IndexCombination)99 }, "MergerRule", "invalid-merger-rule", "99"),
        ["metadata-registry-unknown"] = (() => new FrameworkMetadata("f", "1", s_name, "src", s_day, OutputScale.Unit) { UnitRegistry = "mars" }, "UnitRegistry", "unknown-unit-registry", "'mars'"),
        ["metadata-components-zero"] = (() => new FrameworkMetadata("f", "1", s_name, "src", s_day, OutputScale.Unit) { ComponentCount = 0 }, "ComponentCount", "invalid-value", "0"),
        ["indicator-code-blank"] = (() => Indicator(code: ""), "code", "missing-field", "''"),
        ["indicator-name-blank"] = (() => Indicator(name: new LocalizedText("", "")), "name", "missing-field", "vi '', en ''"),
        ["indicator-range-inverted"] = (() => Indicator(range: new NumericRange(100, 0)), "validRange", "inverted-range", "[100, 0]"),
        ["indicator-range-nan"] = (() => Indicator(range: new NumericRange(double.NaN, 100)), "validRange", "inverted-range", "[NaN, 100]"),
        ["indicator-per-population-negative"] = (() => new IndicatorDefinition("A", s_name, MeasureKind.Percentage, "%", Polarity.HigherIsBetter, new NumericRange(0, 100)) { PerPopulation = -100 }, "PerPopulation", "invalid-value", "-100"),
        ["indicator-goalposts-inverted"] = (() => new IndicatorDefinition("A", s_name, MeasureKind.Percentage, "%", Polarity.HigherIsBetter, new NumericRange(0, 100)) { Goalposts = new Goalposts(100, 10) }, "Goalposts", "inverted-range", "lower 100, upper 10"),
        ["indicator-goalposts-nan"] = (() => new IndicatorDefinition("A", s_name, MeasureKind.Percentage, "%", Polarity.HigherIsBetter, new NumericRange(0, 100)) { Goalposts = new Goalposts(double.NaN, 100) }, "Goalposts", "not-finite", "NaN"),
        ["indicator-reference-infinite"] = (() => new IndicatorDefinition("A", s_name, MeasureKind.Percentage, "%", Polarity.HigherIsBetter, new NumericRange(0, 100)) { ReferenceTarget = double.PositiveInfinity }, "ReferenceTarget", "not-finite", "Infinity"),
        ["indicator-status-undefined"] = (() => new IndicatorDefinition("A", s_name, MeasureKind.Percentage, "%", Polarity.HigherIsBetter, new NumericRange(0, 100)) { Status = (DefinitionStatus)7 }, "Status", "unknown-enum", "7"),
        ["ratio-max-negative"] = (() => new RatioPointsRule(-5, 100), "maxPoints", "invalid-points", "-5"),
        ["ratio-full-at-zero"] = (() => new RatioPointsRule(20, 0), "fullAt", "invalid-value", "0"),
        ["steps-empty"] = (() => new StepPointsRule(10, ValueList<PointsStep>.Empty), "steps", "empty-steps", "0"),
        ["step-points-above-max"] = (() => new StepPointsRule(10, ValueList.Of(new PointsStep(1, 5), new PointsStep(4, 12))), "steps", "invalid-points", "12"),
        ["step-threshold-nan"] = (() => new StepPointsRule(10, ValueList.Of(new PointsStep(double.NaN, 5))), "steps", "not-finite", "NaN"),
        ["categories-empty"] = (() => new CategoricalPointsRule(5, ValueList<CategoryFraction>.Empty), "categories", "empty-categories", "0"),
        ["category-fraction-above-one"] = (() => new CategoricalPointsRule(5, ValueList.Of(new CategoryFraction(1, 1.5, "yes"))), "categories", "invalid-fraction", "1.5"),
        ["parts-empty"] = (() => new AdditivePointsRule(5, ValueList<PointsPart>.Empty), "parts", "invalid-parts", "0"),
        ["parts-too-many"] = (() => new AdditivePointsRule(5, Enumerable.Range(0, 53).Select(i => new PointsPart($"p{i}", 0.01)).ToValueList()), "parts", "invalid-parts", "53"),
        ["part-fraction-negative"] = (() => new AdditivePointsRule(5, ValueList.Of(new PointsPart("attends", -0.5))), "parts", "invalid-fraction", "-0.5"),
        ["node-code-blank"] = (() => new FrameworkNode(" ", s_name, NodeKind.Component, ValueList.Of(new NodeLink("A"))), "code", "missing-field", "' '"),
        ["node-name-blank"] = (() => new FrameworkNode("N", new LocalizedText("", ""), NodeKind.Component, ValueList.Of(new NodeLink("A"))), "name", "missing-field", "vi '', en ''"),
        ["node-empty"] = (() => new FrameworkNode("N", s_name, NodeKind.Component, ValueList<NodeLink>.Empty), "children", "empty-node", "0"),
        ["node-power-zero"] = (() => new FrameworkNode("N", s_name, NodeKind.Component, ValueList.Of(new NodeLink("A"))) { Aggregation = AggregationMethod.GeneralisedMean, Power = 0 }, "Power", "invalid-power", "0"),
        ["node-min-share-above-one"] = (() => new FrameworkNode("N", s_name, NodeKind.Component, ValueList.Of(new NodeLink("A"))) { MinShare = 1.5 }, "MinShare", "invalid-share", "1.5"),
        ["node-points-nan"] = (() => new FrameworkNode("N", s_name, NodeKind.Component, ValueList.Of(new NodeLink("A"))) { MaxPoints = double.NaN }, "MaxPoints", "invalid-points", "NaN"),
        ["link-code-blank"] = (() => new NodeLink(""), "code", "missing-field", "''"),
        ["link-weight-negative"] = (() => new NodeLink("A", -1), "weight", "invalid-weight", "-1"),
        ["link-weight-nan"] = (() => new NodeLink("A", double.NaN), "weight", "invalid-weight", "NaN"),
        ["link-weight-infinite"] = (() => new NodeLink("A", double.PositiveInfinity), "weight", "invalid-weight", "Infinity"),
        ["link-points-negative"] = (() => new NodeLink("A", 1, -10), "maxPoints", "invalid-points", "-10"),
        ["target-code-blank"] = (() => Target(code: ""), "code", "missing-field", "''"),
        ["target-indicator-blank"] = (() => Target(indicator: " "), "indicator", "missing-field", "' '"),
        ["target-comparator-undefined"] = (() => Target(comparator: (Comparator)42), "comparator", "invalid-comparator", "42"),
        ["target-threshold-nan"] = (() => Target(threshold: double.NaN), "threshold", "not-finite", "NaN"),
        ["target-rank-fraction"] = (() => Target(comparator: Comparator.RankAtMost, threshold: 2.5), "threshold", "invalid-rank", "2.5"),
        ["target-legal-source-blank"] = (() => Target(source: ""), "legalSource", "missing-field", "''"),
        ["target-between-inverted"] = (() => new TargetRule("T", "A", Comparator.Between, 90, s_day, "src") { UpperThreshold = 80 }, "UpperThreshold", "inverted-range", "80"),
        ["target-upper-infinite"] = (() => new TargetRule("T", "A", Comparator.Between, 90, s_day, "src") { UpperThreshold = double.PositiveInfinity }, "UpperThreshold", "not-finite", "Infinity"),
        ["target-upper-unexpected"] = (() => new TargetRule("T", "A", Comparator.AtLeast, 90, s_day, "src") { UpperThreshold = 95 }, "UpperThreshold", "unexpected-field", "95"),
        ["target-baseline-infinite"] = (() => new TargetRule("T", "A", Comparator.AtLeast, 90, s_day, "src") { Baseline = new TargetBaseline(double.NegativeInfinity, new LocalDate(2020, 12, 31)) }, "Baseline", "not-finite", "-Infinity"),
        ["target-deadline-before-baseline"] = (() => new TargetRule("T", "A", Comparator.AtLeast, 90, new LocalDate(2019, 6, 30), "src") { Baseline = new TargetBaseline(50, new LocalDate(2020, 12, 31)) }, "Baseline", "deadline-before-baseline", "2020-12-31"),
        ["target-reference-blank"] = (() => new TargetRule("T", "A", Comparator.AtLeast, 90, s_day, "src") { Reference = " " }, "Reference", "missing-field", "' '"),
        ["target-status-undefined"] = (() => new TargetRule("T", "A", Comparator.AtLeast, 90, s_day, "src") { Status = (DefinitionStatus)5 }, "Status", "unknown-enum", "5"),
        ["target-supersedes-blank"] = (() => new TargetRule("T", "A", Comparator.AtLeast, 90, s_day, "src") { Supersedes = ValueList.Of("OLD", "") }, "Supersedes", "missing-field", "''"),
        ["target-supersedes-self"] = (() => new TargetRule("T", "A", Comparator.AtLeast, 90, s_day, "src") { Supersedes = ValueList.Of("T") }, "Supersedes", "unknown-reference", "'T'"),
    };

    public static TheoryData<string> Cases => new(s_cases.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Constructor_FieldRuleBroken_ThrowsNamingParameterRuleAndValue(string label)
    {
        (Func<object> build, string parameter, string rule, string value) = s_cases[label];

        ArgumentException ex = Assert.ThrowsAny<ArgumentException>(build);

        ex.ParamName.Should().Be(parameter);
        ex.Message.Should().StartWith(parameter + " must be ").And.Contain($"(rule {rule})").And.Contain("was ").And.Contain(value);
    }

    [Fact]
    public void Constructor_NumberBroken_ThrowsOutOfRangeWithTheValue()
    {
        ArgumentOutOfRangeException ex = Assert.Throws<ArgumentOutOfRangeException>(() => new NodeLink("A", -2));

        ex.ActualValue.Should().Be(-2.0);
        ex.Message.Should().Contain("weight must be a finite number ≥ 0, was -2 (rule invalid-weight).");
    }

    [Fact]
    public void Constructors_ValidValues_RoundTripEveryMember()
    {
        var link = new NodeLink("A", 0, 20);
        var node = new FrameworkNode("N", s_name, NodeKind.SubIndex, ValueList.Of(link, new NodeLink("B", 2.5)))
        {
            Aggregation = AggregationMethod.GeneralisedMean, Power = -1, MinShare = 1, MaxPoints = 0, Status = DefinitionStatus.Provisional, StatusNote = "modelled",
        };
        var target = new TargetRule("T", "A", Comparator.Between, 90, s_day, "src")
        {
            UpperThreshold = 90, Baseline = new TargetBaseline(50, s_day), Reference = "Art. 1", Supersedes = ValueList.Of("OLD"),
        };
        var indicator = new IndicatorDefinition("A", new LocalizedText("", "only English"), MeasureKind.PerPopulation, "", Polarity.LowerIsBetter, new NumericRange(double.NegativeInfinity, double.PositiveInfinity))
        {
            PerPopulation = 100, Goalposts = new Goalposts(-1, 1), ReferenceTarget = 0, Points = new StepPointsRule(10, ValueList.Of(new PointsStep(1, 10), new PointsStep(4, 0))),
        };
        var metadata = new FrameworkMetadata("f", "1", s_name, "src", s_day, new OutputScale(-1, 1))
        {
            EffectiveTo = s_day, MergerRule = IndexCombination.UnweightedMean, UnitRegistry = FrameworkMetadata.VietnamProvincesRegistry, ComponentCount = 1,
        };

        (link.Code, link.Weight, link.MaxPoints, link.EffectiveWeight).Should().Be(("A", 0.0, (double?)20, 20.0));
        link.Should().Be(new NodeLink("A", 0, 20)).And.NotBe(new NodeLink("A", 0));
        (link == new NodeLink("A", 0, 20), link != new NodeLink("B", 0, 20)).Should().Be((true, true));
        link.GetHashCode().Should().Be(new NodeLink("A", 0, 20).GetHashCode());
        node.Children.Should().Equal(link, new NodeLink("B", 2.5));
        (node.Power, node.MinShare, node.MaxPoints, node.StatusNote).Should().Be(((double?)-1, (double?)1, (double?)0, "modelled"));
        (target.UpperThreshold, target.Baseline, target.Reference, target.Supersedes.Single()).Should().Be(((double?)90, new TargetBaseline(50, s_day), "Art. 1", "OLD"));
        (indicator.PerPopulation, indicator.Goalposts, indicator.ReferenceTarget, indicator.Unit).Should().Be(((double?)100, new Goalposts(-1, 1), (double?)0, ""));
        (metadata.EffectiveTo, metadata.MergerRule, metadata.ComponentCount, metadata.Scale).Should().Be(((LocalDate?)s_day, IndexCombination.UnweightedMean, (int?)1, new OutputScale(-1, 1)));
        new RatioPointsRule(0, 1e-300).FullAt.Should().Be(1e-300);
        new AdditivePointsRule(5, Enumerable.Range(0, 52).Select(i => new PointsPart($"p{i}", i % 2)).ToValueList()).Parts.Should().HaveCount(52);
        new CategoricalPointsRule(5, ValueList.Of(new CategoryFraction(0, 0, "none"), new CategoryFraction(1, 1, "all"))).Categories.Should().HaveCount(2);
    }

    [Fact]
    public void FrameworkReader_ManyFieldRulesBroken_ReportsEveryOneUnderTheConstructorsRuleNames()
    {
        // Values the public constructors refuse, read from framework JSON: reported with their paths, all of them, not thrown.
        string json = TestFrameworks.TinyJson
            .Replace("\"id\": \"tiny\"", "\"id\": \" \"", StringComparison.Ordinal)
            .Replace("\"code\": \"P2\"\n", "\"code\": \"P2\", \"weight\": -1\n", StringComparison.Ordinal)
            .Replace("\"fullAt\": 100", "\"fullAt\": 0", StringComparison.Ordinal)
            .Replace("\"points\": 10\n", "\"points\": 12\n", StringComparison.Ordinal);

        ReadResult<Framework> read = FrameworkJson.Read(json, "broken.json");

        read.Value.Should().BeNull();
        read.Problems.Select(p => (p.Location, p.Rule)).Should().Contain(
        [
            ("$.id", "missing-field"),
            ("$.nodes[0].children[1].weight", "invalid-weight"),
            ("$.indicators[0].points.fullAt", "invalid-value"),
            ("$.indicators[1].points.steps[1].points", "invalid-points"),
        ]);
        Assert.ThrowsAny<ArgumentException>(() => Metadata(id: " ")).Message.Should().Contain("(rule missing-field)");
        Assert.ThrowsAny<ArgumentException>(() => new NodeLink("P2", -1)).Message.Should().Contain("(rule invalid-weight)");
        Assert.ThrowsAny<ArgumentException>(() => new RatioPointsRule(20, 0)).Message.Should().Contain("(rule invalid-value)");
        Assert.ThrowsAny<ArgumentException>(() => new StepPointsRule(10, ValueList.Of(new PointsStep(1, 5), new PointsStep(4, 12)))).Message.Should().Contain("(rule invalid-points)");
    }

    [Fact]
    public void TargetCatalogReader_FieldRulesBroken_ReportsEveryOne()
    {
        string json = """
            {
              "formatVersion": 1,
              "id": "c",
              "name": { "en": "Catalogue" },
              "indicators": [
                { "code": "A", "name": { "en": "A" }, "measure": "percentage", "unit": "%", "polarity": "higherIsBetter", "validRange": { "min": 100, "max": 0 } }
              ],
              "targets": [
                { "code": "T1", "indicator": "A", "comparator": ">=", "threshold": 90, "deadline": "2025-12-31", "legalSource": " ", "reference": " " },
                { "code": "T2", "indicator": "A", "comparator": "rank<=", "threshold": 2.5, "deadline": "2025-12-31", "legalSource": "src", "supersedes": ["T2"] }
              ]
            }
            """;

        ReadResult<TargetCatalog> read = TargetCatalogJson.Read(json, "c.json");

        read.Value.Should().BeNull();
        read.Problems.Select(p => (p.Location, p.Rule)).Should().Contain(
        [
            ("$.indicators[0].validRange", "inverted-range"),
            ("$.targets[0].legalSource", "missing-field"),
            ("$.targets[0].reference", "missing-field"),
            ("$.targets[1].threshold", "invalid-rank"),
            ("$.targets[1].supersedes[0]", "unknown-reference"),
        ]);
    }

    private static FrameworkMetadata Metadata(string id = "f", string version = "1", LocalizedText? name = null, string source = "src", OutputScale? scale = null) =>
        new(id, version, name ?? s_name, source, s_day, scale ?? OutputScale.Unit);

    private static IndicatorDefinition Indicator(string code = "A", LocalizedText? name = null, NumericRange? range = null) =>
        new(code, name ?? s_name, MeasureKind.Percentage, "%", Polarity.HigherIsBetter, range ?? new NumericRange(0, 100));

    private static TargetRule Target(string code = "T", string indicator = "A", Comparator comparator = Comparator.AtLeast, double threshold = 90, string source = "src") =>
        new(code, indicator, comparator, threshold, s_day, source);
}
