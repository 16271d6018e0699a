using System.Globalization;
using System.Text.Json;
using DxIndicators.Cli.Infrastructure;

namespace DxIndicators.Cli.Tests.Commands;

/// <summary><c>--format json</c> and <c>csv</c> on every command that prints results, and <c>--lang</c>.</summary>
public class OutputFormatTests
{
    [Fact]
    public void Score_Json_HoldsTheCsvRowsWithUniverse()
    {
        // (.ci/run reruns this under vi-VN and tr-TR with globalisation on: the numbers must not follow the culture.)
        {
            var (code, output, error) = CliRunner.Run("score", "--format", "json");
            code.Should().Be(ExitCodes.Ok, error);
            using JsonDocument doc = JsonDocument.Parse(output);
            JsonElement root = doc.RootElement;
            root.GetProperty("framework").GetString().Should().Be("dien-bien-sample");
            root.GetProperty("units").EnumerateArray().Select(u => u.GetString()).Should().Equal("11");
            string[] csv = CliRunner.Run("score", "--format", "csv").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1..];
            JsonElement[] rows = [.. root.GetProperty("rows").EnumerateArray()];
            rows.Should().HaveCount(csv.Length, "one JSON row per CSV row");
            for (int i = 0; i < rows.Length; i++)
            {
                string[] cells = csv[i].Split(',');
                rows[i].GetProperty("node").GetString().Should().Be(cells[1]);
                rows[i].GetProperty("level").GetInt32().Should().Be(int.Parse(cells[2], CultureInfo.InvariantCulture));
                JsonElement score = rows[i].GetProperty("score");
                if (cells[3].Length == 0)
                {
                    score.ValueKind.Should().Be(JsonValueKind.Null);
                }
                else
                {
                    score.GetDouble().Should().Be(double.Parse(cells[3], CultureInfo.InvariantCulture), "the same double, round-trip");
                }
            }

            JsonElement root1 = rows.Single(r => r.GetProperty("node").GetString() == root.GetProperty("rows")[rows.Length - 1].GetProperty("node").GetString());
            root1.GetProperty("universe").GetInt32().Should().Be(1);
        }
    }

    [Fact]
    public void Score_UnitOrCompareTo_WithMachineFormats_AreReportedTogether()
    {
        var (code, _, error) = CliRunner.Run("score", "--format", "json", "--unit", "11", "--compare-to", "2024", "--allow-different-universes", "--bogus");
        code.Should().Be(ExitCodes.Usage);
        error.Should().Contain("unknown option --bogus").And.Contain("--unit selects the unit shown").And.Contain("--compare-to prints a change table");
    }

    [Fact]
    public void Frameworks_JsonAndCsv_ListEveryFramework_AndShowWritesTheFrameworkDocument()
    {
        using JsonDocument list = JsonDocument.Parse(CliRunner.Run("frameworks", "--format", "json").Out);
        JsonElement dti = list.RootElement.GetProperty("frameworks").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "vn-dti-province-2022");
        // Decision 922/QĐ-BTTTT: 9 main indices in the provincial DTI 2022 (docs/frameworks.md).
        dti.GetProperty("underRoot").GetInt32().Should().Be(9);
        list.RootElement.GetProperty("targetCatalogues").GetArrayLength().Should().BeGreaterThan(0);

        CliRunner.Run("frameworks", "--format", "csv").Out.Should().StartWith("kind,id,version,name,indicators,nodes,targets,provisional\n")
            .And.Contain("framework,vn-dti-province-2022,2022.1,");

        string shown = CliRunner.Run("frameworks", "--show", "vn-dti-province-2022", "--format", "json").Out;
        using JsonDocument framework = JsonDocument.Parse(shown);
        framework.RootElement.GetProperty("id").GetString().Should().Be("vn-dti-province-2022");
        using var dir = new TempDir();
        var (code, output, error) = CliRunner.Run("validate", dir.File("f.json", shown));
        code.Should().Be(ExitCodes.Ok, error + output);
    }

    [Fact]
    public void Validate_Json_ListsEveryProblem_AndExitsOne()
    {
        using var dir = new TempDir();
        string path = dir.File("bad.json", """{"id": "x", "version": "1", "name": {"vi": "x", "en": "x"}, "root": "MISSING", "nodes": [], "indicators": []}""");
        var (code, output, _) = CliRunner.Run("validate", path, "--format", "json");
        code.Should().Be(ExitCodes.Failure);
        using JsonDocument doc = JsonDocument.Parse(output);
        doc.RootElement.GetProperty("valid").GetBoolean().Should().BeFalse();
        doc.RootElement.GetProperty("errors").GetInt32().Should().BeGreaterThan(0);
        doc.RootElement.GetProperty("problems").EnumerateArray().Should().OnlyContain(p => p.GetProperty("rule").GetString()!.Length > 0);
        CliRunner.Run("validate", path, "--format", "csv").Out.Should().StartWith("file,severity,path,rule,code,message\n");
    }

    [Fact]
    public void TargetsList_Json_HoldsEveryCatalogueTarget()
    {
        using JsonDocument doc = JsonDocument.Parse(CliRunner.Run("targets", "--list", "--format", "json").Out);
        JsonElement national = doc.RootElement.EnumerateArray().Single(c => c.GetProperty("id").GetString() == "vn-national-dx-targets");
        national.GetProperty("targets").GetArrayLength().Should().Be(DxIndicators.Catalog.FrameworkCatalog.GetTargets("vn-national-dx-targets").Targets.Count);
        CliRunner.Run("targets", "--list", "--data", "x.csv").Error.Should().Contain("--list takes only --format and --out, not --data");
    }

    [Fact]
    public void Lang_Vi_PrintsVietnameseNames_En_English()
    {
        DxIndicators.Model.Framework f = DxIndicators.Catalog.FrameworkCatalog.Get("vn-dti-province-2022");
        CliRunner.Run("frameworks", "--lang", "vi").Out.Should().Contain(f.Metadata.Name.Vi);
        CliRunner.Run("frameworks").Out.Should().Contain(f.Metadata.Name.En);
        CliRunner.Run("frameworks", "--show", "vn-dti-province-2022", "--lang", "vi").Out.Should().Contain(f.GetNode(f.Root).Name.Vi);
        DxIndicators.Model.Framework sample = DxIndicators.Catalog.FrameworkCatalog.Get("dien-bien-sample");
        CliRunner.Run("score", "--lang", "vi").Out.Should().Contain(sample.Indicators[0].Name.Vi.Length > 44 ? sample.Indicators[0].Name.Vi[..40] : sample.Indicators[0].Name.Vi);
        CliRunner.Run("targets", "--lang", "vi").Out.Should().Contain(sample.Metadata.Name.Vi);
        CliRunner.Run("score", "--lang", "fr").Error.Should().Contain("--lang must be vi or en, was 'fr'");
    }

    [Theory]
    [InlineData("uncertainty", "--runs", "20")]
    [InlineData("sensitivity", "--runs", "8", "--bootstrap", "10")]
    [InlineData("audit")]
    [InlineData("contributions")]
    public void Lang_Vi_NamesTheFrameworkInVietnamese_InTheAnalysisCommands(params string[] args)
    {
        DxIndicators.Model.Framework sample = DxIndicators.Catalog.FrameworkCatalog.Get("dien-bien-sample");
        sample.Metadata.Name.Vi.Should().NotBe(sample.Metadata.Name.En, "the test needs two different names");
        var (viCode, vi, _) = CliRunner.Run([.. args, "--lang", "vi"]);
        var (enCode, en, _) = CliRunner.Run(args);
        viCode.Should().Be(0);
        enCode.Should().Be(0);
        vi.Should().Contain(sample.Metadata.Name.Vi + " — ");
        en.Should().Contain(sample.Metadata.Name.En + " — ");
    }
}

