using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using DxIndicators.Formats;

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

    private static readonly string[] s_known = [.. Columns, RestatedColumn];

    private static readonly string[] s_required = ["unit", "indicator", "period", "value"];

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
        using var cursor = new CsvCursor(reader, fileName, options.Limits);
        if (BindHeader(cursor, loader))
        {
            ReadRows(cursor, loader);
        }

        return loader.Finish();
    }

    /// <summary>Reads and binds the header; false (with the problems given to the loader) when it is unusable.</summary>
    private static bool BindHeader(CsvCursor cursor, ObservationLoader loader)
    {
        if (!cursor.ReadHeader())
        {
            loader.Fatal(1, null, ProblemRules.Malformed, "The file is empty; expected a header row: " + string.Join(",", Columns) + ".");
            return false;
        }

        if (!cursor.Bind(s_known, s_required))
        {
            // Without a usable header, every row would only repeat the same problem.
            foreach (CsvIssue issue in cursor.Issues)
            {
                loader.Fatal(issue.Line, issue.Column, issue.Rule, issue.Message);
            }

            return false;
        }

        return true;
    }

    /// <summary>Hands every record to the loader with the cursor's own problems (quoting, field counts) first.</summary>
    private static void ReadRows(CsvCursor cursor, ObservationLoader loader)
    {
        int present = 0;
        for (int c = 0; c < s_known.Length; c++)
        {
            present |= cursor.Has(c) ? 1 << c : 0;
        }

        while (cursor.Read())
        {
            foreach (CsvIssue issue in cursor.Issues)
            {
                loader.RowProblem(issue.Line, issue.Column, issue.Rule, issue.Message);
            }

            cursor.Issues.Clear();
            var raw = new RawObservation
            {
                Present = present,
                Unit = cursor.Column(0).Trim(),
                Indicator = cursor.Column(1).Trim(),
                Period = cursor.Column(2).Trim(),
                Value = cursor.Column(3).Trim(),
                Qualifier = cursor.Column(4).Trim(),
                Numerator = cursor.Column(5).Trim(),
                Denominator = cursor.Column(6).Trim(),
                Source = cursor.Column(7),
                Published = cursor.Column(8).Trim(),
                Status = cursor.Column(9).Trim(),
                Restated = cursor.Column(10).Trim(),
            };
            loader.AddRow(cursor.Line, raw);
            if (cursor.RecordCount == 4096 && cursor.EstimateRecords() is { } estimate)
            {
                // Size the columns once from the file's length rather than doubling them all the way up.
                loader.Reserve(estimate + (estimate / 50) + 1024);
            }
        }
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
            csv.WriteField(o.Qualifier == Qualifier.Exact ? string.Empty : EnumNames.Qualifier.Format(o.Qualifier));
            csv.WriteField(o.Numerator is { } n ? RateCheck.Text(n) : string.Empty);
            csv.WriteField(o.Denominator is { } d ? RateCheck.Text(d) : string.Empty);
            csv.WriteField(o.Provenance?.Source ?? string.Empty);
            csv.WriteField(o.Provenance?.Published is { } p ? p.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) : string.Empty);
            csv.WriteField(o.Status == ObservationStatus.Official ? string.Empty : EnumNames.Status.Format(o.Status));
            if (restated)
            {
                csv.WriteField(o.Restated ? "true" : string.Empty);
            }

            csv.NextRecord();
        }

        csv.Flush();
    }
}
