using System.Text.RegularExpressions;
using DxIndicators.Reporting.Sections;
using DxIndicators.Reporting.Tests.TestSupport;
using DxIndicators.Targets;
using NodaTime;

namespace DxIndicators.Reporting.Tests;

/// <summary>
/// The report takes a status's words and symbol from the core's registry (<see cref="TargetStatusInfo"/>) and its
/// colours from <see cref="TargetStatusColours"/>, one line per status; it keeps no switch of its own.
/// </summary>
public sealed partial class StatusPresentationTests
{
    private static readonly LocalDate s_asOf = new(2026, 1, 15);

    [Fact]
    public void Colours_NameEveryStatusOnce_InMemberOrder()
    {
        TargetStatusColours.All.Select(c => c.Status).Should().Equal(Enum.GetValues<TargetStatus>());
        TargetStatusColours.All.Should().OnlyHaveUniqueItems(c => c.Fill);
        TargetStatusColours.All.Should().OnlyContain(c => HexColour().IsMatch(c.Fill) && HexColour().IsMatch(c.Ink));
        FluentActions.Invoking(() => TargetStatusColours.Of((TargetStatus)99)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData(ReportLanguage.English)]
    [InlineData(ReportLanguage.Vietnamese)]
    public void Text_IsTheRegistrys(ReportLanguage language)
    {
        foreach (TargetStatusInfo status in TargetStatusInfo.All)
        {
            string words = language == ReportLanguage.Vietnamese ? status.Label.Vi : status.Label.En;
            string shortWords = language == ReportLanguage.Vietnamese ? status.ShortLabel.Vi : status.ShortLabel.En;
            Text.Status(status.Status, language).Should().Be(words);
            Text.StatusShort(status.Status, language).Should().Be(shortWords);
            Labels.Get("status." + status.Status, language).Should().Be(words, "the label table holds the registry's words under its old keys");
            Labels.Get("status." + status.Status + ".short", language).Should().Be(shortWords);
            Text.StatusSymbol(status.Status).Should().Be(status.Symbol);
            (TargetStatus _, string fill, string ink) = TargetStatusColours.All.Single(c => c.Status == status.Status);
            Text.StatusColours(status.Status).Should().Be((fill, ink));
        }
    }

    [Fact]
    public void HeatMapLegend_ShowsEveryStatusWithItsSymbolWordsAndColour()
    {
        string html = ReportBuilder.Sample(s_asOf, ReportLanguage.English).ToHtml();
        string map = Regex.Match(html, "<svg[^>]*data-chart=\"target-heatmap\".*?</svg>", RegexOptions.Singleline).Value;
        foreach (TargetStatusInfo status in TargetStatusInfo.All)
        {
            (string fill, string ink) = TargetStatusColours.Of(status.Status);
            Check.Contains(map, $"\"{fill}\"", $">{status.Label.En}</text>", $"fill=\"{ink}\"");
            Check.Contains(map, $">{Text.Html(status.Symbol)}</text>");
        }
    }

    [Fact]
    public void TargetsTable_StatusCell_IsSymbolAndWords_WithTheRatioOnlyForProgressGrades()
    {
        DxReport report = ReportBuilder.Sample(s_asOf, ReportLanguage.English);
        report.Targets.Should().NotBeEmpty();
        foreach (TargetEvaluation e in report.Targets)
        {
            TargetStatusInfo status = TargetStatusInfo.Of(e.Status);
            string cell = TargetsSection.StatusText(e, ReportLanguage.English);
            cell.Should().StartWith(status.Label.En);
            bool showsRatio = !e.MetAheadOfDeadline && status.GradesProgress && e.ProgressRatio is not null;
            cell.Contains(" (" + Text.Number(e.ProgressRatio ?? double.NaN, 2, ReportLanguage.English, trim: false) + ")", StringComparison.Ordinal).Should().Be(showsRatio, cell);
        }

        string html = report.ToHtml();
        foreach (TargetStatus shown in report.Targets.Select(t => t.Status).Distinct())
        {
            Check.Contains(html, $"data-status=\"{shown}\" style=\"background:{TargetStatusColours.Of(shown).Fill};");
        }
    }

    [GeneratedRegex("^#[0-9a-f]{6}$")]
    private static partial Regex HexColour();
}
