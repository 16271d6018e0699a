using NodaTime;

namespace DxIndicators.Cli.Infrastructure;

/// <summary>What a command may touch: its output streams, the clock and the local time zone (the CLI is the only place that reads them).</summary>
internal sealed record CliContext(TextWriter Out, TextWriter Error, IClock Clock, DateTimeZone TimeZone)
{
    /// <summary>Whether <see cref="Out"/> is a terminal that may show colour (see <see cref="Ansi"/>); false unless set.</summary>
    public bool Colour { get; init; }

    /// <summary>Whether <see cref="Error"/> is a terminal that may show colour; false unless set.</summary>
    public bool ErrorColour { get; init; }

    public static CliContext System(TextWriter output, TextWriter error) =>
        new(output, error, SystemClock.Instance, DateTimeZoneProviders.Tzdb.GetSystemDefault())
        {
            Colour = Ansi.Allowed(Console.IsOutputRedirected, Environment.GetEnvironmentVariable),
            ErrorColour = Ansi.Allowed(Console.IsErrorRedirected, Environment.GetEnvironmentVariable),
            Interactive = Ansi.Allowed(Console.IsErrorRedirected, Environment.GetEnvironmentVariable),
        };

    /// <summary>
    /// Gets whether the error stream is a terminal (long runs then draw a progress bar there); like colour, off when
    /// redirected, with <c>NO_COLOR</c>, <c>TERM=dumb</c> or <c>--no-color</c>, so logs stay plain text.
    /// </summary>
    public bool Interactive { get; init; }

    public LocalDate Today => Clock.GetCurrentInstant().InZone(TimeZone).Date;
}

/// <summary>One sub-command of the dx tool.</summary>
internal interface ICommand
{
    string Name { get; }

    string Summary { get; }

    /// <summary>What the command does, in prose (no option list: that comes from <see cref="Options"/>).</summary>
    string Description { get; }

    /// <summary>The command's options: the one definition its parsing, checks and usage text come from.</summary>
    IReadOnlyList<CliOption> Options { get; }

    /// <summary>The placeholder of the command's positional argument (<c>FILE.json</c>), or null when it takes none.</summary>
    string? Positional => null;

    /// <summary>The ways to call the command (a command with sub-commands has one per sub-command).</summary>
    IReadOnlyList<CommandForm> Forms => [new CommandForm(Name, Options, Positional)];

    /// <summary>The usage text, derived from <see cref="Forms"/> and <see cref="Description"/>.</summary>
    string Usage => UsageText.For(this);

    /// <summary>
    /// A command line to try, printed under the usage when the command needs arguments it was not given (a command
    /// that runs on the built-in sample with no arguments may leave it empty).
    /// </summary>
    string Example => string.Empty;

    int Run(IReadOnlyList<string> args, CliContext context);
}

/// <summary>Exit codes of the dx tool.</summary>
internal static class ExitCodes
{
    /// <summary>Success (for checks: everything passed).</summary>
    public const int Ok = 0;

    /// <summary>Invalid input (a file, a value or data the library rejects) or a failed check.</summary>
    public const int Failure = 1;

    /// <summary>Usage error: an unknown command or option, a missing or malformed option value.</summary>
    public const int Usage = 2;
}
