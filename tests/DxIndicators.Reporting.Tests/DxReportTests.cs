using System.Text.RegularExpressions;
using DxIndicators.Catalog;
using DxIndicators.Reporting.Tests.TestSupport;
using DxIndicators.Scoring;
using DxIndicators.Targets;
using NodaTime;

namespace DxIndicators.Reporting.Tests;

public sealed class DxReportTests
{
    private static readonly LocalDate s_asOf = new(2026, 1, 15);

    [Fact]
    public void Sample_Html_IsSelfContained()
    {
        string html = ReportBuilder.Sample(s_asOf, ReportLanguage.Vietnamese).ToHtml();
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Check.Contains(html, "Content-Security-Policy\" content=\"default-src 'none'");
        Check.DoesNotContain(html, "<script", "<link", "<img", "@import", "url(", "<iframe", "<object");
        // The only URL allowed is the SVG namespace name, which is an identifier and is never fetched.
        Regex.Matches(html, "(https?:)?//[^\"' <]+").Select(m => m.Value).Distinct().Should().Equal("http://www.w3.org/2000/svg");
    }

    [Fact]
    public void Sample_Html_HasEveryChartAndVietnameseLabels()
    {
        string html = ReportBuilder.Sample(s_asOf, ReportLanguage.Vietnamese).ToHtml();
        Check.Contains(html, "<html lang=\"vi\">");
        foreach (string chart in new[] { "pillar-profile", "target-heatmap", "time-series", "framework-tree" })
        {
            Check.Contains(html, $"data-chart=\"{chart}\"");
        }

        // Names come from the frameworks' Vietnamese texts, with their diacritics as characters (UTF-8), not entities.
        Check.Contains(html, "Bộ chỉ số mẫu chuyển đổi số tỉnh Điện Biên", "Chính quyền số", "Kinh tế số", "Điện Biên", "Chỉ tiêu", "đã đạt");
        // The index as dx score prints it for the sample (0.6854), with the Vietnamese decimal comma.
        Check.Contains(html, ">0,6854<");
    }

    [Fact]
    public void Sample_TargetHeatMap_HasOneWordedCellPerEvaluation()
    {
        DxReport report = ReportBuilder.Sample(s_asOf, ReportLanguage.English);
        string html = report.ToHtml();
        string map = Regex.Match(html, "<svg[^>]*data-chart=\"target-heatmap\".*?</svg>", RegexOptions.Singleline).Value;
        MatchCollection cells = Regex.Matches(map, "<rect[^>]*class=\"cell\"[^>]*data-status=\"(\\w+)\"");
        cells.Should().HaveCount(report.Targets.Count);
        report.Targets.Count.Should().Be(ExpectedSampleEvaluations(), "national targets on the sample's indicators plus Điện Biên's own catalogue, as dx targets evaluates them");
        cells.Select(c => c.Groups[1].Value).Should().Equal(report.Targets.Select(t => t.Status.ToString()));
        // Colour plus text: every cell carries a status word, and the legend names every status.
        foreach (TargetStatus status in report.Targets.Select(t => t.Status).Distinct())
        {
            Check.Contains(map, Text.StatusShort(status, ReportLanguage.English) + "</text>");
        }

        foreach (TargetStatus status in Enum.GetValues<TargetStatus>())
        {
            Check.Contains(map, $">{Text.Status(status, ReportLanguage.English)}</text>");
        }
    }

    [Fact]
    public void Sample_TimeSeries_DrawsTargetLevelsAndDeadlines()
    {
        string html = ReportBuilder.Sample(s_asOf, ReportLanguage.English).ToHtml();
        var charts = Regex.Matches(html, "<svg[^>]*data-chart=\"time-series\".*?</svg>", RegexOptions.Singleline).Select(m => m.Value).ToList();
        charts.Should().NotBeEmpty();
        charts.Should().OnlyContain(c => c.Contains("class=\"target-line\"") && c.Contains("class=\"deadline-line\""));
        // GOV-ONLINE-PROC: 75 in 2024, over 78 in 2025 (a lower bound, drawn hollow), target ≥ 80 by 2025-12-31.
        string online = charts.Single(c => c.Contains("Administrative procedures processed online"));
        Regex.Matches(online, "class=\"series-point\"").Should().HaveCount(2);
        Check.Contains(online, "≥ 80 by 2025-12-31", "&gt; 78", "fill=\"#ffffff\" stroke=\"#0969da\" stroke-width=\"1.5\" class=\"series-point\"");
    }

