using System.Globalization;
using DxIndicators.Data;
using DxIndicators.Formats;
using DxIndicators.Model;
using NodaTime;

namespace DxIndicators.Scoring.Interop;

/// <summary>
/// A COINr data set (<c>iMeta</c> + <c>iData</c>, as written by <c>write.csv</c>) read into this library's model:
/// the hierarchy, directions, weights, targets and denominators as a <see cref="Model.Framework"/>, the numbers as an
/// <see cref="IndicatorMatrix"/> with units sorted by <c>uCode</c> (as COINr sorts them), and the group columns.
/// </summary>
/// <remarks>
/// Mapping: <c>Level</c> 1 rows become indicators (<c>Direction</c> −1 → lower is better, <c>Target</c> → reference
/// target, <c>Denominator</c> → denominator); <c>Type = Denominator</c> rows become indicators used only as
/// denominators; higher levels become nodes (top level → index, level 2 → pillar, the level under the top →
/// sub-index when there are 4 or more levels, others → component), aggregated by the weighted arithmetic mean with each
/// child's <c>Weight</c>; <c>Type = Group</c> columns are kept in <see cref="Groups"/>; COINr's optional iMeta columns
/// <c>goalpost_lower</c>, <c>goalpost_upper</c>, <c>goalpost_scale</c>, <c>goalpost_trunc2posts</c> become indicator goalposts and
/// <see cref="GoalpostNormalisers"/>. Only indicators are normalised when scored; denominators are carried
/// (<see cref="ScoringPlan.CarriedIndicators"/>). <c>NA</c> = missing. Immutable.
/// </remarks>
public sealed partial class CoinrImport
{
    private CoinrImport(Framework framework, IndicatorMatrix data, ValueList<string> unitNames, IReadOnlyDictionary<string, IReadOnlyList<string?>> groups, ValueList<string> groupColumns, IReadOnlyDictionary<string, Normaliser> goalpostNormalisers)
    {
        GoalpostNormalisers = goalpostNormalisers;
        Framework = framework;
        Data = data;
        UnitNames = unitNames;
        Groups = groups;
        GroupColumns = groupColumns;
    }

    /// <summary>Gets the framework built from iMeta.</summary>
    public Framework Framework { get; }

    /// <summary>Gets the raw data: units (sorted by uCode, ordinal) × the framework's indicators (incl. denominators), NaN = NA.</summary>
    public IndicatorMatrix Data { get; }

    /// <summary>Gets the unit names (<c>uName</c>), aligned with the matrix rows.</summary>
    public ValueList<string> UnitNames { get; }

    /// <summary>Gets the group columns by name, one label per matrix row (null = NA).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string?>> Groups { get; }

    /// <summary>Gets, per indicator with iMeta goalposts (COINr's <c>goalpost_lower</c>, <c>goalpost_upper</c>,
    /// <c>goalpost_scale</c>, <c>goalpost_trunc2posts</c>), the goalposts normaliser with that scale and truncation;
    /// the posts themselves are the indicator's <see cref="IndicatorDefinition.Goalposts"/>. Empty when iMeta has no such columns.</summary>
    /// <remarks>Use them as per-indicator normalisers to reproduce <c>Normalise(coin, global_specs = list(f_n = "n_goalposts", f_n_para = "use_iMeta"))</c>.</remarks>
    public IReadOnlyDictionary<string, Normaliser> GoalpostNormalisers { get; }

    /// <summary>Gets the group column names, in iMeta order.</summary>
    public ValueList<string> GroupColumns { get; }

    /// <summary>Reads iMeta.csv and iData.csv from files.</summary>
    /// <param name="metaPath">The iMeta CSV file.</param>
    /// <param name="dataPath">The iData CSV file.</param>
    /// <param name="frameworkId">The id to give the framework.</param>
    /// <returns>The import, or every problem (<see cref="ReadResult{T}.GetValueOrThrow"/> throws
    /// <see cref="InvalidDataException"/> for a format problem, <see cref="FrameworkValidationException"/> for an invalid hierarchy).</returns>
    /// <exception cref="ArgumentNullException">A path is null.</exception>
    /// <exception cref="InvalidDataException">A file exceeds a limit or is not UTF-8.</exception>
    public static ReadResult<CoinrImport> Read(string metaPath, string dataPath, string frameworkId = "coinr-import")
    {
        ArgumentNullException.ThrowIfNull(metaPath);
        ArgumentNullException.ThrowIfNull(dataPath);
        using TextReader meta = InputFile.OpenCsv(metaPath);
        using TextReader data = InputFile.OpenCsv(dataPath);
        return Read(meta, data, Path.GetFileName(metaPath), Path.GetFileName(dataPath), frameworkId);
    }

