using System.Globalization;
using DxIndicators.Cli.Infrastructure;
using NodaTime;

namespace DxIndicators.Cli.Tests.Commands;

public class ScoreCommandTests
{

    [Fact]
    public void Score_NoArguments_PrintsSampleScorecard()
    {
        var (code, output, error) = CliRunner.Run(new LocalDate(2026, 11, 22), "score", "--as-of", "2025-07-01");
        code.Should().Be(ExitCodes.Ok, error);
        output.Should().Contain("dien-bien-sample").And.Contain("DB-GOV").And.Contain("DB-ECO");
        // As of 2025-07-01 the latest BTS count is 1,097 (2025-03-26, seed 001); seed 002's 1,171 is for the year 2025,
        // which ends after the as-of date, so it does not count yet.
        output.Should().Contain("1,097 stations");
        output.Should().Contain("met (2025)");
    }

    [Fact]
    public void Score_NoArguments_DoesNotDependOnTheClock()
    {
        var (_, early, _) = CliRunner.Run(new LocalDate(2026, 1, 2), "score");
        var (_, late, _) = CliRunner.Run(new LocalDate(2031, 6, 30), "score");

        early.Should().Be(late);
        early.Should().Contain("on or before 2025-12-31, the data's latest date");
    }

    [Theory]
    [InlineData]
    [InlineData("--as-of", "2025-07-01")]
    [InlineData("--period", "2025")]
    public void Score_SampleAndTheSameObservationsAsData_GiveTheSameNumbers(params string[] choice)
    {
        // dx score (the sample) and dx score --framework dien-bien-sample --data <the sample's own observations> used to
        // differ (0.7487 as of today against 0.6854 for period 2025) because the two paths chose data differently.
        using var dir = new TempDir();
        string data = Path.Combine(dir.Path, "sample.csv");
        CliRunner.Run("data", "--format", "csv", "--out", data).ExitCode.Should().Be(ExitCodes.Ok);

        var (sampleCode, sample, sampleError) = CliRunner.Run(["score", .. choice, "--format", "csv"]);
        var (dataCode, fromFile, dataError) = CliRunner.Run(["score", "--framework", "dien-bien-sample", "--data", data, .. choice, "--format", "csv"]);

        sampleCode.Should().Be(ExitCodes.Ok, sampleError);
        dataCode.Should().Be(ExitCodes.Ok, dataError);
        fromFile.Should().Be(sample);
        var (_, table, _) = CliRunner.Run(["score", "--framework", "dien-bien-sample", "--data", data, .. choice]);
        table.Should().Contain(choice.Length == 0 ? "on or before 2025-12-31" : choice[0] == "--period" ? "period 2025 only" : "on or before 2025-07-01");
    }

    [Theory]
    [InlineData("table")]
    [InlineData("csv")]
    public void Score_PeriodWithoutData_FailsNamingThePeriodsPresent(string format)
    {
        using var dir = new TempDir();
        string data = dir.File("dti.csv", CliTestData.Dti2022Csv);

        var (code, output, error) = CliRunner.Run("score", "--framework", "vn-dti-province-2022", "--data", data, "--period", "2030", "--format", format);

        code.Should().Be(ExitCodes.Failure);
        output.Should().BeEmpty();
        error.Should().Contain("--period 2030").And.Contain("periods present: 2022");
    }

    [Fact]
    public void Score_AsOfBeforeAnyData_FailsNamingTheFirstDate()
    {
        var (code, _, error) = CliRunner.Run("score", "--as-of", "2019-01-01");

        code.Should().Be(ExitCodes.Failure);
        error.Should().Contain("--as-of 2019-01-01").And.Contain("earliest period in the data ends 2020-12-04");
    }

