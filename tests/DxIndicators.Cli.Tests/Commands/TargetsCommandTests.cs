using System.Globalization;
using DxIndicators.Cli.Infrastructure;
using NodaTime;

namespace DxIndicators.Cli.Tests.Commands;

public class TargetsCommandTests
{
    [Fact]
    public void Targets_Sample_SignaturesAchievedAheadOfDeadline()
    {
        // Seeds: 100% of officials sign digitally by 2025-03-26 (seed 001); Resolution 57 deadline 2025-06-30 → 96 days early.
        var (code, output, _) = CliRunner.Run(new LocalDate(2025, 7, 1), "targets");
        code.Should().Be(ExitCodes.Ok);
        output.Should().Contain("T57-ESIGN-OFFICIALS-2025").And.Contain("achieved on 2025-03-26, 96 days ahead of the 2025-06-30 deadline");
        output.Should().NotContain("achieved in 2025-03-26");
    }

    [Fact]
    public void Targets_Csv_DigitalEconomyGapIsSixPoints()
    {
        // Seed: digital economy ≈ 14% of GRDP (2025); Decision 411 target ≥ 20% by 2025 → gap 6 points, missed after 2025.
        // With the 2020 value (≈ 6.23 %, Báo Điện Biên Phủ) the series has a pace: CAGR (14/6.23)^(1/5) − 1 = 17.6 %/yr
        // reaches 20 % in 2028-03 (projected), against the 26.3 %/yr needed from 2020 → progress ratio 0.669.
        var (code, output, _) = CliRunner.Run(new LocalDate(2026, 1, 15), "targets", "--format", "csv");
        code.Should().Be(ExitCodes.Ok);
        string[] lines = output.Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("unit,target,status,value,gap,first_achieved,projected_date,progress_ratio");
        lines.Should().Contain(l => l.StartsWith("11,T411-DE-GDP-2025,missed,14,6,,2028-03-14,0.669", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("11,T57-ESIGN-OFFICIALS-2025,achieved,100,0,2025-03-26", StringComparison.Ordinal));
    }

    [Fact]
    public void Targets_Json_HasStatusAndLegalSource()
    {
        var (code, output, _) = CliRunner.Run(new LocalDate(2025, 7, 1), "targets", "--format", "json");
        code.Should().Be(ExitCodes.Ok);
        using var doc = System.Text.Json.JsonDocument.Parse(output);
        doc.RootElement.EnumerateArray().Should().Contain(e =>
            e.GetProperty("target").GetString() == "T57-ESIGN-OFFICIALS-2025" &&
            e.GetProperty("status").GetString() == "achieved" &&
            e.GetProperty("daysAheadOfDeadline").GetInt32() == 96 &&
            e.GetProperty("legalSource").GetString()!.Contains("57-NQ/TW", StringComparison.Ordinal));
    }

    [Fact]
    public void Targets_UserFiles_EvaluatesOwnTargets()
    {
        using var dir = new TempDir();
        string data = dir.File("d.csv", "unit,indicator,period,value,qualifier,numerator,denominator,source\n11,GOV-ONLINE-PROC,2023,60,,,,test\n11,GOV-ONLINE-PROC,2024,70,,,,test\n");
        string targets = dir.File("t.csv", "code,indicator,comparator,threshold,deadline,baseline_date,baseline_value,source\nMY-1,GOV-ONLINE-PROC,>=,90,2026-12-31,,,Plan 1\n");
        string outFile = Path.Combine(dir.Path, "out", "r.csv");
        var (code, _, error) = CliRunner.Run(new LocalDate(2025, 1, 1), "targets", "--framework", "dien-bien-sample", "--data", data, "--targets", targets, "--format", "csv", "--out", outFile);
        code.Should().Be(ExitCodes.Ok, error);
        string[] rows = File.ReadAllLines(outFile);
        rows.Should().HaveCount(2);
        string[] cells = rows[1].Split(',');
        cells[0].Should().Be("11");
        cells[1].Should().Be("MY-1");
        cells[4].Should().Be("20");
        // 60 → 70 in one year: CAGR 1/6; required from 2023 (60) to 90 by 2026-12-31 ≈ 4 years → (1.5)^(1/4)−1 ≈ 0.1067.
        double ratio = double.Parse(cells[7], CultureInfo.InvariantCulture);
        ratio.Should().BeGreaterThan(0.95);
        cells[2].Should().Be("onTrack");
    }

    [Fact]
    public void Targets_BadTargetsFile_ReportsLineAndFails()
    {
        using var dir = new TempDir();
        string data = dir.File("d.csv", "unit,indicator,period,value,qualifier,numerator,denominator,source\n11,GOV-ONLINE-PROC,2024,70,,,,test\n");
        string targets = dir.File("t.csv", "code,indicator,comparator,threshold,deadline,baseline_date,baseline_value,source\nMY-1,GOV-ONLINE-PROC,~,90,2026-12-31,,,Plan 1\nMY-2,GOV-ONLINE-PROC,>=,x,2026-13-01,,,Plan 1\n");
        var (code, _, error) = CliRunner.Run("targets", "--framework", "dien-bien-sample", "--data", data, "--targets", targets);
        code.Should().Be(ExitCodes.Failure);
        error.Should().Contain("t.csv:2").And.Contain("t.csv:3");
    }

    [Fact]
    public void Targets_List_ShowsCatalogue()
    {
        var (code, output, _) = CliRunner.Run("targets", "--list");
        code.Should().Be(ExitCodes.Ok);
        output.Should().Contain("vn-national-dx-targets").And.Contain("T411-DE-GDP-2025");
    }
}
