using System.Globalization;
using System.Text;
using System.Text.Json;
using DxIndicators.Analysis;
using DxIndicators.Cli.Infrastructure;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Scoring;

namespace DxIndicators.Cli.Commands;

/// <summary><c>dx sensitivity</c>: first-order and total Sobol indices of the uncertain inputs (COINr get_sensitivity SA).</summary>
internal sealed class SensitivityCommand : ICommand
{
    public string Name => "sensitivity";

    public string Summary => "Sobol sensitivity indices of the uncertain modelling choices (COINr get_sensitivity SA).";

    public string Description => $"""
        Saltelli design with N base samples (default 1000; N·(d + 2) model runs for d varied inputs), output y = the
        mean absolute rank shift of --node (default the root) against the nominal ranks, or --unit's rank there.
        Prints each input's first-order index S_i (Saltelli 2010) and total index ST_i (Jansen) with bootstrap
        bounds (B resamples, default 1000; C = 0.9: the 5–95 % quantiles), and the estimates from N/8, N/4, N/2
        and N base samples. Formulas: docs/methodology.md, "Sensitivity analysis".
        {AnalysisInputs.InputUsage}
        {AnalysisInputs.CommonUsage}
        """;

    public IReadOnlyList<CliOption> Options { get; } =
    [
        CliOption.Integer("runs", "N", "base samples (default 1000)", 2),
        .. AnalysisInputs.InputOptions,
        CliOption.Text("node", "CODE", "the node whose ranks are the output (default the root)"),
        CommonOptions.Unit.WithHelp("the output is this unit's rank at --node instead of the mean absolute rank shift"),
        CliOption.Integer("bootstrap", "B", "bootstrap resamples for the bounds (default 1000)", 0),
        CliOption.Number("confidence", "C", "confidence of the bounds in (0, 1) (default 0.9)", 0, 1, lowOpen: true, highOpen: true),
        .. AnalysisInputs.CommonOptions,
    ];

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        CommandArgs options = CommandArgs.Parse(args, Options);
        options.Together("framework", "data");
        var problems = new List<string>();
        int runs = AnalysisInputs.Integer(options, "runs", 1000, problems, 2);
        AnalysisInputs.CheckRuns(runs);
        int seed = AnalysisInputs.Integer(options, "seed", 1, problems, int.MinValue);
        int threads = AnalysisInputs.Integer(options, "threads", 0, problems, 0);
        int bootstrap = AnalysisInputs.Integer(options, "bootstrap", 1000, problems, 0);
        double confidence = options.GetDouble("confidence") ?? 0.9;

        string format = AnalysisInputs.Format(options, "table", "csv", "json");
        if (problems.Count > 0)
        {
            throw new UsageException(string.Join("; ", problems));
        }

        (Framework framework, IndicatorMatrix matrix, ScoringOptions baseOptions, string basis) = AnalysisInputs.Load(options, context);
        (UncertainInputs inputs, string description) = AnalysisInputs.Inputs(options, framework, baseOptions, problems);
        if (inputs.Inputs.Count == 0)
        {
            problems.Add("nothing is varied: give --noise X > 0 or --vary");
        }

        string node = options.GetOrDefault("node", framework.Root);
        if (problems.Count > 0)
        {
            throw new UsageException(string.Join("; ", problems));
        }

        SobolSensitivity sa;
        try
        {
            sa = SobolSensitivity.Create(inputs, runs, seed).WithTarget(node, options.Get("unit")).WithBootstrap(bootstrap, confidence).WithThreads(threads);
        }
        catch (ArgumentException e)
        {
            throw new UsageException("--node: " + e.Message);
        }

        SobolResult result;
        try
        {
            result = sa.Run(matrix, progress: AnalysisInputs.Progress(context));
        }
        catch (ArgumentException e)
        {
            throw new UsageException("--unit: " + e.Message);
        }

