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

    public string Usage => """
        Usage: dx targets [--as-of DATE] [--format table|csv|json] [--out FILE]
                          [--framework ID|FILE --data FILE.csv [--targets T.csv] [--skip-bad-rows] [--units vn|none]]
               dx targets --list
          With no data options: the built-in Điện Biên sample against the national target catalogue, as of today
          (local time zone). --targets T.csv has columns code,indicator,comparator,threshold,deadline,
          baseline_date,baseline_value,source; without it the framework's own targets are used, else the national
          catalogue's.
        """;

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        CommandArgs options = CommandArgs.Parse(
            args,
            new HashSet<string> { "as-of", "format", "out", "framework", "data", "targets", "units" },
            new HashSet<string> { "list", "skip-bad-rows" });
        if (options.Has("list"))
        {
            PrintCatalogue(context.Out);
            return ExitCodes.Ok;
        }

        string format = options.GetOrDefault("format", "table");
        if (format is not ("table" or "csv" or "json"))
        {
            throw new UsageException($"--format must be table, csv or json, was '{format}'");
        }

        LocalDate asOf = options.GetDate("as-of") ?? context.Today;

        options.RequireFor("data", "units", "skip-bad-rows");
        if (options.Has("framework") != options.Has("data"))
        {
            throw new UsageException("--framework and --data go together");
        }

        Framework framework;
        Dataset dataset;
        IReadOnlyList<TargetRule> targets;
        TargetCatalog national = FrameworkCatalog.GetTargets(NationalCatalogId);
        if (options.Get("framework") is { } frameworkArg)
        {
            framework = FrameworkInputs.LoadFramework(frameworkArg);
            dataset = DataInputs.Load(options.Get("data")!, framework, DataInputs.Registry(options.Get("units"), framework), options.Has("skip-bad-rows"), context.Error);
            targets = options.Get("targets") is { } targetsPath
                ? TargetCsv.ReadFile(targetsPath)
                : framework.Targets.Count > 0 ? framework.Targets : national.Targets;
        }
        else
        {
            if (options.Has("targets"))
            {
                throw new UsageException("--targets needs --framework and --data");
            }

            framework = FrameworkCatalog.Get(FrameworkInputs.SampleFrameworkId);
            dataset = DataInputs.LoadSample();
            targets = national.Targets.Where(t => dataset.Indicators.Contains(t.Indicator)).ToList();
        }

        IReadOnlyList<TargetEvaluation> evaluations = Evaluate(framework, national, dataset, targets, asOf);
        string text = format switch
        {
            "csv" => ToCsv(evaluations),
            "json" => ToJson(evaluations),
            _ => ToTable(evaluations, framework, national, asOf),
        };
        OutputFile.Write(options.Get("out"), text, context.Out);
        return ExitCodes.Ok;
    }

    internal static IReadOnlyList<TargetEvaluation> Evaluate(Framework framework, TargetCatalog national, Dataset dataset, IReadOnlyList<TargetRule> targets, LocalDate asOf)
    {
        var evaluations = new List<TargetEvaluation>();
        var problems = new List<string>();
        foreach (TargetRule target in targets)
        {
            IndicatorDefinition? indicator = FindIndicator(framework, national, target.Indicator);
            if (indicator is null)
            {
                problems.Add($"target '{target.Code}' refers to indicator '{target.Indicator}', which is neither in framework '{framework.Id}' nor in the national catalogue");
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

    // A target's indicator is defined by the framework in use, else by the national catalogue.
    private static IndicatorDefinition? FindIndicator(Framework framework, TargetCatalog national, string code) =>
        framework.TryGetIndicator(code, out IndicatorDefinition? own)
            ? own
            : national.Indicators.FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.Ordinal));

    internal static string Describe(TargetEvaluation e)
    {
        string deadline = LocalDatePattern.Iso.Format(e.Target.Deadline);
        return e.Status switch
        {
            TargetStatus.Achieved when e.MetAheadOfDeadline => Text.Invariant($"achieved {When(e.FirstAchieved)}, {e.DaysAheadOfDeadline} days ahead of the {deadline} deadline"),
            TargetStatus.Achieved => Text.Invariant($"achieved (first {When(e.FirstAchieved)}; deadline {deadline})"),
            TargetStatus.Missed => $"missed (deadline {deadline})",
            TargetStatus.OnTrack => Text.Invariant($"on track (progress {Text.Num(e.ProgressRatio)})"),
            TargetStatus.NeedsAcceleration => Text.Invariant($"needs acceleration (progress {Text.Num(e.ProgressRatio)})"),
            TargetStatus.LimitedProgress => Text.Invariant($"limited progress (progress {Text.Num(e.ProgressRatio)})"),
            TargetStatus.Deterioration => "deterioration",
            TargetStatus.Indeterminate => "indeterminate",
            _ => "no data",
        };
    }

    // A dated observation is met "on 2025-03-26"; a year, quarter or month "in 2024".
    private static string When(DxIndicators.Data.Period? period) => period is not { } p ? "—" : (p.Kind == PeriodKind.Date ? "on " : "in ") + p;

    private static string ToTable(IReadOnlyList<TargetEvaluation> evaluations, Framework framework, TargetCatalog national, LocalDate asOf)
    {
        var sb = new StringBuilder();
        sb.AppendLine(Text.Invariant($"Targets as of {LocalDatePattern.Iso.Format(asOf)} — {framework.Metadata.Name.En}"));
        var table = new TextTable("unit", "target", "indicator", "rule", "latest", "gap", "status").AlignRight(4, 5);
        var notes = new List<string>();
        foreach (TargetEvaluation e in evaluations)
        {
            IndicatorDefinition? indicator = FindIndicator(framework, national, e.Target.Indicator);
            string latest = e.LatestValue is { } v ? Text.Invariant($"{Text.Qualified(v, e.LatestQualifier)} ({e.LatestPeriod})") : "—";
            string status = Describe(e);
            string? note = e.Note ?? (e.Status is TargetStatus.Indeterminate or TargetStatus.NoData ? e.ProgressNote : null);
            if (note is not null && e.Status != TargetStatus.Achieved)
            {
                notes.Add(note);
                status += Text.Invariant($" [{notes.Count}]");
            }

            table.Add(e.Unit, e.Target.Code, Text.Shorten(indicator?.Name.En ?? e.Target.Indicator, 44), Rule(e.Target), latest, e.Gap is { } g ? Text.Num(g) : "—", status);
        }

        sb.Append(table.Render());
        for (int i = 0; i < notes.Count; i++)
        {
            sb.AppendLine(Text.Invariant($"[{i + 1}] {notes[i]}"));
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

    private static string ToJson(IReadOnlyList<TargetEvaluation> evaluations)
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

    private static void PrintCatalogue(TextWriter output)
    {
        TargetCatalog catalog = FrameworkCatalog.GetTargets(NationalCatalogId);
        output.WriteLine($"{catalog.Id}: {catalog.Name.En} ({catalog.Targets.Count} targets)");
        var table = new TextTable("code", "indicator", "rule", "deadline", "source");
        foreach (TargetRule target in catalog.Targets)
        {
            table.Add(target.Code, target.Indicator, Rule(target), LocalDatePattern.Iso.Format(target.Deadline), target.LegalSource);
        }

        output.Write(table.Render());
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
