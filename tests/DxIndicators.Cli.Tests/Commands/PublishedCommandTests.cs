using DxIndicators.Cli.Infrastructure;

namespace DxIndicators.Cli.Tests.Commands;

/// <summary><c>dx data --published</c>: the built-in published DTI results. Figures are those printed by the cited
/// sources (dti.gov.vn/xep-hang-2022; vtcnews.vn and dantri.com.vn on DTI 2024, 2025-10-21).</summary>
public class PublishedCommandTests
{
    [Fact]
    public void Published_Unit_ShowsHistoryRanksAmongPeersAndPublicSources()
    {
        var (code, output, _) = CliRunner.Run("data", "--published", "--unit", "11");

        code.Should().Be(ExitCodes.Ok);
        output.Should().Contain("Published DTI history of Điện Biên (11): 3 result(s)");
        output.Should().Contain("Điện Biên is 35/63").And.Contain("Điện Biên is 6/34");
        output.Should().Contain("► Điện Biên", "the unit is marked among its peers");
        output.Should().Contain("Hà Nội                 0.8241   1/34", "the 34-unit ranking lists its published peers");
        output.Should().Contain("https://dti.gov.vn/xep-hang-2022").And.Contain("VTC News, https://vtcnews.vn/");
        output.Should().NotContain(".txt").And.NotContain("research/");
    }

    [Fact]
    public void Published_All_RecomputesRowsWhosePartsArePublished()
    {
        var (code, output, _) = CliRunner.Run("data", "--published");

        code.Should().Be(ExitCodes.Ok);
        output.Should().Contain("55 rows");

        // Đà Nẵng 2022: published 0.8002, main indices → 0.80017 (dti.gov.vn/xep-hang-2022).
        output.Should().MatchRegex(@"2022\s+48@2004\s+Đà Nẵng\s+0\.8002\s+1/63.*0\.80017");
        output.Should().Contain("(mean of all provinces)");
    }

    [Fact]
    public void Published_UnknownUnitOrForeignOption_IsAUsageError()
    {
        CliRunner.Run("data", "--published", "--unit", "99").ExitCode.Should().Be(ExitCodes.Usage);
        var (code, _, error) = CliRunner.Run("data", "--published", "--series", "--indicator", "X");
        code.Should().Be(ExitCodes.Usage);
        error.Should().Contain("--published takes only --unit, --format and --out, not --indicator").And.Contain("not --series");
    }

    [Fact]
    public void Published_AsJsonAndCsv_CarriesTheFiguresAndSources()
    {
        var (code, output, error) = CliRunner.Run("data", "--published", "--unit", "48", "--format", "json");
        code.Should().Be(ExitCodes.Ok, error);
        using var doc = System.Text.Json.JsonDocument.Parse(output);
        // Đà Nẵng 2022: published DTI 0.8002, rank 1 of 63 (dti.gov.vn/xep-hang-2022).
        var row = doc.RootElement.EnumerateArray().Single(r => r.GetProperty("year").GetInt32() == 2022);
        row.GetProperty("dti").GetDouble().Should().Be(0.8002);
        row.GetProperty("rank").GetDouble().Should().Be(1);
        row.GetProperty("universe").GetInt32().Should().Be(63);
        row.GetProperty("sourceUrl").GetString().Should().StartWith("http");

        var (csvCode, csv, _) = CliRunner.Run("data", "--published", "--unit", "48", "--format", "csv");
        csvCode.Should().Be(ExitCodes.Ok);
        csv.Should().StartWith("year,unit,name,kind,framework,dti,rank,universe,").And.Contain("2022,48@2004,Đà Nẵng,province,");
    }
}