        AnalysisInputs.EndProgress(context);
        string text = format switch
        {
            "csv" => Csv(result),
            "json" => Json(framework, basis, description, result, seed),
            _ => Table(options.Name(framework.Metadata.Name), framework, basis, description, result, seed),
        };
        OutputFile.Write(options.Get("out"), text, context.Out);
        return ExitCodes.Ok;
    }

    private static string Table(string title, Framework framework, string basis, string description, SobolResult r, int seed)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{title} — {framework.Id} {framework.Metadata.Version}, {basis}");
        sb.AppendLine(Text.Invariant($"Sobol indices of the {r.Target}: N = {r.BaseSamples} base samples, {r.Runs} runs, {description}, seed {seed}."));
        sb.AppendLine(Text.Invariant($"Output mean {AnalysisInputs.Number(r.Mean)}, variance {AnalysisInputs.Number(r.Variance, 5)}; bounds: {r.Confidence * 100:0.#} % bootstrap ({r.BootstrapResamples} resamples)."));
        if (!(r.Variance > 0))
        {
            sb.AppendLine("The output does not vary over the runs, so the indices are undefined (—).");
        }

        sb.AppendLine();
        var table = new TextTable("input", "first-order S", "bounds", "total ST", "bounds").AlignRight(1, 2, 3, 4);
        foreach (SobolIndex s in r.Indices)
        {
            table.Add(s.Input, AnalysisInputs.Number(s.First), Bounds(s.FirstLow, s.FirstHigh), AnalysisInputs.Number(s.Total), Bounds(s.TotalLow, s.TotalHigh));
        }

        sb.Append(table.Render());
        sb.AppendLine();
        sb.AppendLine("Convergence (estimates from the first n base samples):");
        var conv = new TextTable("n", "input", "S", "ST").AlignRight(0, 2, 3);
        foreach (SobolConvergence c in r.Convergence)
        {
            conv.Add(c.BaseSamples.ToString(CultureInfo.InvariantCulture), c.Input, AnalysisInputs.Number(c.First), AnalysisInputs.Number(c.Total));
        }

        sb.Append(conv.Render());
        return sb.ToString();
    }

    private static string Bounds(double lo, double hi) => double.IsNaN(lo) ? "—" : $"{AnalysisInputs.Number(lo)} – {AnalysisInputs.Number(hi)}";

    private static string Csv(SobolResult r)
    {
        var sb = new StringBuilder("input,first,first_low,first_high,total,total_low,total_high\n");
        foreach (SobolIndex s in r.Indices)
        {
            sb.AppendJoin(',', s.Input, AnalysisInputs.Csv(s.First), AnalysisInputs.Csv(s.FirstLow), AnalysisInputs.Csv(s.FirstHigh), AnalysisInputs.Csv(s.Total), AnalysisInputs.Csv(s.TotalLow), AnalysisInputs.Csv(s.TotalHigh)).Append('\n');
        }

        return sb.ToString();
    }

    private static string Json(Framework framework, string basis, string description, SobolResult r, int seed) =>
        JsonSerializer.Serialize(
            new
            {
                framework = framework.Id,
                basis,
                description,
                target = r.Target,
                baseSamples = r.BaseSamples,
                runs = r.Runs,
                seed,
                mean = AnalysisInputs.Json(r.Mean),
                variance = AnalysisInputs.Json(r.Variance),
                confidence = r.Confidence,
                bootstrap = r.BootstrapResamples,
                indices = r.Indices.Select(s => new { input = s.Input, first = AnalysisInputs.Json(s.First), firstLow = AnalysisInputs.Json(s.FirstLow), firstHigh = AnalysisInputs.Json(s.FirstHigh), total = AnalysisInputs.Json(s.Total), totalLow = AnalysisInputs.Json(s.TotalLow), totalHigh = AnalysisInputs.Json(s.TotalHigh) }),
                convergence = r.Convergence.Select(c => new { n = c.BaseSamples, input = c.Input, first = AnalysisInputs.Json(c.First), total = AnalysisInputs.Json(c.Total) }),
            },
            AnalysisInputs.JsonOptions) + "\n";
}
