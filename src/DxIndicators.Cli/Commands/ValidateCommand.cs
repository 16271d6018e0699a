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

    public string Description => """
        Checks FILE.json and lists every problem (path, rule, message), then the warnings (provisional parts and the
        like). Exit code 0 when valid, 1 when not. table: problems on the error stream, the verdict on the output;
        csv/json: one row / one object per problem or warning on the output (docs/cli.md).
        """;

    public string Positional => "FILE.json";

    public IReadOnlyList<CliOption> Options { get; } =
    [
        CliOption.Flag("targets", "the file is a target catalogue, not a framework"),
        CommonOptions.Format("table", "csv", "json"),
        CommonOptions.Out,
    ];

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        CommandArgs options = CommandArgs.Parse(args, Options, Positional);
        if (options.Positional.Count != 1)
        {
            options.Problem("give exactly one file to validate");
        }

        options.ThrowIfProblems();
        string format = options.GetOrDefault("format", "table");
        string path = options.Positional[0];
        string json = InputFile.ReadAllText(path);
        bool targets = options.Has("targets");
        string? valid = null;
        IReadOnlyList<Problem> problems;
        if (targets)
        {
            if (format == "table")
            {
                // A table-format failure is reported by the CLI's handler of FrameworkValidationException, as before.
                TargetCatalog catalog = TargetCatalogJson.Read(json, path).GetValueOrThrow();
                valid = $"valid target catalogue {catalog}";
                problems = catalog.Warnings;
            }
            else
            {
                ReadResult<TargetCatalog> read = TargetCatalogJson.Read(json, path);
                valid = read.Value is { } catalog ? $"valid target catalogue {catalog}" : null;
                problems = read.Value?.Warnings ?? (IReadOnlyList<Problem>)read.Problems;
            }
        }
        else
        {
            ReadResult<Framework> read = FrameworkJson.Read(json, path);
            valid = read.Value is { } framework ? $"valid framework {framework}" : null;
            problems = read.Value?.Warnings ?? (IReadOnlyList<Problem>)read.Problems;
        }

        if (format != "table")
        {
            string text = format == "json" ? Json(path, targets, valid is not null, problems) : Csv(path, problems);
            Infrastructure.OutputFile.Write(options.Get("out"), text, context.Out);
            return valid is null ? ExitCodes.Failure : ExitCodes.Ok;
        }

        var output = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        if (valid is null)
        {
            context.Error.WriteLine($"{path}: {problems.Count(e => e.Severity == ProblemSeverity.Error)} problem(s)");
            foreach (Problem error in problems)
            {
                context.Error.WriteLine($"  {error}");
            }

            return ExitCodes.Failure;
        }

        output.WriteLine($"{path}: {valid}");
        foreach (Problem warning in problems)
        {
            output.WriteLine($"  warning {warning}");
        }

        Infrastructure.OutputFile.Write(options.Get("out"), output.ToString(), context.Out);
        return ExitCodes.Ok;
    }

    private static string Severity(Problem e) => e.Severity == ProblemSeverity.Error ? "error" : "warning";

    private static string Json(string path, bool targets, bool valid, IReadOnlyList<Problem> problems) => JsonOutput.Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("file", path);
        json.WriteString("kind", targets ? "targetCatalogue" : "framework");
        json.WriteBoolean("valid", valid);
        json.WriteNumber("errors", problems.Count(e => e.Severity == ProblemSeverity.Error));
        json.WriteNumber("warnings", problems.Count(e => e.Severity != ProblemSeverity.Error));
        json.WriteStartArray("problems");
        foreach (Problem e in problems)
        {
            json.WriteStartObject();
            json.WriteString("severity", Severity(e));
            json.WriteString("path", e.Location);
            json.WriteString("rule", e.Rule);
            json.WriteString("code", e.Code);
            json.WriteString("message", e.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    private static string Csv(string path, IReadOnlyList<Problem> problems)
    {
        var sb = new System.Text.StringBuilder("file,severity,path,rule,code,message\n");
        foreach (Problem e in problems)
        {
            sb.AppendJoin(',', Infrastructure.Csv.Field(path), Severity(e), Infrastructure.Csv.Field(e.Location), Infrastructure.Csv.Field(e.Rule), Infrastructure.Csv.Field(e.Code), Infrastructure.Csv.Field(e.Message)).Append('\n');
        }

        return sb.ToString();
    }
}
