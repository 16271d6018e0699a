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
        lines.Should().Contain(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).SequenceEqual(new[] { "48", "1", "1", "1–1", "1.00" }));
        lines.Should().Contain(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).SequenceEqual(new[] { "79", "2", "2", "2–2", "2.00" }));
        output.Should().Contain("averaged over the runs: 0 places");
    }

    [Fact]
    public void Uncertainty_BadOptions_ReportsThemAll()
    {
        var (code, _, error) = CliRunner.Run("uncertainty", "--runs", "0", "--noise", "1.5", "--seed", "x");

        code.Should().Be(ExitCodes.Usage);
        error.Should().Contain("--framework and --data are required")
            .And.Contain("--seed: 'x' is not an integer")
            .And.Contain("--runs must be at least 1, was 0")
            .And.Contain("--noise must be in [0, 1], was 1.5");
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
