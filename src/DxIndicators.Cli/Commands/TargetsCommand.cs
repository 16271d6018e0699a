using System.Globalization;
using System.Text;
using System.Text.Json;
using DxIndicators.Catalog;
using DxIndicators.Cli.Infrastructure;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Targets;
using NodaTime;
using NodaTime.Text;

namespace DxIndicators.Cli.Commands;

/// <summary><c>dx targets</c>: evaluates dated targets against observed data as of a date.</summary>
internal sealed class TargetsCommand : ICommand
{
    private const string NationalCatalogId = "vn-national-dx-targets";

    public string Name => "targets";

    public string Summary => "Evaluate targets (met, on track, missed…) for the sample or your data.";

    public string Description => """
        With no data options: the built-in Điện Biên sample against the national target catalogue and Điện Biên's
        own catalogue (built-in catalogues whose unit is the sample's), as of today (local time zone). Without
        --targets the framework's own targets are used, else the national catalogue's. --list prints the built-in
        target catalogues (in every --format).
        """;

    public IReadOnlyList<CliOption> Options { get; } =
    [
        CliOption.Date("as-of", "evaluate as of DATE (default: today, or --known-on)"),
        CommonOptions.Framework,
        CommonOptions.Data,
        CliOption.Text("targets", "T.csv", "targets: code,indicator,comparator,threshold,deadline,baseline_date,baseline_value,source; with --framework and --data"),
        CommonOptions.SkipBadRows,
        CommonOptions.Units,
        CommonOptions.Store.WithHelp("read the data from an observation store (dx store), with --framework or the sample's; instead of --data"),
        CommonOptions.KnownOn,
        CliOption.Flag("list", "list the built-in target catalogues instead of evaluating"),
        CommonOptions.Format("table", "csv", "json"),
        CommonOptions.Out,
    ];

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        CommandArgs options = CommandArgs.Parse(args, Options);
        if (options.Has("list"))
        {
            return RunList(options, context);
        }

        options.RequireFor("data", "units", "skip-bad-rows");
        options.RequireFor("store", "known-on");
        bool fromStore = options.Has("store");
        options.NotBoth("store", "data", "--store and --data are two sources of data; give one");
        if (!fromStore)
        {
            options.Together("framework", "data");
        }

        if (options.Has("targets") && !options.Has("framework"))
        {
            options.Problem("--targets needs --framework and --data");
        }

        options.ThrowIfProblems();
        string format = options.GetOrDefault("format", "table");
        LocalDate asOf = options.GetDate("as-of") ?? options.GetDate("known-on") ?? context.Today;

