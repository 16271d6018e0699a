using DxIndicators.Data;
using DxIndicators.Model;
using NodaTime;

namespace DxIndicators.Tests;

/// <summary>
/// The test frameworks, every one built through the library's <see cref="FrameworkBuilder"/> (so a test can take a
/// builder, break one thing and build): the model and serialization frameworks (<see cref="Tiny"/>, <see cref="Full"/>),
/// the scoring builders (<see cref="Ind"/>, <see cref="Node"/>, <see cref="Flat(IndicatorDefinition[])"/>) and the
/// data-layer frameworks with one indicator per measure kind (<see cref="Kinds"/>, <see cref="Dti"/>).
/// </summary>
internal static class TestFrameworks
{
    // Model and serialization.
    /// <summary>
    /// A small valid framework: IDX (mean of P1 ×2 and P2) over P1 (points: A 20 + B 10 = 30) and P2 (mean of B, C);
    /// indicators A (percentage, ratio points), B (count, step points), C (per 100 people); one target on A.
    /// </summary>
    /// <remarks>Returned as the library's <see cref="FrameworkBuilder"/>, so a test can break one thing and build.</remarks>
    public static FrameworkBuilder Tiny()
    {
        var parts = new FrameworkBuilder(new FrameworkMetadata("tiny", "1", new LocalizedText("Nhỏ", "Tiny"), "Test decision 1/QĐ", new LocalDate(2024, 1, 1), new OutputScale(0, 100)), "IDX");
        parts.Nodes.Add(new FrameworkNode("IDX", new LocalizedText("Chỉ số", "Index"), NodeKind.Index, ValueList.Of(new NodeLink("P1", 2), new NodeLink("P2"))));
        parts.Nodes.Add(new FrameworkNode("P1", new LocalizedText("Chính quyền số", "Digital government"), NodeKind.Pillar, ValueList.Of(new NodeLink("A", 1, 20), new NodeLink("B", 1, 10)))
        {
            Aggregation = AggregationMethod.PointsRatio,
            MaxPoints = 30,
            Pillar = Pillar.DigitalGovernment,
        });
        parts.Nodes.Add(new FrameworkNode("P2", new LocalizedText("Xã hội số", "Digital society"), NodeKind.Pillar, ValueList.Of(new NodeLink("B"), new NodeLink("C")))
        {
            Pillar = Pillar.DigitalSociety,
        });
        parts.Indicators.Add(new IndicatorDefinition("A", new LocalizedText("Hồ sơ trực tuyến", "Online dossiers"), MeasureKind.Percentage, "%", Polarity.HigherIsBetter, new NumericRange(0, 100))
        {
            Points = new RatioPointsRule(20, 100),
        });
        parts.Indicators.Add(new IndicatorDefinition("B", new LocalizedText("Trạm BTS", "BTS stations"), MeasureKind.Count, "stations", Polarity.HigherIsBetter, new NumericRange(0, double.PositiveInfinity))
        {
            Points = new StepPointsRule(10, ValueList.Of(new PointsStep(1, 5), new PointsStep(4, 10))),
        });
        parts.Indicators.Add(new IndicatorDefinition("C", new LocalizedText("Thuê bao di động", "Mobile subscriptions"), MeasureKind.PerPopulation, "per 100 people", Polarity.HigherIsBetter, new NumericRange(0, double.PositiveInfinity))
        {
            PerPopulation = 100,
        });
        parts.Targets.Add(new TargetRule("T1", "A", Comparator.AtLeast, 90, new LocalDate(2025, 12, 31), "Resolution 57-NQ/TW")
        {
            Baseline = new TargetBaseline(50, new LocalDate(2020, 12, 31)),
        });
        return parts;
    }

