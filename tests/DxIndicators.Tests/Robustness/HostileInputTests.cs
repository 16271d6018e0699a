using System.Text;
using System.Text.Json.Nodes;
using DxIndicators.Analysis;
using DxIndicators.Data;
using DxIndicators.Formats;
using DxIndicators.Model;
using DxIndicators.Scoring;
using DxIndicators.Scoring.Interop;
using DxIndicators.Serialization;
using DxIndicators.Units;

namespace DxIndicators.Tests.Robustness;

/// <summary>One test per defect class of issue 9's hostile-input probes: each input used to crash, hang, exhaust memory
/// or load silently wrong data; now each is refused with a named rule, or loads exactly.</summary>
public class HostileInputTests
{
    internal static string FrameworkJsonText(int chain, bool closeLoop = false)
    {
        var nodes = new JsonArray { Node("R", "index", "N1") };
        for (int i = 1; i <= chain; i++)
        {
            nodes.Add(Node($"N{i}", "subIndex", i == chain ? "I1" : $"N{i + 1}"));
        }

        if (closeLoop)
        {
            nodes[chain]!["children"]!.AsArray().Add(new JsonObject { ["code"] = "N1" });
        }

        var root = new JsonObject
        {
            ["formatVersion"] = 1, ["id"] = "deep", ["version"] = "1", ["name"] = Name("deep"), ["methodologySource"] = "test",
            ["effectiveFrom"] = "2020-01-01", ["scale"] = new JsonObject { ["min"] = 0, ["max"] = 1 }, ["root"] = "R", ["nodes"] = nodes,
            ["indicators"] = new JsonArray
            {
                new JsonObject
                {
                    ["code"] = "I1", ["name"] = Name("I1"), ["measure"] = "indexScore", ["unit"] = "u", ["polarity"] = "higherIsBetter",
                    ["goalposts"] = new JsonObject { ["lower"] = 0, ["upper"] = 1 },
                },
            },
        };
        return root.ToJsonString();

        static JsonObject Name(string text) => new() { ["vi"] = text, ["en"] = text };
        static JsonObject Node(string code, string kind, string child) => new()
        {
            ["code"] = code, ["kind"] = kind, ["name"] = Name(code), ["aggregation"] = "arithmeticMean",
            ["children"] = new JsonArray { new JsonObject { ["code"] = child } },
        };
    }

    [Fact]
    public void Framework_ChainFiftyThousandDeep_LoadsAndScoresWithoutStackOverflow()
    {
        // A recursive cycle check or bottom-up sort overflowed the stack here (the process died; uncatchable).
        Framework framework = FrameworkJson.Read(FrameworkJsonText(50_000), "deep.json").GetValueOrThrow();
        framework.Nodes.Should().HaveCount(50_001);
        framework.NodesBottomUp()[0].Code.Should().Be("N50000");
        var matrix = new IndicatorMatrix(["A", "B"], ["I1"], [0.25, 0.75]);
        ScoreTable table = ScoringPlan.Compile(framework).Score(matrix);
        table.GetScore("B", "R").Should().Be(0.75);
    }

    [Fact]
    public void Framework_LongCycle_IsOneCycleProblem()
    {
        var read = FrameworkJson.Read(FrameworkJsonText(20_000, closeLoop: true), "loop.json");
        read.IsSuccess.Should().BeFalse();
        IReadOnlyList<Problem> errors = read.Problems;
        errors.Where(e => e.Rule == ProblemRules.Cycle).Should().ContainSingle().Which.Message.Should().StartWith("Node 'N20000' closes a cycle: N1 → N2");
    }

    [Fact]
    public void Json_NestedHundredThousandDeep_IsRefusedNamingTheLimit()
    {
        string json = new string('[', 100_000) + new string(']', 100_000);
        var read = FrameworkJson.Read(json, "nest.json");
        read.IsSuccess.Should().BeFalse();
        IReadOnlyList<Problem> errors = read.Problems;
        errors.Should().ContainSingle().Which.Should().Match<Problem>(e => e.Rule == ProblemRules.LimitExceeded && e.Message.Contains("nesting is too deep") && e.Message.Contains("MaxJsonDepth"));
        ObservationJson.Read(new StringReader(json), "nest.json").Problems.Should().ContainSingle(p => p.Rule == ProblemRules.LimitExceeded);
    }

