using DxIndicators.Cli.Infrastructure;

namespace DxIndicators.Cli.Commands;

/// <summary>The list of dx commands, in help order.</summary>
internal static class CommandRegistry
{
    public static IReadOnlyList<ICommand> All { get; } =
    [
        new DataCommand(),
        new FrameworksCommand(),
        new TargetsCommand(),
        new ValidateCommand(),
    ];
}
