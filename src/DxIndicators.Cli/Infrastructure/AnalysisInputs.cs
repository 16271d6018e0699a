using System.Globalization;
using System.Text.RegularExpressions;
using DxIndicators.Analysis;
using DxIndicators.Catalog;
using DxIndicators.Cli.Commands;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Scoring;
using NodaTime.Text;
using Period = DxIndicators.Data.Period;

namespace DxIndicators.Cli.Infrastructure;

/// <summary>What the analysis commands (uncertainty, sensitivity, audit, contributions) share: data, base methods, uncertain inputs, progress and output.</summary>
internal static partial class AnalysisInputs
{
    /// <summary>Value options every analysis command takes.</summary>
    public static readonly string[] CommonOptions = ["framework", "data", "period", "as-of", "units", "normalise", "aggregate", "impute", "treat", "weights", "goalposts", "min-share", "format", "out"];

    /// <summary>Flags every analysis command takes.</summary>
    public static readonly string[] CommonFlags = ["skip-bad-rows", "denominate"];

    public const string CommonUsage = """
          Data: --framework ID|FILE --data FILE (both, or neither: the built-in Điện Biên sample); as dx score, --period P
          scores that period only, else each indicator's latest value on or before --as-of DATE (default: the data's
          latest date); --units vn|none; --skip-bad-rows. Base methods as
          dx score: --normalise, --aggregate, --impute, --treat, --weights, --goalposts, --min-share, --denominate.
          Output: --format table|csv|json (default table); --out FILE.
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

            Period period = DataInputs.RequirePeriod(dataset, framework, periodText, "--period");
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

    /// <summary>Options of the uncertain inputs: --noise, --noise-levels, --vary.</summary>
    public static readonly string[] InputOptions = ["noise", "noise-levels", "vary", "seed", "threads", "dirichlet", "dirichlet-nodes"];

    /// <summary>Flags of the uncertain inputs.</summary>
    public static readonly string[] InputFlags = ["dirichlet-symmetric"];

    public const string InputUsage = """
          Uncertain inputs: --noise X (weight noise factor in [0, 1], default 0.25: each weight w is drawn as
          w + U(−1, 1)·X·w) on the levels of --noise-levels L,… (COINr levels of the weighted items: 1 indicators,
          2 the aggregates above them, …; default every level); --noise 0 for fixed weights.
          --dirichlet A: the weights of the children of each node of --dirichlet-nodes CODE,… (default every node)
          drawn from Dirichlet(A·m), m the nominal weights scaled to sum 1 (mean m, variance m(1 − m)/(A + 1)), or
          with --dirichlet-symmetric from Dirichlet(A, …, A); replaces the noise on those nodes (--noise then
          defaults to 0). --vary takes a list of normalise:N|N…, aggregate[@L;L…]:A|A… (@: only the nodes at COINr
          levels L, 2 = aggregates of indicators; several aggregate@ items are drawn independently),
          impute:none|mean|median, treat (treatment off/on), exclude[:CODE|CODE…] (no indicator or one of them left
          out; default every indicator), separated by commas, for example --vary normalise:minmax:1;100|zscore:10;2,
          aggregate@2:amean|gmean,aggregate@3:amean|hmean (';' separates a method's parameters).
          --seed S (default 1): the same seed gives the same result on any number of threads (--threads T, default all).
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

    /// <summary>A progress bar on the error stream when it is a terminal; nothing otherwise.</summary>
    public static IProgress<AnalysisProgress>? Progress(CliContext context) => context.Interactive ? new Bar(context.Error) : null;

    public static void EndProgress(CliContext context)
    {
        if (context.Interactive)
        {
            context.Error.Write("\r" + new string(' ', 60) + "\r");
        }
    }

    /// <summary>A displayed number, rounded once by <see cref="DisplayRounding"/>; "—" when missing.</summary>
    public static string Number(double v, int decimals = 3, DisplayStyle style = DisplayStyle.TrimTrailingZeros) =>
        double.IsNaN(v) ? "—" : DisplayRounding.Format(v, decimals, style);

    public static string Csv(double v) => double.IsNaN(v) ? string.Empty : v.ToString("R", CultureInfo.InvariantCulture);

    public static double? Json(double v) => double.IsFinite(v) ? v : null;

    /// <summary>Indented JSON for the analysis commands' --format json.</summary>
    public static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    private static ImputationMethod Imputation(string text) => text switch
    {
        "none" => ImputationMethod.None,
        "mean" => ImputationMethod.ColumnMean,
        "median" => ImputationMethod.ColumnMedian,
        _ => throw new UsageException($"imputation '{text}' is not none, mean or median"),
    };

    [GeneratedRegex(",(?=(?:normalise|aggregate|impute|treat|exclude)\\b)")]
    private static partial Regex VarySplit();

    private sealed class Bar(TextWriter error) : IProgress<AnalysisProgress>
    {
        private int _last = -1;

        public void Report(AnalysisProgress value)
        {
            int percent = value.Total == 0 ? 100 : (int)(100 * value.Done / value.Total);
            if (Interlocked.Exchange(ref _last, percent) == percent)
            {
                return;
            }

            int filled = percent * 30 / 100;
            lock (this)
            {
                error.Write($"\r[{new string('#', filled)}{new string(' ', 30 - filled)}] {percent,3}% {value.Done:N0}/{value.Total:N0}");
            }
        }
    }
}