    [Fact]
    public void Units_EachOthersParent_IsParentCycle()
    {
        // Two units naming each other as parent made dx rollup --to nation run until memory was gone.
        const string Csv = """
            id,code,vintage,level,kind,name_vi,name_en,parent,valid_from,valid_to
            A@2025,A,2025,commune,commune,A,A,B@2025,2025-07-01,
            B@2025,B,2025,commune,commune,B,B,A@2025,2025-07-01,
            C@2025,C,2025,commune,commune,C,C,C@2025,2025-07-01,
            """;
        ReadResult<UnitRegistry> result = UnitRegistryCsv.Read(new StringReader(Csv), "u.csv");
        result.IsSuccess.Should().BeFalse();
        result.Problems.Where(p => p.Rule == ProblemRules.ParentCycle).Select(p => p.Line).Should().Equal(2, 4);
        FluentActions.Invoking(() => new UnitRegistry(result.Problems.Count == 0 ? [] : [
            new AdministrativeUnit("X", null, "X", "X", "X", AdminLevel.Province, UnitKind.Province, "Y", null, null, []),
            new AdministrativeUnit("Y", null, "Y", "Y", "Y", AdminLevel.Province, UnitKind.Province, "X", null, null, []),
        ], [])).Should().Throw<ArgumentException>().WithMessage("*own ancestor*");
    }

    [Fact]
    public void Units_TruncatedRow_IsMissingFieldsNotAnOrphan()
    {
        const string Csv = "id,code,vintage,level,kind,name_vi,name_en,parent\nX@2025,X,2025,commune,commune,Xã X,X\n";
        ReadResult<UnitRegistry> result = UnitRegistryCsv.Read(new StringReader(Csv), "u.csv", baseRegistry: BuiltIn.VietnamProvinces);
        result.Problems.Should().ContainSingle().Which.Should().Match<Problem>(p => p.Rule == ProblemRules.MissingFields && p.Line == 2);
    }

    [Theory]
    [InlineData("province,district", "commune")]
    [InlineData("commune", "ward,commune")]
    [InlineData("1", "commune")]
    public void Units_CommaJoinedOrNumericEnumNames_AreRefused(string level, string kind)
    {
        string csv = $"id,code,vintage,level,kind,name_vi\nX@2025,X,2025,\"{level}\",\"{kind}\",X\n";
        UnitRegistryCsv.Read(new StringReader(csv), "u.csv").Problems.Should().ContainSingle(p => p.Rule == ProblemRules.UnknownLevel || p.Rule == ProblemRules.UnknownKind);
    }

    [Theory]
    [InlineData("9999", "9999-12-31")]
    [InlineData("9999-H2", "9999-12-31")]
    [InlineData("9999-Q4", "9999-12-31")]
    [InlineData("9999-12", "9999-12-31")]
    [InlineData("2024-02", "2024-02-29")]
    [InlineData("2023-Q1", "2023-03-31")]
    public void Period_AtTheCalendarsEnd_ParsesWithoutOverflow(string text, string end)
    {
        // 9999-12 and 9999-Q4 threw an unhandled OverflowException (start + 1 month − 1 day).
        ReportingPeriod.TryParse(text, out ReportingPeriod period).Should().BeTrue();
        period.End.ToString("uuuu-MM-dd", null).Should().Be(end);
        period.ToString().Should().Be(text);
    }

    [Fact]
    public void Successions_FromAUnitEndingOnTheLastDay_IsBadDateNotOverflow()
    {
        var units = new[]
        {
            new AdministrativeUnit("P", "1", "P", "P", "P", AdminLevel.Province, UnitKind.Province, null, null, NodaTime.LocalDate.MaxIsoValue, []),
            new AdministrativeUnit("P", "2", "Q", "Q", "Q", AdminLevel.Province, UnitKind.Province, null, null, null, []),
        };
        FluentActions.Invoking(() => new UnitRegistry(units, [new UnitSuccession("P@1", "P@2", new NodaTime.LocalDate(2025, 1, 1))]))
            .Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData("""{"formatVersion":1,"observations":[],"observations":[{"unit":"A","indicator":"I1","period":"2024","value":1}]}""")]
    [InlineData("""{"formatVersion":1,"observations":[{"unit":"A","indicator":"I1","period":"2024","value":1,"value":2}]}""")]
    [InlineData("""{"formatVersion":1,"observatons":[],"observations":[]}""")]
    public void ObservationJson_RepeatedOrMisspeltProperties_LoadNothing(string json)
    {
        ReadResult<Dataset> result = ObservationJson.Read(new StringReader(json), "o.json");
        result.IsSuccess.Should().BeFalse();
        result.Problems.Should().Contain(p => p.Rule == ProblemRules.Malformed);
    }

