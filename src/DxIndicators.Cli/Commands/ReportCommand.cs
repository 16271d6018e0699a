using DxIndicators.Analysis;
using DxIndicators.Catalog;
using DxIndicators.Cli.Infrastructure;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Reporting;
using DxIndicators.Targets;
using NodaTime;

namespace DxIndicators.Cli.Commands;

/// <summary><c>dx report</c>: writes an HTML page (or Markdown) with the index, pillars, targets, change, series and rank uncertainty.</summary>
internal sealed class ReportCommand : ICommand
{
    public string Name => "report";

    public string Summary => "Write a report (one self-contained HTML page with charts, or Markdown) of the sample or your data.";

    public string Description => """
        No arguments: the built-in Điện Biên sample as of today, in Vietnamese, written to dx-report.html.
        Each indicator's latest value on or before --as-of is scored (default methods as dx score); the change is
        measured against the latest values at the end of the year before the latest observation. Targets: --targets,
        else the framework's own, else the national catalogue's for the indicators in the data. With two or more units
        the ranks get 5–95 % intervals from N noisy weightings (see dx uncertainty). The report is in Vietnamese
        unless --lang en. The HTML loads nothing from outside (inline CSS and SVG, no script).
        --store reads the figures from an observation store (dx store) as known on --known-on (default: the latest),
        with the sample's framework and catalogues unless --framework is given; --as-of defaults to the known-on day,
        so the report shown on that day is rendered again.
        """;

    public IReadOnlyList<CliOption> Options { get; } =
    [
        CommonOptions.Framework,
        CommonOptions.Data,
        CliOption.Text("targets", "T.csv", "targets CSV (as dx targets); with --data"),
        CommonOptions.Units,
        CommonOptions.SkipBadRows,
        CommonOptions.Store.WithHelp("read the figures from an observation store (dx store), as known on --known-on; instead of --data"),
        CommonOptions.KnownOn,
        CliOption.Date("as-of", "score each indicator's latest value on or before DATE (default: today)"),
        CommonOptions.Format("html", "md"),
        CliOption.Text("out", "FILE|-", "the file written (default dx-report.html or dx-report.md); - for standard output"),
        CliOption.Integer("runs", "N", "noisy weightings for the rank intervals (default 1000; 0 for none)", 0),
        CliOption.Number("noise", "X", "weight noise factor in [0, 1] (default 0.25); with --runs", 0, 1),
        CliOption.Integer("seed", "S", "random seed (default 1); with --runs", int.MinValue),
    ];

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        CommandArgs options = CommandArgs.Parse(args, Options);
        bool fromStore = options.Has("store");
        options.NotBoth("store", "data", "--store and --data are two sources of data; give one");
        options.RequireFor("store", "known-on");
        if (!fromStore)
        {
            options.Together("framework", "data");
        }

        options.RequireFor("data", "units", "skip-bad-rows");
        if (options.Has("targets") && !options.Has("framework"))
        {
            options.Problem("--targets only works with --framework (and --data or --store)");
        }

        options.RequireFor("runs", "noise", "seed");
        string format = options.GetOrDefault("format", "html");
        ReportLanguage language = ReportLanguages.Parse(options.Lang ?? "vi");
        int runs = options.GetInt("runs", 1000);
        int seed = options.GetInt("seed", 1);
        double noise = options.GetDouble("noise") ?? 0.25;
        LocalDate asOf = options.GetDate("as-of") ?? options.GetDate("known-on") ?? context.Today;
        DxReport report;
        if (options.Get("framework") is { } frameworkArg)
        {
            Framework framework = FrameworkInputs.LoadFramework(frameworkArg);
            Dataset data = DataInputs.LoadData(options, framework, context);
            TargetCatalog national = FrameworkCatalog.GetTargets(ReportBuilder.NationalTargetsId);
            IReadOnlyList<TargetRule> targets = options.Get("targets") is { } targetsPath
                ? TargetCsv.ReadFile(targetsPath)
                : framework.Targets.Count > 0 ? framework.Targets : national.Targets.Where(t => data.Indicators.Contains(t.Indicator)).ToList();
            Func<Scoring.ScoringPlan, IndicatorMatrix, UncertaintyResult>? analysis = runs > 0 && data.Units.Count > 1
                ? (plan, matrix) => WeightUncertainty.FromNoise(plan, runs, noise, seed).Run(matrix)
                : null;
            report = ReportBuilder.FromDataset(framework, data, asOf, targets, national.Indicators, null, DataInputs.Registry(options.Get("units"), framework), language, analysis);
        }
        else
        {
            report = fromStore ? ReportBuilder.Sample(DataInputs.LoadData(options, FrameworkCatalog.Get(ReportBuilder.SampleId), context), asOf, language) : ReportBuilder.Sample(asOf, language);
        }

        string text = format == "md" ? report.ToMarkdown() : report.ToHtml();
        string path = options.GetOrDefault("out", format == "md" ? "dx-report.md" : "dx-report.html");
        if (path == "-")
        {
            context.Out.Write(text);
            return ExitCodes.Ok;
        }

        OutputFile.Write(path, text, context.Out);
        context.Out.WriteLine(Text.Invariant($"wrote {path} ({System.Text.Encoding.UTF8.GetByteCount(text) / 1024} KB): {string.Join(", ", report.Sections.Select(s => s.Title(language)))}"));
        return ExitCodes.Ok;
    }
}
