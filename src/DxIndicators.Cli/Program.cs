using System.Reflection;
using DxIndicators.Cli.Commands;
using DxIndicators.Cli.Infrastructure;
using DxIndicators.Model;

namespace DxIndicators.Cli;

/// <summary>Entry point of the dx tool.</summary>
internal static class Program
{
    /// <summary>Runs the tool.</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <returns>The exit code: 0 success, 1 invalid input or failed check, 2 usage error.</returns>
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        return Run(args, CliContext.System(Console.Out, Console.Error));
    }

    internal static IReadOnlyList<ICommand> Commands { get; } = CommandRegistry.All;

    /// <summary>The tool's version: the package version (from the git tag, see docs/packaging.md) and the commit.</summary>
    internal static string Version { get; } =
        typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(Program).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    internal static int Run(IReadOnlyList<string> args, CliContext context)
    {
        // Options every command accepts, wherever they stand: --no-color turns colour off.
        if (args.Contains("--no-color"))
        {
            context = context with { Colour = false, ErrorColour = false, Interactive = false };
            args = args.Where(a => a != "--no-color").ToArray();
        }

        if (args.Count == 0 || args[0] is "--help" or "-h" or "help")
        {
            PrintHelp(context);
            return args.Count == 0 ? ExitCodes.Usage : ExitCodes.Ok;
        }

        if (args[0] is "--version")
        {
            context.Out.WriteLine($"dx {Version}");
            return ExitCodes.Ok;
        }

        ICommand? command = Commands.FirstOrDefault(c => string.Equals(c.Name, args[0], StringComparison.Ordinal));
        if (command is null)
        {
            string? closest = Suggest.Closest(args[0], Commands.Select(c => c.Name));
            string hint = closest is null ? string.Empty : $" Did you mean '{closest}'?";
            context.Error.WriteLine($"{Ansi.Red("dx:", context.ErrorColour)} unknown {(args[0].StartsWith('-') ? "option" : "command")} '{args[0]}'.{hint} Commands: {string.Join(", ", Commands.Select(c => c.Name))} (dx --help).");
            return ExitCodes.Usage;
        }

        IReadOnlyList<string> rest = args.Skip(1).ToArray();
        if (rest.Any(a => a is "--help" or "-h"))
        {
            context.Out.WriteLine(command.Usage);
            WriteExample(command, context.Out);
            return ExitCodes.Ok;
        }

        return RunCommand(command, rest, context);
    }

    /// <summary>Runs <paramref name="command"/> on its arguments, turning usage and bad-input errors into messages and exit codes.</summary>
    private static int RunCommand(ICommand command, IReadOnlyList<string> rest, CliContext context)
    {
        string prefix = Ansi.Red($"dx {command.Name}:", context.ErrorColour);
        // On a terminal, tables are drawn by Spectre.Console; redirected or written to --out, they stay plain text.
        bool toFile = rest.Any(a => a == "--out" || a.StartsWith("--out=", StringComparison.Ordinal));
        using IDisposable? tables = context.Colour && !toFile ? Terminal.DrawTables(Terminal.Width()) : null;
        try
        {
            return command.Run(rest, context);
        }
        catch (UsageException ex)
        {
            context.Error.WriteLine($"{prefix} {ex.Message}");
            context.Error.WriteLine(command.Usage);
            WriteExample(command, context.Error);
            return ExitCodes.Usage;
        }
        catch (Exception ex) when (ex is FrameworkValidationException or InvalidDataException or IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            // Bad input (files, or data the library rejects — ArgumentException listing every problem, or
            // InvalidOperationException for data a chosen method cannot take, such as zeros under a geometric mean):
            // say what is wrong and fail, without a stack trace.
            context.Error.WriteLine($"{prefix} {ex.Message}");
            return ExitCodes.Failure;
        }
        finally
        {
            AnalysisInputs.EndProgress(context);
        }
    }

    private static void WriteExample(ICommand command, TextWriter output)
    {
        if (command.Example.Length > 0)
        {
            output.WriteLine($"Example: {command.Example}");
        }
    }

    private static void PrintHelp(CliContext context)
    {
        TextWriter output = context.Out;
        bool colour = context.Colour;
        output.WriteLine($"dx {Version} — score digital-transformation indicators (DxIndicators)");
        output.WriteLine();
        output.WriteLine(Ansi.Bold("Usage:", colour) + " dx <command> [options]      (dx <command> --help for its options)");
        output.WriteLine();
        output.WriteLine(Ansi.Bold("Commands:", colour));
        foreach (ICommand command in Commands)
        {
            output.WriteLine($"  {command.Name,-14} {command.Summary}");
        }

        output.WriteLine();
        output.WriteLine(Ansi.Bold("Options for every command:", colour));
        output.WriteLine("  --help, -h     this help, or a command's options (dx score --help)");
        output.WriteLine("  --version      the tool's version");
        foreach (CliOption option in CommandArgs.Global)
        {
            var line = new System.Text.StringBuilder();
            UsageText.AppendHelp(line, "  " + option.Synopsis, option.Help);
            output.Write(line.ToString());
        }

        output.WriteLine("  --no-color     plain text; colour is also off when output is redirected, NO_COLOR is set or TERM=dumb");
        output.WriteLine();
        output.WriteLine("Commands that print results take --format (table for reading; csv and json for programs: invariant");
        output.WriteLine("numbers, stable field names; docs/cli.md) and --out FILE.");
        output.WriteLine();
        output.WriteLine(Ansi.Bold("Exit codes:", colour));
        output.WriteLine($"  {ExitCodes.Ok}  success (for checks: everything passed)");
        output.WriteLine($"  {ExitCodes.Failure}  invalid input: a file, value or data set that is rejected (every problem is listed), or a failed check");
        output.WriteLine($"  {ExitCodes.Usage}  usage error: unknown command or option, missing or malformed option value");
        output.WriteLine();
        output.WriteLine("Example: dx score      (scores the built-in Điện Biên sample; no files needed)");
    }
}
