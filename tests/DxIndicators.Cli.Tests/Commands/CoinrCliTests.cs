using System.Globalization;
using DxIndicators.Cli.Infrastructure;
using DxIndicators.Tests.TestSupport;
using Xunit.Abstractions;

namespace DxIndicators.Cli.Tests.Commands;

/// <summary>
/// Reproduces COINr through the command line: <c>dx import-coinr</c> of the ASEM example, then <c>dx score --format csv</c>,
/// every value within 1e-12 relative and every aggregate's rank equal. The COINr call each pipeline corresponds to is
/// named beside it. P1, P3 and P6a compare with COINr 1.1.14's own output (shared/data/coinr-asem/expected); the
/// distance-to-target and goalposts pipelines, for which that folder has no output, compare with
/// <see cref="CoinrReference"/>, an independent plain implementation of COINr's documented formulas (R was not run).
/// </summary>
public class CoinrCliTests(ITestOutputHelper output)
{
    public static TheoryData<string, string[]> Cases => new()
    {
        // Normalise(coin, "Raw", global_specs = list(f_n = "n_minmax", f_n_para = list(l_u = c(0, 100)))); Aggregate(coin, "Normalised", f_ag = "a_amean")
        { "P1_minmax_amean", ["--normalise", "minmax:0,100", "--aggregate", "amean"] },
        // The same with COINr's defaults, Normalise(coin, "Raw"); Aggregate(coin, "Normalised"): min-max without bounds
        // maps onto the import's declared output scale, 0–100.
        { "P1_minmax_amean", ["--normalise", "minmax"] },
        // Normalise(..., l_u = c(1, 100)); Aggregate(..., f_ag = "a_gmean")
        { "P3_minmax1-100_gmean", ["--normalise", "minmax:1,100", "--aggregate", "gmean"] },
        // Impute(coin, "Raw", f_i = "i_mean"); Normalise(coin, "Imputed", l_u = c(0, 100)); Aggregate(..., "a_amean")
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
        Dictionary<(string Unit, string Node), (string Score, string Rank)> ours = ImportAndScore(asem, dir, method);

        string expectedDir = Path.Combine(asem, "expected", expectedSet);
        int compared = 0;
        foreach ((string unit, string column, string cell) in Cells(Path.Combine(expectedDir, "aggregated_full.csv")))
        {
            ours.Should().ContainKey((unit, column));
            string mine = ours[(unit, column)].Score;
            if (cell == "NA")
            {
                mine.Should().BeEmpty($"{unit}/{column} is NA in COINr");
                continue;
            }

            ShouldMatch(double.Parse(mine, CultureInfo.InvariantCulture), double.Parse(cell, CultureInfo.InvariantCulture), $"{expectedSet} {unit}/{column}");
            compared++;
        }

        compared.Should().BeGreaterThan(51 * 49);
        int ranks = 0;
        foreach ((string unit, string column, string cell) in Cells(Path.Combine(expectedDir, "ranks_all_aggregates.csv")))
        {
            ours[(unit, column)].Rank.Should().Be(cell, $"rank of {unit} in {column}");
            ranks++;
        }

        ranks.Should().Be(51 * 11);
    }

    [Fact]
    public void Reference_ReproducesCoinrOwnP1Output()
    {
        // Anchors the independent reference: it must give COINr's own P1 numbers before it is trusted for the others.
        string? asem = SharedData.CoinrAsem(output);
        if (asem is null)
        {
            return;
        }

        var reference = new CoinrReference(asem);
        Dictionary<string, double[]> all = reference.Aggregate(reference.MinMax(0, 100));
        int compared = 0;
        foreach ((string unit, string column, string cell) in Cells(Path.Combine(asem, "expected", "P1_minmax_amean", "aggregated_full.csv")))
        {
            double mine = all[column][reference.Units.ToList().IndexOf(unit)];
            if (cell == "NA")
            {
                double.IsNaN(mine).Should().BeTrue();
                continue;
            }

            ShouldMatch(mine, double.Parse(cell, CultureInfo.InvariantCulture), $"reference P1 {unit}/{column}");
            compared++;
        }

        compared.Should().BeGreaterThan(51 * 49);
    }

