using DxIndicators.Analysis;
using DxIndicators.Reporting;
using DxIndicators.Scoring;
using Microsoft.DotNet.Interactive.Formatting;
using NodaTime;

namespace DxIndicators.Interactive.Tests;

public sealed class DxFormattersTests
{
    private static readonly DxReport s_sample = ReportBuilder.Sample(new LocalDate(2026, 1, 15));

    public DxFormattersTests() => DxFormatters.Register();

    [Fact]
    public void ScoreTable_FormatsAsHtmlTableWithNodeNames()
    {
        string html = s_sample.Scores.ToDisplayString(HtmlFormatter.MimeType);
        html.Should().StartWith("<div class=\"dx-scores\"><table class=\"dx-scores\">");
        html.Should().Contain("Digital government").And.Contain(">0.6854<");
    }

    [Fact]
    public void ScoreTable_PlainTextIsItsToString() =>
        s_sample.Scores.ToDisplayString(PlainTextFormatter.MimeType).Should().Be(s_sample.Scores.ToString()).And.Contain("DB-DX = 0.6854");

    [Fact]
    public void Report_FormatsAsScopedFragment()
    {
        string html = s_sample.ToDisplayString(HtmlFormatter.MimeType);
        html.Should().StartWith("<div class=\"dx-report\" lang=\"en\"><style>");
        html.Should().Contain("data-chart=\"target-heatmap\"").And.NotContain("<body").And.NotContain("<script");
    }

    [Fact]
    public void TargetEvaluations_FormatAsWordedStatusTable()
    {
        string html = s_sample.Targets.ToDisplayString(HtmlFormatter.MimeType);
        html.Should().Contain("<table class=\"dx-targets\">").And.Contain("data-status=\"Achieved\"").And.Contain("T57-ESIGN-OFFICIALS-2025");
    }

    [Fact]
    public void HtmlView_IsWrittenAsIs() =>
        new HtmlView("<svg data-chart=\"x\"></svg>").ToDisplayString(HtmlFormatter.MimeType).Should().Be("<svg data-chart=\"x\"></svg>");

    [Fact]
    public void Uncertainty_FormatsAsTables()
    {
        ScoringPlan plan = ScoringPlan.Compile(s_sample.Framework);
        var matrix = new Data.IndicatorMatrix(["11", "12", "14"], s_sample.Framework.Indicators.Select(i => i.Code),
            Enumerable.Range(0, 3 * s_sample.Framework.Indicators.Count).Select(i => (i * 37 % 100) / 100.0).ToArray());
        UncertaintyResult result = WeightUncertainty.FromNoise(plan, 50, 0.25, 1).Run(matrix);
        string html = result.ToDisplayString(HtmlFormatter.MimeType);
        html.Should().Contain("<p>50 runs</p>").And.Contain("<h4>DB-DX</h4>").And.Contain("<table class=\"dx-uncertainty\">");
    }

    [Fact]
    public void Register_IsIdempotentAndCoversEveryType()
    {
        DxFormatters.Register();
        DxFormatters.Register();
        s_sample.Scores.ToDisplayString(HtmlFormatter.MimeType).Should().Contain("dx-scores");
        DxFormatters.FormattedTypes.Should().Contain([typeof(ScoreTable), typeof(DxReport), typeof(UncertaintyResult), typeof(HtmlView)]);
    }
}
