using DxIndicators.Cli.Infrastructure;
using DxIndicators.Tests.TestSupport;
using Xunit.Abstractions;

namespace DxIndicators.Cli.Tests.Commands;

/// <summary><c>dx uncertainty</c> / <c>dx sensitivity</c> with Dirichlet weights and aggregator lists per level, on the imported ASEM example.</summary>
public class UncertaintyInputsCliTests(ITestOutputHelper output)
{
    [Fact]
    public void Uncertainty_DirichletAndAggregatorsPerLevel_RunAndDescribeTheInputs()
    {
        string asem = SharedData.CoinrAsem(output) ?? throw new InvalidOperationException("the shared ASEM example is needed (../shared/data/coinr-asem)");
        using var dir = new TempDir();
        string import = Path.Combine(dir.Path, "import");
        CliRunner.Run("import-coinr", "--meta", Path.Combine(asem, "iMeta.csv"), "--data", Path.Combine(asem, "iData.csv"), "--out", import).ExitCode.Should().Be(ExitCodes.Ok);
        string[] data = ["--framework", Path.Combine(import, "framework.json"), "--data", Path.Combine(import, "data.csv"), "--normalise", "minmax:1,100"];

        var (code, text, error) = CliRunner.Run(["uncertainty", .. data, "--runs", "400", "--dirichlet", "20", "--dirichlet-nodes", "Conn,Sust", "--noise", "0.2", "--vary", "aggregate@2:amean|gmean,aggregate@3:amean|hmean"]);

        code.Should().Be(ExitCodes.Ok, error);
        text.Should().Contain("children's weights of Conn, Sust drawn from Dirichlet(20·nominal shares)")
            .And.Contain("aggregator at level 2 one of amean, gmean")
            .And.Contain("aggregator at level 3 one of amean, hmean");

        var (scode, stext, serror) = CliRunner.Run(["sensitivity", .. data, "--runs", "200", "--dirichlet", "0.5", "--dirichlet-symmetric", "--vary", "aggregate@2:amean|gmean"]);

        scode.Should().Be(ExitCodes.Ok, serror);
        stext.Should().Contain("Dirichlet(0.5, …, 0.5)").And.Contain("Weights").And.Contain("Aggregator");
    }

    [Fact]
    public void Uncertainty_BadDirichletAndLevels_ListsEveryProblem()
    {
        var (code, _, error) = CliRunner.Run("uncertainty", "--dirichlet", "-1", "--dirichlet-nodes", "NOPE", "--vary", "aggregate@x:amean,aggregate@9:amean");

        code.Should().Be(ExitCodes.Usage);
        error.Should().Contain("the concentration α must be in (0, 1e9] but was -1")
            .And.Contain("has no node 'NOPE'")
            .And.Contain("'x' is not a level number")
            .And.Contain("level 9 has no aggregated node");
        CliRunner.Run("uncertainty", "--dirichlet-symmetric").Error.Should().Contain("--dirichlet-nodes and --dirichlet-symmetric need --dirichlet A");
    }
}