    [Theory]
    [InlineData("1e-400", "underflow")]
    [InlineData("-2.5E-330", "underflow")]
    [InlineData("1e400", "not-finite")]
    [InlineData("NaN", "not-finite")]
    [InlineData("-Infinity", "not-finite")]
    [InlineData("1,5", "bad-number")]
    public void Numbers_NoSilentZeroOrInfinity(string text, string rule)
    {
        NumberText.TryParse(text, out _, out string? got).Should().BeFalse();
        got.Should().Be(rule);
        ObservationCsv.Read(new StringReader($"unit,indicator,period,value\nA,I1,2024,\"{text}\"\n"), "o.csv").Problems.Should().ContainSingle().Which.Rule.Should().Be(rule);
    }

    [Theory]
    [InlineData("0", 0.0)]
    [InlineData("0e-400", 0.0)]
    [InlineData("4.9E-324", 4.9E-324)]
    [InlineData("-0", -0.0)]
    public void Numbers_ZerosAndSubnormalsStillRead(string text, double expected)
    {
        NumberText.TryParse(text, out double value).Should().BeTrue();
        BitConverter.DoubleToInt64Bits(value).Should().Be(BitConverter.DoubleToInt64Bits(expected));
    }

    [Fact]
    public void FrameworkJson_TinyWeight_IsUnderflow()
    {
        string json = FrameworkJsonText(1).Replace("{\"code\":\"I1\"}", "{\"code\":\"I1\",\"weight\":1e-400}", StringComparison.Ordinal);
        var read = FrameworkJson.Read(json, "w.json");
        read.IsSuccess.Should().BeFalse();
        IReadOnlyList<Problem> errors = read.Problems;
        errors.Should().Contain(e => e.Rule == ProblemRules.Underflow && e.Location == "$.nodes[1].children[0].weight");
    }

    [Fact]
    public void Weights_HugeSum_IsInvalidWeightNotInfinity()
    {
        string json = FrameworkJsonText(1).Replace("{\"code\":\"N1\"}", "{\"code\":\"N1\",\"weight\":1.5e308},{\"code\":\"I1\",\"weight\":1.5e308}", StringComparison.Ordinal);
        var read = FrameworkJson.Read(json, "w.json");
        read.IsSuccess.Should().BeFalse();
        IReadOnlyList<Problem> errors = read.Problems;
        errors.Should().Contain(e => e.Rule == ProblemRules.InvalidWeight && e.Message.Contains("largest double"));
    }

    [Fact]
    public void Weights_AllZeroOverride_IsAnErrorNotNaN()
    {
        Framework framework = FrameworkJson.Read(FrameworkJsonText(1), "f.json").GetValueOrThrow();
        var options = ScoringOptions.Default.WithWeights([new("I1", 0.0)]);
        FluentActions.Invoking(() => ScoringPlan.Compile(framework, options)).Should().Throw<ArgumentException>().WithMessage("*add up to 0*zero-weights*");
    }

    [Fact]
    public void Scores_OverflowingToInfinity_AreNeverPublished()
    {
        Framework framework = FrameworkJson.Read(FrameworkJsonText(1), "f.json").GetValueOrThrow();
        var options = ScoringOptions.Default.WithNormaliser(Normaliser.MinMax(-1.7e308, 1.7e308));
        var matrix = new IndicatorMatrix(["A", "B"], ["I1"], [0, 1]);
        FluentActions.Invoking(() => ScoringPlan.Compile(framework, options).Score(matrix)).Should().Throw<InvalidOperationException>().WithMessage("*overflowed*");
    }

    [Fact]
    public void Uncertainty_HugeRunCount_IsRefusedBeforeAllocating()
    {
        Framework framework = FrameworkJson.Read(FrameworkJsonText(1), "f.json").GetValueOrThrow();
        var matrix = new IndicatorMatrix(["A", "B"], ["I1"], [0, 1]);
        var analysis = WeightUncertainty.FromNoise(ScoringPlan.Compile(framework), 1_000_000_000, 0.25, 1);
        FluentActions.Invoking(() => analysis.Run(matrix)).Should().Throw<InvalidOperationException>().WithMessage("*1000000000 runs*use fewer runs*");
    }

