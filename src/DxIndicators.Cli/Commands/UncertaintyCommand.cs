using System.Globalization;
using System.Text;
using DxIndicators.Analysis;
using DxIndicators.Cli.Infrastructure;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Scoring;
using Period = DxIndicators.Data.Period;

namespace DxIndicators.Cli.Commands;

/// <summary><c>dx uncertainty</c>: ranks under noisy weights (COINr-style uncertainty analysis) with a rank interval per unit.</summary>
internal sealed class UncertaintyCommand : ICommand
{
    public string Name => "uncertainty";

    public string Summary => "Rank intervals under noisy weights (uncertainty analysis, COINr get_sensitivity / RankStats).";

    public string Usage => """
        Usage: dx uncertainty --framework ID|FILE --data FILE.csv|FILE.json [--period P | --as-of DATE] [--runs N] [--noise X] [--seed S]
                              [--units vn|none] [--skip-bad-rows] [--out FILE]
          Scores once with the data choice of dx score (--period P only, else each indicator's latest value on or before
          --as-of, default the data's latest date; default methods as dx score), then re-aggregates N times
          (default 1000) with every link weight w drawn as w + U(−1, 1)·X·w (X in [0, 1], default 0.25; seed default 1)
          and prints, per unit, the nominal rank, the median rank and the 5–95 % rank interval (R quantile type 7),
          plus the mean absolute rank shift over the runs. Formulas: docs/methodology.md, "Weight uncertainty".
        """;

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        CommandArgs options = CommandArgs.Parse(
            args,
            new HashSet<string> { "framework", "data", "period", "as-of", "runs", "noise", "seed", "units", "out" },
            new HashSet<string> { "skip-bad-rows" });
        var problems = new List<string>();
        if (!options.Has("framework") || !options.Has("data"))
        {
            problems.Add("--framework and --data are required");
        }

        int runs = Integer(options, "runs", 1000, problems);
        int seed = Integer(options, "seed", 1, problems);
        if (runs < 1)
        {
            problems.Add(Text.Invariant($"--runs must be at least 1, was {runs}"));
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

        Framework framework = FrameworkInputs.LoadFramework(options.Get("framework")!);
        Dataset dataset = DataInputs.Load(options.Get("data")!, framework, DataInputs.Registry(options.Get("units"), framework), options.Has("skip-bad-rows"), context.Error);
        if (dataset.Count == 0)
        {
            throw new InvalidDataException("the data set has no observations to score");
        }

        // The same data choice as dx score: --period P only, else the latest value on or before --as-of (default: the data's latest date).
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
            basis = $"latest value of each indicator on or before {NodaTime.Text.LocalDatePattern.Iso.Format(asOf)}";
        }

        ScoringPlan plan = ScoringPlan.Compile(framework);
        UncertaintyResult result = WeightUncertainty.FromNoise(plan, runs, noise, seed).Run(matrix);
        OutputFile.Write(options.Get("out"), Render(framework, basis, plan, result, noise, seed), context.Out);
        return ExitCodes.Ok;
    }

    private static string Render(Framework framework, string basis, ScoringPlan plan, UncertaintyResult result, double noise, int seed)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{framework.Metadata.Name.En} — {framework.Id} {framework.Metadata.Version}; data: {basis}");
        sb.AppendLine(Text.Invariant($"{result.Runs} runs, every link weight w drawn as w + U(−1, 1)·{Text.Num(noise)}·w, seed {seed}; ranks of {framework.Root} ({plan.Options.RankMethod.ToString().ToLowerInvariant()} ties)."));
        sb.AppendLine();
        var table = new TextTable("unit", "nominal", "median", "5–95 %", "mean").AlignRight(1, 2, 3, 4);
        foreach (UnitRankStatistics s in result.Root.Units.OrderBy(s => double.IsNaN(s.Nominal) ? double.MaxValue : s.Nominal).ThenBy(s => s.Unit, StringComparer.Ordinal))
        {
            table.Add(
                s.Unit,
                Rank(s.Nominal),
                Rank(s.Median),
                s.RankedRuns == 0 ? "—" : $"{Rank(s.Percentile5)}–{Rank(s.Percentile95)}",
                s.RankedRuns == 0 ? "—" : DisplayRounding.Format(s.Mean, 2));
        }

        sb.Append(table.Render());
        double shift = result.Root.MeanAbsoluteRankShift.Where(y => !double.IsNaN(y)).DefaultIfEmpty(double.NaN).Average();
        sb.AppendLine();
        sb.AppendLine(Text.Invariant($"Mean absolute rank shift per run (COINr y_r), averaged over the runs: {Text.Short(shift, 3)} places."));
        return sb.ToString();
    }

    private static string Rank(double rank) => Text.Short(rank, 2);

    private static int Integer(CommandArgs options, string name, int fallback, List<string> problems)
    {
        string? text = options.Get(name);
        if (text is null)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
        {
            return value;
        }

        problems.Add($"--{name}: '{text}' is not an integer");
        return fallback;
    }
}
