using Spectre.Console;
using Spectre.Console.Rendering;

namespace DxIndicators.Cli.Infrastructure;

/// <summary>
/// What the tool shows on a terminal, drawn with Spectre.Console: tables with borders and bold headers, bold/red/dim
/// text, a live progress bar. Only when the output stream is a terminal that may show colour (see
/// <see cref="Ansi.Allowed"/>); otherwise — redirected, <c>NO_COLOR</c>, <c>TERM=dumb</c>, <c>--no-color</c>, or
/// <c>--out FILE</c> — everything is the plain text of <see cref="TextTable"/>, byte for byte as before.
/// </summary>
internal static class Terminal
{
    private static readonly AsyncLocal<int?> s_tableWidth = new();

    /// <summary>
    /// Gets the width tables are drawn at while a command writes to a terminal, or null for plain text (the default:
    /// set only by <see cref="Program"/> around a command whose standard output is a terminal and gets no <c>--out</c>).
    /// </summary>
    public static int? TableWidth => s_tableWidth.Value;

    /// <summary>Draws <see cref="TextTable"/>s with Spectre.Console at <paramref name="width"/> columns until disposed.</summary>
    public static IDisposable DrawTables(int width)
    {
        int? previous = s_tableWidth.Value;
        s_tableWidth.Value = width;
        return new Restore(() => s_tableWidth.Value = previous);
    }

    /// <summary>The terminal's width, 120 when it cannot be read.</summary>
    public static int Width()
    {
        try
        {
            return Console.WindowWidth is > 20 and var w ? w : 120;
        }
        catch (IOException)
        {
            return 120;
        }
    }

    /// <summary>Renders <paramref name="renderable"/> to a string with ANSI styling, <paramref name="width"/> columns wide.</summary>
    public static string Render(IRenderable renderable, int width)
    {
        ArgumentNullException.ThrowIfNull(renderable);
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.Standard,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        console.Write(renderable);
        return writer.ToString();
    }

    /// <summary>Text in a style (for <see cref="Ansi"/>), without a line break.</summary>
    public static string Styled(string text, Style style) => Render(new Spectre.Console.Text(text, style), int.MaxValue / 2).TrimEnd('\n', '\r');

    /// <summary>A table as Spectre.Console draws it: rounded border, bold header, numbers right-aligned.</summary>
    public static string Table(IReadOnlyList<string> headers, IReadOnlyList<bool> rightAlign, IEnumerable<string[]> rows, int width)
    {
        var table = new Table().Border(TableBorder.Rounded);
        for (int c = 0; c < headers.Count; c++)
        {
            var column = new TableColumn(new Spectre.Console.Text(headers[c], new Style(decoration: Decoration.Bold)));
            table.AddColumn(rightAlign[c] ? column.RightAligned() : column);
        }

        foreach (string[] row in rows)
        {
            if (row.Length == 0)
            {
                table.AddEmptyRow();
                continue;
            }

            table.AddRow(row.Select(cell => (IRenderable)new Spectre.Console.Text(cell)).ToArray());
        }

        return Render(table, width);
    }

    /// <summary>
    /// A live Spectre.Console progress bar on <paramref name="error"/> (a terminal), fed by the analysis engine's
    /// <see cref="IProgress{T}"/> reports from any thread; <see cref="IDisposable.Dispose"/> completes and removes it.
    /// </summary>
    public static ProgressBar StartProgress(TextWriter error, string description) => new(error, description);

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }

    internal sealed class ProgressBar : IProgress<Analysis.AnalysisProgress>, IDisposable
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource<ProgressTask> _task = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Task _run;

        public ProgressBar(TextWriter error, string description)
        {
            IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.Yes,
                ColorSystem = ColorSystemSupport.Standard,
                Interactive = InteractionSupport.Yes,
                Out = new AnsiConsoleOutput(error),
            });
            _run = console.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    _task.SetResult(context.AddTask(description, maxValue: 1));
                    await _done.Task.ConfigureAwait(false);
                });
        }

        public void Report(Analysis.AnalysisProgress value)
        {
            ProgressTask task = _task.Task.Result;
            task.MaxValue = Math.Max(1, value.Total);
            task.Value = value.Done;
        }

        public void Dispose()
        {
            _done.TrySetResult();
            _run.GetAwaiter().GetResult();
        }
    }
}
