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
    /// Chooses the unit registry for <c>--units vn|none</c>; without the option, units are checked against Vietnam's
    /// provinces when the framework is a built-in Vietnamese one (ids starting <c>vn-</c>, or the sample), and not
    /// checked otherwise (COINr's ISO3 country codes, a user's own unit codes).
    /// </summary>
    public static UnitRegistry? Registry(string? option, Framework framework) => option switch
    {
        "vn" => BuiltIn.VietnamProvinces,
        "none" => null,
        null => framework.Id.StartsWith("vn-", StringComparison.Ordinal) || framework.Id == FrameworkInputs.SampleFrameworkId ? BuiltIn.VietnamProvinces : null,
        _ => throw new UsageException($"--units must be vn or none, was '{option}'"),
    };

    public static Dataset Load(string path, Framework framework, UnitRegistry? registry, bool skipBadRows, TextWriter diagnostics)
    {
        var options = new ReadOptions { Registry = registry, Framework = framework, SkipBadRows = skipBadRows };
        using TextReader reader = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? InputFile.OpenText(path) : InputFile.OpenCsv(path);
        ObservationReadResult result = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            ? ObservationJson.Read(reader, path, options)
            : ObservationCsv.Read(reader, path, options);
        if (result.Dataset is { } dataset && result.Problems.Count > 0)
        {
            // Only reachable with --skip-bad-rows: say exactly which rows were left out.
            diagnostics.WriteLine($"{path}: skipped {result.SkippedRows.Count} bad row(s):");
            foreach (DataProblem problem in result.Problems)
            {
                diagnostics.WriteLine($"  {problem}");
            }

            return dataset;
        }

        return result.GetDatasetOrThrow();
    }
}
