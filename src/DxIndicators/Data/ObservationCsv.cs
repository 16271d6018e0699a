using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace DxIndicators.Data;

/// <summary>Reads and writes observations as long-format CSV (docs/formats: <c>unit,indicator,period,value,qualifier,numerator,denominator,source,published,status</c>).</summary>
/// <remarks>
/// <para>UTF-8, header row, invariant culture, RFC-4180 quoting. Columns are matched by header name (case-insensitive);
/// <c>unit</c>, <c>indicator</c>, <c>period</c> and <c>value</c> are required, the others optional. An extra optional
/// column <c>restated</c> (true/false) carries <see cref="Observation.Restated"/>; the writer adds it only when a
/// dataset has restated observations. Unknown or repeated columns are an error. Qualifier and status words are
/// matched case-insensitively; empty means exact and official.</para>
/// <para>Numbers are written in shortest round-trip form (<c>double.ToString("R", InvariantCulture)</c>), so
/// <see cref="Write"/> then <see cref="Read"/> gives a dataset equal bit for bit: 0.1+0.2 is written
/// <c>0.30000000000000004</c>, 1e-300 as <c>1E-300</c>, and −0.0 as <c>-0</c>, which reads back as −0.0 (not +0.0).</para>
/// </remarks>
public static class ObservationCsv
{
    /// <summary>Gets the column names, in the order written.</summary>
    public static ValueList<string> Columns { get; } = ValueList.Of("unit", "indicator", "period", "value", "qualifier", "numerator", "denominator", "source", "published", "status");

    private const string RestatedColumn = "restated";

    /// <summary>Reads observations, checking every row and reporting every problem with its line number and column.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="fileName">The name used in problem locations (<c>fileName:line</c>).</param>
    /// <param name="options">What to check against and whether to skip bad rows; null means <see cref="ReadOptions.Default"/>.</param>
    /// <returns>The dataset (unless there were problems and <see cref="ReadOptions.SkipBadRows"/> is not set) and every problem.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> or <paramref name="fileName"/> is null.</exception>
    /// <remarks>
    /// Rules, each with its <see cref="ProblemRules"/> name: required field missing, unparsable number, period, qualifier,
    /// status or date, NaN/∞, unknown unit (against <see cref="ReadOptions.Registry"/> at the period's date) or indicator
    /// (against <see cref="ReadOptions.Framework"/>), value outside the indicator's valid range, numerator without
    /// denominator or a non-positive denominator, a rate that disagrees with its counts (the rate check (docs/data.md)), and
    /// a duplicate key with different content (reported at the later line, showing both). Line 1 is the header; a
    /// record spanning several lines is located at its first line. A bad header loads nothing even with
    /// <see cref="ReadOptions.SkipBadRows"/>.
    /// </remarks>
    public static ReadResult<Dataset> Read(TextReader reader, string fileName, ReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(fileName);
        options ??= ReadOptions.Default;
        var loader = new ObservationLoader(fileName, options, (line, _) => string.Create(CultureInfo.InvariantCulture, $"{fileName}:{line}"), originIsLine: true);

        int currentLine;
        var badData = new List<string>();
        CsvConfiguration config = CsvDialect.Reading(badData);

        using var parser = new CsvParser(Formats.InputFile.BoundLines(reader, fileName, null), config, leaveOpen: true);
        if (!parser.Read())
        {
            loader.Fatal(1, null, ProblemRules.Malformed, "The file is empty; expected a header row: " + string.Join(",", Columns) + ".");
            return loader.Finish();
        }

        if (parser.Count > InputLimits.Default.MaxColumns)
        {
            throw InputLimits.Exceeded(nameof(InputLimits.MaxColumns), InputLimits.Default.MaxColumns, string.Create(CultureInfo.InvariantCulture, $"'{fileName}' header ({parser.Count} columns)"));
        }

        int[] map = ReadHeader(parser, loader);
        foreach (string field in badData)
        {
            loader.Fatal(1, null, ProblemRules.Malformed, $"Badly quoted CSV field '{field}' in the header.");
        }

        badData.Clear();
        if (loader.HasFatal)
        {
            // Without a usable header, every row would only repeat the same problem.
            return loader.Finish();
        }

        int previousEnd = parser.RawRow;
        while (parser.Read())
        {
            int count = parser.Count;
            int newlines = 0;
            var raw = default(RawObservation);
            for (int i = 0; i < count; i++)
            {
                string field = parser[i];
                newlines += field.AsSpan().Count('\n');
                if (i < map.Length)
                {
                    Assign(ref raw, map[i], field);
                }
            }

            // RawRow is the record's last line; fields with embedded line breaks move the start back.
            currentLine = Math.Max(previousEnd + 1, parser.RawRow - newlines);
            previousEnd = parser.RawRow;

            // BadDataFound fires while a record is read, before its line is known.
            foreach (string field in badData)
            {
                loader.RowProblem(currentLine, null, ProblemRules.Malformed, $"Badly quoted CSV field '{field}' (RFC 4180: a field containing quotes must be quoted and its quotes doubled).");
            }

            badData.Clear();
            if (count > map.Length)
            {
                loader.RowProblem(currentLine, null, ProblemRules.ExtraFields, string.Create(CultureInfo.InvariantCulture, $"The row has {count} fields but the header has {map.Length}."));
            }
            else if (count < map.Length)
            {
                // A truncated row would otherwise load with its last columns (source, status…) silently empty.
                loader.RowProblem(currentLine, null, ProblemRules.MissingFields, string.Create(CultureInfo.InvariantCulture, $"The row has {count} fields but the header has {map.Length}; write empty fields as ',,' rather than leaving them out."));
            }

            loader.AddRow(currentLine, raw);
        }

        return loader.Finish();
    }