    /// <summary>The JSON of <see cref="Tiny"/> exactly as the format (docs/framework-format.md) says a writer writes it; written by hand.</summary>
    public const string TinyJson = """
        {
          "formatVersion": 1,
          "id": "tiny",
          "version": "1",
          "name": {
            "vi": "Nhỏ",
            "en": "Tiny"
          },
          "methodologySource": "Test decision 1/QĐ",
          "effectiveFrom": "2024-01-01",
          "scale": {
            "min": 0,
            "max": 100
          },
          "root": "IDX",
          "nodes": [
            {
              "code": "IDX",
              "kind": "index",
              "name": {
                "vi": "Chỉ số",
                "en": "Index"
              },
              "aggregation": "arithmeticMean",
              "children": [
                {
                  "code": "P1",
                  "weight": 2
                },
                {
                  "code": "P2"
                }
              ]
            },
            {
              "code": "P1",
              "kind": "pillar",
              "pillar": "digitalGovernment",
              "name": {
                "vi": "Chính quyền số",
                "en": "Digital government"
              },
              "aggregation": "pointsRatio",
              "maxPoints": 30,
              "children": [
                {
                  "code": "A",
                  "maxPoints": 20
                },
                {
                  "code": "B",
                  "maxPoints": 10
                }
              ]
            },
            {
              "code": "P2",
              "kind": "pillar",
              "pillar": "digitalSociety",
              "name": {
                "vi": "Xã hội số",
                "en": "Digital society"
              },
              "aggregation": "arithmeticMean",
              "children": [
                {
                  "code": "B"
                },
                {
                  "code": "C"
                }
              ]
            }
          ],
          "indicators": [
            {
              "code": "A",
              "name": {
                "vi": "Hồ sơ trực tuyến",
                "en": "Online dossiers"
              },
              "measure": "percentage",
              "unit": "%",
              "polarity": "higherIsBetter",
              "validRange": {
                "min": 0,
                "max": 100
              },
              "points": {
                "type": "ratio",
                "maxPoints": 20,
                "fullAt": 100
              },
              "reportingLevel": "province",
              "frequency": "annual"
            },
            {
              "code": "B",
              "name": {
                "vi": "Trạm BTS",
                "en": "BTS stations"
              },
              "measure": "count",
              "unit": "stations",
              "polarity": "higherIsBetter",
              "validRange": {
                "min": 0
              },
              "points": {
                "type": "steps",
                "maxPoints": 10,
                "steps": [
                  {
                    "threshold": 1,
                    "points": 5
                  },
                  {
                    "threshold": 4,
                    "points": 10
                  }
                ]
              },
              "reportingLevel": "province",
              "frequency": "annual"
            },
            {
              "code": "C",
              "name": {
                "vi": "Thuê bao di động",
                "en": "Mobile subscriptions"
              },
              "measure": "perPopulation",
              "unit": "per 100 people",
              "polarity": "higherIsBetter",
              "validRange": {
                "min": 0
              },
              "reportingLevel": "province",
              "frequency": "annual",
              "perPopulation": 100
            }
          ],
          "targets": [
            {
              "code": "T1",
              "indicator": "A",
              "comparator": ">=",
              "threshold": 90,
              "deadline": "2025-12-31",
              "baseline": {
                "value": 50,
                "date": "2020-12-31"
              },
              "legalSource": "Resolution 57-NQ/TW"
            }
          ]
        }

        """;

