using System.Globalization;
using DxIndicators.Catalog;
using DxIndicators.Cli.Infrastructure;
using DxIndicators.Data;

namespace DxIndicators.Cli.Tests.Commands;

public class DataCommandTests
{
    [Fact]
    public void Data_Csv_RoundTripsTheSampleExactly()
    {
        var (code, output, _) = CliRunner.Run("data", "--format", "csv");
        code.Should().Be(ExitCodes.Ok);
        ReadResult<Dataset> back = ObservationCsv.Read(new StringReader(output), "stdout");
        back.Problems.Should().BeEmpty();
        back.Value.Should().Be(FrameworkCatalog.GetDataset("dien-bien-sample"));
    }

    [Fact]
    public void Data_Table_ShowsChangeAndTrend()
    {
        // SIPAS 80.10 (2023) → 82.96 (2024), rank 49 → 40 of 63 (seed 004).
        var (code, output, _) = CliRunner.Run("data", "--series");
        code.Should().Be(ExitCodes.Ok);
        output.Should().Contain("+2.86 percentage points since 2023").And.Contain("up 9 places since 2023").And.Contain("↑ improving");
    }

    [Fact]
    public void Data_UserFileWithErrors_ReportsEveryBadLine()
    {
        using var dir = new TempDir();
        string data = dir.File("d.csv", "unit,indicator,period,value,qualifier,numerator,denominator,source\n11,NOPE,2024,1,,,,s\n11,GOV-ONLINE-PROC,2024,abc,,,,s\n11,GOV-ONLINE-PROC,2024,150,,,,s\n");
        var (code, _, error) = CliRunner.Run("data", "--framework", "dien-bien-sample", "--data", data);
        code.Should().Be(ExitCodes.Failure);
        error.Should().Contain("d.csv:2").And.Contain("d.csv:3").And.Contain("d.csv:4");
    }

    [Fact]
    public void Data_SkipBadRows_LoadsTheRestAndSaysWhich()
    {
        using var dir = new TempDir();
        string data = dir.File("d.csv", "unit,indicator,period,value,qualifier,numerator,denominator,source\n11,NOPE,2024,1,,,,s\n11,GOV-ONLINE-PROC,2024,70,,,,s\n");
        var (code, output, error) = CliRunner.Run("data", "--framework", "dien-bien-sample", "--data", data, "--skip-bad-rows", "--format", "csv");
        code.Should().Be(ExitCodes.Ok);
        error.Should().Contain("skipped 1 bad row").And.Contain("d.csv:2");
        output.Should().Contain("11,GOV-ONLINE-PROC,2024,70");
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(2);
        _ = CultureInfo.InvariantCulture;
    }

    [Theory]
    [InlineData("--indicator", "NOPE", "'NOPE' is not an indicator of 'dien-bien-sample'")]
    [InlineData("--unit", "99", "no observations for that unit (units present: 11)")]
    public void Data_FilterMatchingNothing_FailsNamingWhatExists(string option, string value, string message)
    {
        var (code, output, error) = CliRunner.Run("data", option, value);

        code.Should().Be(ExitCodes.Failure);
        output.Should().BeEmpty();
        error.Should().Contain(message).And.Contain("present:");
    }
}
