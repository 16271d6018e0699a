using DxIndicators.Formats;
using DxIndicators.Catalog;
using DxIndicators.Cli.Infrastructure;
using DxIndicators.Model;
using DxIndicators.Serialization;

namespace DxIndicators.Cli.Commands;

/// <summary><c>dx validate FILE</c>: checks a framework or target-catalogue JSON file and lists every problem.</summary>
internal sealed class ValidateCommand : ICommand
{
    public string Name => "validate";

    public string Summary => "Check a framework (or target catalogue) JSON file and list every problem.";

    public string Example => "dx validate my-framework.json      (dx import-coinr writes one from COINr tables)";

    public string Usage => "Usage: dx validate FILE.json [--targets]   (--targets: the file is a target catalogue)";

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        CommandArgs options = CommandArgs.Parse(args, new HashSet<string>(), new HashSet<string> { "targets" }, allowPositional: true);
        if (options.Positional.Count != 1)
        {
            throw new UsageException("give exactly one file to validate");
        }

        string path = options.Positional[0];
        string json = InputFile.ReadAllText(path);
        if (options.Has("targets"))
        {
            TargetCatalog catalog = TargetCatalogJson.Read(json, path);
            context.Out.WriteLine($"{path}: valid target catalogue {catalog}");
            foreach (Problem warning in catalog.Warnings)
            {
                context.Out.WriteLine($"  warning {warning}");
            }

            return ExitCodes.Ok;
        }

        ReadResult<Framework> read = FrameworkJson.TryRead(json, path);
        if (!read.IsSuccess)
        {
            context.Error.WriteLine($"{path}: {read.Problems.Count(e => e.Severity == ProblemSeverity.Error)} problem(s)");
            foreach (Problem error in read.Problems)
            {
                context.Error.WriteLine($"  {error}");
            }

            return ExitCodes.Failure;
        }

        Framework framework = read.Value;
        context.Out.WriteLine($"{path}: valid framework {framework}");
        foreach (Problem warning in framework.Warnings)
        {
            context.Out.WriteLine($"  warning {warning}");
        }

        return ExitCodes.Ok;
    }
}