    /// <summary>
    /// A framework that uses every optional field and every points-rule type, aggregation method, node kind and
    /// comparator, with unbounded, half-bounded and bounded ranges.
    /// </summary>
    public static Framework Full()
    {
        var meta = new FrameworkMetadata("full", "2.0-beta", new LocalizedText("Đầy đủ", "Full"), "Decision 0/QĐ (test)", new LocalDate(2022, 5, 20), new OutputScale(0, 1000))
        {
            EffectiveTo = new LocalDate(2025, 4, 2),
            Description = "Every field, \"quoted\" & <escaped>, line\nbreak, tiếng Việt.",
        };
        LocalizedText N(string en) => new("vi " + en, en);
        var nodes = new[]
        {
            new FrameworkNode("ROOT", N("root"), NodeKind.Index, ValueList.Of(new NodeLink("G", 0.25), new NodeLink("E", 0.75), new NodeLink("H", 1e-3), new NodeLink("M"), new NodeLink("PT")))
            {
                Aggregation = AggregationMethod.ArithmeticMean,
                MinShare = 0.5,
            },
            new FrameworkNode("G", N("geometric"), NodeKind.MainIndex, ValueList.Of(new NodeLink("I1", 1), new NodeLink("I2", 3))) { Aggregation = AggregationMethod.GeometricMean, Foundation = FoundationGroup.Infrastructure },
            new FrameworkNode("E", N("generalised"), NodeKind.SubIndex, ValueList.Of(new NodeLink("I2"), new NodeLink("I3"))) { Aggregation = AggregationMethod.GeneralisedMean, Power = -0.5 },
            new FrameworkNode("H", N("harmonic"), NodeKind.Component, ValueList.Of(new NodeLink("I4"), new NodeLink("I5"))) { Aggregation = AggregationMethod.HarmonicMean },
            new FrameworkNode("M", N("minimum"), NodeKind.Component, ValueList.Of(new NodeLink("I6"), new NodeLink("I7"))) { Aggregation = AggregationMethod.Minimum },
            new FrameworkNode("PT", N("points"), NodeKind.MainIndex, ValueList.Of(new NodeLink("I1", 1, 10), new NodeLink("I2", 1, 20), new NodeLink("I3", 1, 30), new NodeLink("I4", 1, 40), new NodeLink("I5", 1, 0)))
            {
                Aggregation = AggregationMethod.PointsRatio,
                MaxPoints = 100,
            },
            new FrameworkNode("PIL", N("pillar"), NodeKind.Pillar, ValueList.Of(new NodeLink("PT"), new NodeLink("I8"), new NodeLink("I9"), new NodeLink("I10"))) { Pillar = Pillar.DigitalEconomy },
        };
        var indicators = new[]
        {
            new IndicatorDefinition("I1", N("ratio"), MeasureKind.Rate, "%", Polarity.HigherIsBetter, new NumericRange(0, 100))
            {
                Points = new RatioPointsRule(10, 100),
                Source = "seed 001_bdb960f48c055b21.txt",
                ReportingLevel = AdminLevel.Commune,
                Frequency = Frequency.SemiAnnual,
                Denominator = "I7",
                Goalposts = new Goalposts(0, 100),
                ReferenceTarget = 95.5,
                Pillar = Pillar.DigitalGovernment,
                Foundation = FoundationGroup.Awareness,
                Notes = "all optional fields",
            },
            new IndicatorDefinition("I2", N("steps up"), MeasureKind.Count, "meetings", Polarity.HigherIsBetter, new NumericRange(0, double.PositiveInfinity))
            {
                Points = new StepPointsRule(20, ValueList.Of(new PointsStep(1, 5), new PointsStep(2, 10), new PointsStep(3, 15), new PointsStep(4, 20))),
                Frequency = Frequency.Quarterly,
            },
            new IndicatorDefinition("I3", N("categorical"), MeasureKind.Categorical, "role", Polarity.HigherIsBetter, new NumericRange(0, 2))
            {
                Points = new CategoricalPointsRule(30, ValueList.Of(new CategoryFraction(0, 0, "none"), new CategoryFraction(1, 0.5, "Vice-chairman"), new CategoryFraction(2, 1, "Chairman"))),
                Frequency = Frequency.Monthly,
            },
            new IndicatorDefinition("I4", N("additive"), MeasureKind.YesNo, "parts", Polarity.HigherIsBetter, new NumericRange(0, 3))
            {
                Points = new AdditivePointsRule(40, ValueList.Of(new PointsPart("attends", 0.5), new PointsPart("chairs", 0.5))),
                Frequency = Frequency.Irregular,
                ReportingLevel = AdminLevel.District,
            },
            new IndicatorDefinition("I5", N("steps down"), MeasureKind.Rank, "rank", Polarity.LowerIsBetter, new NumericRange(1, 63))
            {
                Points = new StepPointsRule(0, ValueList.Of(new PointsStep(10, 0), new PointsStep(20, 0))),
                ReportingLevel = AdminLevel.Nation,
            },
            new IndicatorDefinition("I6", N("money"), MeasureKind.Money, "billion VND", Polarity.LowerIsBetter, new NumericRange(double.NegativeInfinity, 1e12)),
            new IndicatorDefinition("I7", N("population"), MeasureKind.Count, "people", Polarity.HigherIsBetter, NumericRange.Unbounded),
            new IndicatorDefinition("I8", N("per population"), MeasureKind.PerPopulation, "per 1,000 people", Polarity.HigherIsBetter, new NumericRange(0, 1000))
            {
                PerPopulation = 1000,
                Denominator = "I7",
            },
            new IndicatorDefinition("I9", N("score"), MeasureKind.IndexScore, "index 0–1", Polarity.HigherIsBetter, new NumericRange(0, 1)) { ReferenceTarget = 0.1 + 0.2 },
            new IndicatorDefinition("I10", N("share"), MeasureKind.Percentage, "%", Polarity.HigherIsBetter, new NumericRange(0, 100)),
        };
        var d = new LocalDate(2025, 12, 31);
        var targets = new[]
        {
            new TargetRule("T-GE", "I1", Comparator.AtLeast, 80, d, "Resolution 57-NQ/TW") { Baseline = new TargetBaseline(40.25, new LocalDate(2020, 12, 31)), Name = N("at least") },
            new TargetRule("T-GT", "I1", Comparator.GreaterThan, 50, d, "Decision 749/QĐ-TTg"),
            new TargetRule("T-LE", "I6", Comparator.AtMost, 1000, d, "Decision 411/QĐ-TTg"),
            new TargetRule("T-LT", "I6", Comparator.LessThan, 2000, d, "Decision 411/QĐ-TTg"),
            new TargetRule("T-EQ", "I3", Comparator.EqualTo, 2, d, "Resolution 03/NQ-CP"),
            new TargetRule("T-BT", "I10", Comparator.Between, 40, d, "Resolution 57-NQ/TW") { UpperThreshold = 60 },
            new TargetRule("T-RK", "I5", Comparator.RankAtMost, 10, d, "Resolution 57-NQ/TW"),
        };
        return new FrameworkBuilder(meta, "ROOT").AddRange(nodes).AddRange(indicators).AddRange(targets).Build();
    }

