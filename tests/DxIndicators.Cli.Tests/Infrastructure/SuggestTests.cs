using DxIndicators.Cli.Infrastructure;

namespace DxIndicators.Cli.Tests.Infrastructure;

public class SuggestTests
{
    [Theory]
    [InlineData("scroe", "score")]        // swap of neighbours
    [InlineData("targts", "targets")]     // deletion
    [InlineData("uncertainity", "uncertainty")] // insertion
    [InlineData("SCORE", "score")]        // names are case-sensitive; a case slip is suggested
    [InlineData("report-card", null)]     // nothing near
    public void Closest_FindsTheNearbyName(string typed, string? expected)
    {
        string[] known = ["score", "targets", "data", "rollup", "uncertainty"];
        Suggest.Closest(typed, known).Should().Be(expected);
    }

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "", 3)]
    [InlineData("kitten", "sitting", 3)] // textbook Levenshtein example
    [InlineData("ca", "ac", 1)]          // one transposition
    public void Distance_CountsEdits(string a, string b, int expected) => Suggest.Distance(a, b).Should().Be(expected);

    [Fact]
    public void UnknownOption_SuggestsTheClosest()
    {
        Action act = () => CommandArgs.Parse(["--fromat", "csv"], [CliOption.Text("format", "F", "f"), CliOption.Text("framework", "ID", "f")]).ThrowIfProblems();
        act.Should().Throw<UsageException>().WithMessage("*unknown option --fromat (did you mean --format?*");
    }
}
