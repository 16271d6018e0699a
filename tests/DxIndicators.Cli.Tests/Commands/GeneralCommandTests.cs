using DxIndicators.Catalog;
using DxIndicators.Cli.Infrastructure;

namespace DxIndicators.Cli.Tests.Commands;

public class GeneralCommandTests
{
    [Fact]
    public void Run_NoArguments_PrintsHelpAndUsageCode()
    {
        var (code, output, _) = CliRunner.Run();
        code.Should().Be(ExitCodes.Usage);
        output.Should().Contain("score").And.Contain("targets").And.Contain("frameworks");
    }

    [Fact]
    public void Run_UnknownCommand_SaysSoAndListsCommands()
    {
        var (code, _, error) = CliRunner.Run("scroe");
        code.Should().Be(ExitCodes.Usage);
        error.Should().Contain("unknown command 'scroe'").And.Contain("targets");
    }

    [Fact]
    public void Frameworks_ListsEveryBuiltIn()
    {
        var (code, output, _) = CliRunner.Run("frameworks");
        code.Should().Be(ExitCodes.Ok);
        foreach (string id in FrameworkCatalog.Ids.Concat(FrameworkCatalog.TargetIds))
        {
            output.Should().Contain(id);
        }
    }

    [Fact]
    public void Frameworks_Show_PrintsTreeWithPoints()
    {
        var (code, output, _) = CliRunner.Run("frameworks", "--show", "vn-dti-province-2022");
        code.Should().Be(ExitCodes.Ok);
        output.Should().Contain("GOV").And.Contain("[200 pts]").And.Contain("CQS");
    }

    [Fact]
    public void Validate_BrokenFile_ListsEveryProblemAndFails()
    {
        using var dir = new TempDir();
        string path = dir.File("bad.json", """
            { "formatVersion": 1, "id": "x", "version": "1", "name": { "vi": "", "en": "X" },
              "methodologySource": "test", "effectiveFrom": "2024-01-01", "scale": { "min": 0, "max": 1 },
              "root": "I",
              "nodes": [ { "code": "I", "kind": "index", "name": { "vi": "", "en": "I" },
                           "children": [ { "code": "A", "weight": -1 }, { "code": "MISSING" } ] } ],
              "indicators": [ { "code": "A", "name": { "vi": "", "en": "A" }, "measure": "percentage", "unit": "%",
                                "polarity": "higherIsBetter" } ] }
            """);
        var (code, _, error) = CliRunner.Run("validate", path);
        code.Should().Be(ExitCodes.Failure);
        error.Should().Contain("$.nodes[0].children[0].weight").And.Contain("$.nodes[0].children[1].code").And.Contain("MISSING");
    }

    [Fact]
    public void Validate_BuiltInJson_IsValid()
    {
        using var dir = new TempDir();
        using var reader = new StreamReader(FrameworkCatalog.OpenJson("vn-dti-province-2022"));
        string path = dir.File("dti.json", reader.ReadToEnd());
        var (code, output, _) = CliRunner.Run("validate", path);
        code.Should().Be(ExitCodes.Ok);
        output.Should().Contain("valid framework vn-dti-province-2022");
    }
}
