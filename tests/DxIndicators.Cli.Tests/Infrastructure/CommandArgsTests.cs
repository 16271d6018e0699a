using DxIndicators.Cli.Infrastructure;

namespace DxIndicators.Cli.Tests.Infrastructure;

public class CommandArgsTests
{
    private static readonly HashSet<string> Values = ["data", "period", "format"];
    private static readonly HashSet<string> Flags = ["denominate"];

    [Fact]
    public void Parse_ValuesFlagsAndInlineForms_AreRead()
    {
        CommandArgs args = CommandArgs.Parse(["--data", "a.csv", "--period=2024", "--denominate", "extra"], Values, Flags, allowPositional: true);

        args.Get("data").Should().Be("a.csv");
        args.Get("period").Should().Be("2024");
        args.Has("denominate").Should().BeTrue();
        args.Has("format").Should().BeFalse();
        args.Positional.Should().Equal("extra");
    }

    [Fact]
    public void Parse_SeveralMistakes_ReportsAllOfThem()
    {
        Action act = () => CommandArgs.Parse(["--bogus", "--data", "--period", "1", "--period", "2", "--denominate=yes"], Values, Flags);

        act.Should().Throw<UsageException>()
            .Where(e => e.Message.Contains("unknown option --bogus")
                && e.Message.Contains("option --data needs a value")
                && e.Message.Contains("option --period is given twice")
                && e.Message.Contains("flag --denominate takes no value"));
    }

    [Fact]
    public void Parse_StrayValue_IsAnErrorUnlessAllowed()
    {
        // "dx score --period 2024 2023" must not silently drop 2023.
        Action act = () => CommandArgs.Parse(["--period", "2024", "2023"], Values, Flags);

        act.Should().Throw<UsageException>().WithMessage("*unexpected argument '2023'*");
    }

    [Fact]
    public void GetDouble_NotANumber_NamesTheOption()
    {
        CommandArgs args = CommandArgs.Parse(["--period", "NaN"], Values, Flags);

        Action act = () => args.GetDouble("period");

        act.Should().Throw<UsageException>().WithMessage("*--period*'NaN'*");
    }
}