    /// <summary>Reads iMeta and iData from readers.</summary>
    /// <param name="meta">The iMeta CSV.</param>
    /// <param name="data">The iData CSV.</param>
    /// <param name="metaName">The name used for iMeta in error messages.</param>
    /// <param name="dataName">The name used for iData in error messages.</param>
    /// <param name="frameworkId">The id to give the framework.</param>
    /// <returns>The import, or every problem (<see cref="ReadResult{T}.GetValueOrThrow"/> throws
    /// <see cref="InvalidDataException"/> for a format problem, <see cref="FrameworkValidationException"/> for an invalid hierarchy).</returns>
    /// <exception cref="ArgumentNullException">A reader is null.</exception>
    /// <exception cref="InvalidDataException">A file exceeds a limit or is not UTF-8.</exception>
    public static ReadResult<CoinrImport> Read(TextReader meta, TextReader data, string metaName = "iMeta.csv", string dataName = "iData.csv", string frameworkId = "coinr-import")
    {
        ArgumentNullException.ThrowIfNull(meta);
        ArgumentNullException.ThrowIfNull(data);
        var reader = new Reader(meta, data, metaName, dataName);
        if (reader.Errors.Count > 0)
        {
            return ProblemText.Result<CoinrImport>(metaName, null, reader.Errors);
        }

        reader.ReadMeta();
        List<FrameworkNode> nodes = reader.Nodes(out string root);
        int[] order = reader.UnitOrder(out string[] units);
        List<IndicatorDefinition> all = [.. reader.Indicators, .. reader.Denominators];
        double[] values = reader.Values(all, order);
        Dictionary<string, IReadOnlyList<string?>> groups = reader.Groups(order);
        int year = Year(reader.DataRows, reader.TimeColumn, dataName, reader.Errors);
        if (reader.Errors.Count > 0)
        {
            return ProblemText.Result<CoinrImport>(metaName, null, reader.Errors);
        }

        var metadata = new FrameworkMetadata(frameworkId, "1", new LocalizedText(string.Empty, "Imported from COINr " + metaName), "COINr iMeta (" + metaName + ")", new LocalDate(year, 1, 1), new OutputScale(0, 100), FieldRules.Mode.Deferred);
        Framework framework;
        try
        {
            framework = new FrameworkBuilder(metadata, root).AddRange(nodes).AddRange(all).Build();
        }
        catch (FrameworkValidationException ex)
        {
            return new ReadResult<CoinrImport>(metaName, null, ex.Errors, failure: static (source, found) => new FrameworkValidationException(source, found));
        }

        var matrix = new IndicatorMatrix(units, all.Select(i => i.Code), values);
        ValueList<string> names = order.Select(r => reader.UNameColumn < 0 ? string.Empty : Reader.Field(reader.DataRows[r].Fields, reader.UNameColumn) ?? string.Empty).ToValueList();
        return new ReadResult<CoinrImport>(metaName, new CoinrImport(framework, matrix, names, groups, reader.GroupColumns.ToValueList(), reader.GoalpostNormalisers), [], reader.DataRows.Count);
    }

    private static (string[] Header, List<(int Line, string[] Fields)> Rows) ReadCsv(TextReader reader, string name, List<string> errors)
    {
        CsvTable table = CsvTable.Read(reader, name);
        foreach (CsvIssue issue in table.Issues)
        {
            errors.Add($"{table.At(issue.Line)}: {issue.Message} [{issue.Rule}]");
        }

        return (table.Header, table.Rows.Select(r => (r.Line, r.Fields)).ToList());
    }

    /// <summary>The period's year from iData's Time column: one whole year for every row (2000 when there is no Time column).</summary>
    private static int Year(List<(int Line, string[] Fields)> rows, int cTime, string name, List<string> errors)
    {
        const int NoTimeColumnYear = 2000;
        if (cTime < 0)
        {
            return NoTimeColumnYear;
        }

        int? year = null;
        foreach ((int line, string[] f) in rows)
        {
            string text = f[cTime];
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int y) || y is < 1 or > 9998)
            {
                errors.Add($"{name}:{line}: Time '{text}' is not a year from 1 to 9998 [{ProblemRules.BadPeriod}].");
            }
            else if (year is null)
            {
                year = y;
            }
            else if (y != year)
            {
                errors.Add($"{name}:{line}: Time {y} differs from {year} on an earlier row; the import takes one period [{ProblemRules.BadPeriod}].");
            }
        }

        return year ?? NoTimeColumnYear;
    }
}
