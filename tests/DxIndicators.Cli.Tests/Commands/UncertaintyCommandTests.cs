using DxIndicators.Cli.Infrastructure;

namespace DxIndicators.Cli.Tests.Commands;

public class UncertaintyCommandTests
{
    // CliTestData.Dti2022Csv: published 2022 main-index values for Đà Nẵng (48) and HCMC (79).
    // 48 is ahead on every main index except INF (0.8253 vs 0.8258). With noise X ≤ 0.5 every drawn weight lies in
    // [0.5w, 1.5w), so 48's lead is at least 0.5·Σ w·(its leads) − 1.5·100·0.0005 > 0: it ranks 1st in every run.
    [Fact]
    public void Uncertainty_DominatingUnit_KeepsItsRankInEveryRun()
    {
        using var dir = new TempDir();
        string data = dir.File("d.csv", CliTestData.Dti2022Csv);

        var (code, output, error) = CliRunner.Run("uncertainty", "--framework", "vn-dti-province-2022", "--data", data, "--runs", "200", "--noise", "0.5", "--seed", "3");

        code.Should().Be(ExitCodes.Ok, error);
        output.Should().Contain("200 runs").And.Contain("0.5·w").And.Contain("seed 3");
        string[] lines = output.Split('\n');
        lines.Should().Contain(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(6).SequenceEqual(new[] { "48", "1", "1", "1–1", "1.00", "0.00" }));
        lines.Should().Contain(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(6).SequenceEqual(new[] { "79", "2", "2", "2–2", "2.00", "0.00" }));
        output.Should().Contain("averaged over the runs: 0 places");
    }

    [Fact]
    public void Uncertainty_BadOptions_ReportsThemAll()
    {
        var (code, _, error) = CliRunner.Run("uncertainty", "--framework", "vn-dti-province-2022", "--runs", "0", "--noise", "1.5", "--seed", "x");

        code.Should().Be(ExitCodes.Usage);
        error.Should().Contain("--framework and --data go together")
            .And.Contain("--seed: 'x' is not an integer")
            .And.Contain("--runs must be at least 1, was 0")
            .And.Contain("--noise must be in [0, 1], was 1.5");
    }

    [Theory]
    [InlineData("uncertainty", "Node DB-DX:")]
    [InlineData("sensitivity", "Sobol indices of the mean absolute rank shift of DB-DX")]
    [InlineData("audit", "Indicator statistics (raw values):")]
    [InlineData("contributions", "Sum of contributions")]
    public void AnalysisCommands_NoArguments_RunOnTheBuiltInSample(string command, string expected)
    {
        var (code, output, error) = CliRunner.Run(command);

        code.Should().Be(ExitCodes.Ok, error);
        output.Should().Contain("the built-in sample").And.Contain(expected);
        error.Should().BeEmpty("no progress bar when the error stream is not a terminal");
    }

    [Fact]
    public void Uncertainty_OnATerminal_DrawsAProgressBar()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, NodaTime.SystemClock.Instance, NodaTime.DateTimeZone.Utc) { Interactive = true };

        int code = Program.Run(["uncertainty", "--runs", "5000"], context);

        code.Should().Be(ExitCodes.Ok, error.ToString());
        // Spectre.Console's live progress: the bar (━), the percentage, then the bar is cleared and the cursor shown again.
        error.ToString().Should().Contain("━").And.Contain("100%").And.EndWith("\u001b[?25h");
        output.ToString().Should().NotContain("\u001b", "the results on standard output stay plain text");
    }

    [Fact]
    public void Uncertainty_VaryAndJson_DescribesTheInputsAndParses()
    {
        using var dir = new TempDir();
        string data = dir.File("d.csv", CliTestData.Dti2022Csv);

        var (code, output, error) = CliRunner.Run("uncertainty", "--framework", "vn-dti-province-2022", "--data", data, "--runs", "300", "--noise-levels", "1", "--vary", "normalise:minmax:1,100|rank,treat,exclude", "--format", "json");

        code.Should().Be(ExitCodes.Ok, error);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        json.RootElement.GetProperty("runs").GetInt32().Should().Be(300);
        json.RootElement.GetProperty("inputs").EnumerateArray().Select(e => e.GetString()).Should().Equal("Weights", "Normaliser", "Treatment", "Exclusion");
        json.RootElement.GetProperty("description").GetString().Should().Contain("at levels 1").And.Contain("minmax:1,100, rank");
        json.RootElement.GetProperty("nodes")[0].GetProperty("units").GetArrayLength().Should().Be(2);
    }

    [Fact]
    public void Uncertainty_BadVary_ListsEveryProblem()
    {
        using var dir = new TempDir();
        string data = dir.File("d.csv", CliTestData.Dti2022Csv);

        var (code, _, error) = CliRunner.Run("uncertainty", "--framework", "vn-dti-province-2022", "--data", data, "--vary", "shuffle:x,normalise:nope,exclude:NOT-A-CODE", "--noise-levels", "9");

        code.Should().Be(ExitCodes.Usage);
        error.Should().Contain("--vary normalise: --normalise: unknown method 'nope'").And.Contain("'shuffle' is not normalise").And.Contain("NOT-A-CODE").And.Contain("level 9 has no weights");
    }

    [Fact]
    public void Sensitivity_TwoInputs_PrintsBothIndices()
    {
        using var dir = new TempDir();
        string data = dir.File("d.csv", CliTestData.Dti2022Csv);

        var (code, output, error) = CliRunner.Run("sensitivity", "--framework", "vn-dti-province-2022", "--data", data, "--runs", "64", "--bootstrap", "50", "--vary", "normalise:minmax|rank", "--format", "csv");

        code.Should().Be(ExitCodes.Ok, error);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("input,first,first_low,first_high,total,total_low,total_high");
        lines.Skip(1).Select(l => l.Split(',')[0]).Should().Equal("Weights", "Normaliser");
    }

    [Fact]
    public void Audit_Csv_IsTheLongCorrelationMatrix()
    {
        using var dir = new TempDir();
        string data = dir.File("d.csv", CliTestData.Dti2022Csv);

        var (code, output, error) = CliRunner.Run("audit", "--framework", "vn-dti-province-2022", "--data", data, "--format", "csv", "--correlation", "spearman");

        code.Should().Be(ExitCodes.Ok, error);
        output.Should().StartWith("a,level_a,b,level_b,method,r,n\n").And.Contain(",spearman,");
    }

    [Fact]
    public void Contributions_UnknownUnit_IsAUsageError()
    {
        var (code, _, error) = CliRunner.Run("contributions", "--unit", "99");

        code.Should().Be(ExitCodes.Usage);
        error.Should().Contain("no unit '99'");
    }

    [Fact]
    public void Uncertainty_PeriodWithoutData_FailsNamingThePeriodsPresent()
    {
        using var dir = new TempDir();
        string data = dir.File("d.csv", CliTestData.Dti2022Csv);

        var (code, output, error) = CliRunner.Run("uncertainty", "--framework", "vn-dti-province-2022", "--data", data, "--period", "2030", "--runs", "5");

        code.Should().Be(ExitCodes.Failure);
        output.Should().BeEmpty();
        error.Should().Contain("--period 2030").And.Contain("periods present: 2022");
    }
}
