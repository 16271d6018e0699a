using System.Globalization;
using DxIndicators.Formats;
using DxIndicators.Model;

namespace DxIndicators.Scoring.Interop;

/// <summary>Reads the small CSV files that adjust a scoring run (weights, goalposts, group labels) with the package's one
/// CSV table reader: RFC-4180 quoting (as R's <c>write.csv</c> writes), header by name, every problem listed with
/// <c>file:line</c> and its rule. Formats: docs/reliability.md and <c>dx score --help</c>.</summary>
public static class ScoringInputsCsv
{
    /// <summary>Reads <c>code,weight</c> rows: a weight override for an indicator or node of a framework.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="name">The file name used in messages.</param>
    /// <param name="framework">The framework the codes must belong to.</param>
    /// <returns>The weights, in file order, or every problem (<c>GetValueOrThrow</c> throws <see cref="InvalidDataException"/> listing them).</returns>
    /// <exception cref="InvalidDataException">A limit is exceeded or the text is not UTF-8 (every other problem is in the result).</exception>
    public static ReadResult<IReadOnlyList<KeyValuePair<string, double>>> ReadWeights(TextReader reader, string name, Framework framework)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var errors = new List<string>();
        var weights = new List<KeyValuePair<string, double>>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach ((int line, string[] cells) in Rows(reader, name, ["code", "weight"], 2, errors))
        {
            string code = cells[0];
            if (!seen.TryAdd(code, line))
            {
                errors.Add($"{name}:{line}: '{code}' already has a weight on line {seen[code]} [{ProblemRules.DuplicateCode}]");
                continue;
            }

            if (!framework.TryGetIndicator(code, out _) && !framework.TryGetNode(code, out _))
            {
                errors.Add($"{name}:{line}: '{code}' is not an indicator or node of framework '{framework.Id}' [{ProblemRules.UnknownReference}]");
            }

            if (!NumberText.TryParse(cells[1], out double w, out string? rule) || w < 0)
            {
                errors.Add($"{name}:{line}: weight '{cells[1]}' must be a finite number ≥ 0 [{rule ?? ProblemRules.InvalidWeight}]");
                continue;
            }

            weights.Add(new(code, w));
        }

