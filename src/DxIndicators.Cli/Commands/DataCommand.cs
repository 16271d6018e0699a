using System.Globalization;
using System.Text;
using DxIndicators.Catalog;
using DxIndicators.Cli.Infrastructure;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Targets;
using NodaTime;

namespace DxIndicators.Cli.Commands;

/// <summary><c>dx data</c>: shows a data set (the built-in Điện Biên sample by default) with change and trend per series.</summary>
internal sealed class DataCommand : ICommand
{
    public string Name => "data";

    public string Summary => "Show observations (default: the Điện Biên sample) with change and trend per series.";

    public string Description => """
        table: every observation with qualifier and source, then one line per series with its latest change and trend.
        csv/json: the observations in the project's exchange formats (round-trip exact; docs/data.md).
        --published: the built-in published provincial DTI results 2020–2024 with their public sources; with --unit,
        that unit's history (both code-list vintages) and its rank among the published peers of each ranking.
        """;

    public IReadOnlyList<CliOption> Options { get; } =
    [
        CommonOptions.Framework,
        CommonOptions.Data,
        CommonOptions.SkipBadRows,
        CommonOptions.Units,
        CommonOptions.Unit.WithHelp("only this unit's observations (with --published: its published history and ranks)"),
        CommonOptions.Indicator.WithHelp("only this indicator's observations"),
        CliOption.Flag("series", "only the series lines (latest change and trend), not every observation"),
        CliOption.Flag("published", "the built-in published DTI results (takes --unit, --format and --out)"),
        CommonOptions.Format("table", "csv", "json"),
        CommonOptions.Out,
    ];

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        CommandArgs options = CommandArgs.Parse(args, Options);
        if (options.Has("published"))
        {
            return RunPublished(options, context);
        }