    [Fact]
    public void ColumnLookups_AreConstantTime_SoWideMatricesScoreLinearly()
    {
        // IndexOf per column made scoring quadratic in the number of indicators; the lookup is now a dictionary.
        string[] codes = Enumerable.Range(0, 80_000).Select(i => "I" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var matrix = new IndicatorMatrix(["A"], codes, new double[codes.Length]);
        matrix.ColumnOf("I79999").Should().Be(79_999);
        matrix.ColumnOf("nope").Should().Be(-1);
        matrix.RowOf("A").Should().Be(0);
    }

    [Fact]
    public void Csv_LineLongerThanTheLimit_IsRefusedWithoutReadingItAll()
    {
        var endless = new EndlessReader();
        FluentActions.Invoking(() => ObservationCsv.Read(endless, "zero.csv")).Should().Throw<InvalidDataException>().WithMessage("*MaxLineLength*limit-exceeded*");
        endless.CharsRead.Should().BeLessThan(4L * InputLimits.Default.MaxLineLength);
    }

    [Fact]
    public void Csv_HundredThousandColumns_IsRefusedNamingTheLimit()
    {
        string row = string.Join(',', Enumerable.Repeat("1", 100_000));
        FluentActions.Invoking(() => ObservationCsv.Read(new StringReader(row + "\n"), "wide.csv")).Should().Throw<InvalidDataException>().WithMessage("*MaxColumns*");
        FluentActions.Invoking(() => ScoringInputsCsv.ReadGroups(new StringReader(row + "\n"), "wide.csv").GetValueOrThrow()).Should().Throw<InvalidDataException>().WithMessage("*MaxColumns*");
    }

    [Fact]
    public void Files_InvalidUtf8AndUtf16_AreRefusedNotReplaced()
    {
        string dir = Path.Combine(Path.GetTempPath(), "dx-hostile-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string bad = Path.Combine(dir, "bad.csv");
            File.WriteAllBytes(bad, [.. Encoding.ASCII.GetBytes("unit,indicator,period,value\nA,I"), 0xE9, .. Encoding.ASCII.GetBytes("1,2024,1\n")]);
            FluentActions.Invoking(() => { using TextReader r = InputFile.OpenCsv(bad); ObservationCsv.Read(r, bad); })
                .Should().Throw<InvalidDataException>().WithMessage("*E9*not valid UTF-8*");
            string utf16 = Path.Combine(dir, "u16.csv");
            File.WriteAllText(utf16, "unit,indicator,period,value\n", Encoding.Unicode);
            FluentActions.Invoking(() => InputFile.ReadAllText(utf16)).Should().Throw<InvalidDataException>().WithMessage("*UTF-16*");
            string bom = Path.Combine(dir, "bom.csv");
            File.WriteAllText(bom, "unit,indicator,period,value\nA,I1,2024,1\n", new UTF8Encoding(true));
            using TextReader reader = InputFile.OpenCsv(bom);
            ObservationCsv.Read(reader, bom).GetValueOrThrow().Count.Should().Be(1);
            string big = Path.Combine(dir, "big.json");
            File.WriteAllText(big, new string(' ', 2000));
            FluentActions.Invoking(() => InputFile.ReadAllText(big, new InputLimits { MaxFileBytes = 1000 })).Should().Throw<InvalidDataException>().WithMessage("*MaxFileBytes*");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void OutputFile_FailedWrite_LeavesTheExistingFileIntact()
    {
        string dir = Path.Combine(Path.GetTempPath(), "dx-out-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string path = Path.Combine(dir, "data.csv");
            File.WriteAllText(path, "old\n");
            FluentActions.Invoking(() => OutputFile.Write(path, w => { w.Write("half"); throw new InvalidOperationException("boom"); })).Should().Throw<InvalidOperationException>();
            File.ReadAllText(path).Should().Be("old\n");
            Directory.GetFiles(dir).Should().ContainSingle("the temporary file is removed");
            OutputFile.WriteAllText(path, "new\n");
            File.ReadAllText(path).Should().Be("new\n");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void ScoringInputs_QuotedFieldsAsRWritesThem_AreRead()
    {
        Framework framework = FrameworkJson.Read(FrameworkJsonText(1), "f.json").GetValueOrThrow();
        ScoringInputsCsv.ReadWeights(new StringReader("\"code\",\"weight\"\n\"I1\",2.5\n"), "w.csv", framework).GetValueOrThrow().Should().ContainSingle().Which.Should().Be(new KeyValuePair<string, double>("I1", 2.5));
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string?>> groups = ScoringInputsCsv.ReadGroups(new StringReader("unit,size\nA,\"big, very\"\nB,\n"), "g.csv").GetValueOrThrow();
        groups["size"]["A"].Should().Be("big, very");
        groups["size"]["B"].Should().BeNull();
        using var writer = new StringWriter();
        ScoringInputsCsv.WriteGroups(writer, ["A", "B"], ["size"], (r, _) => r == 0 ? "big, \"very\"" : null);
        writer.ToString().Should().Be("unit,size\nA,\"big, \"\"very\"\"\"\nB,\n");
        ScoringInputsCsv.ReadGroups(new StringReader(writer.ToString()), "g.csv").GetValueOrThrow()["size"]["A"].Should().Be("big, \"very\"");
    }

    private sealed class EndlessReader : TextReader
    {
        public long CharsRead { get; private set; }

        public override int Read(char[] buffer, int index, int count)
        {
            buffer.AsSpan(index, count).Clear();
            CharsRead += count;
            return count;
        }
    }
}
