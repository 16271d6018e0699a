using DxIndicators.Formats;
using DxIndicators.Catalog;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Units;

namespace DxIndicators.Cli.Infrastructure;

/// <summary>Reads <c>--data</c> files (observation CSV or JSON) against a framework and the built-in unit registry.</summary>
internal static class DataInputs
{
    public static Dataset LoadSample() => FrameworkCatalog.GetDataset(FrameworkInputs.SampleFrameworkId);

    /// <summary>
    /// Reads the data the options choose (--store, else --data, else the sample): the store as known on
    /// <c>--known-on</c> (default: the latest figures), else the <c>--data</c> file against the framework, else the
    /// built-in sample.
    /// </summary>
    public static Dataset LoadData(CommandArgs options, Framework framework, CliContext context) =>
        options.Get("store") is { } store ? StoreInputs.Read(store, options.GetDate("known-on"), context.Clock)
        : options.Get("data") is { } path ? Load(path, framework, Registry(options.Get("units"), framework), options.Has("skip-bad-rows"), context.Error)
        : LoadSample();

    /// <summary>
    /// Chooses the unit registry for <c>--units vn|none</c>; without the option, the one the framework declares
    /// (<see cref="FrameworkMetadata.UnitRegistry"/>, JSON <c>unitRegistry</c>), none when it declares none (COINr's
    /// ISO3 country codes, a user's own unit codes) or when there is no framework.
    /// </summary>
    public static UnitRegistry? Registry(string? option, Framework? framework) => option switch
    {
        "vn" => BuiltIn.VietnamProvinces,
        "none" => null,
        null => framework?.Metadata.UnitRegistry == FrameworkMetadata.VietnamProvincesRegistry ? BuiltIn.VietnamProvinces : null,
        _ => throw new UsageException($"--units must be vn or none, was '{option}'"),
    };

    /// <summary>
    /// Parses <paramref name="text"/> as a period that has data for the framework; otherwise a usage error for a bad
    /// period and a data error (exit 1) naming the periods present.
    /// </summary>
    public static ReportingPeriod RequirePeriod(Dataset dataset, Framework framework, string text, string option)
    {
        if (!ReportingPeriod.TryParse(text, out ReportingPeriod period))
        {
            throw new UsageException($"{option}: '{text}' is not a period (2024, 2024-H1, 2024-Q3, 2024-07, 2024-07-15)");
        }

        if (!dataset.ForPeriod(period).Any(o => framework.TryGetIndicator(o.Indicator, out _)))
        {
            throw new InvalidDataException($"{option} {period}: the data have no observation of a '{framework.Id}' indicator for {period}; periods present: {PeriodList(dataset)}.");
        }

        return period;
    }

    /// <summary>
    /// Builds the as-of cross-section (<see cref="Dataset.CrossSectionAsOf"/>); a data error (exit 1) naming the
    /// data's first date when no unit has a value by then.
    /// </summary>
    public static IndicatorMatrix RequireAsOf(Dataset dataset, Framework framework, NodaTime.LocalDate asOf, string option)
    {
        IndicatorMatrix matrix = dataset.CrossSectionAsOf(framework, asOf);
        if (matrix.RowCount == 0)
        {
            string first = dataset.Periods.Count == 0 ? "none" : NodaTime.Text.LocalDatePattern.Iso.Format(dataset.Periods.Min(p => p.End));
            throw new InvalidDataException($"{option} {NodaTime.Text.LocalDatePattern.Iso.Format(asOf)}: no unit has a value of a '{framework.Id}' indicator on or before that date; the earliest period in the data ends {first} (periods present: {PeriodList(dataset)}).");
        }

        return matrix;
    }

    /// <summary>Lists the data's periods for messages ("2022, 2023, 2024"), shortened after 20.</summary>
    public static string PeriodList(Dataset dataset) =>
        dataset.Periods.Count == 0 ? "none"
        : string.Join(", ", dataset.Periods.Take(20).Select(p => p.ToString())) + (dataset.Periods.Count > 20 ? $", … ({dataset.Periods.Count} in all)" : string.Empty);

    /// <summary>
    /// Reads an observation CSV or JSON file (bounded, strict UTF-8); with a framework, indicator codes are checked
    /// against it. With <paramref name="skipBadRows"/> the rows left out are listed on <paramref name="diagnostics"/>.
    /// </summary>
    public static Dataset Load(string path, Framework? framework, UnitRegistry? registry, bool skipBadRows, TextWriter diagnostics)
    {
        var options = new ReadOptions { Registry = registry, Framework = framework, SkipBadRows = skipBadRows };
        using TextReader reader = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? InputFile.OpenText(path) : InputFile.OpenCsv(path);
        ReadResult<Dataset> result = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? ObservationJson.Read(reader, path, options)
            : ObservationCsv.Read(reader, path, options);
        if (result.Value is { } dataset && result.Problems.Count > 0)
        {
            // Only reachable with --skip-bad-rows: say exactly which rows were left out.
            diagnostics.WriteLine($"{path}: skipped {result.SkippedRows.Count} bad row(s):");
            foreach (Problem problem in result.Problems)
            {
                diagnostics.WriteLine($"  {problem}");
            }

            return dataset;
        }

        return result.GetValueOrThrow();
    }
}
