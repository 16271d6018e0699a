using NodaTime;

namespace DxIndicators.Cli.Infrastructure;

/// <summary>What a command may touch: its output streams, the clock and the local time zone (the CLI is the only place that reads them).</summary>
internal sealed record CliContext(TextWriter Out, TextWriter Error, IClock Clock, DateTimeZone TimeZone)
{
    public static CliContext System(TextWriter output, TextWriter error) =>
        new(output, error, SystemClock.Instance, DateTimeZoneProviders.Tzdb.GetSystemDefault()) { Interactive = !Console.IsErrorRedirected };

    /// <summary>Gets whether the error stream is a terminal (long runs then draw a progress bar there).</summary>
    public bool Interactive { get; init; }

    public LocalDate Today => Clock.GetCurrentInstant().InZone(TimeZone).Date;
}

/// <summary>One sub-command of the dx tool.</summary>
internal interface ICommand
{
    string Name { get; }

    string Summary { get; }

    string Usage { get; }

    int Run(IReadOnlyList<string> args, CliContext context);
}

/// <summary>Exit codes of the dx tool.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;
}