    [Fact]
    public void ImportThenScore_DistanceToTarget_ReproducesCoinr()
    {
        // Normalise(coin, dset = "Raw", global_specs = list(f_n = "n_dist2targ", f_n_para = "use_iMeta")) — the iMeta
        // Target column, cap_max FALSE (ASEM's iMeta has no dist2targ_cap_max) — then Aggregate(coin, "Normalised", f_ag = "a_amean").
        // The denominators (Area, Energy, GDP, Population) have no target; COINr never normalises them, nor do we.
        string? asem = SharedData.CoinrAsem(output);
        if (asem is null)
        {
            return;
        }

        var reference = new CoinrReference(asem);
        using var dir = new TempDir();
        CompareWithReference(reference, reference.Aggregate(reference.DistanceToTarget()), ImportAndScore(asem, dir, ["--normalise", "dist2targ", "--aggregate", "amean"]), "dist2targ");
    }

    [Fact]
    public void ImportThenScore_Goalposts_ReproducesCoinr()
    {
        // Normalise(coin, dset = "Raw", global_specs = list(f_n = "n_goalposts", f_n_para = "use_iMeta")) with iMeta
        // columns goalpost_lower / goalpost_upper = min + 10 % / max − 10 % of each raw range, goalpost_scale = 100,
        // goalpost_trunc2posts = TRUE (so values beyond the posts are truncated); then Aggregate(..., f_ag = "a_amean").
        // dx import-coinr reads those iMeta columns into the framework's goalposts and DIR/goalposts.csv.
        string? asem = SharedData.CoinrAsem(output);
        if (asem is null)
        {
            return;
        }

        var reference = new CoinrReference(asem);
        var posts = new Dictionary<string, (double Lower, double Upper)>(StringComparer.Ordinal);
        foreach (string code in reference.Indicators)
        {
            double[] x = reference.Raw(code).Where(v => !double.IsNaN(v)).ToArray();
            double range = x.Max() - x.Min();
            posts[code] = (x.Min() + (0.1 * range), x.Max() - (0.1 * range));
        }

        using var dir = new TempDir();
        string[] meta = File.ReadAllLines(Path.Combine(asem, "iMeta.csv"));
        int codeColumn = Array.IndexOf(meta[0].Split(','), "\"iCode\"");
        var withPosts = new List<string> { meta[0] + ",\"goalpost_lower\",\"goalpost_upper\",\"goalpost_scale\",\"goalpost_trunc2posts\"" };
        foreach (string line in meta.Skip(1))
        {
            string code = line.Split(',')[codeColumn].Trim('"');
            withPosts.Add(line + (posts.TryGetValue(code, out var p) ? string.Create(CultureInfo.InvariantCulture, $",{p.Lower:R},{p.Upper:R},100,TRUE") : ",NA,NA,NA,NA"));
        }

        string metaPath = dir.File("iMeta-goalposts.csv", string.Join("\n", withPosts) + "\n");
        Dictionary<(string Unit, string Node), (string Score, string Rank)> ours = ImportAndScore(asem, dir, ["--normalise", "goalposts", "--goalposts", Path.Combine(dir.Path, "import", "goalposts.csv"), "--aggregate", "amean"], metaPath);
        CompareWithReference(reference, reference.Aggregate(reference.Goalposts(posts, 100, truncate: true)), ours, "goalposts");
    }

    [Theory]
    [InlineData("zscore")]
    [InlineData("rank")]
    [InlineData("prank")]
    [InlineData("borda")]
    [InlineData("dist2max")]
    [InlineData("none")]
    public void ImportThenScore_EveryNormaliserRunsWithoutParametersForDenominators(string normaliser)
    {
        string? asem = SharedData.CoinrAsem(output);
        if (asem is null)
        {
            return;
        }

        using var dir = new TempDir();
        Dictionary<(string Unit, string Node), (string Score, string Rank)> ours = ImportAndScore(asem, dir, ["--normalise", normaliser]);
        ours.Keys.Select(k => k.Node).Should().Contain("Index").And.Contain("LPI").And.NotContain("Population", "denominators are carried, not normalised");
        ours.Where(k => k.Key.Node == "Index").Should().OnlyContain(k => k.Value.Score.Length > 0);
    }

