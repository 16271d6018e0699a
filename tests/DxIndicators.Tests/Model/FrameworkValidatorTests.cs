using DxIndicators.Model;
using NodaTime;

namespace DxIndicators.Tests.Model;

/// <summary>One test per structural rule of <see cref="FrameworkValidator"/>: each breaks one thing in a valid framework.</summary>
public sealed class FrameworkValidatorTests
{
    private static readonly Dictionary<string, Action<FrameworkBuilder>> s_mutations = new()
    {
        ["id-blank"] = p => p.WithMetadata(p.Metadata.Changed(id: " ")),
        ["version-blank"] = p => p.WithMetadata(p.Metadata.Changed(version: "")),
        ["name-blank"] = p => p.WithMetadata(p.Metadata.Changed(name: new LocalizedText("", " "))),
        ["source-blank"] = p => p.WithMetadata(p.Metadata.Changed(methodologySource: "")),
        ["dates-inverted"] = p => p.WithMetadata(p.Metadata.Changed(effectiveTo: new LocalDate(2023, 12, 31))),
        ["scale-empty"] = p => p.WithMetadata(p.Metadata.Changed(scale: new OutputScale(5, 5))),
        ["scale-infinite"] = p => p.WithMetadata(p.Metadata.Changed(scale: new OutputScale(0, double.PositiveInfinity))),
        ["indicator-code-blank"] = p => p.Indicators[0] = p.Indicators[0].Changed(d => d.Code = ""),
        ["code-duplicate"] = p => p.Indicators.Add(p.Indicators[2].Changed(d => d.Code = "P1")),
        ["range-inverted"] = p => p.Indicators[0] = p.Indicators[0].Changed(d => d.ValidRange = new NumericRange(100, 0)),
        ["range-nan"] = p => p.Indicators[0] = p.Indicators[0].Changed(d => d.ValidRange = new NumericRange(double.NaN, 100)),
        ["per-population-negative"] = p => p.Indicators[2] = p.Indicators[2].Changed(d => d.PerPopulation = -100),
        ["per-population-missing"] = p => p.Indicators[2] = p.Indicators[2].Changed(d => d.PerPopulation = null),
        ["goalposts-inverted"] = p => p.Indicators[0] = p.Indicators[0].Changed(d => d.Goalposts = new Goalposts(100, 10)),
        ["goalposts-nan"] = p => p.Indicators[0] = p.Indicators[0].Changed(d => d.Goalposts = new Goalposts(double.NaN, 100)),
        ["reference-target-infinite"] = p => p.Indicators[0] = p.Indicators[0].Changed(d => d.ReferenceTarget = double.PositiveInfinity),
        ["rule-max-negative"] = p => p.Indicators[2] = p.Indicators[2].Changed(d => d.Points = ModelCopies.Ratio(-5, 100)),
        ["ratio-full-at-zero"] = p => p.Indicators[0] = p.Indicators[0].Changed(d => d.Points = ModelCopies.Ratio(20, 0)),
        ["steps-empty"] = p => p.Indicators[1] = p.Indicators[1].Changed(d => d.Points = ModelCopies.Steps(10, ValueList<PointsStep>.Empty)),
        ["step-points-above-max"] = p => p.Indicators[1] = p.Indicators[1].Changed(d => d.Points = ModelCopies.Steps(10, ValueList.Of(new PointsStep(1, 5), new PointsStep(4, 12)))),
        ["step-threshold-nan"] = p => p.Indicators[1] = p.Indicators[1].Changed(d => d.Points = ModelCopies.Steps(10, ValueList.Of(new PointsStep(double.NaN, 5)))),
        ["steps-thresholds-not-increasing"] = p => p.Indicators[1] = p.Indicators[1].Changed(d => d.Points = new StepPointsRule(10, ValueList.Of(new PointsStep(4, 5), new PointsStep(3, 10)))),
        ["steps-points-decreasing"] = p => p.Indicators[1] = p.Indicators[1].Changed(d => d.Points = new StepPointsRule(10, ValueList.Of(new PointsStep(1, 10), new PointsStep(4, 5)))),
        ["steps-lower-points-increasing"] = p => p.Indicators[1] = p.Indicators[1].Changed(d => d.Polarity = Polarity.LowerIsBetter),
        ["categories-empty"] = p => p.Indicators[2] = p.Indicators[2].Changed(d => d.Points = ModelCopies.Categories(5, ValueList<CategoryFraction>.Empty)),
        ["category-value-duplicate"] = p => p.Indicators[2] = p.Indicators[2].Changed(d => d.Points = new CategoricalPointsRule(5, ValueList.Of(new CategoryFraction(1, 1, "yes"), new CategoryFraction(1, 0, "no")))),
        ["category-fraction-above-one"] = p => p.Indicators[2] = p.Indicators[2].Changed(d => d.Points = ModelCopies.Categories(5, ValueList.Of(new CategoryFraction(1, 1.5, "yes")))),
        ["parts-empty"] = p => p.Indicators[2] = p.Indicators[2].Changed(d => d.Points = ModelCopies.Parts(5, ValueList<PointsPart>.Empty)),
        ["parts-too-many"] = p => p.Indicators[2] = p.Indicators[2].Changed(d => d.Points = ModelCopies.Parts(5, Enumerable.Range(0, 53).Select(i => new PointsPart($"p{i}", 0.01)).ToValueList())),
        ["part-fraction-negative"] = p => p.Indicators[2] = p.Indicators[2].Changed(d => d.Points = ModelCopies.Parts(5, ValueList.Of(new PointsPart("attends", -0.5)))),
        ["node-name-blank"] = p => p.Nodes[2] = p.Nodes[2].Changed(d => d.Name = new LocalizedText("", "")),
        ["node-empty"] = p => p.Nodes[2] = p.Nodes[2].Changed(d => d.Children = ValueList<NodeLink>.Empty),
        ["child-duplicate"] = p => p.Nodes[2] = p.Nodes[2].Changed(d => d.Children = ValueList.Of(new NodeLink("B"), new NodeLink("C"), new NodeLink("B"))),
        ["child-unknown"] = p => p.Nodes[2] = p.Nodes[2].Changed(d => d.Children = ValueList.Of(new NodeLink("B"), new NodeLink("ZZZ"))),
        ["weight-negative"] = p => p.Nodes[0] = p.Nodes[0].Changed(d => d.Children = ValueList.Of(ModelCopies.Link("P1", 2), ModelCopies.Link("P2", -1))),
        ["weight-nan"] = p => p.Nodes[0] = p.Nodes[0].Changed(d => d.Children = ValueList.Of(ModelCopies.Link("P1", 2), ModelCopies.Link("P2", double.NaN))),
        ["weight-infinite"] = p => p.Nodes[0] = p.Nodes[0].Changed(d => d.Children = ValueList.Of(ModelCopies.Link("P1", 2), ModelCopies.Link("P2", double.PositiveInfinity))),
        ["link-points-negative"] = p => p.Nodes[1] = p.Nodes[1].Changed(d => { d.Children = ValueList.Of(ModelCopies.Link("A", 1, 20), ModelCopies.Link("B", 1, -10)); d.MaxPoints = null; }),
        ["link-points-mismatch"] = p => p.Nodes[1] = p.Nodes[1].Changed(d => d.Children = ValueList.Of(new NodeLink("A", 1, 25), new NodeLink("B", 1, 5))),
        ["link-points-missing"] = p => p.Nodes[1] = p.Nodes[1].Changed(d => { d.Children = ValueList.Of(new NodeLink("A", 1, 20), new NodeLink("B")); d.MaxPoints = null; }),
        ["node-points-nan"] = p => p.Nodes[1] = p.Nodes[1].Changed(d => d.MaxPoints = double.NaN),
        ["node-points-sum"] = p => p.Nodes[1] = p.Nodes[1].Changed(d => d.MaxPoints = 40),
        ["weights-zero"] = p => p.Nodes[2] = p.Nodes[2].Changed(d => d.Children = ValueList.Of(new NodeLink("B", 0), new NodeLink("C", 0))),
        ["power-missing"] = p => p.Nodes[2] = p.Nodes[2].Changed(d => d.Aggregation = AggregationMethod.GeneralisedMean),
        ["power-zero"] = p => p.Nodes[2] = p.Nodes[2].Changed(d => { d.Aggregation = AggregationMethod.GeneralisedMean; d.Power = 0; }),
        ["power-unexpected"] = p => p.Nodes[2] = p.Nodes[2].Changed(d => d.Power = 2),
        ["min-share-above-one"] = p => p.Nodes[2] = p.Nodes[2].Changed(d => d.MinShare = 1.5),
        ["root-unknown"] = p => p.WithRoot("NOPE"),
        ["node-unreachable"] = p => p.Nodes.Add(new FrameworkNode("ORPHAN", new LocalizedText("Mồ côi", "Orphan"), NodeKind.Component, ValueList.Of(new NodeLink("C")))),
        ["cycle"] = p => p.Nodes[2] = p.Nodes[2].Changed(d => d.Children = ValueList.Of(new NodeLink("B"), new NodeLink("C"), new NodeLink("IDX"))),
        ["denominator-unknown"] = p => p.Indicators[2] = p.Indicators[2].Changed(d => d.Denominator = "POP"),
        ["target-code-blank"] = p => p.Targets[0] = p.Targets[0].Changed(d => d.Code = ""),
        ["target-code-duplicate"] = p => p.Targets.Add(p.Targets[0].Changed(d => d.Indicator = "B")),
        ["target-indicator-blank"] = p => p.Targets[0] = p.Targets[0].Changed(d => d.Indicator = " "),
        ["target-indicator-unknown"] = p => p.Targets[0] = p.Targets[0].Changed(d => d.Indicator = "P1"),
        ["target-threshold-nan"] = p => p.Targets[0] = p.Targets[0].Changed(d => d.Threshold = double.NaN),
        ["target-between-no-upper"] = p => p.Targets[0] = p.Targets[0].Changed(d => d.Comparator = Comparator.Between),
        ["target-between-inverted"] = p => p.Targets[0] = p.Targets[0].Changed(d => { d.Comparator = Comparator.Between; d.UpperThreshold = 80; }),
        ["target-upper-unexpected"] = p => p.Targets[0] = p.Targets[0].Changed(d => d.UpperThreshold = 95),
        ["target-rank-fraction"] = p => p.Targets[0] = p.Targets[0].Changed(d => { d.Comparator = Comparator.RankAtMost; d.Threshold = 2.5; }),
        ["target-legal-source-blank"] = p => p.Targets[0] = p.Targets[0].Changed(d => d.LegalSource = ""),
        ["target-baseline-infinite"] = p => p.Targets[0] = p.Targets[0].Changed(d => d.Baseline = new TargetBaseline(double.NegativeInfinity, new LocalDate(2020, 12, 31))),
        ["target-deadline-before-baseline"] = p => p.Targets[0] = p.Targets[0].Changed(d => d.Deadline = new LocalDate(2019, 6, 30)),
    };

