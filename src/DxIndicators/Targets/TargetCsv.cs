using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using CsvHelper;
using DxIndicators.Data;
using DxIndicators.Formats;
using DxIndicators.Model;
using NodaTime;
using NodaTime.Text;

namespace DxIndicators.Targets;

/// <summary>
/// Reads user target lists (<c>T.csv</c>) and writes evaluation results as CSV (UTF-8 text, header row, invariant culture,
/// RFC 4180 quoting).
/// </summary>
/// <remarks>
/// <para>Input columns, by header name in any order: <c>code,indicator,comparator,threshold,deadline,baseline_date,baseline_value,source</c>.
/// <c>comparator</c> is one of <c>&gt;=</c>, <c>&gt;</c>, <c>&lt;=</c>, <c>&lt;</c>, <c>=</c>; dates are ISO <c>uuuu-MM-dd</c>;
/// <c>baseline_date</c> and <c>baseline_value</c> are both empty or both given (their columns may be left out entirely);
/// <c>source</c> (the legal source) is required. Fields are trimmed. Every problem is reported with <c>file:line</c>,
/// not only the first.</para>
/// <para>Output columns: <c>unit,target,status,value,gap,first_achieved,projected_date,progress_ratio</c>; numbers round-trip,
/// empty when not applicable; status in camelCase (<c>achieved</c>, <c>onTrack</c>, <c>needsAcceleration</c>…);
/// <c>first_achieved</c> is a period (<c>2024</c>, <c>2024-Q3</c>); <c>projected_date</c> is the compound-growth projection
/// (<see cref="TargetEvaluation.ProjectedCompound"/>), the one consistent with the progress ratio.</para>
/// </remarks>
public static class TargetCsv
{
    /// <summary>The output header, in order.</summary>
    public static readonly IReadOnlyList<string> ResultColumns = ["unit", "target", "status", "value", "gap", "first_achieved", "projected_date", "progress_ratio"];

    private static readonly string[] s_required = ["code", "indicator", "comparator", "threshold", "deadline", "source"];
    private static readonly string[] s_optional = ["baseline_date", "baseline_value"];
    private static readonly string[] s_columns = [.. s_required, .. s_optional];

