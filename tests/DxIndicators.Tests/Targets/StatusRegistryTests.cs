using System.Globalization;
using System.Text.RegularExpressions;
using DxIndicators.Model;
using DxIndicators.Targets;
using DxIndicators.Tests.SourceRules;
using static DxIndicators.Tests.Targets.Fixtures;

namespace DxIndicators.Tests.Targets;

/// <summary>
/// Target and trend statuses are units like the scoring methods: one file per status, one registry. The registry names
/// every enum member once, docs/targets.md's tables are its rows, and the formats take their texts from it.
/// </summary>
public sealed partial class StatusRegistryTests
{
    [Fact]
    public void TargetStatus_RegistryNamesEveryMemberOnce_InMemberOrder()
    {
        TargetStatusInfo.All.Select(s => s.Status).Should().Equal(Enum.GetValues<TargetStatus>());
        foreach (TargetStatus status in Enum.GetValues<TargetStatus>())
        {
            TargetStatusInfo.Of(status).Status.Should().Be(status);
        }
    }

    [Fact]
    public void TrendStatus_RegistryNamesEveryMemberOnce_InMemberOrder()
    {
        TrendStatusInfo.All.Select(s => s.Status).Should().Equal(Enum.GetValues<TrendStatus>());
        foreach (TrendStatus status in Enum.GetValues<TrendStatus>())
        {
            TrendStatusInfo.Of(status).Status.Should().Be(status);
        }
    }

