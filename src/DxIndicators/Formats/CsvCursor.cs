using System.Buffers;
using System.Globalization;

namespace DxIndicators.Formats;

/// <summary>
/// The one CSV reader, streaming (RFC 4180, invariant culture; <see cref="CsvTable"/> materialises it): a header row,
/// then one record at a time with its first line number and span access to its fields, so numbers are parsed without a
/// string per field. Line ends are LF, CRLF or CR; blank lines are skipped; a field is quoted when its first character
/// is <c>"</c>, and <c>""</c> inside it is one quote. Every problem is collected in <see cref="Issues"/>: a quote inside
/// an unquoted field, text after a closing quote or a quote left open at the end is <see cref="ProblemRules.Malformed"/>,
/// a record with more or fewer fields than the header is <see cref="ProblemRules.ExtraFields"/> /
/// <see cref="ProblemRules.MissingFields"/> (<see cref="WellFormed"/> is then false). Limits throw
/// <see cref="InvalidDataException"/> naming the limit: <see cref="InputLimits.MaxLineLength"/> (also for one record
/// with quoted line breaks), <see cref="InputLimits.MaxColumns"/> (before the record is kept) and
/// <see cref="InputLimits.MaxRows"/>.
/// </summary>
internal sealed class CsvCursor : IDisposable
{
    private const int MaxShownField = 120;
    private static readonly SearchValues<char> s_special = SearchValues.Create(",\"\r\n");
    private static readonly SearchValues<char> s_fieldEnd = SearchValues.Create(",\r\n");
    private static readonly SearchValues<char> s_recordEnd = SearchValues.Create("\"\r\n");

    private readonly TextReader _reader;
    private readonly InputLimits _limits;
    private char[] _buffer = new char[1 << 16];
    private int _pos;
    private int _end;
    private bool _eof;
    private int _line = 1;
    private long _charsRead;
    private int[] _start = new int[16];
    private int[] _length = new int[16];
    private char[] _scratch = new char[256];
    private int _scratchLength;
    private readonly List<int> _badFields = [];
    private int[] _columns = [];

