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
        --with adds analysis sections (default: contributions for the sample; contributions,audit for your data):
        contributions (each unit's score split by component, strongest and weakest indicators), sensitivity (Sobol
        indices of the index ranks with N base samples and the inputs of dx sensitivity: --noise, --noise-levels,
        --vary), audit (Cronbach's α, flagged indicators and pairs, unit screening; its correlations feed the heat map).
        """;

    /// <summary>The analysis sections of --with, in page order.</summary>
    internal static readonly string[] SectionNames = ["contributions", "sensitivity", "audit"];

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
        CliOption.Text("with", "SECTIONS", "analysis sections: contributions, sensitivity, audit (comma-separated), all or none"),
        .. AnalysisInputs.InputOptions.Where(o => o.Name is "vary" or "noise-levels").Select(o => o.WithHelp(o.Help + "; with --with sensitivity")),
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

        var problems = new List<string>();
        HashSet<string> with = Sections(options.Peek("with") ?? (options.Has("framework") ? "contributions,audit" : "contributions"), problems);
        if (!with.Contains("sensitivity"))
        {
            options.RequireFor("runs", "noise", "seed");
            if (options.Has("vary") || options.Has("noise-levels"))
            {
                problems.Add("--vary and --noise-levels only work with --with sensitivity");
            }
        }

        foreach (string problem in problems)
        {
            options.Problem(problem);
        }

        string format = options.GetOrDefault("format", "html");
        ReportLanguage language = ReportLanguages.Parse(options.Lang ?? "vi");
        int runs = options.GetInt("runs", 1000);
        int seed = options.GetInt("seed", 1);
        double noise = options.GetDouble("noise") ?? 0.25;
        options.ThrowIfProblems();
        LocalDate asOf = options.GetDate("as-of") ?? options.GetDate("known-on") ?? context.Today;
        Func<Scoring.ScoringPlan, IndicatorMatrix, IEnumerable<ReportSection>> sections = (plan, matrix) => Analyses(with, plan, matrix, options, runs, seed, context);
        DxReport report;
        if (options.Get("framework") is { } frameworkArg)
        {
            Framework framework = FrameworkInputs.LoadFramework(frameworkArg);
            Dataset data = DataInputs.LoadData(options, framework, context);
            TargetCatalog national = FrameworkCatalog.GetTargets(ReportBuilder.NationalTargetsId);
            IReadOnlyList<TargetRule> targets = options.Get("targets") is { } targetsPath
                ? TargetCsv.ReadFile(targetsPath).GetValueOrThrow()
                : framework.Targets.Count > 0 ? framework.Targets : national.Targets.Where(t => data.Indicators.Contains(t.Indicator)).ToList();
            Func<Scoring.ScoringPlan, IndicatorMatrix, UncertaintyResult>? analysis = runs > 0 && data.Units.Count > 1
                ? (plan, matrix) => WeightUncertainty.FromNoise(plan, runs, noise, seed).Run(matrix)
                : null;
            report = ReportBuilder.FromDataset(framework, data, asOf, targets, national.Indicators, null, DataInputs.Registry(options.Get("units"), framework), language, analysis, sections);
        }
        else
        {
            report = fromStore
                ? ReportBuilder.Sample(DataInputs.LoadData(options, FrameworkCatalog.Get(ReportBuilder.SampleId), context), asOf, language, sections)
                : ReportBuilder.Sample(asOf, language, sections);
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

    /// <summary>Parses --with: a comma-separated list of <see cref="SectionNames"/>, or all, or none.</summary>
    internal static HashSet<string> Sections(string text, List<string> problems)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (string item in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (item == "all")
            {
                set.UnionWith(SectionNames);
            }
            else if (item != "none" && !SectionNames.Contains(item))
            {
                problems.Add($"--with: '{item}' is not a section (choose from {string.Join(", ", SectionNames)}, all, none)");
            }
            else if (item != "none")
            {
                set.Add(item);
            }
        }

        return set;
    }

    private static IEnumerable<ReportSection> Analyses(HashSet<string> with, Scoring.ScoringPlan plan, IndicatorMatrix matrix, CommandArgs options, int runs, int seed, CliContext context)
    {
        if (with.Contains("contributions"))
        {
            yield return ContributionsSection.Compute(plan, matrix);
        }

        if (with.Contains("sensitivity"))
        {
            var problems = new List<string>();
            (UncertainInputs inputs, _) = AnalysisInputs.Inputs(options, plan.Framework, plan.Options, problems);
            if (inputs.Inputs.Count == 0)
            {
                problems.Add("--with sensitivity: nothing is varied: give --noise X > 0 or --vary");
            }

            if (runs < 2)
            {
                problems.Add(Text.Invariant($"--with sensitivity needs --runs of at least 2 base samples, was {runs}"));
            }

            if (problems.Count > 0)
            {
                throw new UsageException(string.Join("; ", problems));
            }

            AnalysisInputs.CheckRuns(runs);
            SobolResult result = SobolSensitivity.Create(inputs, runs, seed).Run(matrix, progress: AnalysisInputs.Progress(context));
            AnalysisInputs.EndProgress(context);
            yield return new SensitivitySection(result);
        }

        if (with.Contains("audit"))
        {
            yield return new AuditSection(StatisticalAudit.Run(plan, matrix));
        }
    }
}
