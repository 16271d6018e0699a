using DxIndicators.Scoring;
using DxIndicators.Scoring.Methods;

namespace DxIndicators.Tests.Scoring;

/// <summary>
/// Each method family's registry is the one list: its grammar is what <c>Parse</c> reads and <c>ToString</c> writes,
/// and docs/methodology.md's table of the family has exactly one row per registered method, the registry's own row.
/// </summary>
public sealed class MethodRegistryTests
{
    /// <summary>One text per method form; every registered normaliser needs at least one (a new method adds its own).</summary>
    public static TheoryData<string> NormaliserTexts => new(NormaliserExamples);

    private static readonly string[] NormaliserExamples =
    [
        "auto", "minmax", "minmax:0,100", "minmax:-1.5,2.25", "zscore", "zscore:10,2", "goalposts", "goalposts:100",
        "goalposts:100,notruncate", "goalposts:1,notruncate", "scaled:0,100", "scaled:2,12,1", "dist2targ", "dist2targ:cap", "dist2max", "dist2ref:U01",
        "dist2ref:U01,cap", "fracmax", "rank", "borda", "prank", "points", "none",
    ];

    [Theory]
    [MemberData(nameof(NormaliserTexts))]
    public void Normaliser_ParseThenToString_GivesTheSameText(string text)
    {
        Normaliser n = Normaliser.Parse(text);

        n.ToString().Should().Be(text);
        Normaliser.Parse(n.ToString()).Should().Be(n);
        Normaliser.TryParse(text, out Normaliser? again).Should().BeTrue();
        again.Should().Be(n);
    }

    [Fact]
    public void Normaliser_EveryRegisteredMethodHasARoundTripText()
    {
        var named = NormaliserExamples.Select(text => Normaliser.Parse(text).Name).ToHashSet(StringComparer.Ordinal);

        named.Should().BeEquivalentTo(Normalisers().Methods.Select(m => m.Name));
    }

    [Fact]
    public void Normaliser_FactoriesWriteTheCliGrammar()
    {
        Normaliser.MinMax(0, 100).ToString().Should().Be("minmax:0,100");
        Normaliser.MinMax().ToString().Should().Be("minmax");
        Normaliser.ZScore().ToString().Should().Be("zscore");
        Normaliser.Goalposts(100, truncate: false).ToString().Should().Be("goalposts:100,notruncate");
        Normaliser.DistanceToTarget(cap: true).ToString().Should().Be("dist2targ:cap");
        Normaliser.DistanceToReference("VN-HN", cap: true).ToString().Should().Be("dist2ref:VN-HN,cap");
        Normaliser.PercentileRank.ToString().Should().Be("prank");
    }

    [Theory]
    [InlineData("wat", "unknown method 'wat'")]
    [InlineData("minmax:1", "minmax[:LOW,HIGH]")]
    [InlineData("minmax:0,x", "'x' in 'minmax:0,x' is not a number")]
    [InlineData("rank:2", "rank's grammar")]
    [InlineData("dist2targ:capped", "'capped' in 'dist2targ:capped' is not 'cap'")]
    public void Normaliser_BadText_IsAFormatErrorNamingTheGrammar(string text, string message)
    {
        Action act = () => Normaliser.Parse(text);

        act.Should().Throw<FormatException>().WithMessage($"*{message}*");
        Normaliser.TryParse(text, out _).Should().BeFalse();
    }

    [Fact]
    public void Normaliser_BadParameters_AreArgumentErrors()
    {
        Action act = () => Normaliser.Parse("minmax:100,0");

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*high > low*");
    }

    [Fact]
    public void Normaliser_DocsTable_HasOneRowPerRegisteredMethod() => DocsTableShouldMatch(Normalisers());

    [Fact]
    public void Normaliser_Grammars_AreTheRegistrysInDocsOrder() =>
        Normaliser.Grammars.Should().Equal(Normalisers().Methods.Select(m => m.Grammar));

    [Theory]
    [InlineData("amean")]
    [InlineData("gmean")]
    [InlineData("hmean")]
    [InlineData("genmean:2")]
    [InlineData("genmean:-0.5")]
    [InlineData("min")]
    [InlineData("points")]
    public void Aggregator_ParseThenToString_GivesTheSameText(string text)
    {
        Aggregator a = Aggregator.Parse(text);

        a.ToString().Should().Be(text);
        Aggregator.TryParse(text, out Aggregator? again).Should().BeTrue();
        again.Should().Be(a);
    }

