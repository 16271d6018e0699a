using System.Net;
using System.Text.RegularExpressions;
using DxIndicators.Analysis;
using DxIndicators.Catalog;
using DxIndicators.Model;
using DxIndicators.Reporting.Tests.TestSupport;
using NodaTime;

namespace DxIndicators.Reporting.Tests;

/// <summary>Every text of a Vietnamese report is Vietnamese: the report's own labels, and what the core writes in English only.</summary>
public sealed partial class VietnameseReportTests
{
    /// <summary>English the core writes (indicator units, the target evaluator's notes, legal sources, the method line).</summary>
    private static readonly string[] s_coreEnglish =
    [
        "No observation", "cannot decide", "has passed", "The gap widened", "Progress is not computable", "The target was met", "already achieved",
        "Decision ", "Resolution ", "Plan ", "implements", "action plan", "Project on", "% of ", "index 0–1", "stations", "per 100 people",
        "denominate", "impute", "normalise=", "aggregate=", "rank=", "Competition", "mean absolute rank shift", "Weights", "Treatment",
    ];

    [Fact]
    public void SampleReport_WithEverySection_HasNoEnglishUiText()
    {
        DxReport report = ReportBuilder.Sample(new LocalDate(2026, 1, 15), ReportLanguage.Vietnamese, (plan, m) =>
        [
            ContributionsSection.Compute(plan, m),
            new SensitivitySection(SobolSensitivity.Create(UncertainInputs.For(plan.Framework).WithWeightNoise(0.25), 16, 1).Run(m)),
            new AuditSection(StatisticalAudit.Run(plan, m)),
        ]);
        AssertVietnamese(report);
    }

    [Fact]
    public void ProvinceReport_WithEverySection_HasNoEnglishUiText()
    {
        DxReport report = ProvinceReport.Build(runs: 20, ReportLanguage.Vietnamese, (plan, m) => ProvinceReport.Sections(plan, m, sobolSamples: 16));
        AssertVietnamese(report);
    }

    [Fact]
    public void EveryBuiltInIndicatorUnit_HasAVietnameseName()
    {
        var units = FrameworkCatalog.Ids.Select(FrameworkCatalog.Get).SelectMany(f => f.Indicators)
            .Concat(FrameworkCatalog.TargetIds.Select(FrameworkCatalog.GetTargets).SelectMany(c => c.Indicators))
            .Select(i => i.Unit).Where(u => u.Any(char.IsLetter)).Distinct().ToList();
        units.Should().NotBeEmpty();
        units.Where(u => !Vietnamese.KnowsUnit(u)).Should().BeEmpty("each unit a built-in framework or catalogue uses must read in Vietnamese");
    }

    [Fact]
    public void EveryBuiltInLegalSource_ReadsInVietnamese()
    {
        var sources = FrameworkCatalog.TargetIds.Select(FrameworkCatalog.GetTargets).SelectMany(c => c.Targets).Select(t => t.LegalSource)
            .Concat(FrameworkCatalog.Ids.Select(FrameworkCatalog.Get).SelectMany(f => f.Targets).Select(t => t.LegalSource)).Distinct().ToList();
        sources.Should().NotBeEmpty();
        foreach (string source in sources)
        {
            string vi = Vietnamese.LegalSource(source);
            EnglishWords().Matches(vi).Select(m => m.Value).Should().BeEmpty($"'{source}' became '{vi}'");
        }

        Vietnamese.LegalSource("Decision 749/QĐ-TTg (2020-06-03)").Should().Be("Quyết định 749/QĐ-TTg (2020-06-03)");
    }

    [Fact]
    public void EvaluatorNotes_AreTranslated()
    {
        Vietnamese.Note("No observation of 'X' for unit '11' has a period ending on or before 2026-01-15.").Should().Be("Không có quan sát nào của 'X' cho đơn vị '11' có kỳ kết thúc trước hoặc vào ngày 2026-01-15.");
        Vietnamese.Note("The latest value (over 78 in 2025) cannot decide '≥ 80'.").Should().Be("Giá trị mới nhất (trên 78 năm 2025) chưa đủ để kết luận '≥ 80'.");
        Vietnamese.Note("Progress is not computable: the deadline 2020-01-01 is not after the base date 2021-01-01. The target was met in 2019 but the latest value no longer meets it.")
            .Should().Be("Không tính được tiến độ: thời hạn 2020-01-01 không sau ngày gốc 2021-01-01. Chỉ tiêu đã đạt vào 2019 nhưng giá trị mới nhất không còn đạt.");
    }

    private static void AssertVietnamese(DxReport report)
    {
        foreach (string text in new[] { Visible(report.ToHtml()), report.ToMarkdown() })
        {
            var found = new List<string>();
            foreach (string key in Labels.Keys)
            {
                string en = Labels.Get(key, ReportLanguage.English), vi = Labels.Get(key, ReportLanguage.Vietnamese);
                if (en == vi)
                {
                    continue;
                }

                // The longest literal piece of the label (labels may have {0} placeholders).
                string piece = Placeholder().Split(en).OrderByDescending(p => p.Length).First().Trim();
                if (piece.Count(char.IsLetter) >= 3 && Regex.IsMatch(text, $@"(?<!\p{{L}}){Regex.Escape(piece)}(?!\p{{L}})"))
                {
                    found.Add($"{key}: '{piece}'");
                }
            }

            found.AddRange(s_coreEnglish.Where(s => text.Contains(s, StringComparison.Ordinal)));
            found.Should().BeEmpty("a Vietnamese report has no English interface text");
        }
    }

    /// <summary>The text a reader sees (and tooltips): tags removed, entities decoded; the SVG namespace and CSS are not text.</summary>
    private static string Visible(string html)
    {
        string body = html[html.IndexOf("<body", StringComparison.Ordinal)..];
        body = Regex.Replace(body, "<style>.*?</style>", " ", RegexOptions.Singleline);
        return WebUtility.HtmlDecode(Regex.Replace(body, "<[^>]+>", " "));
    }

    [GeneratedRegex(@"\{\d\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\b(Decision|Resolution|Plan|Decree|Directive|Circular|implements|of|and|the|on|to)\b")]
    private static partial Regex EnglishWords();
}