    [Fact]
    public void ImportThenScore_FractionOfMaxOverAZeroMaximum_FailsInsteadOfPublishingInfinity()
    {
        // Issue 9: CostImpEx is lower-is-better and its flipped maximum is 0, so x / max is ±∞; that used to be
        // published as a score. Now the run fails naming the indicator.
        string? asem = SharedData.CoinrAsem(output);
        if (asem is null)
        {
            return;
        }

        using var dir = new TempDir();
        string import = Path.Combine(dir.Path, "import");
        CliRunner.Run("import-coinr", "--meta", Path.Combine(asem, "iMeta.csv"), "--data", Path.Combine(asem, "iData.csv"), "--out", import).ExitCode.Should().Be(ExitCodes.Ok);
        var (code, _, error) = CliRunner.Run("score", "--framework", Path.Combine(import, "framework.json"), "--data", Path.Combine(import, "data.csv"), "--normalise", "fracmax", "--format", "csv");
        code.Should().Be(ExitCodes.Failure);
        error.Should().Contain("'CostImpEx' overflowed to").And.NotContain("   at ");
    }

    private static void CompareWithReference(CoinrReference reference, Dictionary<string, double[]> expected, Dictionary<(string Unit, string Node), (string Score, string Rank)> ours, string what)
    {
        int compared = 0;
        foreach ((string code, double[] column) in expected)
        {
            for (int i = 0; i < reference.Units.Count; i++)
            {
                string unit = reference.Units[i];
                ours.Should().ContainKey((unit, code));
                if (double.IsNaN(column[i]))
                {
                    ours[(unit, code)].Score.Should().BeEmpty($"{unit}/{code} is NA in COINr");
                    continue;
                }

                ShouldMatch(double.Parse(ours[(unit, code)].Score, CultureInfo.InvariantCulture), column[i], $"{what} {unit}/{code}");
                compared++;
            }
        }

        compared.Should().BeGreaterThan(51 * 49);
        foreach (string node in reference.Aggregates)
        {
            double[] ranks = CoinrReference.Ranks(expected[node]);
            for (int i = 0; i < reference.Units.Count; i++)
            {
                ours[(reference.Units[i], node)].Rank.Should().Be(ranks[i].ToString(CultureInfo.InvariantCulture), $"{what}: rank of {reference.Units[i]} in {node}");
            }
        }
    }

    private static void ShouldMatch(double actual, double expected, string because) =>
        Math.Abs(actual - expected).Should().BeLessThanOrEqualTo(1e-12 * Math.Max(1, Math.Abs(expected)), because);

    private static Dictionary<(string Unit, string Node), (string Score, string Rank)> ImportAndScore(string asem, TempDir dir, string[] method, string? metaPath = null)
    {
        string outDir = Path.Combine(dir.Path, "import");
        var (importCode, _, importError) = CliRunner.Run("import-coinr", "--meta", metaPath ?? Path.Combine(asem, "iMeta.csv"), "--data", Path.Combine(asem, "iData.csv"), "--out", outDir);
        importCode.Should().Be(ExitCodes.Ok, importError);

        string scores = Path.Combine(dir.Path, "scores.csv");
        string[] args = ["score", "--framework", Path.Combine(outDir, "framework.json"), "--data", Path.Combine(outDir, "data.csv"), .. method, "--format", "csv", "--out", scores];
        var (code, _, error) = CliRunner.Run(args);
        code.Should().Be(ExitCodes.Ok, error);

        var ours = new Dictionary<(string Unit, string Node), (string Score, string Rank)>();
        foreach (string line in File.ReadAllLines(scores).Skip(1))
        {
            string[] c = line.Split(',');
            ours[(c[0], c[1])] = (c[3], c[4]);
        }

        return ours;
    }

    private static IEnumerable<(string Unit, string Column, string Cell)> Cells(string path)
    {
        string[] lines = File.ReadAllLines(path);
        string[] header = lines[0].Split(',').Select(h => h.Trim('"')).ToArray();
        foreach (string line in lines.Skip(1))
        {
            string[] cells = line.Split(',');
            for (int c = 1; c < header.Length; c++)
            {
                yield return (cells[0].Trim('"'), header[c], cells[c]);
            }
        }
    }
}
