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

namespace DxIndicators.Cli.Commands;

/// <summary><c>dx store</c>: an observation store with vintages (SQLite file or PostgreSQL server).</summary>
internal sealed class StoreCommand : ICommand
{
    public string Name => "store";

    public string Summary => "Keep observations with vintages: init, import, export, history, diff, results.";

    public string Example => "dx store init --store dx.db && dx store import --store dx.db --sample --known-from 2026-01-10 && dx store history --store dx.db --unit 11 --indicator GOV-ONLINE-PROC";

    public string Description => """
        --store: a SQLite file (created by init or import), or an Npgsql connection string (Host=…;Database=…) for a
        PostgreSQL server. import: one transaction; a figure that differs from the latest known one is a revision
        (the old vintage is kept, known until --known-from, default today). export: the figures as known on DATE
        (default: the latest). history: every vintage of a unit's indicator. diff: the figures that differ between
        as known on --from and as known on --to (default: the latest). results: the results saved by
        dx score --record, with the framework version and SHA-256 they were computed with; --show prints one exactly
        as it was produced. dx score / dx targets --store S [--known-on DATE] score or evaluate the data as known on DATE.
        """;

    private static readonly CliOption StoreOption = CommonOptions.Store.AsRequired();

    private static readonly IReadOnlyList<CliOption> InitOptions = [StoreOption];

    private static readonly IReadOnlyList<CliOption> ImportOptions =
    [
        StoreOption,
        CommonOptions.Data.WithHelp("the observations to import, CSV or JSON (docs/data.md); or --sample"),
        CliOption.Flag("sample", "import the built-in Điện Biên sample"),
        CliOption.Date("known-from", "the day the figures became known (default: today)"),
        CliOption.Text("note", "TEXT", "a note kept in the import log (default: the file name)"),
        CommonOptions.Framework.WithHelp("check the indicator codes against this framework; with --data"),
        CommonOptions.Units,
        CommonOptions.SkipBadRows,
    ];

    private static readonly IReadOnlyList<CliOption> ExportOptions =
    [
        StoreOption,
        CommonOptions.KnownOn.WithHelp("the figures as known on DATE (default: the latest)"),
        CommonOptions.Format("csv", "json", "table"),
        CommonOptions.Out,
    ];

    private static readonly IReadOnlyList<CliOption> HistoryOptions =
    [
        StoreOption,
        CommonOptions.Unit.AsRequired(),
        CommonOptions.Indicator.AsRequired(),
        CliOption.Text("period", "P", "only this period's vintages"),
        CommonOptions.Format("table", "csv", "json"),
        CommonOptions.Out,
    ];

    private static readonly IReadOnlyList<CliOption> DiffOptions =
    [
        StoreOption,
        CliOption.Date("from", "the figures as known on DATE …").AsRequired(),
        CliOption.Date("to", "… against those as known on DATE (default: the latest)"),
        CommonOptions.Format("table", "csv", "json"),
        CommonOptions.Out,
    ];

    private static readonly IReadOnlyList<CliOption> ResultsOptions =
    [
        StoreOption,
        CliOption.Text("show", "ID", "print one saved result exactly as it was produced"),
        CommonOptions.Format("table", "csv", "json"),
        CommonOptions.Out,
    ];

    public IReadOnlyList<CliOption> Options => [.. ImportOptions, .. ExportOptions, .. HistoryOptions, .. DiffOptions, .. ResultsOptions];

    public IReadOnlyList<CommandForm> Forms { get; } =
    [
        new("store init", InitOptions),
        new("store import", ImportOptions),
        new("store export", ExportOptions),
        new("store history", HistoryOptions),
        new("store diff", DiffOptions),
        new("store results", ResultsOptions),
    ];

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

    private static string RequireStore(CommandArgs options) => options.Get("store")!;

    private static int Init(IReadOnlyList<string> args, CliContext context)
    {
        CommandArgs options = CommandArgs.Parse(args, InitOptions);
        string store = RequireStore(options);
        using IObservationStore opened = StoreInputs.Open(store, context.Clock, mustExist: false);
        context.Out.WriteLine(Text.Invariant($"store ready at schema version {opened.SchemaVersion}: {opened.Latest().Count} observations, {opened.ImportLog().Count} imports"));
        return ExitCodes.Ok;
    }

