using DxIndicators.Cli.Infrastructure;

namespace DxIndicators.Cli.Tests.Commands;

/// <summary>Issue 9's hostile probes of the CLI: each exits 1 with a message naming the place and rule, never a stack
/// trace, and never damages an existing output.</summary>
public class HostileCliTests
{
    private const string Meta = """
        "Level","iCode","iName","Direction","Weight","Unit","Target","Denominator","Parent","Type"
        1,"A","Ind A",1,1,"u",NA,NA,"P","Indicator"
        1,"B","Ind B",-1,1,"u",NA,NA,"P","Indicator"
        2,"P","Pillar",1,1,"Score",NA,NA,"Index","Aggregate"
        3,"Index","Index",1,1,"Score",NA,NA,NA,"Aggregate"
        NA,"G","Group",NA,NA,NA,NA,NA,NA,"Group"
        """;

    private const string Data = """
        "uName","uCode","G","Time","A","B"
        "Xland","XXX","big, very",2018,1,2
        "Yland","YYY",NA,2018,3,4
        """;

    [Fact]
    public void ImportCoinr_ValidInput_WritesGroupsItsOwnReaderReadsBack()
    {
        using var dir = new TempDir();
        string outDir = System.IO.Path.Combine(dir.Path, "out");
        var (code, _, error) = CliRunner.Run("import-coinr", "--meta", dir.File("m.csv", Meta), "--data", dir.File("d.csv", Data), "--out", outDir);
        code.Should().Be(ExitCodes.Ok, error);
        File.ReadAllText(System.IO.Path.Combine(outDir, "groups.csv")).Should().Be("unit,G\nXXX,\"big, very\"\nYYY,\n");
        var (code2, output, error2) = CliRunner.Run("score", "--framework", System.IO.Path.Combine(outDir, "framework.json"), "--data", System.IO.Path.Combine(outDir, "data.csv"),
            "--groups", System.IO.Path.Combine(outDir, "groups.csv"), "--impute", "groupmean:G", "--normalise", "minmax", "--units", "none");
        code2.Should().Be(ExitCodes.Ok, error2);
        output.Should().Contain("XXX");
    }

    [Theory]
    [InlineData("\"Xland\",\"XXX\",\"big, very\",2018,1,2\n\"Yl\"and\",\"YYY\",NA,2018,3,4", "malformed")]
    [InlineData("\"Xland\",\"XXX\",\"big, very\",2018,1,2\n\"Yland\",\"YYY\",NA,2018,3", "missing-fields")]
    [InlineData("\"Xland\",\"XXX\",\"big, very\",abc,1,2\n\"Yland\",\"YYY\",NA,abc,3,4", "bad-period")]
    [InlineData("\"Xland\",\"XXX\",\"big, very\",2018,1e999,2\n\"Yland\",\"YYY\",NA,2018,3,4", "not-finite")]
    public void ImportCoinr_BadData_FailsWithRuleAndKeepsExistingOutputs(string rows, string rule)
    {
        using var dir = new TempDir();
        string outDir = System.IO.Path.Combine(dir.Path, "out");
        Directory.CreateDirectory(outDir);
        string existing = System.IO.Path.Combine(outDir, "data.csv");
        File.WriteAllText(existing, "precious\n");
        string data = "\"uName\",\"uCode\",\"G\",\"Time\",\"A\",\"B\"\n" + rows + "\n";
        var (code, _, error) = CliRunner.Run("import-coinr", "--meta", dir.File("m.csv", Meta), "--data", dir.File("d.csv", data), "--out", outDir);
        code.Should().Be(ExitCodes.Failure);
        error.Should().MatchRegex(@"d\.csv:[23]");
        error.Should().Contain($"[{rule}]").And.NotContain("   at ");
        File.ReadAllText(existing).Should().Be("precious\n");
    }

    [Theory]
    [InlineData("NaN", "not-finite")]
    [InlineData("NA", "missing-field")]
    public void ImportCoinr_MissingOrNaNWeight_IsAnErrorNotOne(string weight, string rule)
    {
        using var dir = new TempDir();
        string meta = Meta.Replace("1,\"B\",\"Ind B\",-1,1,", $"1,\"B\",\"Ind B\",-1,{weight},", StringComparison.Ordinal);
        var (code, _, error) = CliRunner.Run("import-coinr", "--meta", dir.File("m.csv", meta), "--data", dir.File("d.csv", Data), "--out", System.IO.Path.Combine(dir.Path, "o"));
        code.Should().Be(ExitCodes.Failure);
        error.Should().Contain("m.csv:3").And.Contain($"[{rule}]");
    }

    [Fact]
    public void ImportCoinr_FractionalLevel_IsAnError()
    {
        using var dir = new TempDir();
        string meta = Meta.Replace("2,\"P\"", "2.9,\"P\"", StringComparison.Ordinal);
        var (code, _, error) = CliRunner.Run("import-coinr", "--meta", dir.File("m.csv", meta), "--data", dir.File("d.csv", Data), "--out", System.IO.Path.Combine(dir.Path, "o"));
        code.Should().Be(ExitCodes.Failure);
        error.Should().Contain("m.csv:4").And.Contain("whole-number Level");
    }

    [Fact]
    public void Uncertainty_HugeRuns_FailsCleanly()
    {
        using var dir = new TempDir();
        string data = dir.File("dti.csv", CliTestData.Dti2022Csv);
        var (code, _, error) = CliRunner.Run("uncertainty", "--framework", "vn-dti-province-2022", "--data", data, "--runs", "1000000000");
        code.Should().Be(ExitCodes.Failure);
        error.Should().Contain("use fewer runs").And.NotContain("   at ");
    }

    [Fact]
    public void Validate_DeepNesting_ExitsOneSayingTooDeep()
    {
        using var dir = new TempDir();
        string path = dir.File("nest.json", new string('[', 100_000) + new string(']', 100_000));
        var (code, output, error) = CliRunner.Run("validate", path);
        code.Should().Be(ExitCodes.Failure);
        (output + error).Should().Contain("nesting is too deep");
    }

    [Fact]
    public void Score_DevZero_IsRefusedNamingTheLimit()
    {
        if (!File.Exists("/dev/zero"))
        {
            return; // Windows has no /dev/zero; the limit itself is tested in the library.
        }

        var (code, _, error) = CliRunner.Run("score", "--framework", "vn-dti-province-2022", "--data", "/dev/zero");
        code.Should().Be(ExitCodes.Failure);
        error.Should().Contain("MaxLineLength");
    }

    [Fact]
    public void Score_WeightsFileWithQuotes_IsRead()
    {
        using var dir = new TempDir();
        string data = dir.File("dti.csv", CliTestData.Dti2022Csv);
        string weights = dir.File("w.csv", "\"code\",\"weight\"\n\"AWR\",2\n");
        var (code, _, error) = CliRunner.Run("score", "--framework", "vn-dti-province-2022", "--data", data, "--weights", weights, "--aggregate", "amean");
        error.Should().NotContain("header");
        code.Should().Be(ExitCodes.Ok, error);
    }
}