/// <summary>Usage texts come from the option definitions; every command reports an unknown option.</summary>
public class UsageFromDefinitionsTests
{
    public static TheoryData<string> CommandNames()
    {
        var data = new TheoryData<string>();
        foreach (ICommand command in Program.Commands)
        {
            data.Add(command.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void Usage_ListsEveryDefinedOption_WithItsHelp(string name)
    {
        ICommand command = Program.Commands.Single(c => c.Name == name);
        string usage = command.Usage;
        usage.Should().StartWith("Usage: dx " + name).And.Be(UsageText.For(command));
        foreach (CliOption option in command.Forms.SelectMany(f => f.Options))
        {
            usage.Should().Contain(option.Synopsis, "the synopsis is derived from the definition");
            usage.Should().Contain(option.Help.Split(' ')[0], "each option has its help line");
        }

        var (code, output, _) = CliRunner.Run(name, "--help");
        code.Should().Be(ExitCodes.Ok);
        output.Should().StartWith(usage);
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void EveryForm_RejectsAnUnknownOption_AndAWrongChoice(string name)
    {
        ICommand command = Program.Commands.Single(c => c.Name == name);
        foreach (CommandForm form in command.Forms)
        {
            string[] words = [.. form.Words.Split(' ').Skip(1)];
            var (code, _, error) = CliRunner.Run([name, .. words, "--no-such-option", "--lang", "xx"]);
            code.Should().Be(ExitCodes.Usage, form.Words);
            error.Should().Contain("unknown option --no-such-option").And.Contain("--lang must be vi or en, was 'xx'", "all problems at once");
        }
    }
}
