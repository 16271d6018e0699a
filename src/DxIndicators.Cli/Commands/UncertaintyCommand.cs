using System.Globalization;
using System.Text;
using System.Text.Json;
using DxIndicators.Analysis;
using DxIndicators.Cli.Infrastructure;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Scoring;

namespace DxIndicators.Cli.Commands;

/// <summary><c>dx uncertainty</c>: rank distributions under uncertain weights, normalisers, aggregators, imputation, treatment and exclusions.</summary>
internal sealed class UncertaintyCommand : ICommand
{
    public string Name => "uncertainty";

    public string Summary => "Rank intervals under uncertain modelling choices (COINr get_sensitivity UA / RankStats).";

    public string Description => $"""
        Scores once per distinct combination of methods, then evaluates N runs (default 1000) without rebuilding
        and prints, per unit, the nominal rank, the median rank, the 5–95 % rank interval (R quantile type 7), the
        mean rank, the mean absolute rank shift and the score's mean and standard deviation; --nodes adds nodes to
        the root. Formulas: docs/methodology.md, "Uncertainty analysis".
        {AnalysisInputs.InputUsage}
        {AnalysisInputs.CommonUsage}
        """;

    public IReadOnlyList<CliOption> Options { get; } =
    [
        CliOption.Integer("runs", "N", "number of runs (default 1000)", 1),
        .. AnalysisInputs.InputOptions,
        CliOption.Text("nodes", "CODE,…", "nodes analysed besides the root"),
        .. AnalysisInputs.CommonOptions,
    ];

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        CommandArgs options = CommandArgs.Parse(args, Options);
        options.Together("framework", "data");
        var problems = new List<string>();
        int runs = AnalysisInputs.Integer(options, "runs", 1000, problems, 1);
        AnalysisInputs.CheckRuns(runs);
        int seed = AnalysisInputs.Integer(options, "seed", 1, problems, int.MinValue);
        int threads = AnalysisInputs.Integer(options, "threads", 0, problems, 0);
        string format = AnalysisInputs.Format(options, "table", "csv", "json");
        if (problems.Count > 0)
        {
            throw new UsageException(string.Join("; ", problems));
        }

        (Framework framework, IndicatorMatrix matrix, ScoringOptions baseOptions, string basis) = AnalysisInputs.Load(options, context);
        (UncertainInputs inputs, string description) = AnalysisInputs.Inputs(options, framework, baseOptions, problems);
        UncertaintyAnalysis analysis = UncertaintyAnalysis.Create(inputs, runs, seed).WithThreads(threads);
        if (options.Get("nodes") is { } nodes)
        {
            try
            {
                analysis = analysis.WithNodes(nodes.Split(',', StringSplitOptions.TrimEntries));
            }
            catch (ArgumentException e)
            {
                problems.Add("--nodes: " + e.Message);
            }
        }

        if (problems.Count > 0)
        {
            throw new UsageException(string.Join("; ", problems));
        }

