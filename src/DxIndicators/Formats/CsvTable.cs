using System.Globalization;

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

/// <summary>The one CSV table reader, materialised: a header row, then the well-formed data rows with their line
/// numbers, read by <see cref="CsvCursor"/> (which large files, such as observations, stream instead). Every problem
/// is collected, not only the first: a badly quoted field is <see cref="ProblemRules.Malformed"/>, a row with more or
/// fewer fields than the header is <see cref="ProblemRules.ExtraFields"/> / <see cref="ProblemRules.MissingFields"/>
/// and is left out of <see cref="Rows"/> (never padded), an empty or repeated header name is
/// <see cref="ProblemRules.BadHeader"/>. Blank lines are skipped. Limits (<see cref="InputLimits.MaxLineLength"/>,
/// <see cref="InputLimits.MaxColumns"/>, <see cref="InputLimits.MaxRows"/>) throw <see cref="InvalidDataException"/>
/// naming the limit.</summary>
internal sealed class CsvTable
{
    private CsvTable(string name, string[] header, List<CsvRow> rows, List<CsvIssue> issues, int recordCount)
    {
        Name = name;
        Header = header;
        Rows = rows;
        Issues = issues;
        RecordCount = recordCount;
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
    public int RecordCount { get; }

    /// <summary>Gets, after <see cref="Bind"/>, the header index of each known column, or -1 when the header lacks it.</summary>
    public int[] Columns { get; private set; } = [];

    /// <summary>Reads a table.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="name">The file name used in problem locations.</param>
    /// <param name="limits">The limits; null means <see cref="InputLimits.Default"/>.</param>
    /// <returns>The table and its problems.</returns>
    /// <exception cref="InvalidDataException">A limit is exceeded, or the file is not UTF-8.</exception>
    public static CsvTable Read(TextReader reader, string name, InputLimits? limits = null)
    {
        using var cursor = new CsvCursor(reader, name, limits);
        var rows = new List<CsvRow>();
        if (!cursor.ReadHeader(reportRepeats: true))
        {
            return new CsvTable(name, [], rows, cursor.Issues, 0);
        }

        while (cursor.Read())
        {
            if (cursor.WellFormed)
            {
                var fields = new string[cursor.Count];
                for (int i = 0; i < fields.Length; i++)
                {
                    fields[i] = cursor.FieldText(i);
                }

                rows.Add(new CsvRow(cursor.Line, fields));
            }
        }

        return new CsvTable(name, cursor.Header, rows, cursor.Issues, cursor.RecordCount);
    }

    /// <summary>Matches the header to the format's known columns (see <see cref="CsvCursor.Bind"/>) and sets
    /// <see cref="Columns"/>; the problems are added to <see cref="Issues"/>.</summary>
    /// <param name="known">The format's columns.</param>
    /// <param name="required">The columns the header must have.</param>
    /// <param name="unknownIsError">Whether a header name that is not a known column is a problem.</param>
    /// <returns>Whether the header is usable (no problem with it).</returns>
    public bool Bind(IReadOnlyList<string> known, IEnumerable<string> required, bool unknownIsError = true)
    {
        (Columns, List<CsvIssue> problems) = CsvCursor.Match(Header, known, required, unknownIsError, repeatsReported: true);
        Issues.AddRange(problems);
        return problems.Count == 0 && !Issues.Any(i => i.Line == 1);
    }

    /// <summary>Gets a row's field of a known column bound by <see cref="Bind"/>, or null when the header lacks it.</summary>
    /// <param name="row">The row.</param>
    /// <param name="column">The known column's index.</param>
    /// <returns>The field, or null.</returns>
    public string? Get(CsvRow row, int column) => Columns[column] is int i and >= 0 ? row.Fields[i] : null;

    /// <summary>Gets the index of a header column (exact name), or -1.</summary>
    /// <param name="column">The name.</param>
    /// <returns>The index, or -1.</returns>
    public int IndexOf(string column) => Array.IndexOf(Header, column);

    /// <summary>Formats a location <c>name:line</c>.</summary>
    /// <param name="line">The line.</param>
    /// <returns>The location.</returns>
    public string At(int line) => string.Create(CultureInfo.InvariantCulture, $"{Name}:{line}");
}
