using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace DxIndicators.Formats;

/// <summary>One problem found by <see cref="CsvTable"/>: 1-based line (the header is line 1), column, rule and message.</summary>
/// <param name="Line">The record's first line.</param>
/// <param name="Column">The header name involved, if one is.</param>
/// <param name="Rule">A <see cref="ProblemRules"/> name.</param>
/// <param name="Message">What is wrong.</param>
internal sealed record CsvIssue(int Line, string? Column, string Rule, string Message);

/// <summary>One data row of a <see cref="CsvTable"/>: its first line and exactly one field per header column.</summary>
/// <param name="Line">The record's first line.</param>
/// <param name="Fields">The fields, as many as the header has.</param>
internal sealed record CsvRow(int Line, string[] Fields);

/// <summary>The one CSV table reader (RFC 4180 on CsvHelper, invariant culture): a header row, then data rows with
/// their line numbers. Every problem is collected, not only the first: a badly quoted field is
/// <see cref="ProblemRules.Malformed"/>, a row with more or fewer fields than the header is
/// <see cref="ProblemRules.ExtraFields"/> / <see cref="ProblemRules.MissingFields"/> and is left out of
/// <see cref="Rows"/> (never padded), an empty or repeated header name is <see cref="ProblemRules.BadHeader"/>. Blank
/// lines are skipped. Limits (<see cref="InputLimits.MaxLineLength"/>, <see cref="InputLimits.MaxColumns"/>,
/// <see cref="InputLimits.MaxRows"/>) throw <see cref="InvalidDataException"/> naming the limit.</summary>
internal sealed class CsvTable
{
    private CsvTable(string name, string[] header, List<CsvRow> rows, List<CsvIssue> issues)
    {
        Name = name;
        Header = header;
        Rows = rows;
        Issues = issues;
    }

    /// <summary>Gets the file name used in problem locations.</summary>
    public string Name { get; }

    /// <summary>Gets the header names (trimmed); empty when the file is empty.</summary>
    public string[] Header { get; }

    /// <summary>Gets the well-formed data rows.</summary>
    public List<CsvRow> Rows { get; }

    /// <summary>Gets every problem, in line order.</summary>
    public List<CsvIssue> Issues { get; }

    /// <summary>Gets the number of data records read (well-formed or not): <c>Rows.Count</c> + rows left out.</summary>
    public int RecordCount { get; private set; }

    /// <summary>Reads a table.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="name">The file name used in problem locations.</param>
    /// <param name="limits">The limits; null means <see cref="InputLimits.Default"/>.</param>
    /// <returns>The table and its problems.</returns>
    /// <exception cref="InvalidDataException">A limit is exceeded, or the file is not UTF-8.</exception>
    public static CsvTable Read(TextReader reader, string name, InputLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        limits ??= InputLimits.Default;
        var issues = new List<CsvIssue>();
        var rows = new List<CsvRow>();
        var badData = new List<string>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            BadDataFound = args => badData.Add(args.Field),
            IgnoreBlankLines = true,
        };
        using var parser = new CsvParser(InputFile.BoundLines(reader, name, limits), config, leaveOpen: true);
        if (!parser.Read())
        {
            issues.Add(new CsvIssue(1, null, ProblemRules.Malformed, "The file is empty; expected a header row."));
            return new CsvTable(name, [], rows, issues);
        }

        CheckColumns(parser.Count, name, 1, limits);
        string[] header = new string[parser.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < header.Length; i++)
        {
            header[i] = parser[i].Trim();
            if (header[i].Length == 0)
            {
                issues.Add(new CsvIssue(1, null, ProblemRules.BadHeader, string.Create(CultureInfo.InvariantCulture, $"Header column {i + 1} has no name.")));
            }
            else if (!seen.Add(header[i]))
            {
                issues.Add(new CsvIssue(1, header[i], ProblemRules.BadHeader, $"Column '{header[i]}' appears more than once."));
            }
        }

        foreach (string field in badData)
        {
            issues.Add(new CsvIssue(1, null, ProblemRules.Malformed, $"Badly quoted CSV field '{field}' in the header."));
        }

        badData.Clear();
        var table = new CsvTable(name, header, rows, issues);
        int previousEnd = parser.RawRow;
        while (parser.Read())
        {
            table.RecordCount++;
            if (table.RecordCount > limits.MaxRows)
            {
                throw InputLimits.Exceeded(nameof(InputLimits.MaxRows), limits.MaxRows, $"'{name}'");
            }

            int count = parser.Count;
            CheckColumns(count, name, parser.RawRow, limits);
            var fields = new string[count];
            int newlines = 0;
            for (int i = 0; i < count; i++)
            {
                fields[i] = parser[i];
                newlines += fields[i].AsSpan().Count('\n');
            }

            // RawRow is the record's last line; fields with embedded line breaks move the start back.
            int line = Math.Max(previousEnd + 1, parser.RawRow - newlines);
            previousEnd = parser.RawRow;
            bool ok = true;
            foreach (string field in badData)
            {
                issues.Add(new CsvIssue(line, null, ProblemRules.Malformed, $"Badly quoted CSV field '{field}' (RFC 4180: a field containing quotes, commas or line breaks must be quoted and its quotes doubled)."));
                ok = false;
            }

            badData.Clear();
            if (count != header.Length)
            {
                issues.Add(new CsvIssue(
                    line,
                    null,
                    count > header.Length ? ProblemRules.ExtraFields : ProblemRules.MissingFields,
                    string.Create(CultureInfo.InvariantCulture, $"The row has {count} field(s) but the header has {header.Length}{(count < header.Length ? "; write empty fields as ',,' rather than leaving them out" : string.Empty)}.")));
                ok = false;
            }

            if (ok)
            {
                rows.Add(new CsvRow(line, fields));
            }
        }

        return table;
    }

    /// <summary>Gets the index of a header column (exact name), or -1.</summary>
    /// <param name="column">The name.</param>
    /// <returns>The index, or -1.</returns>
    public int IndexOf(string column) => Array.IndexOf(Header, column);

    /// <summary>Formats a location <c>name:line</c>.</summary>
    /// <param name="line">The line.</param>
    /// <returns>The location.</returns>
    public string At(int line) => string.Create(CultureInfo.InvariantCulture, $"{Name}:{line}");

    private static void CheckColumns(int count, string name, int line, InputLimits limits)
    {
        if (count > limits.MaxColumns)
        {
            throw InputLimits.Exceeded(nameof(InputLimits.MaxColumns), limits.MaxColumns, string.Create(CultureInfo.InvariantCulture, $"'{name}' line {line} ({count} fields)"));
        }
    }
}
