using System.Globalization;
using DxIndicators.Cli.Infrastructure;
using DxIndicators.Tests.TestSupport;
using Xunit.Abstractions;

namespace DxIndicators.Cli.Tests.Commands;

/// <summary>
/// Reproduces COINr's expected outputs (shared/data/coinr-asem/expected, COINr 1.1.14) through the command line:
/// <c>dx import-coinr</c> then <c>dx score --format csv</c>, every value within 1e-12 relative, every Index rank equal.
/// </summary>
public class CoinrCliTests(ITestOutputHelper output)
{
    public static TheoryData<string, string[]> Cases => new()
    {
        { "P1_minmax_amean", ["--normalise", "minmax:0,100", "--aggregate", "amean"] },
        { "P3_minmax1-100_gmean", ["--normalise", "minmax:1,100", "--aggregate", "gmean"] },
        { "P6a_impute-mean_minmax_amean", ["--impute", "mean", "--normalise", "minmax:0,100", "--aggregate", "amean"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ImportThenScore_ReproducesCoinr(string expectedSet, string[] method)
    {
        string? asem = SharedData.CoinrAsem(output);
        if (asem is null)
        {
            return;
        }

        using var dir = new TempDir();
        var (importCode, _, importError) = CliRunner.Run("import-coinr", "--meta", Path.Combine(asem, "iMeta.csv"), "--data", Path.Combine(asem, "iData.csv"), "--out", dir.Path);
        importCode.Should().Be(ExitCodes.Ok, importError);

        string scores = Path.Combine(dir.Path, "scores.csv");
        string[] args = ["score", "--framework", Path.Combine(dir.Path, "framework.json"), "--data", Path.Combine(dir.Path, "data.csv"), .. method, "--format", "csv", "--out", scores];
        var (code, _, error) = CliRunner.Run(args);
        code.Should().Be(ExitCodes.Ok, error);

        var ours = new Dictionary<(string Unit, string Node), (string Score, string Rank)>();
        foreach (string line in File.ReadAllLines(scores).Skip(1))
        {
            string[] c = line.Split(',');
            ours[(c[0], c[1])] = (c[3], c[4]);
        }

        string expectedDir = Path.Combine(asem, "expected", expectedSet);
        int compared = 0;
        string[] lines = File.ReadAllLines(Path.Combine(expectedDir, "aggregated_full.csv"));
        string[] header = lines[0].Split(',').Select(h => h.Trim('"')).ToArray();
        foreach (string line in lines.Skip(1))
        {
            string[] cells = line.Split(',');
            string unit = cells[0].Trim('"');
            for (int c = 1; c < header.Length; c++)
            {
                ours.Should().ContainKey((unit, header[c]));
                string mine = ours[(unit, header[c])].Score;
                if (cells[c] == "NA")
                {
                    mine.Should().BeEmpty($"{unit}/{header[c]} is NA in COINr");
                    continue;
                }

                double expected = double.Parse(cells[c], CultureInfo.InvariantCulture);
                double actual = double.Parse(mine, CultureInfo.InvariantCulture);
                Math.Abs(actual - expected).Should().BeLessThanOrEqualTo(1e-12 * Math.Max(1, Math.Abs(expected)), $"{expectedSet} {unit}/{header[c]}");
                compared++;
            }
        }

        compared.Should().BeGreaterThan(51 * 49);
        foreach (string line in File.ReadAllLines(Path.Combine(expectedDir, "ranks_index.csv")).Skip(1))
        {
            string[] cells = line.Split(',');
            ours[(cells[0].Trim('"'), "Index")].Rank.Should().Be(cells[2], $"Index rank of {cells[0]}");
        }
    }
}