    [Fact]
    public void Aggregator_EveryFrameworkMethodHasOneRule() =>
        Enum.GetValues<DxIndicators.Model.AggregationMethod>().Select(m => AggregatorRegistry.Rule(m).Method).Should().Equal(Enum.GetValues<DxIndicators.Model.AggregationMethod>());

    [Theory]
    [InlineData("genmean", "genmean:P")]
    [InlineData("genmean:0", "p = 0 is the geometric mean")]
    [InlineData("median", "unknown method 'median'")]
    public void Aggregator_BadText_NamesTheRule(string text, string message)
    {
        Action act = () => Aggregator.Parse(text);

        act.Should().Throw<Exception>().Where(e => e is FormatException || e is ArgumentException).WithMessage($"*{message}*");
    }

    [Fact]
    public void Aggregator_DocsTable_HasOneRowPerRegisteredMethod() => DocsTableShouldMatch(AggregatorRegistry.Methods);

    [Fact]
    public void Imputation_DocsTable_HasOneRowPerRegisteredMethod() => DocsTableShouldMatch(ImputationRegistry.Methods);

    [Fact]
    public void Treatment_DocsTable_HasOneRowPerRegisteredMethod() => DocsTableShouldMatch(TreatmentRegistry.Methods);

    [Fact]
    public void Imputation_EveryMethodHasOneRule() =>
        Enum.GetValues<ImputationMethod>().Select(m => ImputationRegistry.Rule(m).Method).Should().Equal(Enum.GetValues<ImputationMethod>());

    [Theory]
    [InlineData("none", ImputationMethod.None, null)]
    [InlineData("mean", ImputationMethod.ColumnMean, null)]
    [InlineData("median", ImputationMethod.ColumnMedian, null)]
    [InlineData("groupmean:REGION", ImputationMethod.GroupMean, "REGION")]
    [InlineData("latest", ImputationMethod.LatestEarlierPeriod, null)]
    public void Imputation_Text_SetsTheMethod(string text, ImputationMethod method, string? group)
    {
        ScoringOptions o = ScoringOptions.Default.WithImputation(text);

        o.Imputation.Should().Be(method);
        o.ImputationGroup.Should().Be(group);
    }

    [Theory]
    [InlineData("none", 0)]
    [InlineData("winsorise", 5)]
    [InlineData("winsorise:3", 3)]
    public void Treatment_Text_SetsTheMaximumPoints(string text, int points) =>
        ScoringOptions.Default.WithTreatment(text).WinsoriseMaxPoints.Should().Be(points);

    [Theory]
    [InlineData("winsorise:0")]
    [InlineData("winsorise:2.5")]
    [InlineData("trim")]
    public void Treatment_BadText_IsAFormatError(string text)
    {
        Action act = () => ScoringOptions.Default.WithTreatment(text);

        act.Should().Throw<FormatException>();
    }

    internal static MethodRegistry<Normaliser> Normalisers() => NormaliserRegistry.Methods;

    /// <summary>The table right under the family's heading must be the registry's rows, no more, no fewer, in order.</summary>
    internal static void DocsTableShouldMatch<T>(MethodRegistry<T> registry)
    {
        string[] lines = File.ReadAllLines(Path.Combine(RepoRoot(), "docs", "methodology.md"));
        int heading = Array.FindIndex(lines, l => l.StartsWith('#') && l.TrimStart('#').Trim().StartsWith(registry.DocsHeading, StringComparison.Ordinal));
        heading.Should().BeGreaterThanOrEqualTo(0, $"docs/methodology.md needs a heading '{registry.DocsHeading}'");
        int header = Array.FindIndex(lines, heading, l => l.StartsWith('|'));
        var rows = lines.Skip(header + 2).TakeWhile(l => l.StartsWith('|')).ToList();

        rows.Should().Equal(registry.Methods.Select(m => m.TableRow), $"the {registry.Family} table of docs/methodology.md comes from the registry; its rows are:{Environment.NewLine}{string.Join(Environment.NewLine, registry.Methods.Select(m => m.TableRow))}");
        registry.Methods.Should().OnlyContain(m => lines.Any(l => l.StartsWith('#') && Anchor(l) == m.Docs), "each method's docs reference is a heading of docs/methodology.md");
    }

    /// <summary>The GitHub anchor of a Markdown heading: lower case, spaces to '-', punctuation dropped.</summary>
    private static string Anchor(string heading) =>
        new(heading.TrimStart('#').Trim().ToLowerInvariant().Replace(' ', '-').Where(c => char.IsLetterOrDigit(c) || c is '-' or '_').ToArray());

    private static string RepoRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DxIndicators.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("DxIndicators.sln not found above the test binaries.");
    }
}
