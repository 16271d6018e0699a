using System.Globalization;
using System.Text;
using DxIndicators.Catalog;
using DxIndicators.Cli.Infrastructure;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Storage;
using DxIndicators.Units;
using NodaTime;
using NodaTime.Text;
using Period = DxIndicators.Data.Period;

namespace DxIndicators.Cli.Commands;

/// <summary><c>dx store</c>: an observation store with vintages (SQLite file or PostgreSQL server).</summary>
internal sealed class StoreCommand : ICommand
{
    public string Name => "store";

    public string Summary => "Keep observations with vintages: init, import, export, history, diff, results.";

    public string Example => "dx store init --store dx.db && dx store import --store dx.db --sample --known-from 2026-01-10 && dx store history --store dx.db --unit 11 --indicator GOV-ONLINE-PROC";

    public string Usage => """
        Usage: dx store init    --store PATH|CONNECTION
               dx store import  --store PATH|CONNECTION (--data FILE.csv|FILE.json | --sample) [--known-from DATE] [--note TEXT]
                                [--framework ID|FILE] [--units vn|none] [--skip-bad-rows]
               dx store export  --store PATH|CONNECTION [--known-on DATE] [--format csv|json] [--out FILE]
               dx store history --store PATH|CONNECTION --unit CODE --indicator CODE [--period P]
               dx store diff    --store PATH|CONNECTION --from DATE [--to DATE]
               dx store results --store PATH|CONNECTION [--show ID]
          --store: a SQLite file (created by init or import), or an Npgsql connection string (Host=…;Database=…) for a
          PostgreSQL server. import: one transaction; a figure that differs from the latest known one is a revision
          (the old vintage is kept, known until --known-from, default today); --framework checks indicator codes.
          export: the figures as known on DATE (default: the latest). history: every vintage of a unit's indicator.
          diff: the figures that differ between as known on --from and as known on --to (default: the latest).
          results: the results saved by dx score --record, with the framework version and SHA-256 they were
          computed with; --show prints one exactly as it was produced.
          dx score / dx targets --store S [--known-on DATE] score or evaluate the data as known on DATE.
        """;

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        if (args.Count == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            throw new UsageException("give a sub-command: init, import, export, history, diff or results");
        }