    [Fact]
    public void Build_TinyFramework_IsValidWithoutWarnings()
    {
        Framework framework = TestFrameworks.Tiny().Build();

        framework.Warnings.Should().BeEmpty();
        framework.Nodes.Should().HaveCount(3);
    }

    [Theory]
    [InlineData("id-blank", "$.id", "missing-field", "no id")]
    [InlineData("version-blank", "$.version", "missing-field", "no version")]
    [InlineData("name-blank", "$.name", "missing-field", "Vietnamese or English")]
    [InlineData("source-blank", "$.methodologySource", "missing-field", "methodology source")]
    [InlineData("dates-inverted", "$.effectiveTo", "inverted-dates", "2023-12-31")]
    [InlineData("scale-empty", "$.scale", "invalid-scale", "[5, 5]")]
    [InlineData("scale-infinite", "$.scale", "invalid-scale", "Infinity")]
    [InlineData("indicator-code-blank", "$.indicators[0].code", "missing-field", "code is missing")]
    [InlineData("code-duplicate", "$.nodes[1].code", "duplicate-code", "'P1' is already used at $.indicators[3]")]
    [InlineData("range-inverted", "$.indicators[0].validRange", "inverted-range", "[100, 0]")]
    [InlineData("range-nan", "$.indicators[0].validRange", "inverted-range", "NaN")]
    [InlineData("per-population-negative", "$.indicators[2].perPopulation", "invalid-value", "-100")]
    [InlineData("per-population-missing", "$.indicators[2].perPopulation", "missing-field", "'C'")]
    [InlineData("goalposts-inverted", "$.indicators[0].goalposts", "inverted-range", "lower 100")]
    [InlineData("goalposts-nan", "$.indicators[0].goalposts.lower", "not-finite", "NaN")]
    [InlineData("reference-target-infinite", "$.indicators[0].referenceTarget", "not-finite", "Infinity")]
    [InlineData("rule-max-negative", "$.indicators[2].points.maxPoints", "invalid-points", "-5")]
    [InlineData("ratio-full-at-zero", "$.indicators[0].points.fullAt", "invalid-value", "'A'")]
    [InlineData("steps-empty", "$.indicators[1].points.steps", "empty-steps", "'B'")]
    [InlineData("step-points-above-max", "$.indicators[1].points.steps[1].points", "invalid-points", "12")]
    [InlineData("step-threshold-nan", "$.indicators[1].points.steps[0].threshold", "not-finite", "NaN")]
    [InlineData("steps-thresholds-not-increasing", "$.indicators[1].points.steps[1]", "non-monotone-steps", "(3 → 10)")]
    [InlineData("steps-points-decreasing", "$.indicators[1].points.steps[1]", "non-monotone-steps", "do not decrease")]
    [InlineData("steps-lower-points-increasing", "$.indicators[1].points.steps[1]", "non-monotone-steps", "do not increase")]
    [InlineData("categories-empty", "$.indicators[2].points.categories", "empty-categories", "'C'")]
    [InlineData("category-value-duplicate", "$.indicators[2].points.categories[1].value", "duplicate-code", "category value 1")]
    [InlineData("category-fraction-above-one", "$.indicators[2].points.categories[0].fraction", "invalid-fraction", "1.5")]
    [InlineData("parts-empty", "$.indicators[2].points.parts", "invalid-parts", "has 0")]
    [InlineData("parts-too-many", "$.indicators[2].points.parts", "invalid-parts", "has 53")]
    [InlineData("part-fraction-negative", "$.indicators[2].points.parts[0].fraction", "invalid-fraction", "-0.5")]
    [InlineData("node-name-blank", "$.nodes[2].name", "missing-field", "Vietnamese or English")]
    [InlineData("node-empty", "$.nodes[2].children", "empty-node", "'P2'")]
    [InlineData("child-duplicate", "$.nodes[2].children[2].code", "duplicate-child", "'B'")]
    [InlineData("child-unknown", "$.nodes[2].children[1].code", "unknown-reference", "'ZZZ'")]
    [InlineData("weight-negative", "$.nodes[0].children[1].weight", "invalid-weight", "-1")]
    [InlineData("weight-nan", "$.nodes[0].children[1].weight", "invalid-weight", "NaN")]
    [InlineData("weight-infinite", "$.nodes[0].children[1].weight", "invalid-weight", "Infinity")]
    [InlineData("link-points-negative", "$.nodes[1].children[1].maxPoints", "invalid-points", "-10")]
    [InlineData("link-points-mismatch", "$.nodes[1].children[0].maxPoints", "points-mismatch", "'A' 25 points but 'A' declares 20")]
    [InlineData("link-points-missing", "$.nodes[1].children", "missing-points", "'P1'")]
    [InlineData("node-points-nan", "$.nodes[1].maxPoints", "invalid-points", "NaN")]
    [InlineData("node-points-sum", "$.nodes[1].maxPoints", "points-sum", "add up to 30 points but the node declares 40")]
    [InlineData("weights-zero", "$.nodes[2].children", "zero-weights", "'P2'")]
    [InlineData("power-missing", "$.nodes[2].power", "invalid-power", "'P2'")]
    [InlineData("power-zero", "$.nodes[2].power", "invalid-power", "non-zero")]
    [InlineData("power-unexpected", "$.nodes[2].power", "unexpected-field", "'P2'")]
    [InlineData("min-share-above-one", "$.nodes[2].minShare", "invalid-share", "1.5")]
    [InlineData("root-unknown", "$.root", "unknown-reference", "'NOPE'")]
    [InlineData("node-unreachable", "$.nodes[3]", "unreachable", "'ORPHAN'")]
    [InlineData("cycle", "$.nodes[2].children[2].code", "cycle", "IDX → P2 → IDX")]
    [InlineData("denominator-unknown", "$.indicators[2].denominator", "unknown-reference", "'POP'")]
    [InlineData("target-code-blank", "$.targets[0].code", "missing-field", "code is missing")]
    [InlineData("target-code-duplicate", "$.targets[1].code", "duplicate-code", "'T1'")]
    [InlineData("target-indicator-blank", "$.targets[0].indicator", "missing-field", "'T1'")]
    [InlineData("target-indicator-unknown", "$.targets[0].indicator", "unknown-reference", "'P1'")]
    [InlineData("target-threshold-nan", "$.targets[0].threshold", "not-finite", "NaN")]
    [InlineData("target-between-no-upper", "$.targets[0].upperThreshold", "missing-field", "'T1'")]
    [InlineData("target-between-inverted", "$.targets[0].upperThreshold", "inverted-range", "upper threshold 80 is below the threshold 90")]
    [InlineData("target-upper-unexpected", "$.targets[0].upperThreshold", "unexpected-field", "'between'")]
    [InlineData("target-rank-fraction", "$.targets[0].threshold", "invalid-rank", "2.5")]
    [InlineData("target-legal-source-blank", "$.targets[0].legalSource", "missing-field", "'T1'")]
    [InlineData("target-baseline-infinite", "$.targets[0].baseline.value", "not-finite", "-Infinity")]
    [InlineData("target-deadline-before-baseline", "$.targets[0].deadline", "deadline-before-baseline", "deadline 2019-06-30 is before its baseline date 2020-12-31")]
    public void Build_RuleBroken_ReportsPathRuleAndOffender(string mutation, string path, string rule, string messagePart)
    {
        FrameworkBuilder parts = TestFrameworks.Tiny();
        s_mutations[mutation](parts);

        FrameworkValidationException ex = Assert.Throws<FrameworkValidationException>(parts.Build);

        ex.Errors.Should().Contain(e => e.Location == path && e.Rule == rule && e.Message.Contains(messagePart, StringComparison.Ordinal) && e.Severity == ProblemSeverity.Error,
            "the errors were: {0}", string.Join(" | ", ex.Errors));
        ex.Message.Should().Contain(path).And.Contain($"[{rule}]");
    }