    /// <summary>Reads a target list from a file, collecting every problem.</summary>
    /// <param name="path">The file path.</param>
    /// <returns>As <see cref="Read(TextReader, string)"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or blank.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="InvalidDataException">The file exceeds an <see cref="InputLimits"/> limit or is not UTF-8.</exception>
    public static ReadResult<IReadOnlyList<TargetRule>> ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using TextReader reader = Formats.InputFile.OpenCsv(path);
        return Read(reader, path);
    }

    /// <summary>Reads a target list, collecting every problem.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="sourceName">The file name used in messages.</param>
    /// <returns>The targets (in file order) when there are no errors, and every problem found (locations are
    /// <c>file:line</c>); <see cref="ReadResult{T}.GetValueOrThrow"/> throws <see cref="FrameworkValidationException"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ReadResult<IReadOnlyList<TargetRule>> Read(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        var problems = new List<Problem>();
        var result = new List<TargetRule>();
        CsvTable table = CsvTable.Read(reader, sourceName);
        if (table.Header.Length == 0)
        {
            problems.Add(new Problem(sourceName + ":1", ProblemRules.Malformed, "The file is empty; expected the header " + string.Join(",", s_required.Take(5).Concat(s_optional).Append("source")) + "."));
            return Result(sourceName, null, problems, 0);
        }

        bool headerOk = table.Bind(s_columns, s_required);
        if (headerOk && (table.Columns[6] >= 0) != (table.Columns[7] >= 0))
        {
            table.Issues.Add(new CsvIssue(1, "baseline_date", ProblemRules.BadHeader, "Columns 'baseline_date' and 'baseline_value' go together: give both or neither."));
            headerOk = false;
        }

        // Rows cannot be read reliably against a broken header: then only its problems and the rows' quoting are reported.
        CsvIssue[] issues = [.. table.Issues.Where(i => headerOk || i.Line == 1 || i.Rule == ProblemRules.Malformed).OrderBy(i => i.Line)];
        int next = 0;
        void FlushIssues(int beforeLine)
        {
            for (; next < issues.Length && issues[next].Line < beforeLine; next++)
            {
                problems.Add(new Problem(table.At(issues[next].Line), issues[next].Rule, issues[next].Message) { Line = issues[next].Line, Field = issues[next].Column });
            }
        }

        var seenCodes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (CsvRow row in headerOk ? table.Rows : [])
        {
            FlushIssues(row.Line);
            string place = table.At(row.Line);
            if (ParseRow(table, row, place, problems) is not { } rule)
            {
                continue;
            }

            if (seenCodes.TryGetValue(rule.Code, out int firstLine))
            {
                problems.Add(new Problem(place, ProblemRules.DuplicateCode, string.Create(CultureInfo.InvariantCulture, $"Target code '{rule.Code}' was already used on line {firstLine}."), rule.Code));
                continue;
            }

            seenCodes[rule.Code] = row.Line;
            result.Add(rule);
        }

        FlushIssues(int.MaxValue);
        return Result(sourceName, problems.Count == 0 ? result : null, problems, table.RecordCount);
    }

    private static ReadResult<IReadOnlyList<TargetRule>> Result(string sourceName, IReadOnlyList<TargetRule>? targets, List<Problem> problems, int rows) =>
        new(sourceName, targets, problems, rows, failure: static (source, found) => new FrameworkValidationException(source, found));

    /// <summary>Writes evaluation results, one row per unit and target, in the order given.</summary>
    /// <param name="writer">Receives the CSV text (left open).</param>
    /// <param name="evaluations">The evaluations.</param>
    /// <exception cref="ArgumentNullException">An argument is null, or an element is null.</exception>
    public static void WriteResults(TextWriter writer, IEnumerable<TargetEvaluation> evaluations)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(evaluations);
        using var csv = new CsvWriter(writer, CsvDialect.Writing, leaveOpen: true);
        foreach (string column in ResultColumns)
        {
            csv.WriteField(column);
        }

        csv.NextRecord();
        foreach (TargetEvaluation? e in evaluations)
        {
            ArgumentNullException.ThrowIfNull(e, nameof(evaluations));
            csv.WriteField(e.Unit);
            csv.WriteField(e.Target.Code);
            csv.WriteField(StatusText(e.Status));
            csv.WriteField(Number(e.LatestValue));
            csv.WriteField(Number(e.Gap));
            csv.WriteField(e.FirstAchieved?.ToString() ?? string.Empty);
            csv.WriteField(e.ProjectedCompound is { } d ? LocalDatePattern.Iso.Format(d) : string.Empty);
            csv.WriteField(Number(e.ProgressRatio));
            csv.NextRecord();
        }

        csv.Flush();
    }

    /// <summary>Gets the camelCase text of a status as written in CSV and JSON (<c>onTrack</c>).</summary>
    /// <param name="status">The status.</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The status is undefined.</exception>
    public static string StatusText(TargetStatus status) => TargetNames.Status.Format(status);

    private static string Number(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    private static TargetRule? ParseRow(CsvTable table, CsvRow row, string place, List<Problem> problems)
    {
        string Field(string name) => table.Get(row, Array.IndexOf(s_columns, name))?.Trim() ?? string.Empty;
        int before = problems.Count;
        string code = Field("code");
        string? codeOrNull = code.Length == 0 ? null : code;
        if (code.Length == 0)
        {
            problems.Add(new Problem(place + " code", ProblemRules.MissingField, "The target code is empty."));
        }

        string indicator = Field("indicator");
        if (indicator.Length == 0)
        {
            problems.Add(new Problem(place + " indicator", ProblemRules.MissingField, "The indicator code is empty.", codeOrNull));
        }

        string comparatorText = Field("comparator");
        if (!EnumNames.Comparator.TryParse(comparatorText, out Comparator comparator) || comparator is Comparator.Between or Comparator.RankAtMost)
        {
            problems.Add(new Problem(place + " comparator", ProblemRules.InvalidComparator, $"Comparator '{comparatorText}' is not one of >=, >, <=, <, =.", codeOrNull));
        }

        double threshold = ParseNumber(Field("threshold"), place + " threshold", "threshold", codeOrNull, problems);
        LocalDate deadline = ParseDate(Field("deadline"), place + " deadline", "deadline", codeOrNull, problems);

        TargetBaseline? baseline = ParseBaseline(Field("baseline_date"), Field("baseline_value"), deadline, place, codeOrNull, problems);

        string source = Field("source");
        if (source.Length == 0)
        {
            problems.Add(new Problem(place + " source", ProblemRules.MissingField, "The legal source is empty; name the instrument that sets the target (for example 'Decision 749/QĐ-TTg').", codeOrNull));
        }

        if (problems.Count != before)
        {
            return null;
        }

        return new TargetRule(code, indicator, comparator, threshold, deadline, source) { Baseline = baseline };
    }

    private static TargetBaseline? ParseBaseline(string baselineDateText, string baselineValueText, LocalDate deadline, string place, string? codeOrNull, List<Problem> problems)
    {
        TargetBaseline? baseline = null;
        if (baselineDateText.Length > 0 || baselineValueText.Length > 0)
        {
            if (baselineDateText.Length == 0 || baselineValueText.Length == 0)
            {
                problems.Add(new Problem(place + (baselineDateText.Length == 0 ? " baseline_date" : " baseline_value"), ProblemRules.IncompleteBaseline, "A baseline needs both baseline_date and baseline_value (or neither).", codeOrNull));
            }
            else
            {
                int beforeBaseline = problems.Count;
                LocalDate date = ParseDate(baselineDateText, place + " baseline_date", "baseline date", codeOrNull, problems);
                double value = ParseNumber(baselineValueText, place + " baseline_value", "baseline value", codeOrNull, problems);
                if (problems.Count == beforeBaseline)
                {
                    baseline = new TargetBaseline(value, date);
                    if (deadline != default && deadline < date)
                    {
                        problems.Add(new Problem(place + " deadline", ProblemRules.DeadlineBeforeBaseline, $"The deadline {LocalDatePattern.Iso.Format(deadline)} is before the baseline date {LocalDatePattern.Iso.Format(date)}.", codeOrNull));
                    }
                }
            }
        }

        return baseline;
    }

    private static double ParseNumber(string text, string place, string what, string? code, List<Problem> problems)
    {
        if (text.Length == 0)
        {
            problems.Add(new Problem(place, ProblemRules.MissingField, $"The {what} is empty.", code));
            return double.NaN;
        }

        if (!NumberText.TryParse(text, out double value, out string? rule))
        {
            problems.Add(new Problem(place, rule!, $"The {what} '{text}' is {NumberText.Explain(rule)}.", code));
            return double.NaN;
        }

        return value;
    }

    private static LocalDate ParseDate(string text, string place, string what, string? code, List<Problem> problems)
    {
        if (text.Length == 0)
        {
            problems.Add(new Problem(place, ProblemRules.MissingField, $"The {what} is empty.", code));
            return default;
        }

        ParseResult<LocalDate> parsed = LocalDatePattern.Iso.Parse(text);
        if (!parsed.Success)
        {
            problems.Add(new Problem(place, ProblemRules.BadDate, $"The {what} '{text}' is not an ISO date (uuuu-MM-dd).", code));
            return default;
        }

        return parsed.Value;
    }
}
