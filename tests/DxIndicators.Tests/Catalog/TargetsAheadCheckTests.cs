using DxIndicators.Catalog;
using DxIndicators.Model;
using NodaTime;

namespace DxIndicators.Tests.Catalog;

/// <summary>The national targets with deadlines after 2026 carry the clause and the public source they were checked against
/// (docs/frameworks.md, "Targets with deadlines after 2026").</summary>
public sealed class TargetsAheadCheckTests
{
    private static readonly LocalDate EndOf2026 = new(2026, 12, 31);

    private static IReadOnlyList<TargetRule> Ahead() =>
        [.. FrameworkCatalog.GetTargets("vn-national-dx-targets").Targets.Where(t => t.Deadline > EndOf2026 && !t.Code.StartsWith("T71-", StringComparison.Ordinal))];

    [Fact]
    public void EveryTargetAfter2026_NamesItsInstrumentPartAndASource()
    {
        IReadOnlyList<TargetRule> ahead = Ahead();

        // The 31 targets of Decisions 749, 411, 36 and Resolutions 57, 52 checked for issue 14, plus the commune-level
        // 2030 target of 749 found while checking them.
        ahead.Should().HaveCount(32);
        ahead.Should().OnlyContain(t => t.Reference != null && (t.Reference.Contains("://", StringComparison.Ordinal) || t.Reference.Contains("NOT re-read", StringComparison.Ordinal)),
            "each names the page it was checked against, or says that it was not re-read");
        ahead.Should().OnlyContain(t => t.Reference!.Contains(t.LegalSource.Split(' ', 3)[1].Split('/')[0], StringComparison.Ordinal), "each names its instrument");
        ahead.Where(t => t.Reference!.Contains("NOT", StringComparison.Ordinal)).Select(t => t.Code).Should().BeEquivalentTo(
            "T411-DE-SECTOR-2030", "T411-ECONTRACT-2030", "T411-DE-WORKERS-2030", "T57-RD-SPENDING-2030", "T57-RD-NONSTATE-2030");
    }

    [Fact]
    public void Decision749_CommuneRecords2030_IsSeventyPercentAndProvisional()
    {
        // VNA (https://en.qdnd.vn/economy/news/digital-economy-hoped-to-make-up-20-percent-of-gdp-by-2025-517283): by 2030
        // "70 percent of those [dossiers] at the communal level" are to be resolved online.
        TargetRule commune = Ahead().Should().ContainSingle(t => t.Code == "T749-RECORDS-COMMUNE-2030").Subject;
        commune.Indicator.Should().Be("GOV-RECORDS-ONLINE-COMMUNE");
        commune.Comparator.Should().Be(Comparator.AtLeast);
        commune.Threshold.Should().Be(70);
        commune.Deadline.Should().Be(new LocalDate(2030, 12, 31));
        commune.Status.Should().Be(DefinitionStatus.Provisional);
    }
}