        TargetCatalog national = FrameworkCatalog.GetTargets(NationalCatalogId);
        (Framework framework, Dataset dataset, IReadOnlyList<TargetRule> targets, IReadOnlyList<TargetCatalog> own) = LoadInputs(options, context, national);
        List<TargetEvaluation> evaluations = EvaluateAll(framework, national, dataset, targets, own, asOf);
        IReadOnlyDictionary<(string Unit, string Target), TargetRule> superseded = Superseded(own);
        string text = format switch
        {
            "csv" => ToCsv(evaluations),
            "json" => ToJson(evaluations, superseded),
            _ => ToTable(evaluations, framework, [national, .. own], asOf, superseded, options),
        };
        OutputFile.Write(options.Get("out"), text, context.Out);
        return ExitCodes.Ok;
    }

    /// <summary><c>--list</c>: the built-in target catalogues, which takes only --format and --out.</summary>
    private int RunList(CommandArgs options, CliContext context)
    {
        foreach (string other in Options.Select(o => o.Name).Where(n => n is not ("list" or "format" or "out") && options.Has(n)))
        {
            options.Problem($"--list takes only --format and --out, not --{other}");
        }

        options.ThrowIfProblems();
        OutputFile.Write(options.Get("out"), Catalogue(options.GetOrDefault("format", "table"), options), context.Out);
        return ExitCodes.Ok;
    }

    /// <summary>The framework, data, targets and (for the sample) the units' own catalogues the targets are evaluated on.</summary>
    private static (Framework Framework, Dataset Dataset, IReadOnlyList<TargetRule> Targets, IReadOnlyList<TargetCatalog> Own) LoadInputs(
        CommandArgs options, CliContext context, TargetCatalog national)
    {
        Framework framework;
        Dataset dataset;
        IReadOnlyList<TargetRule> targets;
        IReadOnlyList<TargetCatalog> own = [];
        if (options.Get("framework") is { } frameworkArg)
        {
            framework = FrameworkInputs.LoadFramework(frameworkArg);
            dataset = DataInputs.LoadData(options, framework, context);
            targets = options.Get("targets") is { } targetsPath
                ? TargetCsv.ReadFile(targetsPath).GetValueOrThrow()
                : framework.Targets.Count > 0 ? framework.Targets : national.Targets;
        }
        else
        {
            framework = FrameworkCatalog.Get(FrameworkInputs.SampleFrameworkId);
            dataset = DataInputs.LoadData(options, framework, context);
            targets = national.Targets.Where(t => dataset.Indicators.Contains(t.Indicator)).ToList();
            own = UnitCatalogues(dataset);
        }

        return (framework, dataset, targets, own);
    }

    /// <summary>The evaluations of <paramref name="targets"/> for every unit, then of each unit's own catalogue for that unit.</summary>
    private static List<TargetEvaluation> EvaluateAll(
        Framework framework, TargetCatalog national, Dataset dataset, IReadOnlyList<TargetRule> targets, IReadOnlyList<TargetCatalog> own, LocalDate asOf)
    {
        var evaluations = new List<TargetEvaluation>(Evaluate(framework, national, dataset, targets, asOf));
        foreach (TargetCatalog catalog in own)
        {
            // A unit's own catalogue is evaluated for that unit only, with its own indicator definitions.
            Dataset unitData = new(dataset.Observations.Where(o => string.Equals(o.Unit, catalog.Unit, StringComparison.Ordinal)));
            evaluations.AddRange(Evaluate(framework, catalog, unitData, catalog.Targets, asOf, preferCatalog: true));
        }

        return evaluations;
    }

    internal static IReadOnlyList<TargetEvaluation> Evaluate(Framework framework, TargetCatalog national, Dataset dataset, IReadOnlyList<TargetRule> targets, LocalDate asOf, bool preferCatalog = false)
    {
        var evaluations = new List<TargetEvaluation>();
        var problems = new List<string>();
        foreach (TargetRule target in targets)
        {
            IndicatorDefinition? indicator = preferCatalog
                ? national.Indicators.FirstOrDefault(i => string.Equals(i.Code, target.Indicator, StringComparison.Ordinal)) ?? FindIndicator(framework, [], target.Indicator)
                : FindIndicator(framework, [national], target.Indicator);
            if (indicator is null)
            {
                problems.Add($"target '{target.Code}' refers to indicator '{target.Indicator}', which is neither in framework '{framework.Id}' nor in catalogue '{national.Id}'");
                continue;
            }

            foreach (string unit in dataset.Units)
            {
                evaluations.Add(TargetEvaluator.Default.Evaluate(target, indicator, unit, dataset.Series(unit, target.Indicator), asOf));
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidDataException(string.Join(Environment.NewLine, problems));
        }

        return evaluations;
    }

    // A target's indicator is defined by the framework in use, else by the first catalogue that defines it.
    private static IndicatorDefinition? FindIndicator(Framework framework, IEnumerable<TargetCatalog> catalogues, string code) =>
        framework.TryGetIndicator(code, out IndicatorDefinition? own)
            ? own
            : catalogues.SelectMany(c => c.Indicators).FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.Ordinal));

    // The built-in catalogues of the data set's units (Điện Biên's own plans for unit 11).
    private static List<TargetCatalog> UnitCatalogues(Dataset dataset) =>
        [.. FrameworkCatalog.TargetIds.Select(FrameworkCatalog.GetTargets).Where(c => c.Unit is { } unit && dataset.Units.Contains(unit))];

    // (unit, superseded target code) → the unit's own target that supersedes it.
    private static Dictionary<(string Unit, string Target), TargetRule> Superseded(IEnumerable<TargetCatalog> own)
    {
        var map = new Dictionary<(string Unit, string Target), TargetRule>();
        foreach (TargetCatalog catalog in own)
        {
            foreach (TargetRule target in catalog.Targets)
            {
                foreach (string code in target.Supersedes)
                {
                    map.TryAdd((catalog.Unit!, code), target);
                }
            }
        }

        return map;
    }

    // The status's words (its own file in the core, TargetStatusInfo) and what its kind of status adds to them.
    internal static string Describe(TargetEvaluation e)
    {
        TargetStatusInfo status = TargetStatusInfo.Of(e.Status);
        string words = status.Label.En;
        string deadline = LocalDatePattern.Iso.Format(e.Target.Deadline);
        return status.Detail switch
        {
            TargetStatusDetail.Achievement when e.MetAheadOfDeadline => Text.Invariant($"{words} {When(e.FirstAchieved)}, {e.DaysAheadOfDeadline} days ahead of the {deadline} deadline"),
            TargetStatusDetail.Achievement => Text.Invariant($"{words} (first {When(e.FirstAchieved)}; deadline {deadline})"),
            TargetStatusDetail.Deadline => $"{words} (deadline {deadline})",
            TargetStatusDetail.Progress => Text.Invariant($"{words} (progress {Text.Num(e.ProgressRatio)})"),
            _ => words,
        };
    }

    // A dated observation is met "on 2025-03-26"; a year, quarter or month "in 2024".
    private static string When(DxIndicators.Data.ReportingPeriod? period) => period is not { } p ? "—" : (p.Kind == PeriodKind.Date ? "on " : "in ") + p;

    private static string ToTable(IReadOnlyList<TargetEvaluation> evaluations, Framework framework, IReadOnlyList<TargetCatalog> catalogues, LocalDate asOf, IReadOnlyDictionary<(string Unit, string Target), TargetRule> superseded, CommandArgs names)
    {
        var sb = new StringBuilder();
        sb.AppendLine(Text.Invariant($"Targets as of {LocalDatePattern.Iso.Format(asOf)} — {names.Name(framework.Metadata.Name)}"));
        if (catalogues.Count > 1)
        {
            sb.AppendLine("Catalogues: " + string.Join("; ", catalogues.Select(c => c.Unit is { } u ? $"{c.Id} (unit {u}'s own targets)" : $"{c.Id} (national)")));
        }

        var table = new TextTable("unit", "target", "indicator", "rule", "deadline", "latest", "gap", "status", "legal source").AlignRight(5, 6);
        var notes = new List<string>();
        foreach (TargetEvaluation e in evaluations)
        {
            IndicatorDefinition? indicator = FindIndicator(framework, catalogues, e.Target.Indicator);
            string latest = e.LatestValue is { } v ? Text.Invariant($"{Text.Qualified(v, e.LatestQualifier)} ({e.LatestPeriod})") : "—";
            string status = Describe(e);
            string? note = e.Note ?? (e.Status is TargetStatus.Indeterminate or TargetStatus.NoData ? e.ProgressNote : null);
            if (note is not null && e.Status != TargetStatus.Achieved)
            {
                status += Mark(note);
            }

            if (superseded.TryGetValue((e.Unit, e.Target.Code), out TargetRule? by))
            {
                status += Mark($"Superseded for unit {e.Unit} by its own target {by.Code} ({Rule(by)} by {LocalDatePattern.Iso.Format(by.Deadline)}); shown for comparison.");
            }

            if (e.Target.Status == DefinitionStatus.Provisional)
            {
                status += Mark($"Provisional target: {e.Target.StatusNote}");
            }

            table.Add(e.Unit, e.Target.Code, Text.Shorten(indicator is null ? e.Target.Indicator : names.Name(indicator.Name), 44), Rule(e.Target), LocalDatePattern.Iso.Format(e.Target.Deadline), latest, e.Gap is { } g ? Text.Num(g) : "—", status, e.Target.LegalSource);
        }

        sb.Append(table.Render());
        for (int i = 0; i < notes.Count; i++)
        {
            sb.AppendLine(Text.Invariant($"[{i + 1}] {notes[i]}"));
        }

        // The same note (a shared caveat of several targets) gets one number.
        string Mark(string note)
        {
            int index = notes.IndexOf(note);
            if (index < 0)
            {
                notes.Add(note);
                index = notes.Count - 1;
            }

            return Text.Invariant($" [{index + 1}]");
        }

        sb.AppendLine();
        var counts = evaluations.GroupBy(e => e.Status).OrderBy(g => g.Key).Select(g => Text.Invariant($"{TargetCsv.StatusText(g.Key)} {g.Count()}"));
        sb.AppendLine("Summary: " + string.Join(", ", counts));
        sb.AppendLine("gap = how far the latest value still is from the threshold, in the indicator's unit (≤ 0: reached).");
        return sb.ToString();
    }

    private static string ToCsv(IReadOnlyList<TargetEvaluation> evaluations)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        TargetCsv.WriteResults(writer, evaluations);
        return writer.ToString();
    }

    private static string ToJson(IReadOnlyList<TargetEvaluation> evaluations, IReadOnlyDictionary<(string Unit, string Target), TargetRule> superseded)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (TargetEvaluation e in evaluations)
            {
                json.WriteStartObject();
                json.WriteString("unit", e.Unit);
                json.WriteString("target", e.Target.Code);
                json.WriteString("indicator", e.Target.Indicator);
                json.WriteString("status", TargetCsv.StatusText(e.Status));
                WriteNumber(json, "value", e.LatestValue);
                json.WriteString("qualifier", e.LatestQualifier is { } q ? JsonNamingPolicy.CamelCase.ConvertName(q.ToString()) : null);
                json.WriteString("period", e.LatestPeriod?.ToString());
                WriteNumber(json, "gap", e.Gap);
                json.WriteString("firstAchieved", e.FirstAchieved?.ToString());
                if (e.DaysAheadOfDeadline is { } days)
                {
                    json.WriteNumber("daysAheadOfDeadline", days);
                }

                json.WriteString("deadline", LocalDatePattern.Iso.Format(e.Target.Deadline));
                json.WriteString("projectedLinear", e.ProjectedLinear is { } l ? LocalDatePattern.Iso.Format(l) : null);
                json.WriteString("projectedCompound", e.ProjectedCompound is { } c ? LocalDatePattern.Iso.Format(c) : null);
                WriteNumber(json, "progressRatio", e.ProgressRatio);
                json.WriteString("legalSource", e.Target.LegalSource);
                json.WriteString("reference", e.Target.Reference);
                json.WriteString("definitionStatus", e.Target.Status == DefinitionStatus.Provisional ? "provisional" : "confirmed");
                json.WriteString("supersededBy", superseded.TryGetValue((e.Unit, e.Target.Code), out TargetRule? by) ? by.Code : null);
                json.WriteString("note", e.Note);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static IReadOnlyList<TargetCatalog> Catalogues()
    {
        string[] ids = [NationalCatalogId, .. FrameworkCatalog.TargetIds.Where(id => !string.Equals(id, NationalCatalogId, StringComparison.Ordinal))];
        return [.. ids.Select(FrameworkCatalog.GetTargets)];
    }

    private static string Catalogue(string format, CommandArgs names)
    {
        IReadOnlyList<TargetCatalog> catalogues = Catalogues();
        return format switch
        {
            "json" => CatalogueJson(catalogues, names),
            "csv" => CatalogueCsv(catalogues),
            _ => CatalogueTable(catalogues, names),
        };
    }

    /// <summary>The catalogues as a JSON array, each with its targets.</summary>
    private static string CatalogueJson(IReadOnlyList<TargetCatalog> catalogues, CommandArgs names)
    {
        return JsonOutput.Write(json =>
        {
            json.WriteStartArray();
            foreach (TargetCatalog catalog in catalogues)
            {
                json.WriteStartObject();
                json.WriteString("id", catalog.Id);
                json.WriteString("name", names.Name(catalog.Name));
                json.WriteString("unit", catalog.Unit);
                json.WriteStartArray("targets");
                foreach (TargetRule target in catalog.Targets)
                {
                    json.WriteStartObject();
                    json.WriteString("code", target.Code);
                    json.WriteString("indicator", target.Indicator);
                    json.WriteString("comparator", JsonNamingPolicy.CamelCase.ConvertName(target.Comparator.ToString()));
                    JsonOutput.Number(json, "threshold", target.Threshold);
                    JsonOutput.Number(json, "upperThreshold", target.UpperThreshold);
                    json.WriteString("deadline", LocalDatePattern.Iso.Format(target.Deadline));
                    json.WriteString("definitionStatus", target.Status == DefinitionStatus.Provisional ? "provisional" : "confirmed");
                    json.WriteStartArray("supersedes");
                    foreach (string code in target.Supersedes)
                    {
                        json.WriteStringValue(code);
                    }

                    json.WriteEndArray();
                    json.WriteString("legalSource", target.LegalSource);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
        });
    }

    /// <summary>The catalogues' targets as CSV, one row per target.</summary>
    private static string CatalogueCsv(IReadOnlyList<TargetCatalog> catalogues)
    {
        var csv = new StringBuilder("catalogue,code,indicator,comparator,threshold,upper_threshold,deadline,definition_status,supersedes,legal_source\n");
        foreach (TargetCatalog catalog in catalogues)
        {
            foreach (TargetRule target in catalog.Targets)
            {
                csv.AppendJoin(',', Csv.Field(catalog.Id), Csv.Field(target.Code), Csv.Field(target.Indicator), JsonNamingPolicy.CamelCase.ConvertName(target.Comparator.ToString()), Text.RoundTrip(target.Threshold), Text.RoundTrip(target.UpperThreshold ?? double.NaN), LocalDatePattern.Iso.Format(target.Deadline), target.Status == DefinitionStatus.Provisional ? "provisional" : "confirmed", Csv.Field(string.Join(" ", target.Supersedes)), Csv.Field(target.LegalSource)).Append('\n');
            }
        }

        return csv.ToString();
    }

    /// <summary>One table per catalogue, with its scope and counts above it and the status legend below all.</summary>
    private static string CatalogueTable(IReadOnlyList<TargetCatalog> catalogues, CommandArgs names)
    {
        var output = new StringBuilder();
        for (int k = 0; k < catalogues.Count; k++)
        {
            TargetCatalog catalog = catalogues[k];
            if (k > 0)
            {
                output.AppendLine();
            }

            string scope = catalog.Unit is { } unit ? $"unit {unit}'s own targets" : "national";
            int provisional = catalog.Targets.Count(t => t.Status == DefinitionStatus.Provisional);
            output.AppendLine(Text.Invariant($"{catalog.Id}: {names.Name(catalog.Name)} ({scope}; {catalog.Targets.Count} targets, {provisional} provisional)"));
            var table = new TextTable("code", "indicator", "rule", "deadline", "status", "supersedes", "source");
            foreach (TargetRule target in catalog.Targets)
            {
                table.Add(
                    target.Code,
                    target.Indicator,
                    Rule(target),
                    LocalDatePattern.Iso.Format(target.Deadline),
                    target.Status == DefinitionStatus.Provisional ? "provisional" : "confirmed",
                    target.Supersedes.Count == 0 ? "—" : string.Join(" ", target.Supersedes),
                    target.LegalSource);
            }

            output.Append(table.Render());
        }

        output.AppendLine();
        output.AppendLine("status: confirmed = stated in the cited source; provisional = not fully public (the statusNote says what is missing; see docs/frameworks.md).");
        return output.ToString();
    }

    private static string Rule(TargetRule target) => target.Comparator switch
    {
        Comparator.AtLeast => "≥ " + Text.Num(target.Threshold),
        Comparator.GreaterThan => "> " + Text.Num(target.Threshold),
        Comparator.AtMost => "≤ " + Text.Num(target.Threshold),
        Comparator.LessThan => "< " + Text.Num(target.Threshold),
        Comparator.EqualTo => "= " + Text.Num(target.Threshold),
        Comparator.Between => Text.Invariant($"{Text.Num(target.Threshold)}–{Text.Num(target.UpperThreshold)}"),
        _ => "rank ≤ " + Text.Num(target.Threshold),
    };
}
