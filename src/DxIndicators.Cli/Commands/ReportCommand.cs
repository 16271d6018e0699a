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
                         [--store PATH|CONNECTION [--known-on DATE] [--framework ID|FILE [--targets T.csv]]]
                         [--as-of DATE] [--lang vi|en] [--format html|md] [--out FILE|-] [--runs N [--noise X] [--seed S]]
          No arguments: the built-in Điện Biên sample as of today, in Vietnamese, written to dx-report.html.
          Each indicator's latest value on or before --as-of is scored (default methods as dx score); the change is
          measured against the latest values at the end of the year before the latest observation. Targets: --targets,
          else the framework's own, else the national catalogue's for the indicators in the data. With two or more units
          the ranks get 5–95 % intervals from N noisy weightings (default 1000, --runs 0 for none; see dx uncertainty).
          --out - writes to standard output. The HTML loads nothing from outside (inline CSS and SVG, no script).
          --store reads the figures from an observation store (dx store) as known on --known-on (default: the latest),
          with the sample's framework and catalogues unless --framework is given; --as-of defaults to the known-on day,
          so the report shown on that day is rendered again.
        """;

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        CommandArgs options = CommandArgs.Parse(
            args,
            new HashSet<string> { "framework", "data", "targets", "units", "as-of", "lang", "format", "out", "runs", "noise", "seed", "store", "known-on" },
            new HashSet<string> { "skip-bad-rows" });
        bool fromStore = DataInputs.CheckSource(options);
        options.RequireFor("data", "units", "skip-bad-rows");
        if (options.Has("targets") && !options.Has("framework"))
        {
            throw new UsageException("--targets only works with --framework (and --data or --store)");
        }

        options.RequireFor("runs", "noise", "seed");
        var problems = new List<string>();
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
