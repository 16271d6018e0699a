using DxIndicators.Cli.Infrastructure;

namespace DxIndicators.Cli.Tests.Infrastructure;

public class CommandArgsTests
{
    private static readonly CliOption[] Options =
    [
        CliOption.Text("data", "FILE", "data"),
        CliOption.Text("period", "P", "period"),
        CliOption.Choice("format", ["table", "csv", "json"], "format"),
        CliOption.Flag("denominate", "denominate"),
        CliOption.Date("as-of", "date"),
        CliOption.Integer("runs", "N", "runs", 1),
        CliOption.Number("noise", "X", "noise"),
    ];

    [Fact]
    public void Parse_ValuesFlagsAndInlineForms_AreRead()
    {
        CommandArgs args = CommandArgs.Parse(["--data", "a.csv", "--period=2024", "--denominate", "extra"], Options, "FILE");

        args.Get("data").Should().Be("a.csv");
        args.Get("period").Should().Be("2024");
        args.Has("denominate").Should().BeTrue();
        args.Has("format").Should().BeFalse();
        args.Positional.Should().Equal("extra");
    }

    [Fact]
    public void Parse_SeveralMistakes_ReportsAllOfThem()
    {
        Action act = () => CommandArgs.Parse(["--bogus", "--data", "--period", "1", "--period", "2", "--denominate=yes", "--format", "xml", "--as-of", "2024-13-01", "--runs", "0", "--noise", "NaN"], Options).ThrowIfProblems();

        act.Should().Throw<UsageException>()
            .Where(e => e.Message.Contains("unknown option --bogus")
                && e.Message.Contains("option --data needs a value")
                && e.Message.Contains("option --period is given twice")
                && e.Message.Contains("flag --denominate takes no value")
                && e.Message.Contains("--format must be table, csv or json, was 'xml'")
                && e.Message.Contains("option --as-of: '2024-13-01' is not a date")
                && e.Message.Contains("--runs must be at least 1, was 0")
                && e.Message.Contains("option --noise: 'NaN'"));
    }

    [Fact]
    public void Parse_StrayValue_IsAnErrorUnlessAllowed()
    {
        // "dx score --period 2024 2023" must not silently drop 2023.
        Action act = () => CommandArgs.Parse(["--period", "2024", "2023"], Options).ThrowIfProblems();

        act.Should().Throw<UsageException>().WithMessage("*unexpected argument '2023'*");
    }

    [Fact]
    public void Parse_MissingRequiredOptions_AreNamedTogether()
    {
        CliOption[] options = [CliOption.Text("meta", "M.csv", "m").AsRequired(), CliOption.Text("out", "DIR", "o").AsRequired(), CliOption.Flag("x", "x")];

        Action act = () => CommandArgs.Parse(["--x"], options).ThrowIfProblems();

        act.Should().Throw<UsageException>().WithMessage("--meta M.csv, --out DIR are required");
    }

    [Fact]
    public void RecordedProblems_AreThrownTogether_AndBeforeAnyValueIsRead()
    {
        CommandArgs args = CommandArgs.Parse(["--data", "a.csv", "--denominate"], Options);
        args.RequireFor("period", "denominate");
        args.Together("data", "as-of");
        args.Has("data").Should().BeTrue("Has never throws");

        Action read = () => args.Get("data");

        read.Should().Throw<UsageException>().Where(e => e.Message.Contains("--denominate only works with --period") && e.Message.Contains("--data and --as-of go together"));
    }

    [Fact]
    public void GlobalLang_IsAcceptedByEveryOptionSet_AndChecked()
    {
        CommandArgs.Parse(["--lang", "vi"], Options).Lang.Should().Be("vi");
        Action act = () => CommandArgs.Parse(["--lang", "fr"], Options).ThrowIfProblems();
        act.Should().Throw<UsageException>().WithMessage("--lang must be vi or en, was 'fr'");
    }
}
