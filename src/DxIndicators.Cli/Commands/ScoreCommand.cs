using System.Globalization;
using System.Text;
using DxIndicators.Catalog;
using DxIndicators.Cli.Infrastructure;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Scoring;
using DxIndicators.Targets;
using NodaTime;
using NodaTime.Text;

namespace DxIndicators.Cli.Commands;

/// <summary><c>dx score</c>: scores a data set against a framework and prints a scorecard or writes CSV.</summary>
internal sealed class ScoreCommand : ICommand
{
    public string Name => "score";

    public string Summary => "Score the Điện Biên sample (no arguments) or your data against a framework.";

    public string Description => """
        No arguments: the built-in Điện Biên sample, auto normalisation (points rule, else goalposts, else min-max).
        Sample or your data alike: each indicator's latest value on or before --as-of DATE (default: the data's
        latest date, so the result never depends on the clock); --period P scores period P only.
        CSV output: unit,node,level,score,rank — one row per unit and node (indicators are level 1 and carry their
        normalised value), numbers in round-trip precision, empty when missing. JSON output: the same rows with the
        rank's universe, and the framework, data basis and method (docs/cli.md). Indicators no node aggregates
        (denominators, display-only) are carried, not normalised: they need no normaliser parameters and have no row.
        With --store the scorecard's as-of date defaults to --known-on, so the scorecard shown on a day is reproduced
        exactly; --record saves the output in the store with the framework and target catalogue it was computed with.
        """;

    public IReadOnlyList<CliOption> Options { get; } =
    [
        CommonOptions.Framework,
        CommonOptions.Data,
        CommonOptions.Period,
        CommonOptions.AsOf,
        CommonOptions.Unit.WithHelp("show this unit in detail (default: a ranking of every unit, or the only unit)"),
        .. MethodOptions,
        CliOption.Text("groups", "FILE.csv", "unit,GROUP… assignments, for --impute groupmean:COLUMN"),
        CliOption.Text("compare-to", "P", "add the change of the index and pillars since period P (or date P with --as-of / the sample), rank changes in places"),
        CliOption.Flag("allow-different-universes", "compare ranks out of different universes (63 vs 34 provinces) anyway, flagged; with --compare-to"),
        CommonOptions.SkipBadRows,
        CommonOptions.Units,
        CommonOptions.Store.WithHelp("score the data of an observation store (dx store), as known on --known-on; instead of --data"),
        CommonOptions.KnownOn,
        CliOption.Flag("record", "save the output in the store (dx store results); with --store"),
        CommonOptions.Format("table", "csv", "json"),
        CommonOptions.Out,
    ];

    /// <summary>The scoring-method options dx score and the analysis commands share.</summary>
    internal static IReadOnlyList<CliOption> MethodOptions { get; } =
    [
        CliOption.Text("normalise", "METHOD", "one of " + string.Join(", ", Normaliser.Grammars) + " (default auto)"),
        CliOption.Text("aggregate", "METHOD", "one of " + string.Join(", ", Aggregator.Grammars) + " (default: each node's own)"),
        CliOption.Text("impute", "METHOD", "one of " + string.Join(", ", ScoringOptions.ImputationGrammars) + " (groupmean with --groups)"),
        CliOption.Text("treat", "METHOD", "one of " + string.Join(", ", ScoringOptions.TreatmentGrammars) + " (outlier treatment, COINr Treat)"),
        CliOption.Flag("denominate", "divide indicators by their declared denominators first"),
        CliOption.Text("weights", "FILE.csv", "code,weight rows replacing the framework's weights"),
        CliOption.Text("goalposts", "FILE.csv", "code,lower,upper[,scale,truncate] rows in raw units"),
        CliOption.Number("min-share", "X", "share in (0, 1] of a node's children that must be present", 0, 1, lowOpen: true),
    ];

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        CommandArgs options = CommandArgs.Parse(args, Options);
        CheckOptions(options);
        string format = options.GetOrDefault("format", "table");

        bool sample = !options.Has("data") && !options.Has("framework");
        Framework framework = sample ? FrameworkCatalog.Get(FrameworkInputs.SampleFrameworkId) : FrameworkInputs.LoadFramework(options.Get("framework")!);
        Dataset dataset = DataInputs.LoadData(options, framework, context);
        if (dataset.Count == 0)
        {
            throw new InvalidDataException("the data set has no observations to score");
        }