    [Fact]
    public void Score_UserCsv_ReproducesPublishedDtiAndRanks()
    {
        using var dir = new TempDir();
        string data = dir.File("dti.csv", CliTestData.Dti2022Csv);
        var (code, output, error) = CliRunner.Run("score", "--framework", "vn-dti-province-2022", "--data", data, "--period", "2022", "--format", "csv");
        code.Should().Be(ExitCodes.Ok, error);
        string[] rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        rows[0].Should().Be("unit,node,level,score,rank");
        string dti48 = rows.Single(r => r.StartsWith("48,DTI,", StringComparison.Ordinal));
        string[] cells = dti48.Split(',');
        cells[2].Should().Be("2");
        double.Parse(cells[3], CultureInfo.InvariantCulture).Should().BeApproximately(0.8002, 1e-4);
        cells[4].Should().Be("1");
        rows.Should().Contain("48,SMC,1,,", "a missing indicator is written empty");
        rows.Single(r => r.StartsWith("79,DTI,", StringComparison.Ordinal)).Should().EndWith(",2");
    }

    [Fact]
    public void Score_WeightsFile_ChangesTheIndex()
    {
        using var dir = new TempDir();
        string data = dir.File("dti.csv", CliTestData.Dti2022Csv);
        // Equal weights over the 8 published main indices with an arithmetic mean instead of points:
        // Đà Nẵng = (1 + 0.9 + 0.8253 + 0.8487 + 0.7578 + 0.8575 + 0.7836 + 0.5197) / 8 = 0.8115750 (SMC weight 0).
        string weights = dir.File("w.csv", "code,weight\nAWR,1\nINS,1\nINF,1\nHRD,1\nSEC,1\nSMC,0\nGOV,1\nECO,1\nSOC,1\n");
        var (code, output, error) = CliRunner.Run("score", "--framework", "vn-dti-province-2022", "--data", data, "--aggregate", "amean", "--weights", weights, "--format", "csv");
        code.Should().Be(ExitCodes.Ok, error);
        string row = output.Split('\n').Single(r => r.StartsWith("48,DTI,", StringComparison.Ordinal));
        double.Parse(row.Split(',')[3], CultureInfo.InvariantCulture).Should().BeApproximately(0.811575, 1e-12);
    }

    [Fact]
    public void Score_GoalpostsFile_NormalisesInRawUnits()
    {
        using var dir = new TempDir();
        string data = dir.File("d.csv", "unit,indicator,period,value,qualifier,numerator,denominator,source\n11,GOV-ONLINE-PROC,2024,75,,,,test\n");
        // Goalposts 50–100 (raw %): 75 → (75 − 50) / 50 = 0.5.
        string posts = dir.File("g.csv", "code,lower,upper\nGOV-ONLINE-PROC,50,100\n");
        var (code, output, error) = CliRunner.Run("score", "--framework", "dien-bien-sample", "--data", data, "--goalposts", posts, "--format", "csv");
        code.Should().Be(ExitCodes.Ok, error);
        output.Split('\n').Should().Contain(r => r.StartsWith("11,GOV-ONLINE-PROC,1,0.5,", StringComparison.Ordinal));
    }

    [Fact]
    public void Score_MinShare_MakesSparseNodesMissing()
    {
        using var dir = new TempDir();
        string data = dir.File("d.csv", "unit,indicator,period,value,qualifier,numerator,denominator,source\n11,GOV-ONLINE-PROC,2024,75,,,,test\n");
        var (code, output, error) = CliRunner.Run("score", "--framework", "dien-bien-sample", "--data", data, "--min-share", "0.5", "--format", "csv");
        code.Should().Be(ExitCodes.Ok, error);
        output.Split('\n').Should().Contain("11,DB-GOV,2,,", "1 of the pillar's children present is below a 0.5 share");
    }

    [Fact]
    public void Score_BadOptions_ReportsThemAll()
    {
        var (code, _, error) = CliRunner.Run("score", "--normalise", "minmax:1", "--bogus");
        code.Should().Be(ExitCodes.Usage);
        error.Should().Contain("--bogus");

        var (code2, _, error2) = CliRunner.Run("score", "--normalise", "wat");
        code2.Should().Be(ExitCodes.Usage);
        error2.Should().Contain("unknown method 'wat'");

        var (code3, _, error3) = CliRunner.Run("score", "--normalise", "minmax:100,0");
        code3.Should().Be(ExitCodes.Usage);
        error3.Should().Contain("high > low");

        var (code4, _, error4) = CliRunner.Run("score", "--allow-different-universes");
        code4.Should().Be(ExitCodes.Usage);
        error4.Should().Contain("--allow-different-universes only works with --compare-to");
    }

