using System.Globalization;
using DxIndicators.Cli.Infrastructure;
using NodaTime;

namespace DxIndicators.Cli.Tests.Commands;

/// <summary>Options of the tool itself: --version, --help, --no-color, colour rules, typo suggestions.</summary>
public class ToolOptionsTests
{
    [Fact]
    public void Version_PrintsTheInformationalVersion()
    {
        var (code, output, _) = CliRunner.Run("--version");
        code.Should().Be(ExitCodes.Ok);
        output.Should().StartWith("dx ").And.Contain(Program.Version);
        Program.Version.Should().MatchRegex(@"^\d+\.\d+\.\d+");
    }

    [Fact]
    public void Help_DocumentsTheExitCodesAndColourRules()
    {
        var (code, output, _) = CliRunner.Run("--help");
        code.Should().Be(ExitCodes.Ok);
        output.Should().Contain("0  success").And.Contain("1  invalid input").And.Contain("2  usage error")
            .And.Contain("--version").And.Contain("--no-color").And.Contain("NO_COLOR");
    }

    [Fact]
    public void UnknownCommand_SuggestsTheClosest()
    {
        var (code, _, error) = CliRunner.Run("targts");
        code.Should().Be(ExitCodes.Usage);
        error.Should().Contain("Did you mean 'targets'?");
    }

    [Fact]
    public void UnknownOption_ThroughACommand_IsAUsageErrorWithSuggestion()
    {
        var (code, _, error) = CliRunner.Run("frameworks", "--shwo", "x");
        code.Should().Be(ExitCodes.Usage);
        error.Should().Contain("did you mean --show?");
    }

    [Fact]
    public void Colour_OnATerminal_StylesHeadersAndErrors()
    {
        var (code, output, _) = RunWithColour(true, "frameworks");
        code.Should().Be(ExitCodes.Ok);
        output.Should().Contain("\u001b[1m");

        var (badCode, _, error) = RunWithColour(true, "frameworks", "--bogus");
        badCode.Should().Be(ExitCodes.Usage);
        error.Should().MatchRegex("\u001b\\[(31|91)m"); // red (Spectre.Console's standard palette)
    }

    [Fact]
    public void NoColorFlag_AnywhereOnTheLine_RemovesEveryEscape()
    {
        var (code, output, _) = RunWithColour(true, "frameworks", "--no-color");
        code.Should().Be(ExitCodes.Ok);
        output.Should().NotContain("\u001b").And.Contain("vn-dti-province-2022");
        var (_, _, error) = RunWithColour(true, "--no-color", "frameworks", "--bogus");
        error.Should().NotContain("\u001b").And.Contain("unknown option --bogus");
    }

    [Fact]
    public void OnATerminal_TablesAreDrawnBySpectre_ButAnOutFileStaysPlain()
    {
        var (code, output, _) = RunWithColour(true, "score");
        code.Should().Be(ExitCodes.Ok);
        output.Should().Contain("╭").And.Contain("│").And.Contain("\u001b[1m");

        using var dir = new TempDir();
        string path = System.IO.Path.Combine(dir.Path, "score.txt");
        var (fileCode, _, _) = RunWithColour(true, "score", "--out", path);
        fileCode.Should().Be(ExitCodes.Ok);
        string file = File.ReadAllText(path);
        file.Should().NotContain("\u001b").And.NotContain("╭").And.Be(CliRunner.Run("score").Out, "a file gets the plain text redirected output gets");
    }

    public static TheoryData<string[]> Invocations() => new()
    {
        new[] { "--help" }, new[] { "score" }, new[] { "score", "--format", "json" }, new[] { "targets" }, new[] { "data" },
        new[] { "frameworks" }, new[] { "frameworks", "--show", "vn-dti-province-2022" }, new[] { "uncertainty", "--runs", "50" },
        new[] { "sensitivity", "--runs", "16", "--bootstrap", "10" }, new[] { "audit" }, new[] { "contributions" }, new[] { "score", "--bogus" },
        new[] { "data", "--published" }, new[] { "targets", "--list" },
    };

    [Theory]
    [MemberData(nameof(Invocations))]
    public void RedirectedOutput_HoldsNoAnsiEscape(string[] args)
    {
        var (_, output, error) = CliRunner.Run(args);
        (output + error).Should().NotBeEmpty().And.NotContain("\u001b");
    }

    [Theory]
    [InlineData(true, null, null, false)]        // redirected: never
    [InlineData(false, null, null, true)]        // a terminal
    [InlineData(false, "1", null, false)]        // NO_COLOR set
    [InlineData(false, "", null, true)]          // NO_COLOR empty counts as unset (no-color.org)
    [InlineData(false, null, "dumb", false)]     // TERM=dumb
    public void Allowed_FollowsRedirectionNoColorAndTerm(bool redirected, string? noColor, string? term, bool expected)
    {
        Ansi.Allowed(redirected, name => name switch { "NO_COLOR" => noColor, "TERM" => term, _ => null }).Should().Be(expected);
    }

    private static (int ExitCode, string Out, string Error) RunWithColour(bool colour, params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var context = new CliContext(output, error, new FixedClock(Instant.FromUtc(2026, 11, 22, 0, 0)), DateTimeZone.Utc) { Colour = colour, ErrorColour = colour };
        int code = Program.Run(args, context);
        return (code, output.ToString(), error.ToString());
    }

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}

/// <summary>Every command either runs on the built-in sample with no arguments or says how to call it, with an example.</summary>
public class NoArgumentTests
{
    public static TheoryData<string> CommandNames()
    {
        var data = new TheoryData<string>();
        foreach (ICommand command in Program.Commands)
        {
            data.Add(command.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void Command_WithNoArguments_RunsOrPrintsUsageWithAnExample(string name)
    {
        var (code, output, error) = CliRunner.Run(name);
        if (code == ExitCodes.Ok)
        {
            output.Should().NotBeEmpty();
        }
        else
        {
            code.Should().Be(ExitCodes.Usage, error);
            error.Should().Contain("Usage: dx " + name).And.Contain("Example: dx ");
        }
    }

    [Fact]
    public void Help_OfACommandWithAnExample_ShowsIt()
    {
        var (code, output, _) = CliRunner.Run("import-coinr", "--help");
        code.Should().Be(ExitCodes.Ok);
        output.Should().Contain("Example: dx import-coinr --meta iMeta.csv");
    }
}

public class AllProblemsAtOnceTests
{
    [Fact]
    public void ImportCoinr_EveryMissingOption_IsNamedTogether()
    {
        var (code, _, error) = CliRunner.Run("import-coinr", "--id", "x");
        code.Should().Be(ExitCodes.Usage);
        error.Should().Contain("--meta iMeta.csv, --data iData.csv, --out DIR are required");
    }

    [Fact]
    public void UnknownOptions_AndMissingValues_AreReportedTogether()
    {
        var (code, _, error) = CliRunner.Run("frameworks", "--shwo", "x", "--bogus", "--show");
        code.Should().Be(ExitCodes.Usage);
        error.Should().Contain("unknown option --shwo (did you mean --show?").And.Contain("unknown option --bogus").And.Contain("option --show needs a value");
    }
}
