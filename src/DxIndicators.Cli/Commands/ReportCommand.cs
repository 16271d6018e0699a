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

    public string Usage => """
        Usage: dx report [--framework ID|FILE --data FILE.csv|FILE.json [--targets T.csv] [--units vn|none] [--skip-bad-rows]]
                         [--as-of DATE] [--lang vi|en] [--format html|md] [--out FILE|-] [--runs N [--noise X] [--seed S]]
                         [--with contributions,sensitivity,audit|all|none [--vary …] [--noise-levels L,…]]
          No arguments: the built-in Điện Biên sample as of today, in Vietnamese, written to dx-report.html.
          Each indicator's latest value on or before --as-of is scored (default methods as dx score); the change is
          measured against the latest values at the end of the year before the latest observation. Targets: --targets,
          else the framework's own, else the national catalogue's for the indicators in the data. With two or more units
          the ranks get 5–95 % intervals from N noisy weightings (default 1000, --runs 0 for none; see dx uncertainty).
          --with adds analysis sections (default: contributions for the sample; contributions,audit for your data):
          contributions (each unit's score split by component, strongest and weakest indicators), sensitivity (Sobol
          indices of the index ranks with N base samples and the inputs of dx sensitivity: --noise, --noise-levels,
          --vary), audit (Cronbach's α, flagged indicators and pairs, unit screening; its correlations feed the heat map).
          --out - writes to standard output. The HTML loads nothing from outside (inline CSS and SVG, no script).
        """;

    /// <summary>The analysis sections of --with, in page order.</summary>
    internal static readonly string[] SectionNames = ["contributions", "sensitivity", "audit"];

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        CommandArgs options = CommandArgs.Parse(
            args,
            new HashSet<string> { "framework", "data", "targets", "units", "as-of", "lang", "format", "out", "runs", "noise", "seed", "with", "vary", "noise-levels" },
            new HashSet<string> { "skip-bad-rows" });
        if (options.Has("framework") != options.Has("data"))
        {
            throw new UsageException("--framework and --data go together");
        }

        options.RequireFor("data", "units", "skip-bad-rows", "targets");
        var problems = new List<string>();
        HashSet<string> with = Sections(options.Get("with") ?? (options.Has("framework") ? "contributions,audit" : "contributions"), problems);
        if (!with.Contains("sensitivity"))
        {
            options.RequireFor("runs", "noise", "seed");
            if (options.Has("vary") || options.Has("noise-levels"))
            {
                problems.Add("--vary and --noise-levels only work with --with sensitivity");
            }
        }

        string format = options.GetOrDefault("format", "html");
        if (format is not ("html" or "md"))
        {
            problems.Add($"--format must be html or md, was '{format}'");
        }

        string langText = options.GetOrDefault("lang", "vi");
        ReportLanguage language = ReportLanguage.Vietnamese;
        if (langText is "vi" or "en")
        {
            language = ReportLanguages.Parse(langText);
        }
        else
        {
            problems.Add($"--lang must be vi or en, was '{langText}'");
        }

        int runs = AnalysisInputs.Integer(options, "runs", 1000, problems, int.MinValue);
        int seed = AnalysisInputs.Integer(options, "seed", 1, problems, int.MinValue);
        if (runs < 0)
        {
            problems.Add(Text.Invariant($"--runs must be 0 (no analysis) or more, was {runs}"));
        }

        double noise = options.GetDouble("noise") ?? 0.25;
        if (noise is < 0 or > 1)
        {
            problems.Add(Text.Invariant($"--noise must be in [0, 1], was {noise}"));
        }

        if (problems.Count > 0)
        {
            throw new UsageException(string.Join("; ", problems));
        }

        LocalDate asOf = options.GetDate("as-of") ?? context.Today;
        Func<Scoring.ScoringPlan, IndicatorMatrix, IEnumerable<ReportSection>> sections = (plan, matrix) => Analyses(with, plan, matrix, options, runs, seed, context);
        DxReport report;
        if (options.Get("framework") is { } frameworkArg)
        {
            Framework framework = FrameworkInputs.LoadFramework(frameworkArg);
            Dataset data = DataInputs.Load(options.Get("data")!, framework, DataInputs.Registry(options.Get("units"), framework), options.Has("skip-bad-rows"), context.Error);
            TargetCatalog national = FrameworkCatalog.GetTargets(ReportBuilder.NationalTargetsId);
            IReadOnlyList<TargetRule> targets = options.Get("targets") is { } targetsPath
                ? TargetCsv.ReadFile(targetsPath)
                : framework.Targets.Count > 0 ? framework.Targets : national.Targets.Where(t => data.Indicators.Contains(t.Indicator)).ToList();
            Func<Scoring.ScoringPlan, IndicatorMatrix, UncertaintyResult>? analysis = runs > 0 && data.Units.Count > 1
                ? (plan, matrix) => WeightUncertainty.FromNoise(plan, runs, noise, seed).Run(matrix)
                : null;
            report = ReportBuilder.FromDataset(framework, data, asOf, targets, national.Indicators, null, DataInputs.Registry(options.Get("units"), framework), language, analysis, sections);
        }
        else
        {
            report = ReportBuilder.Sample(asOf, language, sections);
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
