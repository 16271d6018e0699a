using System.Globalization;
using DxIndicators.Scoring;
using DxIndicators.Scoring.Interop;
using DxIndicators.Tests.TestSupport;
using Xunit.Abstractions;

namespace DxIndicators.Tests.Scoring.Interop;

/// <summary>
/// Reproduces COINr 1.1.14's outputs on its ASEM example (shared/data/coinr-asem/expected, produced by running COINr;
/// see each params.md): every normalised value and aggregate within 1e-12 relative, every Index rank equal.
/// </summary>
public sealed class CoinrReproductionTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-12;

    public static TheoryData<string> Sets => new() { "P1_minmax_amean", "P3_minmax1-100_gmean", "P6a_impute-mean_minmax_amean" };

    [Theory]
    [MemberData(nameof(Sets))]
    public void Score_CoinrExpectedSet_MatchesEveryValueAndRank(string set)
    {
        string? dir = SharedData.CoinrAsem(output);
        if (dir is null)
        {
            return;
        }

        CoinrImport import = CoinrImport.Read(Path.Combine(dir, "iMeta.csv"), Path.Combine(dir, "iData.csv"), "asem").GetValueOrThrow();
        ScoringOptions options = set switch
        {
            "P1_minmax_amean" => ScoringOptions.Default.WithNormaliser(Normaliser.MinMax(0, 100)),
            "P3_minmax1-100_gmean" => ScoringOptions.Default.WithNormaliser(Normaliser.MinMax(1, 100)).WithAggregator(Aggregator.GeometricMean),
            _ => ScoringOptions.Default.WithImputation(ImputationMethod.ColumnMean).WithNormaliser(Normaliser.MinMax(0, 100)),
        };
        ScoreTable table = ScoringPlan.Compile(import.Framework, options).Score(import.Data, import.Groups);
        string expectedDir = Path.Combine(dir, "expected", set);

        int compared = 0;
        var failures = new List<string>();
        (string[] header, List<string[]> rows) = ReadCsv(Path.Combine(expectedDir, "aggregated_full.csv"));
        header.Length.Should().Be(1 + 49 + 11);
        foreach (string[] row in rows)
        {
            string unit = row[0];
            for (int c = 1; c < header.Length; c++)
            {
                double expected = Parse(row[c]);
                double actual = table.Indicators.Contains(header[c]) ? table.GetNormalised(unit, header[c]) : table.GetScore(unit, header[c]);
                compared++;
                if (!Close(actual, expected))
                {
                    failures.Add(string.Create(CultureInfo.InvariantCulture, $"{unit}/{header[c]}: expected {expected:R}, got {actual:R}"));
                }
            }
        }

        (_, List<string[]> ranks) = ReadCsv(Path.Combine(expectedDir, "ranks_index.csv"));
        foreach (string[] row in ranks)
        {
            UnitRank rank = table.GetRank(row[0], "Index");
            if (rank.Rank != double.Parse(row[2], CultureInfo.InvariantCulture) || rank.UniverseSize != 51)
            {
                failures.Add($"{row[0]} Index rank: expected {row[2]}, got {rank.Rank} of {rank.UniverseSize}");
            }
        }

        (string[] allHeader, List<string[]> allRanks) = ReadCsv(Path.Combine(expectedDir, "ranks_all_aggregates.csv"));
        int rankCells = 0;
        foreach (string[] row in allRanks)
        {
            for (int c = 1; c < allHeader.Length; c++)
            {
                rankCells++;
                UnitRank rank = table.GetRank(row[0], allHeader[c]);
                if (rank.Rank != double.Parse(row[c], CultureInfo.InvariantCulture))
                {
                    failures.Add($"{row[0]} {allHeader[c]} rank: expected {row[c]}, got {rank.Rank}");
                }
            }
        }

        output.WriteLine($"{set}: {compared} values, {ranks.Count} index ranks and {rankCells} aggregate ranks compared");
        failures.Should().BeEmpty();
        compared.Should().Be(51 * 60);
        ranks.Should().HaveCount(51);
        rankCells.Should().Be(51 * 11);
    }

    [Fact]
    public void Impute_ColumnMean_MatchesCoinrImputedSet()
    {
        string? dir = SharedData.CoinrAsem(output);
        if (dir is null)
        {
            return;
        }

        CoinrImport import = CoinrImport.Read(Path.Combine(dir, "iMeta.csv"), Path.Combine(dir, "iData.csv")).GetValueOrThrow();
        ScoringOptions options = ScoringOptions.Default.WithImputation(ImputationMethod.ColumnMean).WithNormaliser(Normaliser.None);
        ScoreTable table = ScoringPlan.Compile(import.Framework, options).Score(import.Data);
        (string[] header, List<string[]> rows) = ReadCsv(Path.Combine(dir, "expected", "P6a_impute-mean_minmax_amean", "imputed.csv"));
        var failures = new List<string>();
        foreach (string[] row in rows)
        {
            for (int c = 1; c < header.Length; c++)
            {
                if (!import.Framework.TryGetIndicator(header[c], out global::DxIndicators.Model.IndicatorDefinition? ind))
                {
                    continue;
                }

                // Normaliser "none" returns direction · x (COINr), so undo the sign to compare with raw imputed values.
                double sign = ind.Polarity == global::DxIndicators.Model.Polarity.LowerIsBetter ? -1 : 1;
                double actual = sign * table.GetNormalised(row[0], header[c]);
                if (!Close(actual, Parse(row[c])))
                {
                    failures.Add($"{row[0]}/{header[c]}: expected {row[c]}, got {actual:R}");
                }
            }
        }

        failures.Should().BeEmpty();
        rows.Should().HaveCount(51);
    }

    [Fact]
    public void Read_Asem_KeepsHierarchyDirectionsTargetsDenominatorsAndGroups()
    {
        string? dir = SharedData.CoinrAsem(output);
        if (dir is null)
        {
            return;
        }

        CoinrImport import = CoinrImport.Read(Path.Combine(dir, "iMeta.csv"), Path.Combine(dir, "iData.csv")).GetValueOrThrow();
        // Counts and facts from shared/data/coinr-asem/README.md.
        import.Data.RowCount.Should().Be(51);
        import.Data.Units[0].Should().Be("AUS");
        import.Framework.Root.Should().Be("Index");
        import.Framework.Nodes.Should().HaveCount(11);
        import.Framework.Indicators.Should().HaveCount(49 + 4);
        import.Framework.Indicators.Count(i => i.Polarity == global::DxIndicators.Model.Polarity.LowerIsBetter).Should().Be(14);
        import.Framework.GetIndicator("LPI").ReferenceTarget.Should().Be(4.1180313499999999);
        import.Framework.GetIndicator("Flights").Denominator.Should().Be("Population");
        import.Framework.GetNode("Physical").Children.Select(c => c.Code).Should().Equal("LPI", "Flights", "Ship", "Bord", "Elec", "Gas", "ConSpeed", "Cov4G");
        import.GroupColumns.Should().Equal("GDP_group", "GDPpc_group", "Pop_group", "EurAsia_group");
        import.Groups["EurAsia_group"].Count(g => g == "Europe").Should().Be(30);
        int missing = 0;
        for (int j = 0; j < 49; j++)
        {
            foreach (double v in import.Data.Column(j))
            {
                missing += double.IsNaN(v) ? 1 : 0;
            }
        }

        missing.Should().Be(63);
    }

    [Fact]
    public void Score_AsemDenominated_DividesByIMetaDenominator()
    {
        string? dir = SharedData.CoinrAsem(output);
        if (dir is null)
        {
            return;
        }

        CoinrImport import = CoinrImport.Read(Path.Combine(dir, "iMeta.csv"), Path.Combine(dir, "iData.csv")).GetValueOrThrow();
        ScoringOptions options = ScoringOptions.Default.WithDenomination().WithNormaliser(Normaliser.None);
        ScoreTable table = ScoringPlan.Compile(import.Framework, options).Score(import.Data);
        // iData.csv, row Austria: Flights 29.017250000000001, Population 8735.4529999999995 (iMeta: Flights / Population).
        table.GetNormalised("AUT", "Flights").Should().Be(29.017250000000001 / 8735.4529999999995);
        // LPI has no denominator and is unchanged.
        table.GetNormalised("AUT", "LPI").Should().Be(4.0979850000000004);
    }

    [Fact]
    public void Read_BadNumberAndUnknownType_ListsEveryProblemWithLine()
    {
        const string meta = "\"Level\",\"iCode\",\"iName\",\"Direction\",\"Weight\",\"Unit\",\"Target\",\"Denominator\",\"Parent\",\"Type\"\n" +
            "1,\"A\",\"A\",2,1,\"u\",NA,NA,\"P\",\"Indicator\"\n" +
            "1,\"B\",\"B\",1,1,\"u\",NA,NA,\"P\",\"Thing\"\n" +
            "2,\"P\",\"P\",1,1,\"u\",NA,NA,NA,\"Aggregate\"\n";
        const string data = "\"uName\",\"uCode\",\"A\"\n\"x\",\"X\",abc\n";
        Action act = () => CoinrImport.Read(new StringReader(meta), new StringReader(data)).GetValueOrThrow();
        act.Should().Throw<InvalidDataException>()
            .Where(e => e.Message.Contains("iMeta.csv:2") && e.Message.Contains("Direction 2") && e.Message.Contains("iMeta.csv:3") &&
                        e.Message.Contains("'Thing'") && e.Message.Contains("iData.csv:2") && e.Message.Contains("'abc'"));
    }

    [Fact]
    public void Read_IMetaGoalposts_BecomeGoalpostsAndNormalisers_BadOnesAreListed()
    {
        // COINr's optional iMeta columns for n_goalposts with f_n_para = "use_iMeta".
        const string header = "\"Level\",\"iCode\",\"iName\",\"Direction\",\"Weight\",\"Unit\",\"Target\",\"Denominator\",\"Parent\",\"Type\",\"goalpost_lower\",\"goalpost_upper\",\"goalpost_scale\",\"goalpost_trunc2posts\"\n";
        const string rows =
            "1,\"A\",\"A\",1,1,\"u\",NA,NA,\"P\",\"Indicator\",0,10,100,TRUE\n" +
            "1,\"B\",\"B\",-1,1,\"u\",NA,NA,\"P\",\"Indicator\",2,8,1,FALSE\n" +
            "2,\"P\",\"P\",1,1,\"u\",NA,NA,NA,\"Aggregate\",NA,NA,NA,NA\n";
        const string data = "\"uName\",\"uCode\",\"A\",\"B\"\n\"x\",\"X\",5,4\n\"y\",\"Y\",20,9\n";

        CoinrImport import = CoinrImport.Read(new StringReader(header + rows), new StringReader(data)).GetValueOrThrow();

        import.Framework.GetIndicator("A").Goalposts.Should().Be(new DxIndicators.Model.Goalposts(0, 10));
        import.GoalpostNormalisers["A"].Should().Be(Normaliser.Goalposts(100, truncate: true));
        import.GoalpostNormalisers["B"].Should().Be(Normaliser.Goalposts(1, truncate: false));
        ScoringOptions options = ScoringOptions.Default.WithNormaliser(Normaliser.Goalposts());
        foreach (KeyValuePair<string, Normaliser> n in import.GoalpostNormalisers)
        {
            options = options.WithNormaliser(n.Key, n.Value);
        }

        ScoreTable table = ScoringPlan.Compile(import.Framework, options).Score(import.Data);
        table.Normalised("A").ToArray().Should().Equal(50, 100); // (5 − 0)/10·100; 20 truncated to the upper post
        table.Normalised("B").ToArray().Should().Equal(4 / 6.0, -1 / 6.0); // (8 − x)/(8 − 2), not truncated

        string bad = rows.Replace("0,10,100,TRUE", "10,0,100,TRUE", StringComparison.Ordinal).Replace("2,8,1,FALSE", "2,8,1,maybe", StringComparison.Ordinal);
        Action act = () => CoinrImport.Read(new StringReader(header + bad), new StringReader(data)).GetValueOrThrow();
        act.Should().Throw<InvalidDataException>().Where(e => e.Message.Contains("iMeta.csv:2") && e.Message.Contains("iMeta.csv:3") && e.Message.Contains("goalpost_lower < goalpost_upper"));
    }

    private static bool Close(double actual, double expected) =>
        (double.IsNaN(expected) && double.IsNaN(actual)) || actual == expected || Math.Abs(actual - expected) <= Tolerance * Math.Abs(expected);

    private static double Parse(string s) => s is "NA" or "NaN" ? double.NaN : double.Parse(s, CultureInfo.InvariantCulture);

    private static (string[] Header, List<string[]> Rows) ReadCsv(string path)
    {
        string[] lines = File.ReadAllLines(path);
        static string[] Split(string line) => line.Split(',').Select(f => f.Trim('"')).ToArray();
        return (Split(lines[0]), lines.Skip(1).Where(l => l.Length > 0).Select(Split).ToList());
    }
}