    private static int Import(IReadOnlyList<string> args, CliContext context)
    {
        CommandArgs options = CommandArgs.Parse(args, ImportOptions);
        if (options.Has("data") == options.Has("sample"))
        {
            options.Problem("give --data FILE or --sample (the built-in Điện Biên sample), one of them");
        }

        options.RequireFor("data", "units", "skip-bad-rows", "framework");
        options.ThrowIfProblems();
        string store = RequireStore(options);
        LocalDate knownFrom = options.GetDate("known-from") ?? context.Today;
        Dataset dataset;
        string note;
        if (options.Get("data") is { } path)
        {
            Framework? framework = options.Get("framework") is { } f ? FrameworkInputs.LoadFramework(f) : null;
            dataset = DataInputs.Load(path, framework, DataInputs.Registry(options.Get("units"), framework), options.Has("skip-bad-rows"), context.Error);
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

    private static int Export(IReadOnlyList<string> args, CliContext context)
    {
        CommandArgs options = CommandArgs.Parse(args, ExportOptions);
        string store = RequireStore(options);
        string format = options.GetOrDefault("format", "csv");
        Dataset dataset = StoreInputs.Read(store, options.GetDate("known-on"), context.Clock);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        if (format == "table")
        {
            var table = new TextTable("unit", "indicator", "period", "value", "status", "source").AlignRight(3);
            foreach (Observation o in dataset.Observations)
            {
                table.Add(o.Unit, o.Indicator, o.Period.ToString(), Value(o), EnumNames.Status.Format(o.Status), o.Provenance?.Source ?? string.Empty);
            }

            writer.WriteLine(Text.Invariant($"{dataset.Count} observation(s) {(options.Has("known-on") ? "as known on " + options.Get("known-on") : "(the latest figures)")}"));
            writer.Write(table.Render());
        }
        else if (format == "json")
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
        CommandArgs options = CommandArgs.Parse(args, HistoryOptions);
        string store = RequireStore(options);
        string unit = options.Get("unit")!;
        string indicator = options.Get("indicator")!;
        string format = options.GetOrDefault("format", "table");
        ReportingPeriod? period = options.Get("period") is { } p
            ? (ReportingPeriod.TryParse(p, out ReportingPeriod parsed) ? parsed : throw new UsageException($"--period: '{p}' is not a period (2024, 2024-H1, 2024-Q3, 2024-07, 2024-07-15)"))
            : null;
        using IObservationStore opened = StoreInputs.Open(store, context.Clock);
        IReadOnlyList<Vintage> history = [.. opened.History(unit, indicator).Where(v => period is null || v.Observation.Period == period.Value)];
        if (history.Count == 0)
        {
            throw new InvalidDataException($"the store has no figures for unit '{unit}', indicator '{indicator}'{(period is null ? string.Empty : $", period {period}")}");
        }

        if (format != "table")
        {
            OutputFile.Write(options.Get("out"), format == "json" ? VintagesJson(history) : VintagesCsv(history), context.Out);
            return ExitCodes.Ok;
        }

        var table = new TextTable("period", "value", "status", "known from", "known to", "import", "source").AlignRight(1, 5);
        foreach (Vintage v in history)
        {
            table.Add(
                v.Observation.Period.ToString(),
                Value(v.Observation),
                EnumNames.Status.Format(v.Observation.Status),
                LocalDatePattern.Iso.Format(v.KnownFrom),
                v.KnownTo is { } to ? LocalDatePattern.Iso.Format(to) : "(latest)",
                v.ImportId.ToString(CultureInfo.InvariantCulture),
                v.Observation.Provenance?.Source ?? string.Empty);
        }

        string text = $"Unit {unit}, indicator {indicator}: {history.Count} vintage(s); a figure was the published one from 'known from' until the day before 'known to'.\n" + table.Render();
        OutputFile.Write(options.Get("out"), text, context.Out);
        return ExitCodes.Ok;
    }

    private static int Diff(IReadOnlyList<string> args, CliContext context)
    {
        CommandArgs options = CommandArgs.Parse(args, DiffOptions);
        string store = RequireStore(options);
        string format = options.GetOrDefault("format", "table");
        LocalDate from = options.GetDate("from")!.Value;
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
        var changed = new List<(string Unit, string Indicator, ReportingPeriod Period, Observation? Then, Observation? Now)>();
        var keys = before.Observations.Select(o => (o.Unit, o.Indicator, o.Period))
            .Union(after.Observations.Select(o => (o.Unit, o.Indicator, o.Period)))
            .OrderBy(k => k.Unit, StringComparer.Ordinal).ThenBy(k => k.Indicator, StringComparer.Ordinal).ThenBy(k => k.Period);
        foreach ((string unit, string indicator, ReportingPeriod period) in keys)
        {
            before.TryGet(unit, indicator, period, out Observation? then);
            after.TryGet(unit, indicator, period, out Observation? now);
            if (then is not null && now is not null && new Dataset([then]) == new Dataset([now]))
            {
                continue;
            }

            changes++;
            changed.Add((unit, indicator, period, then, now));
            table.Add(unit, indicator, period.ToString(), then is null ? "—" : Value(then), now is null ? "—" : Value(now), now?.Provenance?.Source ?? string.Empty);
        }

        if (format != "table")
        {
            OutputFile.Write(options.Get("out"), format == "json" ? DiffJson(from, to, changed) : DiffCsv(changed), context.Out);
            return ExitCodes.Ok;
        }

        string toText = to is { } d ? "as known on " + LocalDatePattern.Iso.Format(d) : "the latest figures";
        string text = Text.Invariant($"{changes} figure(s) differ between as known on {LocalDatePattern.Iso.Format(from)} and {toText}.\n") + (changes > 0 ? table.Render() : string.Empty);
        OutputFile.Write(options.Get("out"), text, context.Out);
        return ExitCodes.Ok;
    }

    private static int Results(IReadOnlyList<string> args, CliContext context)
    {
        CommandArgs options = CommandArgs.Parse(args, ResultsOptions);
        string store = RequireStore(options);
        string format = options.GetOrDefault("format", "table");
        using IObservationStore opened = StoreInputs.Open(store, context.Clock);
        IReadOnlyList<StoredResult> results = opened.Results();
        if (options.Get("show") is { } show)
        {
            StoredResult result = results.FirstOrDefault(r => r.Id.ToString(CultureInfo.InvariantCulture) == show)
                ?? throw new InvalidDataException($"--show: the store has no result '{show}' (ids: {string.Join(", ", results.Select(r => r.Id))})");
            context.Out.Write(result.Output);
            return ExitCodes.Ok;
        }

        if (format != "table")
        {
            OutputFile.Write(options.Get("out"), format == "json" ? ResultsJson(results) : ResultsCsv(results), context.Out);
            return ExitCodes.Ok;
        }

        var table = new TextTable("id", "kind", "known on", "framework", "framework sha256", "targets", "arguments").AlignRight(0);
        foreach (StoredResult r in results)
        {
            table.Add(r.Id.ToString(CultureInfo.InvariantCulture), r.Kind, LocalDatePattern.Iso.Format(r.KnownOn), $"{r.FrameworkId} {r.FrameworkVersion}", r.FrameworkSha256[..16], r.TargetsId ?? string.Empty, r.Arguments);
        }

        OutputFile.Write(options.Get("out"), table.Render(), context.Out);
        return ExitCodes.Ok;
    }

    private static void WriteObservation(System.Text.Json.Utf8JsonWriter json, string name, Observation? o)
    {
        if (o is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteNumber("value", o.Value);
        json.WriteString("qualifier", Qualifier(o));
        JsonOutput.Number(json, "numerator", o.Numerator);
        JsonOutput.Number(json, "denominator", o.Denominator);
        json.WriteString("status", EnumNames.Status.Format(o.Status));
        json.WriteString("source", o.Provenance?.Source);
        json.WriteEndObject();
    }

    private static string Qualifier(Observation o) => EnumNames.Qualifier.Format(o.Qualifier);

    private static string VintagesJson(IReadOnlyList<Vintage> history) => JsonOutput.Write(json =>
    {
        json.WriteStartArray();
        foreach (Vintage v in history)
        {
            json.WriteStartObject();
            json.WriteString("unit", v.Observation.Unit);
            json.WriteString("indicator", v.Observation.Indicator);
            json.WriteString("period", v.Observation.Period.ToString());
            WriteObservation(json, "observation", v.Observation);
            json.WriteString("knownFrom", LocalDatePattern.Iso.Format(v.KnownFrom));
            json.WriteString("knownTo", v.KnownTo is { } to ? LocalDatePattern.Iso.Format(to) : null);
            json.WriteNumber("import", v.ImportId);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    });

    private static string VintagesCsv(IReadOnlyList<Vintage> history)
    {
        var sb = new StringBuilder("unit,indicator,period,value,qualifier,status,known_from,known_to,import,source\n");
        foreach (Vintage v in history)
        {
            Observation o = v.Observation;
            sb.AppendJoin(',', Csv.Field(o.Unit), Csv.Field(o.Indicator), o.Period.ToString(), Text.RoundTrip(o.Value), Qualifier(o), o.Status == ObservationStatus.Provisional ? "provisional" : "official", LocalDatePattern.Iso.Format(v.KnownFrom), v.KnownTo is { } to ? LocalDatePattern.Iso.Format(to) : string.Empty, v.ImportId.ToString(CultureInfo.InvariantCulture), Csv.Field(o.Provenance?.Source)).Append('\n');
        }

        return sb.ToString();
    }

    private static string DiffJson(LocalDate from, LocalDate? to, List<(string Unit, string Indicator, ReportingPeriod Period, Observation? Then, Observation? Now)> changed) => JsonOutput.Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("from", LocalDatePattern.Iso.Format(from));
        json.WriteString("to", to is { } t ? LocalDatePattern.Iso.Format(t) : null);
        json.WriteStartArray("changes");
        foreach (var c in changed)
        {
            json.WriteStartObject();
            json.WriteString("unit", c.Unit);
            json.WriteString("indicator", c.Indicator);
            json.WriteString("period", c.Period.ToString());
            WriteObservation(json, "then", c.Then);
            WriteObservation(json, "now", c.Now);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    private static string DiffCsv(List<(string Unit, string Indicator, ReportingPeriod Period, Observation? Then, Observation? Now)> changed)
    {
        var sb = new StringBuilder("unit,indicator,period,then,then_qualifier,now,now_qualifier,source_now\n");
        foreach (var c in changed)
        {
            sb.AppendJoin(',', Csv.Field(c.Unit), Csv.Field(c.Indicator), c.Period.ToString(), c.Then is null ? string.Empty : Text.RoundTrip(c.Then.Value), c.Then is null ? string.Empty : Qualifier(c.Then), c.Now is null ? string.Empty : Text.RoundTrip(c.Now.Value), c.Now is null ? string.Empty : Qualifier(c.Now), Csv.Field(c.Now?.Provenance?.Source)).Append('\n');
        }

        return sb.ToString();
    }

    private static string ResultsJson(IReadOnlyList<StoredResult> results) => JsonOutput.Write(json =>
    {
        json.WriteStartArray();
        foreach (StoredResult r in results)
        {
            json.WriteStartObject();
            json.WriteNumber("id", r.Id);
            json.WriteString("kind", r.Kind);
            json.WriteString("knownOn", LocalDatePattern.Iso.Format(r.KnownOn));
            json.WriteString("framework", r.FrameworkId);
            json.WriteString("frameworkVersion", r.FrameworkVersion);
            json.WriteString("frameworkSha256", r.FrameworkSha256);
            json.WriteString("targets", r.TargetsId);
            json.WriteString("arguments", r.Arguments);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    });

    private static string ResultsCsv(IReadOnlyList<StoredResult> results)
    {
        var sb = new StringBuilder("id,kind,known_on,framework,framework_version,framework_sha256,targets,arguments\n");
        foreach (StoredResult r in results)
        {
            sb.AppendJoin(',', r.Id.ToString(CultureInfo.InvariantCulture), Csv.Field(r.Kind), LocalDatePattern.Iso.Format(r.KnownOn), Csv.Field(r.FrameworkId), Csv.Field(r.FrameworkVersion), r.FrameworkSha256, Csv.Field(r.TargetsId), Csv.Field(r.Arguments)).Append('\n');
        }

        return sb.ToString();
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