        return ProblemText.Result<IReadOnlyList<KeyValuePair<string, double>>>(name, weights, errors, weights.Count);
    }

    /// <summary>Reads <c>code,lower,upper[,scale,truncate]</c> rows: goalposts in raw units with an optional output scale
    /// (default 1) and truncation flag (default true).</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="name">The file name used in messages.</param>
    /// <param name="framework">The framework whose indicators the codes must be.</param>
    /// <returns>The goalposts and goalpost normaliser of each indicator, in file order, or every problem.</returns>
    /// <exception cref="InvalidDataException">A limit is exceeded or the text is not UTF-8 (every other problem is in the result).</exception>
    public static ReadResult<IReadOnlyList<(string Code, Goalposts Goalposts, Normaliser Normaliser)>> ReadGoalposts(TextReader reader, string name, Framework framework)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var errors = new List<string>();
        var result = new List<(string, Goalposts, Normaliser)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach ((int line, string[] cells) in Rows(reader, name, ["code", "lower", "upper", "scale", "truncate"], 3, errors))
        {
            string code = cells[0];
            if (!framework.TryGetIndicator(code, out _))
            {
                errors.Add($"{name}:{line}: '{code}' is not an indicator of framework '{framework.Id}' [{ProblemRules.UnknownReference}]");
                continue;
            }

            if (!seen.Add(code))
            {
                errors.Add($"{name}:{line}: '{code}' already has goalposts on an earlier line [{ProblemRules.DuplicateCode}]");
                continue;
            }

            bool ok = NumberText.TryParse(cells[1], out double lower) & NumberText.TryParse(cells[2], out double upper);
            double scale = 1;
            bool truncate = true;
            if (cells.Length >= 4 && cells[3].Length > 0 && !NumberText.TryParse(cells[3], out scale))
            {
                ok = false;
            }

            if (cells.Length == 5 && cells[4].Length > 0 && !bool.TryParse(cells[4], out truncate))
            {
                errors.Add($"{name}:{line}: truncate '{cells[4]}' must be true or false [{ProblemRules.BadBoolean}]");
                continue;
            }

            // upper − lower must itself be finite, or every normalised value would be 0 or NaN.
            if (!ok || lower >= upper || !double.IsFinite(upper - lower) || !(scale > 0))
            {
                errors.Add($"{name}:{line}: lower, upper and scale must be finite numbers with lower < upper (their difference finite) and scale > 0 (raw units; polarity is applied by the library) [{ProblemRules.InvalidValue}]");
                continue;
            }

            result.Add((code, new Goalposts(lower, upper), Normaliser.Goalposts(scale, truncate)));
        }

        return ProblemText.Result<IReadOnlyList<(string Code, Goalposts Goalposts, Normaliser Normaliser)>>(name, result, errors, result.Count);
    }

    /// <summary>Reads <c>unit,GROUP[,GROUP…]</c> group labels (an empty field is no group).</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="name">The file name used in messages.</param>
    /// <returns>For each group column, the label of each unit, or every problem.</returns>
    /// <exception cref="InvalidDataException">A limit is exceeded or the text is not UTF-8 (every other problem is in the result).</exception>
    public static ReadResult<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string?>>> ReadGroups(TextReader reader, string name)
    {
        var errors = new List<string>();
        CsvTable table = CsvTable.Read(reader, name);
        Report(table, errors);
        if (table.Header.Length < 2 || table.Header[0] != "unit")
        {
            errors.Add($"{name}:1: header must be unit,GROUP[,GROUP…], was '{string.Join(",", table.Header)}' [{ProblemRules.BadHeader}]");
            return ProblemText.Result<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string?>>>(name, new Dictionary<string, IReadOnlyDictionary<string, string?>>(), errors);
        }

        var result = table.Header.Skip(1).Distinct(StringComparer.Ordinal).ToDictionary(h => h, _ => new Dictionary<string, string?>(StringComparer.Ordinal), StringComparer.Ordinal);
        var units = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (CsvRow row in table.Rows)
        {
            string unit = row.Fields[0].Trim();
            if (!units.TryAdd(unit, row.Line))
            {
                errors.Add($"{name}:{row.Line}: unit '{unit}' already has groups on line {units[unit]} [{ProblemRules.DuplicateCode}]");
                continue;
            }

            for (int c = 1; c < table.Header.Length; c++)
            {
                result[table.Header[c]][unit] = row.Fields[c].Length == 0 ? null : row.Fields[c];
            }
        }

        return ProblemText.Result<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string?>>>(
            name, result.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, string?>)kv.Value, StringComparer.Ordinal), errors, units.Count);
    }

    /// <summary>Writes <c>unit,GROUP…</c> group labels (null as an empty field), quoted where needed, LF line ends.</summary>
    /// <param name="writer">The destination.</param>
    /// <param name="units">The units, one row each.</param>
    /// <param name="columns">The group columns.</param>
    /// <param name="label">The label of a unit (by row) in a column, or null.</param>
    public static void WriteGroups(TextWriter writer, IReadOnlyList<string> units, IReadOnlyList<string> columns, Func<int, string, string?> label)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(label);
        using var csv = new CsvHelper.CsvWriter(writer, CsvDialect.Writing, leaveOpen: true);
        csv.WriteField("unit");
        foreach (string column in columns)
        {
            csv.WriteField(column);
        }

        csv.NextRecord();
        for (int r = 0; r < units.Count; r++)
        {
            csv.WriteField(units[r]);
            foreach (string column in columns)
            {
                csv.WriteField(label(r, column) ?? string.Empty);
            }

            csv.NextRecord();
        }

        csv.Flush();
    }

    private static IEnumerable<(int Line, string[] Cells)> Rows(TextReader reader, string name, string[] columns, int required, List<string> errors)
    {
        CsvTable table = CsvTable.Read(reader, name);
        Report(table, errors);
        bool headerOk = table.Header.Length >= required && table.Header.Length <= columns.Length &&
            table.Header.Select((h, i) => string.Equals(h, columns[i], StringComparison.OrdinalIgnoreCase)).All(b => b);
        if (!headerOk)
        {
            errors.Add($"{name}:1: the header must be {string.Join(",", columns.Take(required))}{(required < columns.Length ? "[," + string.Join(",", columns.Skip(required)) + "]" : string.Empty)}, was '{string.Join(",", table.Header)}' [{ProblemRules.BadHeader}]");
            yield break;
        }

        foreach (CsvRow row in table.Rows)
        {
            yield return (row.Line, row.Fields.Select(f => f.Trim()).ToArray());
        }
    }

    private static void Report(CsvTable table, List<string> errors)
    {
        foreach (CsvIssue issue in table.Issues)
        {
            errors.Add($"{table.At(issue.Line)}: {issue.Message} [{issue.Rule}]");
        }
    }
}
