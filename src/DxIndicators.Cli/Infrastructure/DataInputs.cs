using DxIndicators.Catalog;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Units;

namespace DxIndicators.Cli.Infrastructure;

/// <summary>Reads <c>--data</c> files (observation CSV or JSON) against a framework and the built-in unit registry.</summary>
internal static class DataInputs
{
    public static Dataset LoadSample() => FrameworkCatalog.GetDataset(FrameworkInputs.SampleFrameworkId);

    public static Dataset Load(string path, Framework? framework, bool skipBadRows, TextWriter diagnostics)
    {
        var options = new ReadOptions { Registry = BuiltIn.VietnamProvinces, Framework = framework, SkipBadRows = skipBadRows };
        using StreamReader reader = File.OpenText(path);
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