        options.RequireFor("data", "units", "skip-bad-rows");
        options.Together("framework", "data");
        options.ThrowIfProblems();
        Framework framework = options.Get("framework") is { } f ? FrameworkInputs.LoadFramework(f) : FrameworkCatalog.Get(FrameworkInputs.SampleFrameworkId);
        Dataset dataset = options.Get("data") is { } path ? DataInputs.Load(path, framework, DataInputs.Registry(options.Get("units"), framework), options.Has("skip-bad-rows"), context.Error) : DataInputs.LoadSample();
        dataset = Filter(framework, dataset, options.Get("unit"), options.Get("indicator"));
        string text = Render(options.GetOrDefault("format", "table"), framework, dataset, context.Today, options.Has("series"));
        OutputFile.Write(options.Get("out"), text, context.Out);
        return ExitCodes.Ok;
    }

    /// <summary><c>--published</c>: the published DTI table, which takes only --unit, --format and --out.</summary>
    private static int RunPublished(CommandArgs options, CliContext context)
    {
        foreach (string other in new[] { "framework", "data", "indicator", "series", "units", "skip-bad-rows" })
        {
            if (options.Has(other))
            {
                options.Problem($"--published takes only --unit, --format and --out, not --{other}");
            }
        }

        options.ThrowIfProblems();
        OutputFile.Write(options.Get("out"), PublishedTable.Render(options.Get("unit"), options.GetOrDefault("format", "table")), context.Out);
        return ExitCodes.Ok;
    }

    /// <summary>The observations of <paramref name="unitFilter"/> and <paramref name="indicatorFilter"/> (each null for all); an unknown one is an error.</summary>
    private static Dataset Filter(Framework framework, Dataset dataset, string? unitFilter, string? indicatorFilter)
    {
        var missing = new List<string>();
        if (unitFilter is not null && !dataset.Units.Contains(unitFilter))
        {
            missing.Add($"--unit {unitFilter}: no observations for that unit (units present: {string.Join(", ", dataset.Units.Take(20))}{(dataset.Units.Count > 20 ? ", …" : string.Empty)})");
        }

        if (indicatorFilter is not null && !dataset.Indicators.Contains(indicatorFilter))
        {
            string known = framework.TryGetIndicator(indicatorFilter, out _) ? $"'{indicatorFilter}' is an indicator of '{framework.Id}' but the data have no value of it" : $"'{indicatorFilter}' is not an indicator of '{framework.Id}' and not in the data";
            missing.Add($"--indicator {indicatorFilter}: {known} (indicators present: {string.Join(", ", dataset.Indicators.Take(20))}{(dataset.Indicators.Count > 20 ? ", …" : string.Empty)})");
        }

        if (missing.Count > 0)
        {
            throw new InvalidDataException(string.Join("; ", missing));
        }

        if (unitFilter is not null || indicatorFilter is not null)
        {
            dataset = new Dataset(dataset.Observations.Where(o =>
                (unitFilter is null || string.Equals(o.Unit, unitFilter, StringComparison.Ordinal)) &&
                (indicatorFilter is null || string.Equals(o.Indicator, indicatorFilter, StringComparison.Ordinal))));
            if (dataset.Count == 0)
            {
                throw new InvalidDataException($"--unit {unitFilter} --indicator {indicatorFilter}: the data have no observation of that indicator for that unit.");
            }
        }

        return dataset;
    }

    /// <summary>The dataset in <paramref name="format"/>: csv, json or (any other) the table.</summary>
    private static string Render(string format, Framework framework, Dataset dataset, LocalDate today, bool seriesOnly)
    {
        switch (format)
        {
            case "csv":
                using (var writer = new StringWriter(CultureInfo.InvariantCulture))
                {
                    ObservationCsv.Write(writer, dataset);
                    return writer.ToString();
                }
            case "json":
                using (var writer = new StringWriter(CultureInfo.InvariantCulture))
                {
                    ObservationJson.Write(writer, dataset);
                    return writer.ToString();
                }
            default:
                return ToTable(framework, dataset, today, seriesOnly);
        }
    }

    private static string ToTable(Framework framework, Dataset dataset, LocalDate today, bool seriesOnly)
    {
        var sb = new StringBuilder();
        sb.AppendLine(Text.Invariant($"{dataset.Count} observations, {dataset.Units.Count} unit(s), {dataset.Indicators.Count} indicators, periods {string.Join(", ", dataset.Periods.Select(p => p.ToString()).Distinct())}"));
        if (!seriesOnly)
        {
            var table = new TextTable("unit", "indicator", "period", "value", "unit of measure", "qualifier", "counts", "source").AlignRight(3);
            foreach (Observation o in dataset.Observations)
            {
                string measure = framework.TryGetIndicator(o.Indicator, out IndicatorDefinition? d) ? d.Unit : string.Empty;
                string counts = o.Numerator is { } n && o.Denominator is { } den ? Text.Invariant($"{Text.Num(n)}/{Text.Num(den)}") : string.Empty;
                table.Add(o.Unit, o.Indicator, o.Period.ToString(), Text.Num(o.Value), measure, Text.QualifierName(o.Qualifier), counts, o.Provenance?.Source ?? string.Empty);
            }

            sb.Append(table.Render());
            sb.AppendLine();
        }

        var series = new TextTable("unit", "indicator", "latest", "change since previous", "trend").AlignRight(2);
        foreach (string unit in dataset.Units)
        {
            foreach (IndicatorDefinition indicator in framework.Indicators)
            {
                IReadOnlyList<Observation> values = dataset.Series(unit, indicator.Code);
                if (values.Count == 0)
                {
                    continue;
                }

                Observation latest = values[^1];
                string change = values.Count >= 2 ? Text.Invariant($"{ValueChange.Between(indicator, values[^2], latest).Describe()} since {values[^2].Period}") : "—";
                TrendEvaluation trend = TrendEvaluator.Default.Evaluate(indicator, unit, values, today);
                series.Add(unit, indicator.Code, Text.Invariant($"{Text.Qualified(latest.Value, latest.Qualifier)} ({latest.Period})"), change, Arrow(trend.Status));
            }
        }

        sb.AppendLine("Series (trend by the no-target progress rule, polarity-aware; see docs/targets.md)");
        sb.Append(series.Render());
        return sb.ToString();
    }

    // The trend's arrow and words, from its own file in the core (TrendStatusInfo).
    internal static string Arrow(TrendStatus status) => TrendStatusInfo.Of(status).Symbol + " " + TrendStatusInfo.Of(status).Label.En;
}