        UncertaintyResult result = analysis.Run(matrix, progress: AnalysisInputs.Progress(context));
        AnalysisInputs.EndProgress(context);
        string text = format switch
        {
            "csv" => Csv(result),
            "json" => Json(framework, basis, description, result),
            _ => Table(options.Name(framework.Metadata.Name), framework, basis, description, inputs, result),
        };
        OutputFile.Write(options.Get("out"), text, context.Out);
        return ExitCodes.Ok;
    }

    private static string Table(string title, Framework framework, string basis, string description, UncertainInputs inputs, UncertaintyResult result)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{title} — {framework.Id} {framework.Metadata.Version}, {basis}");
        sb.AppendLine(Text.Invariant($"{result.Runs} runs, {description}, seed {result.Seed}; ranks with {inputs.BaseOptions.RankMethod.ToString().ToLowerInvariant()} ties."));
        foreach (NodeRankStatistics node in result.Nodes)
        {
            sb.AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"Node {node.Node}:");
            var table = new TextTable("unit", "nominal", "median", "5–95 %", "mean", "|shift|", "score", "score sd").AlignRight(1, 2, 3, 4, 5, 6, 7);
            foreach (UnitRankStatistics s in node.Units.OrderBy(s => double.IsNaN(s.Nominal) ? double.MaxValue : s.Nominal).ThenBy(s => s.Unit, StringComparer.Ordinal))
            {
                bool none = s.RankedRuns == 0;
                table.Add(
                    s.Unit,
                    Rank(s.Nominal),
                    Rank(s.Median),
                    none ? "—" : $"{Rank(s.Percentile5)}–{Rank(s.Percentile95)}",
                    none ? "—" : AnalysisInputs.Number(s.Mean, 2, DisplayStyle.None),
                    none ? "—" : AnalysisInputs.Number(s.MeanAbsoluteShift, 2, DisplayStyle.None),
                    none ? "—" : AnalysisInputs.Number(s.ScoreMean, 4),
                    none ? "—" : AnalysisInputs.Number(s.ScoreStandardDeviation, 4));
            }

            sb.Append(table.Render());
            sb.AppendLine();
            sb.AppendLine(Text.Invariant($"Mean absolute rank shift per run (COINr y_r), averaged over the runs: {AnalysisInputs.Number(node.ShiftSummary.Mean)} places (sd {AnalysisInputs.Number(node.ShiftSummary.StandardDeviation)}, max {AnalysisInputs.Number(node.ShiftSummary.Maximum)})."));
        }

        return sb.ToString();
    }

    private static string Csv(UncertaintyResult result)
    {
        var sb = new StringBuilder("node,unit,nominal_rank,median_rank,p05_rank,p95_rank,mean_rank,mean_abs_shift,ranked_runs,nominal_score,score_mean,score_sd,score_min,score_max\n");
        foreach (NodeRankStatistics node in result.Nodes)
        {
            foreach (UnitRankStatistics s in node.Units)
            {
                sb.AppendJoin(',', node.Node, s.Unit, AnalysisInputs.Csv(s.Nominal), AnalysisInputs.Csv(s.Median), AnalysisInputs.Csv(s.Percentile5), AnalysisInputs.Csv(s.Percentile95), AnalysisInputs.Csv(s.Mean), AnalysisInputs.Csv(s.MeanAbsoluteShift), s.RankedRuns.ToString(CultureInfo.InvariantCulture), AnalysisInputs.Csv(s.NominalScore), AnalysisInputs.Csv(s.ScoreMean), AnalysisInputs.Csv(s.ScoreStandardDeviation), AnalysisInputs.Csv(s.ScoreMinimum), AnalysisInputs.Csv(s.ScoreMaximum));
                sb.Append('\n');
            }
        }

        return sb.ToString();
    }

    private static string Json(Framework framework, string basis, string description, UncertaintyResult result) =>
        JsonSerializer.Serialize(
            new
            {
                framework = framework.Id,
                basis,
                inputs = result.Inputs.Select(i => i.ToString()),
                description,
                runs = result.Runs,
                seed = result.Seed,
                nodes = result.Nodes.Select(n => new
                {
                    node = n.Node,
                    meanAbsoluteRankShift = new { mean = AnalysisInputs.Json(n.ShiftSummary.Mean), sd = AnalysisInputs.Json(n.ShiftSummary.StandardDeviation), min = AnalysisInputs.Json(n.ShiftSummary.Minimum), max = AnalysisInputs.Json(n.ShiftSummary.Maximum) },
                    units = n.Units.Select(s => new
                    {
                        unit = s.Unit,
                        nominal = AnalysisInputs.Json(s.Nominal),
                        median = AnalysisInputs.Json(s.Median),
                        p05 = AnalysisInputs.Json(s.Percentile5),
                        p95 = AnalysisInputs.Json(s.Percentile95),
                        mean = AnalysisInputs.Json(s.Mean),
                        meanAbsoluteShift = AnalysisInputs.Json(s.MeanAbsoluteShift),
                        rankedRuns = s.RankedRuns,
                        nominalScore = AnalysisInputs.Json(s.NominalScore),
                        scoreMean = AnalysisInputs.Json(s.ScoreMean),
                        scoreSd = AnalysisInputs.Json(s.ScoreStandardDeviation),
                        scoreMin = AnalysisInputs.Json(s.ScoreMinimum),
                        scoreMax = AnalysisInputs.Json(s.ScoreMaximum),
                    }),
                }),
            },
            AnalysisInputs.JsonOptions) + "\n";

    private static string Rank(double rank) => AnalysisInputs.Number(rank, 2);
}
