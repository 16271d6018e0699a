using DxIndicators.Cli.Commands;
using DxIndicators.Cli.Infrastructure;
using DxIndicators.Model;

namespace DxIndicators.Cli;

/// <summary>Entry point of the dx tool.</summary>
public static class Program
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

    internal static int Run(IReadOnlyList<string> args, CliContext context)
    {
        if (args.Count == 0 || args[0] is "--help" or "-h" or "help")
        {
            PrintHelp(context.Out);
            return args.Count == 0 ? ExitCodes.Usage : ExitCodes.Ok;
        }

        ICommand? command = Commands.FirstOrDefault(c => string.Equals(c.Name, args[0], StringComparison.Ordinal));
        if (command is null)
        {
            context.Error.WriteLine($"dx: unknown command '{args[0]}'. Commands: {string.Join(", ", Commands.Select(c => c.Name))}.");
            return ExitCodes.Usage;
        }

        IReadOnlyList<string> rest = args.Skip(1).ToArray();
        if (rest.Any(a => a is "--help" or "-h"))
        {
            context.Out.WriteLine(command.Usage);
            return ExitCodes.Ok;
        }

        try
        {
            return command.Run(rest, context);
        }
        catch (UsageException ex)
        {
            context.Error.WriteLine($"dx {command.Name}: {ex.Message}");
            context.Error.WriteLine(command.Usage);
            return ExitCodes.Usage;
        }
        catch (Exception ex) when (ex is FrameworkValidationException or InvalidDataException or IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            // Bad input (files, or data the library rejects — ArgumentException listing every problem, or
            // InvalidOperationException for data a chosen method cannot take, such as zeros under a geometric mean):
            // say what is wrong and fail, without a stack trace.
            context.Error.WriteLine($"dx {command.Name}: {ex.Message}");
            return ExitCodes.Failure;
        }
    }

    private static void PrintHelp(TextWriter output)
    {
        output.WriteLine("dx — score digital-transformation indicators (DxIndicators)");
        output.WriteLine();
        output.WriteLine("Usage: dx <command> [options]      (dx <command> --help for its options)");
        output.WriteLine();
        foreach (ICommand command in Commands)
        {
            output.WriteLine($"  {command.Name,-14} {command.Summary}");
        }
    }
}