        string sub = args[0];
        IReadOnlyList<string> rest = args.Skip(1).ToArray();
        return sub switch
        {
            "init" => Init(rest, context),
            "import" => Import(rest, context),
            "export" => Export(rest, context),
            "history" => History(rest, context),
            "diff" => Diff(rest, context),
            "results" => Results(rest, context),
            _ => throw new UsageException($"unknown sub-command '{sub}' (init, import, export, history, diff, results)"),
        };
    }

    private static string RequireStore(CommandArgs options) =>
        options.Get("store") ?? throw new UsageException("--store PATH|CONNECTION is required");

    private static int Init(IReadOnlyList<string> args, CliContext context)
    {
        CommandArgs options = CommandArgs.Parse(args, new HashSet<string> { "store" }, new HashSet<string>());
        string store = RequireStore(options);
        using IObservationStore opened = StoreInputs.Open(store, context.Clock, mustExist: false);
        context.Out.WriteLine(Text.Invariant($"store ready at schema version {opened.SchemaVersion}: {opened.Latest().Count} observations, {opened.ImportLog().Count} imports"));
        return ExitCodes.Ok;
    }

    private static int Import(IReadOnlyList<string> args, CliContext context)
    {
        CommandArgs options = CommandArgs.Parse(
            args,
            new HashSet<string> { "store", "data", "known-from", "note", "framework", "units" },
            new HashSet<string> { "sample", "skip-bad-rows" });
        string store = RequireStore(options);
        if (options.Has("data") == options.Has("sample"))
        {
            throw new UsageException("give --data FILE or --sample (the built-in Điện Biên sample), one of them");
        }

        options.RequireFor("data", "units", "skip-bad-rows", "framework");
        LocalDate knownFrom = options.GetDate("known-from") ?? context.Today;
        Dataset dataset;
        string note;
        if (options.Get("data") is { } path)
        {
            Framework? framework = options.Get("framework") is { } f ? FrameworkInputs.LoadFramework(f) : null;
            UnitRegistry? registry = framework is not null
                ? DataInputs.Registry(options.Get("units"), framework)
                : options.Get("units") switch
                {
                    "vn" => BuiltIn.VietnamProvinces,
                    "none" or null => null,
                    string other => throw new UsageException($"--units must be vn or none, was '{other}'"),
                };
            dataset = Read(path, framework, registry, options.Has("skip-bad-rows"), context.Error);
            note = options.Get("note") ?? Path.GetFileName(path);
        }
        else
        {
            dataset = DataInputs.LoadSample();
            note = options.Get("note") ?? "built-in sample dien-bien-sample";
        }

        using IObservationStore opened = StoreInputs.Open(store, context.Clock, mustExist: false);
        ImportSummary summary = opened.Import(dataset, knownFrom, note);
        context.Out.WriteLine(Text.Invariant($"import {summary.ImportId} known from {LocalDatePattern.Iso.Format(knownFrom)}: {summary.Added} added, {summary.Revised} revised, {summary.Unchanged} unchanged ({note})"));
        return ExitCodes.Ok;
    }

    private static Dataset Read(string path, Framework? framework, UnitRegistry? registry, bool skipBadRows, TextWriter diagnostics)
    {
        if (framework is not null)
        {
            return DataInputs.Load(path, framework, registry, skipBadRows, diagnostics);
        }

        var options = new ReadOptions { Registry = registry, SkipBadRows = skipBadRows };
        using StreamReader reader = File.OpenText(path);
        ReadResult<Dataset> result = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? ObservationJson.Read(reader, path, options)
            : ObservationCsv.Read(reader, path, options);
        if (result.Value is { } dataset && result.Problems.Count > 0)
        {
            diagnostics.WriteLine($"{path}: skipped {result.SkippedRows.Count} bad row(s):");
            foreach (Problem problem in result.Problems)
            {
                diagnostics.WriteLine($"  {problem}");
            }

            return dataset;
        }

        return result.GetValueOrThrow();
    }

    private static int Export(IReadOnlyList<string> args, CliContext context)
    {
        CommandArgs options = CommandArgs.Parse(args, new HashSet<string> { "store", "known-on", "format", "out" }, new HashSet<string>());
        string store = RequireStore(options);
        string format = options.GetOrDefault("format", "csv");
        if (format is not ("csv" or "json"))
        {
            throw new UsageException($"--format must be csv or json, was '{format}'");
        }

        Dataset dataset = StoreInputs.Read(store, options.GetDate("known-on"), context.Clock);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        if (format == "json")
        {
            ObservationJson.Write(writer, dataset);
        }
        else
        {
            ObservationCsv.Write(writer, dataset);
        }

        OutputFile.Write(options.Get("out"), writer.ToString(), context.Out);
        return ExitCodes.Ok;
    }

    private static int History(IReadOnlyList<string> args, CliContext context)
    {
        CommandArgs options = CommandArgs.Parse(args, new HashSet<string> { "store", "unit", "indicator", "period" }, new HashSet<string>());
        string store = RequireStore(options);
        string unit = options.Get("unit") ?? throw new UsageException("--unit CODE is required");
        string indicator = options.Get("indicator") ?? throw new UsageException("--indicator CODE is required");
        Period? period = options.Get("period") is { } p
            ? (Period.TryParse(p, out Period parsed) ? parsed : throw new UsageException($"--period: '{p}' is not a period (2024, 2024-H1, 2024-Q3, 2024-07, 2024-07-15)"))
            : null;
        using IObservationStore opened = StoreInputs.Open(store, context.Clock);
        IReadOnlyList<Vintage> history = [.. opened.History(unit, indicator).Where(v => period is null || v.Observation.Period == period.Value)];
        if (history.Count == 0)
        {
            throw new InvalidDataException($"the store has no figures for unit '{unit}', indicator '{indicator}'{(period is null ? string.Empty : $", period {period}")}");
        }

        var table = new TextTable("period", "value", "status", "known from", "known to", "import", "source").AlignRight(1, 5);
        foreach (Vintage v in history)
        {
            table.Add(
                v.Observation.Period.ToString(),
                Value(v.Observation),
                v.Observation.Status == ObservationStatus.Provisional ? "provisional" : "official",
                LocalDatePattern.Iso.Format(v.KnownFrom),
                v.KnownTo is { } to ? LocalDatePattern.Iso.Format(to) : "(latest)",
                v.ImportId.ToString(CultureInfo.InvariantCulture),
                v.Observation.Provenance?.Source ?? string.Empty);
        }

        context.Out.WriteLine($"Unit {unit}, indicator {indicator}: {history.Count} vintage(s); a figure was the published one from 'known from' until the day before 'known to'.");
        context.Out.Write(table.Render());
        return ExitCodes.Ok;
    }

    private static int Diff(IReadOnlyList<string> args, CliContext context)
    {
        CommandArgs options = CommandArgs.Parse(args, new HashSet<string> { "store", "from", "to" }, new HashSet<string>());
        string store = RequireStore(options);
        LocalDate from = options.GetDate("from") ?? throw new UsageException("--from DATE is required");
        LocalDate? to = options.GetDate("to");
        if (to is { } t && t < from)
        {
            throw new UsageException("--to must not be before --from");
        }

        using IObservationStore opened = StoreInputs.Open(store, context.Clock);
        Dataset before = opened.AsKnownOn(from);
        Dataset after = to is { } day ? opened.AsKnownOn(day) : opened.Latest();
        var table = new TextTable("unit", "indicator", "period", "then", "now", "source now").AlignRight(3, 4);
        int changes = 0;
        var keys = before.Observations.Select(o => (o.Unit, o.Indicator, o.Period))
            .Union(after.Observations.Select(o => (o.Unit, o.Indicator, o.Period)))
            .OrderBy(k => k.Unit, StringComparer.Ordinal).ThenBy(k => k.Indicator, StringComparer.Ordinal).ThenBy(k => k.Period);
        foreach ((string unit, string indicator, Period period) in keys)
        {
            before.TryGet(unit, indicator, period, out Observation? then);
            after.TryGet(unit, indicator, period, out Observation? now);
            if (then is not null && now is not null && new Dataset([then]) == new Dataset([now]))
            {
                continue;
            }

            changes++;
            table.Add(unit, indicator, period.ToString(), then is null ? "—" : Value(then), now is null ? "—" : Value(now), now?.Provenance?.Source ?? string.Empty);
        }

        string toText = to is { } d ? "as known on " + LocalDatePattern.Iso.Format(d) : "the latest figures";
        context.Out.WriteLine(Text.Invariant($"{changes} figure(s) differ between as known on {LocalDatePattern.Iso.Format(from)} and {toText}."));
        if (changes > 0)
        {
            context.Out.Write(table.Render());
        }

        return ExitCodes.Ok;
    }

    private static int Results(IReadOnlyList<string> args, CliContext context)
    {
        CommandArgs options = CommandArgs.Parse(args, new HashSet<string> { "store", "show" }, new HashSet<string>());
        string store = RequireStore(options);
        using IObservationStore opened = StoreInputs.Open(store, context.Clock);
        IReadOnlyList<StoredResult> results = opened.Results();
        if (options.Get("show") is { } show)
        {
            StoredResult result = results.FirstOrDefault(r => r.Id.ToString(CultureInfo.InvariantCulture) == show)
                ?? throw new InvalidDataException($"--show: the store has no result '{show}' (ids: {string.Join(", ", results.Select(r => r.Id))})");
            context.Out.Write(result.Output);
            return ExitCodes.Ok;
        }

        var table = new TextTable("id", "kind", "known on", "framework", "framework sha256", "targets", "arguments").AlignRight(0);
        foreach (StoredResult r in results)
        {
            table.Add(r.Id.ToString(CultureInfo.InvariantCulture), r.Kind, LocalDatePattern.Iso.Format(r.KnownOn), $"{r.FrameworkId} {r.FrameworkVersion}", r.FrameworkSha256[..16], r.TargetsId ?? string.Empty, r.Arguments);
        }

        context.Out.Write(table.Render());
        return ExitCodes.Ok;
    }

    private static string Value(Observation o)
    {
        var sb = new StringBuilder(Text.Qualified(o.Value, o.Qualifier));
        if (o.Numerator is { } n && o.Denominator is { } d)
        {
            sb.Append(CultureInfo.InvariantCulture, $" ({Text.Num(n)}/{Text.Num(d)})");
        }

        return sb.ToString();
    }
}
