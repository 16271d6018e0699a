using System.Globalization;
using System.Text.RegularExpressions;
using DxIndicators.Analysis;
using DxIndicators.Catalog;
using DxIndicators.Cli.Commands;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Scoring;
using NodaTime.Text;

namespace DxIndicators.Cli.Infrastructure;

/// <summary>What the analysis commands (uncertainty, sensitivity, audit, contributions) share: data, base methods, uncertain inputs, progress and output.</summary>
internal static partial class AnalysisInputs
{
    /// <summary>Options every analysis command takes: the data (as dx score), the base methods and the output.</summary>
    public static IReadOnlyList<CliOption> CommonOptions { get; } =
    [
        Infrastructure.CommonOptions.Framework,
        Infrastructure.CommonOptions.Data,
        Infrastructure.CommonOptions.Period,
        Infrastructure.CommonOptions.AsOf,
        Infrastructure.CommonOptions.Units,
        Infrastructure.CommonOptions.SkipBadRows,
        .. ScoreCommand.MethodOptions,
        Infrastructure.CommonOptions.Format("table", "csv", "json"),
        Infrastructure.CommonOptions.Out,
    ];

    public const string CommonUsage = """
        Data as dx score: --framework and --data (both, or neither: the built-in Điện Biên sample), --period P or
        --as-of DATE (default: the data's latest date); base methods as dx score.
        """;

    /// <summary>Loads the framework and the cross-section to analyse, and the base options.</summary>
    public static (Framework Framework, IndicatorMatrix Matrix, ScoringOptions Options, string Basis) Load(CommandArgs options, CliContext context)
    {
        if (options.Has("framework") != options.Has("data"))
        {
            throw new UsageException("--framework and --data go together");
        }

        bool sample = !options.Has("data");
        Framework framework = sample ? FrameworkCatalog.Get(FrameworkInputs.SampleFrameworkId) : FrameworkInputs.LoadFramework(options.Get("framework")!);
        Dataset dataset = sample ? DataInputs.LoadSample() : DataInputs.Load(options.Get("data")!, framework, DataInputs.Registry(options.Get("units"), framework), options.Has("skip-bad-rows"), context.Error);
        if (dataset.Count == 0)
        {
            throw new InvalidDataException("the data set has no observations to score");
        }

        (ScoringOptions scoring, framework) = ScoreCommand.BuildOptions(options, framework);
        // The data choice of dx score: --period P only, else each indicator's latest value on or before --as-of
        // (default: the data's latest date, never the clock).
        IndicatorMatrix matrix;
        string basis;
        if (options.Get("period") is { } periodText)
        {
            if (options.Has("as-of"))
            {
                throw new UsageException("give --period or --as-of, not both");
            }

            ReportingPeriod period = DataInputs.RequirePeriod(dataset, framework, periodText, "--period");
            matrix = dataset.CrossSection(framework, period);
            basis = $"period {period} only";
        }
        else
        {
            NodaTime.LocalDate asOf = options.GetDate("as-of") ?? dataset.LatestDate!.Value;
            matrix = DataInputs.RequireAsOf(dataset, framework, asOf, "--as-of");
            basis = $"latest value of each indicator on or before {LocalDatePattern.Iso.Format(asOf)}";
        }

        return (framework, matrix, scoring, sample ? "the built-in sample, " + basis : basis);
    }

    public static string Format(CommandArgs options, params string[] allowed)
    {
        string format = options.GetOrDefault("format", "table");
        return allowed.Contains(format) ? format : throw new UsageException($"--format must be {string.Join(", ", allowed)}, was '{format}'");
    }

    /// <summary>Options of the uncertain inputs: --noise, --noise-levels, --vary, and the run's --seed and --threads.</summary>
    public static IReadOnlyList<CliOption> InputOptions { get; } =
    [
        CliOption.Number("noise", "X", "weight noise factor in [0, 1] (default 0.25): each weight w is drawn as w + U(−1, 1)·X·w; 0 for fixed weights", 0, 1),
        CliOption.Text("noise-levels", "L,…", "the COINr levels whose weights get noise (1 indicators, 2 the aggregates above them, …; default every level)"),
        CliOption.Text("vary", "SPEC", "comma-separated normalise:N|N…, aggregate[@L;L…]:A|A… (@: only nodes at COINr levels L; several aggregate@ items are drawn independently), impute:none|mean|median, treat, exclude[:CODE|CODE…]; ';' separates a method's parameters"),
        CliOption.Number("dirichlet", "A", "draw the children's weights of each --dirichlet-nodes node from Dirichlet(A·m), m the nominal weights scaled to sum 1 (mean m, variance m(1 − m)/(A + 1)); replaces the noise there (--noise then defaults to 0)"),
        CliOption.Text("dirichlet-nodes", "CODE,…", "the nodes whose children's weights are Dirichlet draws (default every node); with --dirichlet"),
        CliOption.Flag("dirichlet-symmetric", "draw from the symmetric Dirichlet(A, …, A) instead of one centred on the nominal weights; with --dirichlet"),
        CliOption.Integer("seed", "S", "random seed (default 1): the same seed gives the same result on any number of threads", int.MinValue),
        CliOption.Integer("threads", "T", "threads to use (default 0: all)", 0),
    ];