    /// <summary>Opens a reader over CSV text.</summary>
    /// <param name="reader">The text; wrapped so that <see cref="InputLimits.MaxLineLength"/> and UTF-8 errors are enforced.</param>
    /// <param name="name">The file name used in problem locations.</param>
    /// <param name="limits">The limits; null means <see cref="InputLimits.Default"/>.</param>
    public CsvCursor(TextReader reader, string name, InputLimits? limits)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _limits = limits ?? InputLimits.Default;
        _reader = InputFile.BoundLines(reader, name, _limits);
        Name = name;
    }

    /// <summary>Gets the file name used in problem locations.</summary>
    public string Name { get; }

    /// <summary>Gets the header names (trimmed), after <see cref="ReadHeader"/>.</summary>
    public string[] Header { get; private set; } = [];

    /// <summary>Gets every problem found so far, in line order; callers may drain it.</summary>
    public List<CsvIssue> Issues { get; } = [];

    /// <summary>Gets the current record's first line (the header is line 1).</summary>
    public int Line { get; private set; }

    /// <summary>Gets the current record's number of fields.</summary>
    public int Count { get; private set; }

    /// <summary>Gets whether the current record is well quoted and has one field per header column.</summary>
    public bool WellFormed { get; private set; }

    /// <summary>Gets the source's length in bytes when known (see <see cref="LimitedTextReader.SourceLength"/>).</summary>
    public long? SourceLength => (_reader as LimitedTextReader)?.SourceLength;

    /// <summary>Gets the number of characters consumed so far (records read, including the header).</summary>
    public long CharsConsumed => _charsRead - (_end - _pos);

    /// <summary>Estimates the number of data records from the share of the source read so far (ASCII-dominated
    /// text: a character is about a byte), or null when the source's length is unknown.</summary>
    /// <returns>The estimate, or null.</returns>
    public long? EstimateRecords() =>
        SourceLength is { } length && CharsConsumed > 0 && RecordCount > 0 ? (long)(RecordCount * (double)length / CharsConsumed) : null;

    /// <summary>Gets the number of data records read so far.</summary>
    public int RecordCount { get; private set; }

    /// <summary>Reads the header row: an empty name, and (when <paramref name="reportRepeats"/>) a repeated one, is
    /// <see cref="ProblemRules.BadHeader"/>; readers that <see cref="Bind"/> leave repeats to it, which reports them in
    /// header order with the unknown names.</summary>
    /// <param name="reportRepeats">Whether to report a name given twice here.</param>
    /// <returns>False when the file is empty (a <see cref="ProblemRules.Malformed"/> issue is added).</returns>
    public bool ReadHeader(bool reportRepeats = false)
    {
        if (!NextRecord())
        {
            Issues.Add(new CsvIssue(1, null, ProblemRules.Malformed, "The file is empty; expected a header row."));
            return false;
        }

        CheckColumns(Count, Line, "header");
        foreach (int bad in _badFields)
        {
            Issues.Add(new CsvIssue(Line, null, ProblemRules.Malformed, $"Badly quoted CSV field '{Shown(Field(bad))}' in the header."));
        }

        Header = new string[Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < Header.Length; i++)
        {
            ReadOnlySpan<char> field = Field(i);
            if (i == 0 && field.StartsWith('\uFEFF'))
            {
                field = field[1..];
            }

            Header[i] = field.Trim().ToString();
            if (Header[i].Length == 0)
            {
                Issues.Add(new CsvIssue(Line, null, ProblemRules.BadHeader, string.Create(CultureInfo.InvariantCulture, $"Header column {i + 1} has no name.")));
            }
            else if (!seen.Add(Header[i]) && reportRepeats)
            {
                Issues.Add(new CsvIssue(Line, Header[i], ProblemRules.BadHeader, $"Column '{Header[i]}' appears more than once."));
            }
        }

        return true;
    }

    /// <summary>Matches the header to the format's known columns, case-insensitively: an unknown name (when
    /// <paramref name="unknownIsError"/>), a column named twice or a missing required column is
    /// <see cref="ProblemRules.BadHeader"/>. Afterwards <see cref="Has"/>, <see cref="Column"/> and
    /// <see cref="ColumnText"/> address fields by the known column's index.</summary>
    /// <param name="known">The format's columns.</param>
    /// <param name="required">The columns the header must have.</param>
    /// <param name="unknownIsError">Whether a header name that is not a known column is a problem.</param>
    /// <returns>Whether the header is usable (no problem with it, including those of <see cref="ReadHeader"/>).</returns>
    public bool Bind(IReadOnlyList<string> known, IEnumerable<string> required, bool unknownIsError = true)
    {
        (_columns, List<CsvIssue> problems) = Match(Header, known, required, unknownIsError, repeatsReported: false);
        Issues.AddRange(problems);
        return Issues.Count == 0;
    }

    /// <summary>Reads the next data record.</summary>
    /// <returns>False at the end of the text.</returns>
    public bool Read()
    {
        if (!NextRecord())
        {
            return false;
        }

        RecordCount++;
        if (RecordCount > _limits.MaxRows)
        {
            throw InputLimits.Exceeded(nameof(InputLimits.MaxRows), _limits.MaxRows, $"'{Name}'");
        }

        CheckColumns(Count, Line, "record at");
        WellFormed = _badFields.Count == 0;
        foreach (int bad in _badFields)
        {
            Issues.Add(new CsvIssue(Line, null, ProblemRules.Malformed, $"Badly quoted CSV field '{Shown(Field(bad))}' (RFC 4180: a field containing quotes, commas or line breaks must be quoted and its quotes doubled)."));
        }

        if (Count != Header.Length)
        {
            Issues.Add(new CsvIssue(
                Line,
                null,
                Count > Header.Length ? ProblemRules.ExtraFields : ProblemRules.MissingFields,
                string.Create(CultureInfo.InvariantCulture, $"The row has {Count} field{(Count == 1 ? string.Empty : "s")} but the header has {Header.Length}{(Count < Header.Length ? "; write empty fields as ',,' rather than leaving them out" : string.Empty)}.")));
            WellFormed = false;
        }

        return true;
    }

    /// <summary>Gets field <paramref name="index"/> of the current record; valid until the next read.</summary>
    /// <param name="index">The field's position.</param>
    /// <returns>The field's text, unquoted.</returns>
    public ReadOnlySpan<char> Field(int index)
    {
        int start = _start[index];
        return start >= 0 ? _buffer.AsSpan(start, _length[index]) : _scratch.AsSpan(~start, _length[index]);
    }

    /// <summary>Gets field <paramref name="index"/> of the current record as a string.</summary>
    /// <param name="index">The field's position.</param>
    /// <returns>The field's text, unquoted.</returns>
    public string FieldText(int index) => _length[index] == 0 ? string.Empty : Field(index).ToString();

    /// <summary>Gets whether the header has known column <paramref name="column"/> (after <see cref="Bind"/>).</summary>
    /// <param name="column">The known column's index.</param>
    /// <returns>Whether the column is present.</returns>
    public bool Has(int column) => _columns[column] >= 0;

    /// <summary>Gets the current record's field of known column <paramref name="column"/>; empty when absent or when the record is short.</summary>
    /// <param name="column">The known column's index.</param>
    /// <returns>The field.</returns>
    public ReadOnlySpan<char> Column(int column) => _columns[column] is int i and >= 0 && i < Count ? Field(i) : default;

    /// <summary>Gets the current record's field of known column <paramref name="column"/>, or null when the header lacks it.</summary>
    /// <param name="column">The known column's index.</param>
    /// <returns>The field, or null.</returns>
    public string? ColumnText(int column) => _columns[column] is int i and >= 0 ? (i < Count ? FieldText(i) : string.Empty) : null;

    /// <inheritdoc/>
    public void Dispose()
    {
        // The caller owns the reader (as CsvHelper's leaveOpen did); nothing to release.
    }

    /// <summary>Matches header names to known columns (see <see cref="Bind"/>).</summary>
    internal static (int[] Columns, List<CsvIssue> Problems) Match(string[] header, IReadOnlyList<string> known, IEnumerable<string> required, bool unknownIsError, bool repeatsReported)
    {
        var columns = new int[known.Count];
        Array.Fill(columns, -1);
        var problems = new List<CsvIssue>();
        for (int i = 0; i < header.Length; i++)
        {
            string name = header[i];
            int k = IndexOfIgnoreCase(known, name);
            if (name.Length == 0 || (k < 0 && !unknownIsError))
            {
                continue;
            }

            if (k < 0)
            {
                problems.Add(new CsvIssue(1, name, ProblemRules.BadHeader, $"Unknown column '{name}'; expected {string.Join(",", known)}."));
            }
            else if (columns[k] >= 0)
            {
                // An exact repeat may already be reported by ReadHeader.
                if (!repeatsReported || !string.Equals(header[columns[k]], name, StringComparison.Ordinal))
                {
                    problems.Add(new CsvIssue(1, name, ProblemRules.BadHeader, $"Column '{name}' appears more than once."));
                }
            }
            else
            {
                columns[k] = i;
            }
        }

        foreach (string column in required)
        {
            if (columns[IndexOfIgnoreCase(known, column)] < 0)
            {
                problems.Add(new CsvIssue(1, column, ProblemRules.BadHeader, $"Required column '{column}' is missing from the header."));
            }
        }

        return (columns, problems);
    }

    private static int IndexOfIgnoreCase(IReadOnlyList<string> known, string name)
    {
        for (int i = 0; i < known.Count; i++)
        {
            if (string.Equals(known[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Shown(ReadOnlySpan<char> field) =>
        field.Length <= MaxShownField ? field.ToString() : string.Concat(field[..MaxShownField], "…");

    private static int LineBreaks(ReadOnlySpan<char> text)
    {
        int n = text.Count('\n');
        if (text.Contains('\r'))
        {
            // A lone CR ends a line too; a CR before LF is counted with the LF.
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n'))
                {
                    n++;
                }
            }
        }

        return n;
    }

    /// <summary>Makes room for one more field of the record being read (within the column limit).</summary>
    private void EnsureFieldSlot()
    {
        if (Count == _start.Length)
        {
            CheckColumns(Count + 1, _line, "record at");
            Array.Resize(ref _start, Count * 2);
            Array.Resize(ref _length, Count * 2);
        }
    }

    private void CheckColumns(int count, int line, string what)
    {
        if (count > _limits.MaxColumns)
        {
            throw InputLimits.Exceeded(nameof(InputLimits.MaxColumns), _limits.MaxColumns, string.Create(CultureInfo.InvariantCulture, $"'{Name}' {what} line {line} ({count}+ fields)"));
        }
    }

    private bool NextRecord()
    {
        while (true)
        {
            int parsed = TryParseRecord();
            if (parsed != 0)
            {
                return parsed > 0;
            }

            Fill();
        }
    }

    private void Fill()
    {
        if (_pos > 0)
        {
            _buffer.AsSpan(_pos, _end - _pos).CopyTo(_buffer);
            _end -= _pos;
            _pos = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= _limits.MaxLineLength)
            {
                throw InputLimits.Exceeded(nameof(InputLimits.MaxLineLength), _limits.MaxLineLength, string.Create(CultureInfo.InvariantCulture, $"'{Name}' record at line {_line} (with its quoted line breaks)"));
            }

            Array.Resize(ref _buffer, (int)Math.Min((long)_buffer.Length * 2, Math.Max(_limits.MaxLineLength, 1 << 16)));
        }

        int n = _reader.Read(_buffer, _end, _buffer.Length - _end);
        if (n == 0)
        {
            _eof = true;
        }

        _end += n;
        _charsRead += n;
    }

    /// <summary>Parses one record at the read position: 1 when done, -1 at the end of the text, 0 when more text is
    /// needed (nothing is consumed then; the record is parsed again after <see cref="Fill"/>).</summary>
    // Long: one RFC 4180 state machine (blank lines, quoted and unquoted fields, record ends) kept in one place for speed.
    private int TryParseRecord()
    {
        // Skip blank lines.
        while (_pos < _end && _buffer[_pos] is '\n' or '\r')
        {
            if (_buffer[_pos] == '\r' && _pos + 1 == _end && !_eof)
            {
                return 0;
            }

            _pos += _buffer[_pos] == '\r' && _pos + 1 < _end && _buffer[_pos + 1] == '\n' ? 2 : 1;
            _line++;
        }

        if (_pos == _end)
        {
            return _eof ? -1 : 0;
        }

        Count = 0;
        _scratchLength = 0;
        _badFields.Clear();
        if (TryPlainRecord())
        {
            return 1;
        }

        int p = _pos;
        int lines = 0;
        while (true)
        {
            if (p == _end && !_eof)
            {
                return 0;
            }

            EnsureFieldSlot();

            int field = Count++;
            if (p < _end && _buffer[p] == '"')
            {
                int next = QuotedField(p, field, ref lines);
                if (next < 0)
                {
                    return 0;
                }

                p = next;
            }
            else
            {
                int k = _buffer.AsSpan(p, _end - p).IndexOfAny(s_special);
                if (k >= 0 && _buffer[p + k] == '"')
                {
                    // A quote inside an unquoted field: the field runs on to the next delimiter.
                    _badFields.Add(field);
                    int j = _buffer.AsSpan(p + k, _end - p - k).IndexOfAny(s_fieldEnd);
                    k = j < 0 ? -1 : k + j;
                }

                if (k < 0 && !_eof)
                {
                    return 0;
                }

                int fieldEnd = k < 0 ? _end : p + k;
                _start[field] = p;
                _length[field] = fieldEnd - p;
                p = fieldEnd;
            }

            if (p == _end)
            {
                if (!_eof)
                {
                    return 0;
                }

                break;
            }

            char c = _buffer[p];
            if (c == ',')
            {
                p++;
                continue;
            }

            if (c == '\r' && p + 1 == _end && !_eof)
            {
                return 0;
            }

            p += c == '\r' && p + 1 < _end && _buffer[p + 1] == '\n' ? 2 : 1;
            lines++;
            break;
        }

        Line = _line;
        _line += lines;
        _pos = p;
        return 1;
    }

    /// <summary>The common case, a record on one line with no quote: found with one search for its end and split at
    /// its commas; false (nothing consumed) for anything else, which the state machine then reads.</summary>
    private bool TryPlainRecord()
    {
        ReadOnlySpan<char> rest = _buffer.AsSpan(_pos, _end - _pos);
        int e = rest.IndexOfAny(s_recordEnd);
        if (e < 0 || rest[e] == '"' || (rest[e] == '\r' && e + 1 == rest.Length && !_eof))
        {
            return false;
        }

        // A scalar scan for the commas: fields are a few characters long, shorter than a vector search pays for.
        ReadOnlySpan<char> line = rest[..e];
        int fieldStart = 0;
        for (int i = 0; i <= line.Length; i++)
        {
            if (i < line.Length && line[i] != ',')
            {
                continue;
            }

            EnsureFieldSlot();
            _start[Count] = _pos + fieldStart;
            _length[Count] = i - fieldStart;
            Count++;
            fieldStart = i + 1;
        }

        int after = _pos + e + (rest[e] == '\r' && e + 1 < rest.Length && rest[e + 1] == '\n' ? 2 : 1);
        Line = _line;
        _line++;
        _pos = after;
        return true;
    }

    /// <summary>Parses a quoted field starting at <paramref name="p"/>; returns the position after it, or -1 when more text is needed.</summary>
    private int QuotedField(int p, int field, ref int lines)
    {
        int q = p + 1;
        int segment = q;
        int scratchStart = _scratchLength;
        bool copied = false;
        while (true)
        {
            int k = _buffer.AsSpan(q, _end - q).IndexOf('"');
            if (k < 0)
            {
                if (!_eof)
                {
                    return -1;
                }

                // A quote left open: the field takes the rest of the text.
                lines += LineBreaks(_buffer.AsSpan(q, _end - q));
                _badFields.Add(field);
                SetField(field, segment, _end, copied, scratchStart);
                return _end;
            }

            int close = q + k;
            lines += LineBreaks(_buffer.AsSpan(q, k));
            if (close + 1 == _end && !_eof)
            {
                return -1;
            }

            if (close + 1 < _end && _buffer[close + 1] == '"')
            {
                Append(segment, close + 1);
                copied = true;
                q = close + 2;
                segment = q;
                continue;
            }

            int after = close + 1;
            if (after < _end && _buffer[after] is not (',' or '\r' or '\n'))
            {
                // Text after the closing quote: the field (shown raw) runs on to the next delimiter.
                int j = _buffer.AsSpan(after, _end - after).IndexOfAny(s_fieldEnd);
                if (j < 0 && !_eof)
                {
                    return -1;
                }

                int end = j < 0 ? _end : after + j;
                _badFields.Add(field);
                _start[field] = p;
                _length[field] = end - p;
                return end;
            }

            SetField(field, segment, close, copied, scratchStart);
            return after;
        }
    }

    private void SetField(int field, int segment, int end, bool copied, int scratchStart)
    {
        if (copied)
        {
            Append(segment, end);
            _start[field] = ~scratchStart;
            _length[field] = _scratchLength - scratchStart;
        }
        else
        {
            _start[field] = segment;
            _length[field] = end - segment;
        }
    }

    private void Append(int from, int to)
    {
        int n = to - from;
        if (_scratchLength + n > _scratch.Length)
        {
            Array.Resize(ref _scratch, Math.Max(_scratch.Length * 2, _scratchLength + n));
        }

        _buffer.AsSpan(from, n).CopyTo(_scratch.AsSpan(_scratchLength));
        _scratchLength += n;
    }
}
