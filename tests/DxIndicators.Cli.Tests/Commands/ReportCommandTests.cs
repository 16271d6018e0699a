using DxIndicators.Cli.Infrastructure;
using NodaTime;

namespace DxIndicators.Cli.Tests.Commands;

public class ReportCommandTests
{
    [Fact]
    public void Report_Sample_WritesVietnameseHtml()
    {
        using var dir = new TempDir();
        string path = System.IO.Path.Combine(dir.Path, "r.html");

        var (code, output, error) = CliRunner.Run(new LocalDate(2026, 1, 15), "report", "--out", path);

        code.Should().Be(ExitCodes.Ok, error);
        output.Should().StartWith($"wrote {path} (").And.Contain("Chỉ số tổng hợp và các trụ cột, Chỉ tiêu, Thay đổi so với kỳ trước");
        string html = File.ReadAllText(path);
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"vi\">", html, StringComparison.Ordinal);
        Assert.Contains("Tính đến ngày: 2026-01-15", html, StringComparison.Ordinal);
        Assert.Contains(">0,6854<", html, StringComparison.Ordinal); // the index dx score prints for the sample
    }

    [Fact]
    public void Report_MarkdownToStandardOutput_InEnglish()
    {
        var (code, output, error) = CliRunner.Run(new LocalDate(2026, 1, 15), "report", "--format", "md", "--lang", "en", "--out", "-");

        code.Should().Be(ExitCodes.Ok, error);
        output.Should().StartWith("# Điện Biên province digital-transformation sample").And.Contain("- As of: 2026-01-15").And.Contain("|T57-ESIGN-OFFICIALS-2025|");
    }

    [Fact]
    public void Report_Sample_HasTheTargetsDxTargetsEvaluates()
    {
        LocalDate day = new(2026, 1, 15);
        var (_, csv, _) = CliRunner.Run(day, "targets", "--format", "csv", "--as-of", "2026-01-15");
        var (code, md, error) = CliRunner.Run(day, "report", "--format", "md", "--lang", "en", "--out", "-");

        code.Should().Be(ExitCodes.Ok, error);
        int evaluations = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;
        evaluations.Should().BeGreaterThan(10);
        string targets = md[md.IndexOf("## Targets", StringComparison.Ordinal)..md.IndexOf("## Change since", StringComparison.Ordinal)];
        int rows = targets.Split('\n').Count(l => l.StartsWith('|')) - 2; // less the header and the separator line
        rows.Should().Be(evaluations);
    }

    [Fact]
    public void Report_YourData_AddsRankIntervals()
    {
        using var dir = new TempDir();
        string data = dir.File("d.csv", CliTestData.Dti2022Csv);

        var (code, output, error) = CliRunner.Run(new LocalDate(2023, 6, 30), "report", "--framework", "vn-dti-province-2022", "--data", data, "--format", "md", "--lang", "en", "--runs", "100", "--out", "-");

        code.Should().Be(ExitCodes.Ok, error);
        output.Should().Contain("## Ranking").And.Contain("## Uncertainty of the ranks").And.Contain("100 runs.");
        output.Should().Contain("|Da Nang|0.8002|1/2|"); // published 2022 DTI of Đà Nẵng: 0.8002 (dti.gov.vn)
    }

    [Fact]
    public void Report_BadOptions_ReportsThemAll()
    {
        var (code, _, error) = CliRunner.Run("report", "--lang", "fr", "--format", "pdf", "--runs", "-1");

        code.Should().Be(ExitCodes.Usage);
        error.Should().Contain("--format must be html or md, was 'pdf'").And.Contain("--lang must be vi or en, was 'fr'").And.Contain("--runs must be at least 0, was -1");
    }

    [Fact]
    public void Report_DataWithoutFramework_IsAUsageError()
    {
        var (code, _, error) = CliRunner.Run("report", "--data", "x.csv");

        code.Should().Be(ExitCodes.Usage);
        error.Should().Contain("--framework and --data go together");
    }

    [Fact]
    public void Report_Sample_DefaultsToTheContributionsSection()
    {
        var (code, md, error) = CliRunner.Run(new LocalDate(2026, 1, 15), "report", "--format", "md", "--lang", "en", "--out", "-");

        code.Should().Be(ExitCodes.Ok, error);
        md.Should().Contain("## Contributions to the score").And.NotContain("## Sensitivity of the ranking").And.NotContain("## Statistical audit");
    }

    [Fact]
    public void Report_WithAll_AddsSensitivityAndAudit()
    {
        using var dir = new TempDir();
        string data = dir.File("d.csv", CliTestData.Dti2022Csv);

        var (code, md, error) = CliRunner.Run(new LocalDate(2023, 6, 30), "report", "--framework", "vn-dti-province-2022", "--data", data, "--format", "md", "--lang", "en", "--runs", "32", "--with", "all", "--vary", "treat", "--out", "-");

        code.Should().Be(ExitCodes.Ok, error);
        md.Should().Contain("## Contributions to the score").And.Contain("## Sensitivity of the ranking").And.Contain("## Statistical audit");
        // d = 2 inputs (weights, treatment): N·(d + 2) runs. The two provinces' indices are far apart, so no choice swaps them.
        md.Should().Contain("32 base samples, 128 model runs").And.Contain("Output: mean absolute rank shift of").And.Contain("The output does not vary over the runs (variance 0)");
        md.Should().Contain("A statistical audit needs at least three units; this report has 2.");
    }

    [Fact]
    public void Report_WithNone_HasOnlyTheBuiltInSections()
    {
        var (code, md, error) = CliRunner.Run(new LocalDate(2026, 1, 15), "report", "--format", "md", "--with", "none", "--out", "-");

        code.Should().Be(ExitCodes.Ok, error);
        md.Should().NotContain("## Đóng góp vào điểm").And.Contain("## Tương quan giữa các thành phần");
    }

    [Fact]
    public void Report_BadSection_IsAUsageErrorNamingTheChoices()
    {
        var (code, _, error) = CliRunner.Run("report", "--with", "contributions,charts", "--vary", "treat", "--lang", "fr");

        code.Should().Be(ExitCodes.Usage);
        error.Should().Contain("--with: 'charts' is not a section (choose from contributions, sensitivity, audit, all, none)")
            .And.Contain("--vary and --noise-levels only work with --with sensitivity").And.Contain("--lang must be vi or en, was 'fr'");
    }
}