    [Fact]
    public void Sample_Markdown_HasTablesForEachSection()
    {
        DxReport report = ReportBuilder.Sample(s_asOf, ReportLanguage.English);
        string md = report.ToMarkdown();
        md.Should().StartWith("# Điện Biên province digital-transformation sample");
        foreach (ReportSection section in report.Sections)
        {
            Check.Contains(md, "## " + section.Title(ReportLanguage.English));
        }

        Check.Contains(md, "|T57-ESIGN-OFFICIALS-2025|", "|Dien Bien|0.6854|1/1|", "Correlations need at least three units with scores; this report has 1.");
        Check.DoesNotContain(md, "<svg");
    }

    [Fact]
    public void Sample_Change_ComparesWithTheYearBefore()
    {
        DxReport report = ReportBuilder.Sample(s_asOf);
        report.Previous.Should().NotBeNull();
        report.PreviousLabel.Should().Be("the latest values as of 2024-12-31");
        double then = report.Previous!.GetScore("11", "DB-GOV"), now = report.Scores.GetScore("11", "DB-GOV");
        Check.Contains(report.ToMarkdown(), $"|{Text.Score(then, ReportLanguage.English)}|{Text.Score(now, ReportLanguage.English)}|{Text.Change(now - then, ReportLanguage.English)}|");
    }

    [Fact]
    public void Provinces_Report_HasRankingWithIntervalsAndCorrelations()
    {
        DxReport report = ProvinceReport.Build(runs: 100);
        report.Scores.Units.Should().HaveCount(63);
        string html = report.ToHtml();
        string ranking = Regex.Match(html, "<svg[^>]*data-chart=\"ranking\".*?</svg>", RegexOptions.Singleline).Value;
        Regex.Matches(ranking, "class=\"rank-dot\"").Should().HaveCount(63);
        Regex.Matches(ranking, "class=\"whisker\"").Should().HaveCount(63);
        Regex.Matches(html, "data-chart=\"pillar-profile\"").Should().HaveCount(63);
        string correlation = Regex.Match(html, "<svg[^>]*data-chart=\"correlation-heatmap\".*?</svg>", RegexOptions.Singleline).Value;
        int nodes = 1 + report.ProfileNodes().Count;
        Regex.Matches(correlation, "class=\"cell\"").Should().HaveCount(nodes * nodes);
        Check.Contains(correlation, ">1.00</text>"); // a component correlates 1 with itself
        Check.Contains(html, "Hanoi", "Dien Bien", "Ca Mau");
    }

    [Fact]
    public void WithSection_AppendsAnExtraSection()
    {
        DxReport report = ReportBuilder.Sample(s_asOf).WithSection(new AuditStub());
        report.Sections[^1].Id.Should().Be("audit");
        Check.Contains(report.ToHtml(), "<section id=\"audit\" data-section=\"audit\">", "<p>audited 1 units</p>");
        Check.Contains(report.ToMarkdown(), "## Audit", "audited 1 units");
    }

    [Fact]
    public void Create_RejectsScoresOfAnotherFramework()
    {
        ScoreTable scores = ReportBuilder.Sample(s_asOf).Scores;
        FluentActions.Invoking(() => DxReport.Create(FrameworkCatalog.Get("vn-dti-province-2022"), scores))
            .Should().Throw<ArgumentException>().WithMessage("*'dien-bien-sample'*'vn-dti-province-2022'*");
    }

    [Fact]
    public void FromDataset_NoDataBeforeAsOf_SaysWhichPeriodsExist()
    {
        FluentActions.Invoking(() => ReportBuilder.Sample(new LocalDate(2010, 1, 1)))
            .Should().Throw<ArgumentException>().WithMessage("*2010-01-01*2020-12-04*");
    }

    [Fact]
    public void ToString_SaysWhatTheReportHolds() =>
        ReportBuilder.Sample(s_asOf).ToString().Should().Be($"DxReport 'Điện Biên province digital-transformation sample' (en): 1 units, {ExpectedSampleEvaluations()} target evaluations, sections index, targets, change, series, tree, correlation");

    /// <summary>One evaluation per national target on an indicator the sample has, plus one per target of the catalogues whose unit is in the sample.</summary>
    internal static int ExpectedSampleEvaluations()
    {
        Data.Dataset data = FrameworkCatalog.GetDataset("dien-bien-sample");
        int national = FrameworkCatalog.GetTargets("vn-national-dx-targets").Targets.Count(t => data.Indicators.Contains(t.Indicator));
        int own = FrameworkCatalog.TargetIds.Select(FrameworkCatalog.GetTargets).Where(c => c.Unit is { } u && data.Units.Contains(u)).Sum(c => c.Targets.Count);
        return national + own;
    }

    private sealed class AuditStub : ReportSection
    {
        public override string Id => "audit";

        public override string Title(ReportLanguage language) => "Audit";

        public override string ToHtml(DxReport report) => $"<p>audited {report.Scores.Units.Count} units</p>";

        public override string ToMarkdown(DxReport report) => $"audited {report.Scores.Units.Count} units";
    }
}
