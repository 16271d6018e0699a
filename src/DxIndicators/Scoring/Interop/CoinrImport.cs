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
public sealed class CoinrImport
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
        var errors = new List<string>();
        (string[] metaHeader, List<(int Line, string[] Fields)> metaRows) = ReadCsv(meta, metaName, errors);
        (string[] dataHeader, List<(int Line, string[] Fields)> dataRows) = ReadCsv(data, dataName, errors);

        int Col(string[] header, string name, string file)
        {
            int i = Array.IndexOf(header, name);
            if (i < 0)
            {
                errors.Add($"{file}: missing column '{name}' [{ProblemRules.BadHeader}].");
            }

            return i;
        }

        int cLevel = Col(metaHeader, "Level", metaName), cCode = Col(metaHeader, "iCode", metaName), cName = Col(metaHeader, "iName", metaName);
        int cDir = Col(metaHeader, "Direction", metaName), cWeight = Col(metaHeader, "Weight", metaName), cType = Col(metaHeader, "Type", metaName);
        int cParent = Col(metaHeader, "Parent", metaName);
        int cUnit = Array.IndexOf(metaHeader, "Unit"), cTarget = Array.IndexOf(metaHeader, "Target"), cDen = Array.IndexOf(metaHeader, "Denominator");
        int cGpLower = Array.IndexOf(metaHeader, "goalpost_lower"), cGpUpper = Array.IndexOf(metaHeader, "goalpost_upper");
        int cGpScale = Array.IndexOf(metaHeader, "goalpost_scale"), cGpTrunc = Array.IndexOf(metaHeader, "goalpost_trunc2posts");
        var goalpostNormalisers = new Dictionary<string, Normaliser>(StringComparer.Ordinal);
        int cUCode = Col(dataHeader, "uCode", dataName), cUName = Array.IndexOf(dataHeader, "uName"), cTime = Array.IndexOf(dataHeader, "Time");
        if (errors.Count > 0)
        {
            return ProblemText.Result<CoinrImport>(metaName, null, errors);
        }

        string? Field(string[] f, int c) => c < 0 || c >= f.Length || f[c] == "NA" ? null : f[c];
        double Number(string[] f, int c, string file, int line, string column)
        {
            string? s = Field(f, c);
            if (s is null)
            {
                return double.NaN;
            }

            if (NumberText.TryParse(s, out double v, out string? rule))
            {
                return v;
            }

            errors.Add($"{file}:{line}: column '{column}' has '{s}', which is {NumberText.Explain(rule)} and not NA [{rule}].");
            return double.NaN;
        }

        var indicators = new List<IndicatorDefinition>();
        var denominators = new List<IndicatorDefinition>();
        var groupColumns = new List<string>();
        var nodeRows = new List<(string Code, string Name, int Level, int Line)>();
        var parentOf = new List<(string Child, string Parent, double Weight)>();
        foreach ((int line, string[] f) in metaRows)
        {
            string code = Field(f, cCode) ?? string.Empty;
            string type = Field(f, cType) ?? string.Empty;
            string name = Field(f, cName) ?? code;
            if (code.Length == 0)
            {
                errors.Add($"{metaName}:{line}: iCode is empty [{ProblemRules.MissingField}].");
                continue;
            }

            double level = Number(f, cLevel, metaName, line, "Level");
            double weight = Number(f, cWeight, metaName, line, "Weight");
            string? parent = Field(f, cParent);
            switch (type)
            {
                case "Indicator":
                    double dir = Number(f, cDir, metaName, line, "Direction");
                    if (dir is not (1 or -1))
                    {
                        errors.Add($"{metaName}:{line}: indicator '{code}' has Direction {Field(f, cDir) ?? "NA"}; it must be 1 or -1 [{ProblemRules.InvalidValue}].");
                    }

                    double target = Number(f, cTarget, metaName, line, "Target");
                    Goalposts? posts = null;
                    double gpLower = Number(f, cGpLower, metaName, line, "goalpost_lower"), gpUpper = Number(f, cGpUpper, metaName, line, "goalpost_upper");
                    if (!double.IsNaN(gpLower) || !double.IsNaN(gpUpper))
                    {
                        double scale = cGpScale < 0 || Field(f, cGpScale) is null ? 1 : Number(f, cGpScale, metaName, line, "goalpost_scale");
                        string? trunc = Field(f, cGpTrunc);
                        if (!(gpLower < gpUpper) || !double.IsFinite(scale) || trunc is not (null or "TRUE" or "FALSE"))
                        {
                            errors.Add($"{metaName}:{line}: indicator '{code}' needs goalpost_lower < goalpost_upper (raw units), a finite goalpost_scale and goalpost_trunc2posts TRUE or FALSE; found {Field(f, cGpLower) ?? "NA"}, {Field(f, cGpUpper) ?? "NA"}, {Field(f, cGpScale) ?? "NA"}, {trunc ?? "NA"} [{ProblemRules.InvalidValue}].");
                        }
                        else
                        {
                            posts = new Goalposts(gpLower, gpUpper);
                            goalpostNormalisers[code] = Normaliser.Goalposts(scale, trunc != "FALSE");
                        }
                    }

                    indicators.Add(new IndicatorDefinition(code, new LocalizedText(string.Empty, name), MeasureKind.IndexScore, Field(f, cUnit) ?? string.Empty, dir < 0 ? Polarity.LowerIsBetter : Polarity.HigherIsBetter, NumericRange.Unbounded)
                    {
                        Goalposts = posts,
                        ReferenceTarget = double.IsNaN(target) ? null : target,
                        Denominator = Field(f, cDen),
                        Source = metaName,
                    });
                    break;
                case "Aggregate":
                    if (double.IsNaN(level) || level < 2 || level != Math.Floor(level) || level > 1000)
                    {
                        errors.Add($"{metaName}:{line}: aggregate '{code}' needs a whole-number Level from 2 to 1000, has {Field(f, cLevel) ?? "NA"} [{ProblemRules.InvalidValue}].");
                        continue;
                    }

                    nodeRows.Add((code, name, (int)level, line));
                    break;
                case "Group":
                    groupColumns.Add(code);
                    continue;
                case "Denominator":
                    denominators.Add(new IndicatorDefinition(code, new LocalizedText(string.Empty, name), MeasureKind.Count, Field(f, cUnit) ?? string.Empty, Polarity.HigherIsBetter, NumericRange.Unbounded) { Source = metaName });
                    continue;
                default:
                    errors.Add($"{metaName}:{line}: Type '{type}' of '{code}' is not Indicator, Aggregate, Group or Denominator [{ProblemRules.InvalidValue}].");
                    continue;
            }

            if (parent is not null)
            {
                if (double.IsNaN(weight))
                {
                    // COINr needs a weight for every child; guessing 1 would change the index without a word.
                    errors.Add($"{metaName}:{line}: '{code}' has parent '{parent}' but no Weight (NA) [{ProblemRules.MissingField}].");
                }

                parentOf.Add((code, parent, weight));
            }
        }

        int top = nodeRows.Count == 0 ? 0 : nodeRows.Max(n => n.Level);
        List<(string Code, string Name, int Level, int Line)> roots = nodeRows.Where(n => n.Level == top).ToList();
        if (roots.Count != 1)
        {
            errors.Add($"{metaName}: expected exactly one aggregate at the top level {top}, found {roots.Count} ({string.Join(", ", roots.Select(r => r.Code))}) [{ProblemRules.InvalidValue}].");
        }

        var nodes = new List<FrameworkNode>();
        foreach ((string code, string name, int level, int line) in nodeRows)
        {
            NodeKind kind = level == top ? NodeKind.Index : level == 2 ? NodeKind.Pillar : (level == top - 1 && top >= 4) ? NodeKind.SubIndex : NodeKind.Component;
            var links = parentOf.Where(p => p.Parent == code).Select(p => new NodeLink(p.Child, p.Weight)).ToValueList();
            nodes.Add(new FrameworkNode(code, new LocalizedText(string.Empty, name), kind, links));
        }

        // Units: sorted by uCode in ordinal (C-locale) order, as COINr does.
        var order = Enumerable.Range(0, dataRows.Count).OrderBy(r => Field(dataRows[r].Fields, cUCode) ?? string.Empty, StringComparer.Ordinal).ToArray();
        string[] units = order.Select(r => Field(dataRows[r].Fields, cUCode) ?? string.Empty).ToArray();
        foreach (IGrouping<string, string> dup in units.GroupBy(u => u, StringComparer.Ordinal).Where(g => g.Count() > 1 || g.Key.Length == 0))
        {
            errors.Add($"{dataName}: uCode '{dup.Key}' is {(dup.Key.Length == 0 ? "empty" : "not unique")} [{ProblemRules.DuplicateCode}].");
        }

        List<IndicatorDefinition> all = [.. indicators, .. denominators];
        var values = new double[units.Length * all.Count];
        for (int j = 0; j < all.Count; j++)
        {
            int c = Array.IndexOf(dataHeader, all[j].Code);
            if (c < 0)
            {
                errors.Add($"{dataName}: no column for '{all[j].Code}' ({metaName} lists it as {(j < indicators.Count ? "an indicator" : "a denominator")}) [{ProblemRules.MissingField}].");
                continue;
            }

            for (int r = 0; r < order.Length; r++)
            {
                (int line, string[] f) = dataRows[order[r]];
                values[(j * units.Length) + r] = Number(f, c, dataName, line, all[j].Code);
            }
        }

        var groups = new Dictionary<string, IReadOnlyList<string?>>(StringComparer.Ordinal);
        foreach (string g in groupColumns)
        {
            int c = Array.IndexOf(dataHeader, g);
            if (c < 0)
            {
                errors.Add($"{dataName}: no column for group '{g}' [{ProblemRules.MissingField}].");
                continue;
            }

            groups[g] = order.Select(r => Field(dataRows[r].Fields, c)).ToArray();
        }

        int year = Year(dataRows, cTime, dataName, errors);
        if (errors.Count > 0)
        {
            return ProblemText.Result<CoinrImport>(metaName, null, errors);
        }


        var metadata = new FrameworkMetadata(frameworkId, "1", new LocalizedText(string.Empty, "Imported from COINr " + metaName), "COINr iMeta (" + metaName + ")", new LocalDate(year, 1, 1), new OutputScale(0, 100));
        Framework framework;
        try
        {
            framework = new Framework(metadata, roots[0].Code, nodes, all);
        }
        catch (FrameworkValidationException ex)
        {
            return new ReadResult<CoinrImport>(metaName, null, ex.Errors, failure: static (source, found) => new FrameworkValidationException(source, found));
        }

        var matrix = new IndicatorMatrix(units, all.Select(i => i.Code), values);
        ValueList<string> names = order.Select(r => cUName < 0 ? string.Empty : Field(dataRows[r].Fields, cUName) ?? string.Empty).ToValueList();
        return new ReadResult<CoinrImport>(metaName, new CoinrImport(framework, matrix, names, groups, groupColumns.ToValueList(), goalpostNormalisers), [], dataRows.Count);
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