    public const string InputUsage = """
        Uncertain inputs, for example --noise 0.25 --noise-levels 1, --dirichlet 20 --dirichlet-nodes DTI, or --vary normalise:minmax:1;100|zscore:10;2,aggregate@2:amean|gmean.
        """;

    public static (UncertainInputs Inputs, string Description) Inputs(CommandArgs options, Framework framework, ScoringOptions baseOptions, List<string> problems)
    {
        UncertainInputs inputs = UncertainInputs.For(framework, baseOptions);
        var parts = new List<string>();
        double noise = options.GetDouble("noise") ?? (options.Has("dirichlet") ? 0 : 0.25);
        if (noise is < 0 or > 1)
        {
            problems.Add(Text.Invariant($"--noise must be in [0, 1], was {noise}"));
            noise = 0;
        }

        if (noise > 0)
        {
            try
            {
                if (options.Get("noise-levels") is { } levelsText)
                {
                    var levels = new Dictionary<int, double>();
                    foreach (string item in levelsText.Split(',', StringSplitOptions.TrimEntries))
                    {
                        if (int.TryParse(item, NumberStyles.Integer, CultureInfo.InvariantCulture, out int level))
                        {
                            levels[level] = noise;
                        }
                        else
                        {
                            problems.Add($"--noise-levels: '{item}' is not a level number");
                        }
                    }

                    inputs = inputs.WithWeightNoiseByLevel(levels);
                    parts.Add(Text.Invariant($"weights w + U(−1, 1)·{noise}·w at levels {string.Join(",", levels.Keys)}"));
                }
                else
                {
                    inputs = inputs.WithWeightNoise(noise);
                    parts.Add(Text.Invariant($"every link weight w drawn as w + U(−1, 1)·{noise}·w"));
                }
            }
            catch (ArgumentException e)
            {
                problems.Add("--noise-levels: " + e.Message);
            }
        }

        if (options.Get("dirichlet") is not null)
        {
            double alpha = options.GetDouble("dirichlet") ?? double.NaN;
            string[]? nodes = options.Get("dirichlet-nodes")?.Split(',', StringSplitOptions.TrimEntries);
            bool centred = !options.Has("dirichlet-symmetric");
            try
            {
                inputs = inputs.WithDirichletWeights(alpha, nodes, centred);
                string where = nodes is null ? "every node" : string.Join(", ", inputs.Dirichlet!.Nodes);
                parts.Add(Text.Invariant($"children's weights of {where} drawn from {(centred ? $"Dirichlet({alpha}·nominal shares)" : $"Dirichlet({alpha}, …, {alpha})")}"));
            }
            catch (ArgumentException e)
            {
                problems.Add("--dirichlet: " + e.Message);
            }
        }
        else if (options.Has("dirichlet-nodes") || options.Has("dirichlet-symmetric"))
        {
            problems.Add("--dirichlet-nodes and --dirichlet-symmetric need --dirichlet A");
        }

        if (options.Get("vary") is { } vary)
        {
            foreach (string item in VarySplit().Split(vary))
            {
                int colon = item.IndexOf(':', StringComparison.Ordinal);
                string key = colon < 0 ? item : item[..colon];
                string[] choices = colon < 0 ? [] : item[(colon + 1)..].Split('|', StringSplitOptions.TrimEntries);
                string? levelText = null;
                if (key.StartsWith("aggregate@", StringComparison.Ordinal))
                {
                    levelText = key["aggregate@".Length..];
                    key = "aggregate@";
                }

                try
                {
                    switch (key)
                    {
                        case "aggregate@":
                            var levels = new List<int>();
                            foreach (string l in levelText!.Split(';', StringSplitOptions.TrimEntries))
                            {
                                if (int.TryParse(l, NumberStyles.Integer, CultureInfo.InvariantCulture, out int level))
                                {
                                    levels.Add(level);
                                }
                                else
                                {
                                    throw new UsageException($"'{l}' is not a level number");
                                }
                            }

                            inputs = inputs.WithAggregatorsByLevel(choices.Select(c => ScoreOptionsParser.ParseAggregator(c.Replace(';', ','))), levels);
                            parts.Add($"aggregator at level {string.Join(", ", levels)} one of {string.Join(", ", inputs.AggregatorChoices[^1].Aggregators)}");
                            break;
                        case "normalise":
                            inputs = inputs.WithNormalisers(choices.Select(c => ScoreOptionsParser.ParseNormaliser(c.Replace(';', ','))));
                            parts.Add($"normaliser one of {string.Join(", ", inputs.Normalisers)}");
                            break;
                        case "aggregate":
                            inputs = inputs.WithAggregators(choices.Select(c => ScoreOptionsParser.ParseAggregator(c.Replace(';', ','))));
                            parts.Add($"aggregator one of {string.Join(", ", inputs.AggregatorChoices[^1].Aggregators)}");
                            break;
                        case "impute":
                            inputs = inputs.WithImputations(choices.Select(Imputation));
                            parts.Add($"imputation one of {string.Join(", ", inputs.Imputations)}");
                            break;
                        case "treat":
                            inputs = inputs.WithTreatmentChoice();
                            parts.Add("treatment off or on");
                            break;
                        case "exclude":
                            inputs = inputs.WithExclusions(choices.Length == 0 ? null : choices);
                            parts.Add($"no indicator or one of {inputs.Exclusions.Count} excluded");
                            break;
                        default:
                            problems.Add($"--vary: '{key}' is not normalise, aggregate, aggregate@L, impute, treat or exclude");
                            break;
                    }
                }
                catch (Exception e) when (e is UsageException or ArgumentException)
                {
                    problems.Add($"--vary {key}: {e.Message}");
                }
            }
        }

        return (inputs, parts.Count == 0 ? "nothing varied" : string.Join("; ", parts));
    }

