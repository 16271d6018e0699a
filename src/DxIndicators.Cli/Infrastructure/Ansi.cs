namespace DxIndicators.Cli.Infrastructure;

/// <summary>
/// The few ANSI styles the tool uses on a terminal. Colour is decided once per stream (<see cref="CliContext.Colour"/>,
/// <see cref="CliContext.ErrorColour"/>): never when the stream is redirected, when <c>NO_COLOR</c> is set to anything
/// non-empty (no-color.org), when <c>TERM=dumb</c>, or with <c>--no-color</c>.
/// </summary>
internal static class Ansi
{
    /// <summary>Bold text (headings, table headers), styled by Spectre.Console.</summary>
    public static string Bold(string text, bool enabled) => enabled ? Terminal.Styled(text, new Spectre.Console.Style(decoration: Spectre.Console.Decoration.Bold)) : text;

    /// <summary>Red text (the "dx command:" prefix of an error).</summary>
    public static string Red(string text, bool enabled) => enabled ? Terminal.Styled(text, new Spectre.Console.Style(Spectre.Console.Color.Red)) : text;

    /// <summary>Dim text (hints such as "did you mean").</summary>
    public static string Dim(string text, bool enabled) => enabled ? Terminal.Styled(text, new Spectre.Console.Style(decoration: Spectre.Console.Decoration.Dim)) : text;

    /// <summary>
    /// Whether a stream may carry colour: it is a terminal (not redirected), <c>NO_COLOR</c> is unset or empty and
    /// <c>TERM</c> is not <c>dumb</c>.
    /// </summary>
    public static bool Allowed(bool redirected, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return !redirected
            && string.IsNullOrEmpty(environment("NO_COLOR"))
            && !string.Equals(environment("TERM"), "dumb", StringComparison.Ordinal);
    }
}