    [Fact]
    public void Score_BadWeightsFile_NamesLineAndCode()
    {
        using var dir = new TempDir();
        string data = dir.File("dti.csv", CliTestData.Dti2022Csv);
        string weights = dir.File("w.csv", "code,weight\nNOPE,1\nAWR,-2\nINS,1\nINS,2\n");
        var (code, _, error) = CliRunner.Run("score", "--framework", "vn-dti-province-2022", "--data", data, "--weights", weights);
        code.Should().Be(ExitCodes.Failure);
        error.Should().Contain("w.csv:2").And.Contain("'NOPE'").And.Contain("w.csv:3").And.Contain("w.csv:5: 'INS' already has a weight on line 4");
    }

    [Fact]
    public void Score_CompareTo_ShowsChangeAndPlaces()
    {
        using var dir = new TempDir();
        // Two main indices only (others missing → 0 points): DTI = (100·AWR + 200·GOV) / 1000.
        // 2022: 48 → 0.2715, 79 → 0.25729; 2023: 48 → 0.25, 79 → 0.275. So 79 goes from 2nd to 1st: "up 1 place".
        string data = dir.File("d.csv", """
            unit,indicator,period,value,qualifier,numerator,denominator,source
            48,AWR,2022,1,,,,t
            48,GOV,2022,0.8575,,,,t
            79,AWR,2022,0.8917,,,,t
            79,GOV,2022,0.8406,,,,t
            48,AWR,2023,0.9,,,,t
            48,GOV,2023,0.8,,,,t
            79,AWR,2023,0.95,,,,t
            79,GOV,2023,0.9,,,,t
            """);
        var (code, output, error) = CliRunner.Run("score", "--framework", "vn-dti-province-2022", "--data", data, "--period", "2023", "--compare-to", "2022");
        code.Should().Be(ExitCodes.Ok, error);
        output.Should().Contain("Change since 2022");
        string dti79 = output.Split('\n').Single(l => l.StartsWith("79    DTI", StringComparison.Ordinal));
        dti79.Should().Contain("+0.0177").And.Contain("1st of 2, up 1 place");
    }

    [Fact]
    public void Score_CompareTo_DifferentUniverses_RefusesRankComparison()
    {
        using var dir = new TempDir();
        string data = dir.File("d.csv", """
            unit,indicator,period,value,qualifier,numerator,denominator,source
            48,AWR,2022,1,,,,t
            79,AWR,2022,0.9,,,,t
            22,AWR,2022,0.8,,,,t
            48,AWR,2023,0.9,,,,t
            79,AWR,2023,0.95,,,,t
            """);
        var (code, output, _) = CliRunner.Run("score", "--framework", "vn-dti-province-2022", "--data", data, "--period", "2023", "--compare-to", "2022");
        code.Should().Be(ExitCodes.Ok);
        output.Should().Contain("Ranks not compared").And.Contain("was 2nd of 3");

        var (code2, output2, _) = CliRunner.Run("score", "--framework", "vn-dti-province-2022", "--data", data, "--period", "2023", "--compare-to", "2022", "--allow-different-universes");
        code2.Should().Be(ExitCodes.Ok);
        output2.Should().Contain("up 1 place").And.NotContain("Ranks not compared");
    }

    [Fact]
    public void Score_GeometricMeanOverZeros_FailsWithMessageNotStackTrace()
    {
        // Min-max to [0, 1] gives the worst unit 0, which a geometric mean cannot take.
        using var dir = new TempDir();
        string data = dir.File("dti.csv", CliTestData.Dti2022Csv);
        var (code, _, error) = CliRunner.Run("score", "--framework", "vn-dti-province-2022", "--data", data, "--normalise", "minmax", "--aggregate", "gmean");
        code.Should().Be(ExitCodes.Failure);
        error.Should().Contain("geometric mean").And.Contain("= 0").And.NotContain("   at ");
    }
}