    /// <summary>
    /// The most runs (or Sobol base samples) one analysis command takes. Memory no longer grows with N (rank statistics
    /// are streamed), so the bound is time: 10^8 runs take minutes on the built-in sample and hours on large data.
    /// </summary>
    public const int MaxRuns = 100_000_000;

    /// <summary>Refuses a run count above <see cref="MaxRuns"/> with an error naming the limit.</summary>
    public static void CheckRuns(int runs)
    {
        if (runs > MaxRuns)
        {
            throw new InvalidDataException(Text.Invariant($"--runs {runs} is more than the {MaxRuns} runs one analysis may take [limit-exceeded]; use fewer runs."));
        }
    }

    public static int Integer(CommandArgs options, string name, int fallback, List<string> problems, int min)
    {
        string? text = options.Get(name);
        if (text is null)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
        {
            problems.Add($"--{name}: '{text}' is not an integer");
            return fallback;
        }

        if (value < min)
        {
            problems.Add(Text.Invariant($"--{name} must be at least {min}, was {value}"));
        }

        return value;
    }

    private static readonly AsyncLocal<Terminal.ProgressBar?> s_bar = new();

    /// <summary>A Spectre.Console progress bar on the error stream when it is a terminal (<see cref="Terminal"/>); nothing otherwise.</summary>
    public static IProgress<AnalysisProgress>? Progress(CliContext context)
    {
        if (!context.Interactive)
        {
            return null;
        }

        s_bar.Value?.Dispose();
        s_bar.Value = Terminal.StartProgress(context.Error, "runs");
        return s_bar.Value;
    }

    /// <summary>Completes and removes the progress bar of <see cref="Progress"/>, if any.</summary>
    public static void EndProgress(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        s_bar.Value?.Dispose();
        s_bar.Value = null;
    }

    /// <summary>A displayed number, rounded once by <see cref="DisplayRounding"/>; "—" when missing.</summary>
    public static string Number(double v, int decimals = 3, DisplayStyle style = DisplayStyle.TrimTrailingZeros) =>
        double.IsNaN(v) ? "—" : DisplayRounding.Format(v, decimals, style);

    public static string Csv(double v) => double.IsNaN(v) ? string.Empty : v.ToString("R", CultureInfo.InvariantCulture);

    public static double? Json(double v) => double.IsFinite(v) ? v : null;

    /// <summary>Indented JSON for the analysis commands' --format json.</summary>
    public static readonly System.Text.Json.JsonSerializerOptions JsonOptions = JsonOutput.SerializerOptions;

    private static ImputationMethod Imputation(string text) =>
        ScoreOptionsParser.WithImputation(ScoringOptions.Default, text).Imputation is var m && m is ImputationMethod.None or ImputationMethod.ColumnMean or ImputationMethod.ColumnMedian
            ? m
            : throw new UsageException($"imputation '{text}' is not none, mean or median");

    [GeneratedRegex(",(?=(?:normalise|aggregate|impute|treat|exclude)\\b)")]
    private static partial Regex VarySplit();
}
