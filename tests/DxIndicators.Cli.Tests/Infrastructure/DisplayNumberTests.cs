using DxIndicators.Cli.Infrastructure;

namespace DxIndicators.Cli.Tests.Infrastructure;

/// <summary>Every number the CLI shows goes through DisplayRounding: once from full precision, half away from zero.</summary>
public sealed class DisplayNumberTests
{
    [Theory]
    [InlineData(0.9637499999999999, "0.9637")] // "0.0000" gives 0.9638 (rounds to 15 digits, then again)
    [InlineData(0.96875, "0.9688")] // exact half (31/32) goes away from zero
    [InlineData(-0.03125, "-0.0313")]
    [InlineData(double.NaN, "—")]
    public void Score_RoundsOnce(double value, string expected) => Text.Score(value).Should().Be(expected);

    [Theory]
    [InlineData(1234567.96374999999, "1,234,567.9637")]
    [InlineData(0.9637499999999999, "0.9637")]
    [InlineData(2.5, "2.5")]
    public void Num_RoundsOnceAndTrims(double value, string expected) => Text.Num(value).Should().Be(expected);

    [Theory]
    [InlineData(0.06, "+0.0600")]
    [InlineData(-0.00004, "0.0000")]
    [InlineData(-0.12345, "-0.1235")] // the double nearest -0.12345 is -0.123450000000000004174…
    public void Change_IsSignedWithFourDecimals(double value, string expected) => Text.Change(value).Should().Be(expected);

    [Fact]
    public void DataTable_ShowsAValueJustBelowAHalfRoundedDown()
    {
        using var dir = new TempDir();
        string data = dir.File("d.csv", "unit,indicator,period,value,qualifier,numerator,denominator,source\n48,AWR,2022,0.9637499999999999,,,,dti.gov.vn\n");

        var (code, output, error) = CliRunner.Run("data", "--framework", "vn-dti-province-2022", "--data", data);

        code.Should().Be(ExitCodes.Ok, error);
        output.Should().Contain("0.9637").And.NotContain("0.9638");
    }
}