        (ScoringOptions scoring, framework) = BuildOptions(options, framework);
        (IndicatorMatrix matrix, string basis, LocalDate asOf, ReportingPeriod? period) = SelectMatrix(options, dataset, framework);
        IReadOnlyDictionary<string, IReadOnlyList<string?>>? groups = Groups(options, matrix);
        ScoringPlan plan = ScoringPlan.Compile(framework, scoring);
        ScoreTable table = plan.Score(matrix, groups);
        string text = format switch
        {
            "csv" => ToCsv(framework, table),
            "json" => ToJson(framework, table, basis, asOf, period),
            _ => Scorecard(framework, dataset, table, basis, asOf, options.Get("unit"), period, options),
        };
        if (options.Get("compare-to") is { } compareText)
        {
            text += CompareTo(options, compareText, dataset, framework, plan, table, groups, period);
        }

        if (options.Has("record"))
        {
            StoreResults.Record(options.Get("store")!, context, "score", options.GetDate("known-on") ?? context.Today, framework, null, args, text);
        }

        OutputFile.Write(options.Get("out"), text, context.Out);
        return ExitCodes.Ok;
    }

    private static void CheckOptions(CommandArgs options)
    {
        options.NotBoth("store", "data", "--store and --data are two sources of data; give one");
        options.RequireFor("store", "known-on", "record");
        if (!options.Has("store"))
        {
            options.Together("framework", "data");
        }

        options.RequireFor("data", "units", "skip-bad-rows");
        options.RequireFor("compare-to", "allow-different-universes");
        if (options.Has("unit") && (options.Is("format", "csv") || options.Is("format", "json")))
        {
            options.Problem("--unit selects the unit shown in the scorecard; --format csv and json always write every unit");
        }

        if (options.Has("compare-to") && (options.Is("format", "csv") || options.Is("format", "json")))
        {
            options.Problem("--compare-to prints a change table; it does not combine with --format csv or json");
        }

        options.NotBoth("period", "as-of");
        options.ThrowIfProblems();
    }

    // One rule for the sample and for user data: --period scores that period only; otherwise each indicator's
    // latest value on or before --as-of, by default the data's latest date (never the clock), or the --known-on
    // day of a store, so that the scorecard shown on that day is reproduced.
    private static (IndicatorMatrix Matrix, string Basis, LocalDate AsOf, ReportingPeriod? Period) SelectMatrix(CommandArgs options, Dataset dataset, Framework framework)
    {
        LocalDate asOf = options.GetDate("known-on") ?? dataset.LatestDate!.Value;
        if (options.Get("period") is { } periodText)
        {
            ReportingPeriod period = DataInputs.RequirePeriod(dataset, framework, periodText, "--period");
            return (dataset.CrossSection(framework, period), $"period {period} only", period.End, period);
        }

        LocalDate? given = options.GetDate("as-of");
        asOf = given ?? asOf;
        IndicatorMatrix matrix = DataInputs.RequireAsOf(dataset, framework, asOf, "--as-of");
        string day = LocalDatePattern.Iso.Format(asOf);
        // A --known-on day reads as a stated as-of date, so the scorecard shown that day is reproduced to the byte.
        string basis = given is not null || options.Has("known-on") ? $"latest value of each indicator on or before {day}"
            : $"latest value of each indicator on or before {day}, the data's latest date (choose with --as-of DATE or --period P)";
        return (matrix, basis, asOf, null);
    }

    private static Dictionary<string, IReadOnlyList<string?>>? Groups(CommandArgs options, IndicatorMatrix matrix) =>
        options.Get("groups") is { } groupsPath
            ? ScoreOptionsParser.ReadGroups(groupsPath).ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<string?>)matrix.Units.Select(u => g.Value.GetValueOrDefault(u)).ToArray(),
                StringComparer.Ordinal)
            : null;

    private static string CompareTo(CommandArgs options, string compareText, Dataset dataset, Framework framework, ScoringPlan plan, ScoreTable table, IReadOnlyDictionary<string, IReadOnlyList<string?>>? groups, ReportingPeriod? period)
    {
        ReportingPeriod earlier = ReportingPeriod.TryParse(compareText, out ReportingPeriod c) ? c : throw new UsageException($"--compare-to: '{compareText}' is not a period or date");
        IndicatorMatrix before = period is null
            ? DataInputs.RequireAsOf(dataset, framework, earlier.End, "--compare-to")
            : dataset.CrossSection(framework, DataInputs.RequirePeriod(dataset, framework, compareText, "--compare-to"));
        string label = period is null ? LocalDatePattern.Iso.Format(earlier.End) : earlier.ToString();
        return Changes(framework, plan.Score(before, groups), table, label, options.Get("unit"), options.Has("allow-different-universes"));
    }

    private static string Changes(Framework framework, ScoreTable before, ScoreTable now, string label, string? unitFilter, bool allowDifferentUniverses)
    {
        var sb = new StringBuilder();
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Change since {label} (same method; scores on the framework's 0–1 scale):");
        var table = new TextTable("unit", "node", "then", "now", "change", "rank");
        table.AlignRight(2, 3, 4);
        var notes = new List<string>();
        IEnumerable<string> units = unitFilter is null ? now.Units : [unitFilter];
        IReadOnlyList<string> nodes = [framework.Root, .. framework.Nodes.Where(n => n.Kind == NodeKind.Pillar).Select(n => n.Code)];
        foreach (string unit in units.Where(before.Units.Contains))
        {
            foreach (string node in nodes.Distinct())
            {
                double then = before.GetScore(unit, node);
                double current = now.GetScore(unit, node);
                string change = Text.Change(current - then);
                table.Add(unit, node, Score(then), Score(current), change, RankChangeText(before.GetRank(unit, node), now.GetRank(unit, node), allowDifferentUniverses, notes));
            }
        }

        sb.Append(table.Render());
        foreach (string note in notes.Distinct())
        {
            sb.AppendLine(note);
        }

        return sb.ToString();
    }

    private static string RankChangeText(UnitRank then, UnitRank now, bool allowDifferentUniverses, List<string> notes)
    {
        if (!then.IsRanked || !now.IsRanked || then.Rank != Math.Floor(then.Rank) || now.Rank != Math.Floor(now.Rank))
        {
            return "—";
        }

        var from = RankPosition.From((int)then.Rank, then.UniverseSize);
        var to = RankPosition.From((int)now.Rank, now.UniverseSize);
        if (RankChange.TryBetween(from, to, allowDifferentUniverses, out RankChange? change, out string? error))
        {
            return change.Describe();
        }

        notes.Add("Ranks not compared: " + error + " (--allow-different-universes compares them anyway, flagged).");
        return Text.Invariant($"{to} (was {from})");
    }

    internal static (ScoringOptions Options, Framework Framework) BuildOptions(CommandArgs args, Framework framework)
    {
        ScoringOptions options = ScoringOptions.Default;
        if (args.Get("normalise") is { } n)
        {
            options = options.WithNormaliser(ScoreOptionsParser.ParseNormaliser(n));
        }

        if (args.Get("aggregate") is { } a)
        {
            options = options.WithAggregator(ScoreOptionsParser.ParseAggregator(a));
        }

        if (args.Get("impute") is { } i)
        {
            options = ScoreOptionsParser.WithImputation(options, i);
        }

        if (args.Get("treat") is { } t)
        {
            options = ScoreOptionsParser.WithTreatment(options, t);
        }

        if (args.Has("denominate"))
        {
            options = options.WithDenomination();
        }

        if (args.GetDouble("min-share") is { } share)
        {
            options = share is > 0 and <= 1 ? options.WithMinShare(share) : throw new UsageException($"--min-share must be in (0, 1], was {share.ToString(CultureInfo.InvariantCulture)}");
        }

        if (args.Get("weights") is { } weightsPath)
        {
            options = options.WithWeights(ScoreOptionsParser.ReadWeights(weightsPath, framework));
        }

        if (args.Get("goalposts") is { } goalpostsPath)
        {
            (framework, IReadOnlyList<KeyValuePair<string, Normaliser>> normalisers) = ScoreOptionsParser.ApplyGoalposts(goalpostsPath, framework);
            foreach (KeyValuePair<string, Normaliser> pair in normalisers)
            {
                options = options.WithNormaliser(pair.Key, pair.Value);
            }
        }

        return (options, framework);
    }

    internal static Dictionary<string, int> Levels(Framework framework)
    {
        var levels = framework.Indicators.ToDictionary(i => i.Code, _ => 1, StringComparer.Ordinal);
        foreach (FrameworkNode node in framework.NodesBottomUp())
        {
            levels[node.Code] = 1 + node.Children.Max(c => levels.GetValueOrDefault(c.Code, 1));
        }

        return levels;
    }

    private static string ToCsv(Framework framework, ScoreTable table)
    {
        Dictionary<string, int> levels = Levels(framework);
        var sb = new StringBuilder("unit,node,level,score,rank\n");
        for (int u = 0; u < table.Units.Count; u++)
        {
            string unit = Csv(table.Units[u]);
            foreach (string indicator in table.Indicators.Where(i => !table.CarriedIndicators.Contains(i)))
            {
                sb.Append(CultureInfo.InvariantCulture, $"{unit},{Csv(indicator)},1,{Text.RoundTrip(table.Normalised(indicator)[u])},\n");
            }

            foreach (string node in table.Nodes)
            {
                sb.Append(CultureInfo.InvariantCulture, $"{unit},{Csv(node)},{levels[node]},{Text.RoundTrip(table.Scores(node)[u])},{Text.RoundTrip(table.Ranks(node)[u])}\n");
            }
        }

        return sb.ToString();
    }

    private static string ToJson(Framework framework, ScoreTable table, string basis, LocalDate asOf, ReportingPeriod? period)
    {
        Dictionary<string, int> levels = Levels(framework);
        return JsonOutput.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("framework", framework.Id);
            json.WriteString("version", framework.Metadata.Version);
            json.WriteString("basis", basis);
            json.WriteString("asOf", LocalDatePattern.Iso.Format(asOf));
            json.WriteString("period", period?.ToString());
            json.WriteString("method", table.MethodDescription);
            json.WriteStartArray("units");
            foreach (string unit in table.Units)
            {
                json.WriteStringValue(unit);
            }

            json.WriteEndArray();
            json.WriteStartArray("rows");
            for (int u = 0; u < table.Units.Count; u++)
            {
                foreach (string indicator in table.Indicators.Where(i => !table.CarriedIndicators.Contains(i)))
                {
                    json.WriteStartObject();
                    json.WriteString("unit", table.Units[u]);
                    json.WriteString("node", indicator);
                    json.WriteNumber("level", 1);
                    JsonOutput.Number(json, "score", table.Normalised(indicator)[u]);
                    json.WriteNull("rank");
                    json.WriteNull("universe");
                    json.WriteEndObject();
                }

                foreach (string node in table.Nodes)
                {
                    UnitRank rank = table.GetRank(table.Units[u], node);
                    json.WriteStartObject();
                    json.WriteString("unit", table.Units[u]);
                    json.WriteString("node", node);
                    json.WriteNumber("level", levels[node]);
                    JsonOutput.Number(json, "score", table.Scores(node)[u]);
                    JsonOutput.Number(json, "rank", rank.IsRanked ? rank.Rank : double.NaN);
                    json.WriteNumber("universe", rank.UniverseSize);
                    json.WriteEndObject();
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static string Scorecard(Framework framework, Dataset dataset, ScoreTable table, string basis, LocalDate asOf, string? unitFilter, ReportingPeriod? period, CommandArgs names)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{names.Name(framework.Metadata.Name)} — {framework.Id} {framework.Metadata.Version}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"Data: {basis}. Method: {table.MethodDescription}.");
        IReadOnlyList<string> top = [framework.Root, .. framework.Nodes.Where(n => n.Kind == NodeKind.Pillar || framework.GetNode(framework.Root).Children.Any(c => c.Code == n.Code)).Select(n => n.Code).Distinct()];
        if (table.Units.Count > 1 && unitFilter is null)
        {
            sb.AppendLine();
            var ranking = new TextTable(["rank", "unit", .. top]).AlignRight([0, .. Enumerable.Range(2, top.Count)]);
            foreach (int u in Enumerable.Range(0, table.Units.Count).OrderBy(u => Sortable(table.Ranks(framework.Root)[u])))
            {
                ranking.Add([ShortRank(table.GetRank(table.Units[u], framework.Root)), table.Units[u], .. top.Select(n => Score(table.Scores(n)[u]))]);
            }

            sb.Append(ranking.Render());
            sb.AppendLine();
            sb.AppendLine("One unit in detail: --unit CODE. All numbers: --format csv.");
            return sb.ToString();
        }

        string unit = unitFilter ?? table.Units[0];
        if (!table.Units.Contains(unit))
        {
            throw new UsageException($"--unit: '{unit}' is not in the data (units: {string.Join(", ", table.Units.Take(20))}{(table.Units.Count > 20 ? ", …" : string.Empty)})");
        }

        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Unit {unit}: {names.Name(framework.GetNode(framework.Root).Name)} = {Score(table.GetScore(unit, framework.Root))}  ({RankText(table.GetRank(unit, framework.Root))})");
        foreach (string node in top.Skip(1))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {node,-10} {names.Name(framework.GetNode(node).Name),-48} {Score(table.GetScore(unit, node)),8}");
        }

        sb.AppendLine();
        var indicators = new TextTable("indicator", "name", "value", "period", "score", "weight", "target").AlignRight(2, 4);
        foreach (IndicatorDefinition indicator in framework.Indicators)
        {
            Observation? observation = period is { } p
                ? (dataset.TryGet(unit, indicator.Code, p, out Observation? o) ? o : null)
                : dataset.Latest(unit, indicator.Code, asOf);
            double normalised = table.GetNormalised(unit, indicator.Code);
            string weight = WeightText(framework, indicator.Code);
            indicators.Add(
                indicator.Code,
                Text.Shorten(names.Name(indicator.Name), 44),
                observation is null ? "—" : Text.Qualified(observation.Value, observation.Qualifier) + " " + indicator.Unit,
                observation?.Period.ToString() ?? string.Empty,
                Score(normalised),
                weight,
                TargetText(framework, indicator, unit, dataset, asOf));
        }

        sb.Append(indicators.Render());
        sb.AppendLine();
        sb.AppendLine("score: normalised 0–1 (goalposts in raw units, polarity applied); weight 0 = shown, not scored; target: status as of " + LocalDatePattern.Iso.Format(asOf) + " (dx targets for details).");
        return sb.ToString();
    }

    private static string TargetText(Framework framework, IndicatorDefinition indicator, string unit, Dataset dataset, LocalDate asOf)
    {
        var parts = new List<string>();
        foreach (TargetRule target in framework.Targets.Where(t => t.Indicator == indicator.Code))
        {
            TargetEvaluation e = TargetEvaluator.Default.Evaluate(target, indicator, unit, dataset.Series(unit, indicator.Code), asOf);
            string status = e.Status switch
            {
                TargetStatus.Achieved => "met",
                TargetStatus.Missed => "not met",
                TargetStatus.NoData => "no data",
                _ => TargetCsv.StatusText(e.Status),
            };
            parts.Add($"{status} ({target.Deadline.Year})");
        }

        return string.Join("; ", parts);
    }

    private static string WeightText(Framework framework, string code)
    {
        NodeLink? link = framework.Nodes.SelectMany(n => n.Children).FirstOrDefault(l => l.Code == code);
        return link is null ? string.Empty : Text.Short(link.EffectiveWeight, 2);
    }

    private static string RankText(UnitRank rank) => rank.IsRanked
        ? string.Create(CultureInfo.InvariantCulture, $"rank {Text.Short(rank.Rank, 2)} of {rank.UniverseSize}")
        : "unranked";

    private static string ShortRank(UnitRank rank) => rank.IsRanked
        ? string.Create(CultureInfo.InvariantCulture, $"{Text.Short(rank.Rank, 2)}/{rank.UniverseSize}")
        : "—";

    private static double Sortable(double rank) => double.IsNaN(rank) ? double.MaxValue : rank;

    private static string Score(double value) => Text.Score(value);

    private static string Csv(string text) => text.Contains(',', StringComparison.Ordinal) || text.Contains('"', StringComparison.Ordinal)
        ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : text;
}