    /// <summary>Writes a dataset as CSV with a header row.</summary>
    /// <param name="writer">The destination.</param>
    /// <param name="dataset">The dataset.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <remarks>Rows are written in the dataset's order (unit, indicator, period); empty fields for absent optional values.</remarks>
    public static void Write(TextWriter writer, Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(dataset);
        bool restated = dataset.Observations.Any(o => o.Restated);
        CsvConfiguration config = CsvDialect.Writing;
        using var csv = new CsvWriter(writer, config, leaveOpen: true);
        foreach (string column in Columns)
        {
            csv.WriteField(column);
        }

        if (restated)
        {
            csv.WriteField(RestatedColumn);
        }

        csv.NextRecord();
        foreach (Observation o in dataset.Observations)
        {
            csv.WriteField(o.Unit);
            csv.WriteField(o.Indicator);
            csv.WriteField(o.Period.ToString());
            csv.WriteField(RateCheck.Text(o.Value));
            csv.WriteField(o.Qualifier == Qualifier.Exact ? string.Empty : ObservationLoader.QualifierText(o.Qualifier));
            csv.WriteField(o.Numerator is { } n ? RateCheck.Text(n) : string.Empty);
            csv.WriteField(o.Denominator is { } d ? RateCheck.Text(d) : string.Empty);
            csv.WriteField(o.Provenance?.Source ?? string.Empty);
            csv.WriteField(o.Provenance?.Published is { } p ? p.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) : string.Empty);
            csv.WriteField(o.Status == ObservationStatus.Provisional ? "provisional" : string.Empty);
            if (restated)
            {
                csv.WriteField(o.Restated ? "true" : string.Empty);
            }

            csv.NextRecord();
        }

        csv.Flush();
    }

    private static int[] ReadHeader(CsvParser parser, ObservationLoader loader)
    {
        var map = new int[parser.Count];
        var seen = new HashSet<int>();
        for (int i = 0; i < parser.Count; i++)
        {
            string name = parser[i].Trim();
            int index = IndexOf(name);
            map[i] = index;
            if (index < 0)
            {
                loader.Fatal(1, name, ProblemRules.BadHeader, $"Unknown column '{name}'; expected {string.Join(",", Columns)} and optionally {RestatedColumn}.");
            }
            else if (!seen.Add(index))
            {
                loader.Fatal(1, name, ProblemRules.BadHeader, $"Column '{name}' appears more than once.");
            }
        }

        for (int required = 0; required < 4; required++)
        {
            if (!seen.Contains(required))
            {
                loader.Fatal(1, Columns[required], ProblemRules.BadHeader, $"Required column '{Columns[required]}' is missing from the header.");
            }
        }

        return map;
    }

    private static int IndexOf(string name)
    {
        for (int i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return string.Equals(name, RestatedColumn, StringComparison.OrdinalIgnoreCase) ? Columns.Count : -1;
    }

    private static void Assign(ref RawObservation raw, int column, string text)
    {
        switch (column)
        {
            case 0: raw.Unit = text.Trim(); break;
            case 1: raw.Indicator = text.Trim(); break;
            case 2: raw.Period = text.Trim(); break;
            case 3: raw.Value = text.Trim(); break;
            case 4: raw.Qualifier = text.Trim(); break;
            case 5: raw.Numerator = text.Trim(); break;
            case 6: raw.Denominator = text.Trim(); break;
            case 7: raw.Source = text; break;
            case 8: raw.Published = text.Trim(); break;
            case 9: raw.Status = text.Trim(); break;
            case 10: raw.Restated = text.Trim(); break;
            default: break;
        }
    }
}