    [Fact]
    public void Build_EveryMutationIsCoveredByATestCase()
    {
        // Keeps the theory above and the mutation table in step: no mutation without an expected path and rule.
        System.Reflection.MethodInfo method = typeof(FrameworkValidatorTests).GetMethod(nameof(Build_RuleBroken_ReportsPathRuleAndOffender))!;
        var used = method.GetCustomAttributes(typeof(InlineDataAttribute), false)
            .Cast<InlineDataAttribute>()
            .Select(a => (string)a.GetData(method).Single()[0])
            .ToList();

        used.Should().OnlyHaveUniqueItems().And.BeEquivalentTo(s_mutations.Keys);
    }

    [Fact]
    public void Build_IndicatorUsedByNoNode_WarnsButBuilds()
    {
        FrameworkBuilder parts = TestFrameworks.Tiny();
        parts.Indicators.Add(parts.Indicators[0].Changed(d => d.Code = "SPARE"));

        Framework framework = parts.Build();

        framework.Warnings.Should().ContainSingle(w => w.Rule == "unreachable" && w.Location == "$.indicators[3]" && w.Message.Contains("'SPARE'") && w.Severity == ProblemSeverity.Warning);
    }

    [Fact]
    public void Build_IndicatorUsedOnlyAsDenominator_DoesNotWarn()
    {
        FrameworkBuilder parts = TestFrameworks.Tiny();
        parts.Indicators.Add(new IndicatorDefinition("POP", new LocalizedText("Dân số", "Population"), MeasureKind.Count, "people", Polarity.HigherIsBetter, NumericRange.Unbounded));
        parts.Indicators[2] = parts.Indicators[2].Changed(d => d.Denominator = "POP");

        parts.Build().Warnings.Should().BeEmpty();
    }

    [Fact]
    public void Build_PillarBesideRoot_IsReachable()
    {
        // 2022 DTI: pillars overlap the index instead of sitting under it.
        FrameworkBuilder parts = TestFrameworks.Tiny();
        parts.Nodes[0] = parts.Nodes[0].Changed(d => d.Children = ValueList.Of(new NodeLink("P1")));

        Framework framework = parts.Build();

        framework.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void Build_ManyProblems_ReportsEveryOne()
    {
        FrameworkBuilder parts = TestFrameworks.Tiny();
        s_mutations["weight-negative"](parts);
        s_mutations["child-unknown"](parts);
        s_mutations["node-points-sum"](parts);
        s_mutations["target-deadline-before-baseline"](parts);
        s_mutations["steps-points-decreasing"](parts);

        FrameworkValidationException ex = Assert.Throws<FrameworkValidationException>(parts.Build);

        ex.Errors.Select(e => e.Rule).Should().Contain(["invalid-weight", "unknown-reference", "points-sum", "deadline-before-baseline", "non-monotone-steps"]);
        ex.Source.Should().Be("tiny");
    }
}