    [Fact]
    public void Of_UndefinedMember_Throws()
    {
        FluentActions.Invoking(() => TargetStatusInfo.Of((TargetStatus)99)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => TargetStatusInfo.Of((TargetStatus)(-1))).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => TrendStatusInfo.Of((TrendStatus)4)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void StatusIndex_IncompleteRegistry_NamesTheMissingAndDoubledMembers()
    {
        TargetStatusInfo achieved = TargetStatusInfo.Of(TargetStatus.Achieved);
        Action act = () => StatusIndex.ByValue([achieved, achieved], (TargetStatusInfo s) => s.Status);

        act.Should().Throw<InvalidOperationException>().WithMessage("*Achieved is listed twice*OnTrack is not listed*NoData is not listed*");
    }

    [Fact]
    public void TargetStatus_TextsAndWordsAreDistinct()
    {
        TargetStatusInfo.All.Should().OnlyHaveUniqueItems(s => s.Name.ToUpperInvariant())
            .And.OnlyHaveUniqueItems(s => s.Label.En).And.OnlyHaveUniqueItems(s => s.Label.Vi).And.OnlyHaveUniqueItems(s => s.Symbol);
        TargetStatusInfo.All.Should().OnlyContain(s => s.Label.En.Length > 0 && s.Label.Vi.Length > 0 && s.ShortLabel.En.Length > 0 && s.ShortLabel.Vi.Length > 0 && s.Meaning.EndsWith('.'));
        TrendStatusInfo.All.Should().OnlyHaveUniqueItems(s => s.Label.En).And.OnlyHaveUniqueItems(s => s.Symbol);
    }

    [Fact]
    public void TargetStatus_GradesProgress_OnlyTheThreeProgressGrades() =>
        TargetStatusInfo.All.Where(s => s.GradesProgress).Select(s => s.Status)
            .Should().Equal(TargetStatus.OnTrack, TargetStatus.NeedsAcceleration, TargetStatus.LimitedProgress);

    [Fact]
    public void TargetStatus_DocsTable_IsTheRegistry() =>
        DocsTableShouldBe("Status texts", TargetStatusInfo.All.Select(s => s.TableRow), TargetStatusInfo.All.Select(s => s.Docs));

    [Fact]
    public void TrendStatus_DocsTable_IsTheRegistry() =>
        DocsTableShouldBe("Trend status texts", TrendStatusInfo.All.Select(s => s.TableRow), TrendStatusInfo.All.Select(s => s.Docs));

    [Fact]
    public void EachStatus_IsOneFileInTheStatusesFolder()
    {
        string folder = Path.Combine(SourceTree.Src, "DxIndicators", "Targets", "Statuses");
        foreach (TargetStatus status in Enum.GetValues<TargetStatus>())
        {
            File.ReadAllText(Path.Combine(folder, status + "Status.cs")).Should().Contain($"TargetStatus.{status},", "each target status is described in its own file");
        }

        foreach (TrendStatus status in Enum.GetValues<TrendStatus>())
        {
            File.ReadAllText(Path.Combine(folder, status + "Trend.cs")).Should().Contain($"TrendStatus.{status},", "each trend status is described in its own file");
        }
    }

    // The formats' texts are the registry's: the name table, TargetCsv.StatusText and the result CSV's status column.
    [Fact]
    public void Formats_UseTheRegistryNames()
    {
        TargetNames.Status.Names.Should().Equal(TargetStatusInfo.All.Select(s => s.Name));
        foreach (TargetStatusInfo status in TargetStatusInfo.All)
        {
            TargetCsv.StatusText(status.Status).Should().Be(status.Name);
            TargetNames.Status.TryParseExact(status.Name, out TargetStatus parsed).Should().BeTrue();
            parsed.Should().Be(status.Status);
        }

        TargetRule target = Target(Comparator.AtLeast, 90, D(2026, 12, 31));
        var evaluations = TargetStatusInfo.All.Select(s => new TargetEvaluation(target, Unit, D(2025, 1, 1), s.Status)).ToList();
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        TargetCsv.WriteResults(writer, evaluations);
        string[] rows = writer.ToString().Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        rows.Skip(1).Select(r => r.Split(',')[2]).Should().Equal(TargetStatusInfo.All.Select(s => s.Name));
    }

    // The consumers (TargetCsv, Reporting, the CLI) read a status's words from the registry instead of switching on it.
    // A switch arm on a status member outside the core's Targets folder is a second place to edit; this list only shrinks.
    private static readonly string[] s_knownSwitches =
    [
        "DxIndicators.Cli/Commands/ScoreCommand.cs", // dx score's compact "met / not met / no data"; any other status falls to its text
    ];

    [Fact]
    public void NoConsumerSwitchesOnAStatusForItsWords()
    {
        var found = SourceTree.Files()
            .Select(SourceTree.Relative)
            .Where(f => !f.StartsWith("DxIndicators/Targets/", StringComparison.Ordinal))
            .Where(f => StatusArm().IsMatch(File.ReadAllText(Path.Combine(SourceTree.Src, f))))
            .ToList();

        found.Should().BeEquivalentTo(s_knownSwitches, "a status's words, symbol and colour come from its registry (TargetStatusInfo, TrendStatusInfo, Reporting's TargetStatusColours)");
    }

    [GeneratedRegex(@"\bcase\s+(TargetStatus|TrendStatus)\.|\b(TargetStatus|TrendStatus)\.\w+\s*(when\b[^\n]*)?=>")]
    private static partial Regex StatusArm();

    private static void DocsTableShouldBe(string heading, IEnumerable<string> expectedRows, IEnumerable<string> anchors)
    {
        string[] lines = File.ReadAllLines(Path.Combine(SourceTree.Src, "..", "docs", "targets.md"));
        int at = Array.FindIndex(lines, l => l.StartsWith('#') && l.TrimStart('#').Trim().StartsWith(heading, StringComparison.Ordinal));
        at.Should().BeGreaterThanOrEqualTo(0, $"docs/targets.md needs a heading '{heading}'");
        int header = Array.FindIndex(lines, at, l => l.StartsWith('|'));
        var rows = lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|')).ToList();
        var expected = expectedRows.ToList();

        rows.Should().Equal(expected, $"the '{heading}' table of docs/targets.md comes from the registry; its rows are:{Environment.NewLine}{string.Join(Environment.NewLine, expected)}");
        var headings = lines.Where(l => l.StartsWith('#')).Select(Anchor).ToHashSet(StringComparer.Ordinal);
        anchors.Should().OnlyContain(a => headings.Contains(a), "each status's docs reference is a heading of docs/targets.md");
    }

    /// <summary>The GitHub anchor of a Markdown heading: lower case, spaces to '-', punctuation dropped.</summary>
    private static string Anchor(string heading) =>
        new(heading.TrimStart('#').Trim().ToLowerInvariant().Replace(' ', '-').Where(c => char.IsLetterOrDigit(c) || c is '-' or '_').ToArray());
}