    // Scoring.
    public static IndicatorDefinition Ind(string code, Polarity polarity = Polarity.HigherIsBetter, Goalposts? goalposts = null, double? target = null, PointsRule? points = null, string? denominator = null, double? perPopulation = null) =>
        new(code, new LocalizedText(string.Empty, code), perPopulation is null ? MeasureKind.IndexScore : MeasureKind.PerPopulation, "u", polarity, NumericRange.Unbounded)
        {
            Goalposts = goalposts,
            ReferenceTarget = target,
            Points = points,
            Denominator = denominator,
            PerPopulation = perPopulation,
        };

    public static FrameworkNode Node(string code, NodeKind kind, params (string Code, double Weight)[] children) =>
        new(code, new LocalizedText(string.Empty, code), kind, children.Select(c => new NodeLink(c.Code, c.Weight)).ToValueList());

    public static Framework Build(string root, IEnumerable<FrameworkNode> nodes, IEnumerable<IndicatorDefinition> indicators) =>
        new FrameworkBuilder(new FrameworkMetadata("test", "1", new LocalizedText(string.Empty, "Test"), "unit tests", new LocalDate(2024, 1, 1), OutputScale.Unit), root)
            .AddRange(nodes)
            .AddRange(indicators)
            .Build();

    /// <summary>One index over the given indicators (equal weights).</summary>
    public static Framework Flat(params IndicatorDefinition[] indicators) =>
        Build("I", [Node("I", NodeKind.Index, indicators.Select(i => (i.Code, 1.0)).ToArray())], indicators);

    public static IndicatorMatrix Matrix(string[] units, params (string Code, double[] Values)[] columns) =>
        new(units, columns.Select(c => c.Code), columns.SelectMany(c => c.Values).ToArray());

    public static string[] Units(int n) => Enumerable.Range(0, n).Select(i => "U" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    // Data layer.
    public static Framework Kinds(string id = "test-kinds") => Build(
        id,
        Indicator("CNT", MeasureKind.Count, new NumericRange(0, double.PositiveInfinity)),
        Indicator("MONEY", MeasureKind.Money, NumericRange.Unbounded),
        Indicator("RATE", MeasureKind.Rate, new NumericRange(0, 100)),
        Indicator("PCT", MeasureKind.Percentage, new NumericRange(0, 100)),
        Indicator("PERPOP", MeasureKind.PerPopulation, new NumericRange(0, double.PositiveInfinity)).Changed(d => { d.Denominator = "POP"; d.PerPopulation = 100; }),
        Indicator("POP", MeasureKind.Count, new NumericRange(0, double.PositiveInfinity)),
        Indicator("IDX", MeasureKind.IndexScore, new NumericRange(0, 1)),
        Indicator("RANK", MeasureKind.Rank, new NumericRange(1, double.PositiveInfinity)));

    /// <summary>A DTI-like framework: it declares the DTI merger rule (the rule is data, not the id).</summary>
    public static Framework Dti()
    {
        Framework f = Build("dti-test", Indicator("DTI", MeasureKind.IndexScore, new NumericRange(0, 1)), Indicator("POP", MeasureKind.Count, new NumericRange(0, double.PositiveInfinity)));
        return FrameworkBuilder.From(f).WithMetadata(f.Metadata.Changed(mergerRule: DxIndicators.Data.IndexCombination.UnweightedMean, unitRegistry: FrameworkMetadata.VietnamProvincesRegistry)).Build();
    }

    public static IndicatorDefinition Indicator(string code, MeasureKind measure, NumericRange range) =>
        new(code, new LocalizedText(code, code), measure, "u", Polarity.HigherIsBetter, range);

    public static Framework Build(string id, params IndicatorDefinition[] indicators)
    {
        var metadata = new FrameworkMetadata(id, "1", new LocalizedText("Thử", "Test"), "test", new LocalDate(2020, 1, 1), OutputScale.Unit);
        var root = new FrameworkNode("ROOT", new LocalizedText("Gốc", "Root"), NodeKind.Index, indicators.Select(i => new NodeLink(i.Code)).ToValueList());
        return new FrameworkBuilder(metadata, "ROOT").AddRange([root]).AddRange(indicators).Build();
    }
}
