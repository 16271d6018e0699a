using DxIndicators.Cli.Infrastructure;

namespace DxIndicators.Cli.Commands;

/// <summary>The list of dx commands, in help order.</summary>
internal static class CommandRegistry
{
    public static IReadOnlyList<ICommand> All { get; } =
    [
        new ScoreCommand(),
        new TargetsCommand(),
        new DataCommand(),
        new RollupCommand(),
        new RestateCommand(),
        new FrameworksCommand(),
        new ValidateCommand(),
        new ImportCoinrCommand(),
        new UncertaintyCommand(),
        new StoreCommand(),
        new SensitivityCommand(),
        new AuditCommand(),
        new ContributionsCommand(),
    ];
}
