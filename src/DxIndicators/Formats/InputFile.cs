using System.Text;

namespace DxIndicators.Formats;

/// <summary>Opens input files the one safe way: bounded in size (<see cref="InputLimits.MaxFileBytes"/>), strict
/// UTF-8 (an optional BOM is skipped; invalid bytes or UTF-16 are an error, never silently U+FFFD), CSV lines bounded
/// in length (<see cref="InputLimits.MaxLineLength"/>), so <c>/dev/zero</c> or a 200 MB single-line file is refused
/// after reading at most the limit.</summary>
/// <remarks>Errors are <see cref="InvalidDataException"/>s naming the file and the limit or the bad byte.</remarks>
public static class InputFile
{
    /// <summary>Opens a text file for a CSV reader (lines bounded).</summary>
    /// <param name="path">The file.</param>
    /// <param name="limits">The limits; null means <see cref="InputLimits.Default"/>.</param>
    /// <returns>The reader; dispose it.</returns>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    /// <exception cref="InvalidDataException">While reading: a limit is exceeded or the text is not UTF-8.</exception>
    public static TextReader OpenCsv(string path, InputLimits? limits = null)
    {
        limits ??= InputLimits.Default;
        return new LimitedTextReader(OpenRead(path, limits), path, limits.MaxLineLength) { SourceLength = new FileInfo(path).Length };
    }

    /// <summary>Opens a text file whose lines need not be bounded (JSON, which may be one line).</summary>
    /// <param name="path">The file.</param>
    /// <param name="limits">The limits; null means <see cref="InputLimits.Default"/>.</param>
    /// <returns>The reader; dispose it.</returns>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    public static TextReader OpenText(string path, InputLimits? limits = null)
    {
        limits ??= InputLimits.Default;
        return new LimitedTextReader(OpenRead(path, limits), path, int.MaxValue);
    }

    /// <summary>Opens a file as a byte stream bounded by <see cref="InputLimits.MaxFileBytes"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="limits">The limits; null means <see cref="InputLimits.Default"/>.</param>
    /// <returns>The stream; dispose it.</returns>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    /// <exception cref="InvalidDataException">The file is larger than the limit.</exception>
    public static Stream OpenRead(string path, InputLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        limits ??= InputLimits.Default;
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        try
        {
            if (stream.CanSeek && stream.Length > limits.MaxFileBytes)
            {
                throw InputLimits.Exceeded(nameof(InputLimits.MaxFileBytes), limits.MaxFileBytes, System.FormattableString.Invariant($"'{path}' ({stream.Length} bytes)"));
            }

            return new LimitedStream(stream, path, limits.MaxFileBytes);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads a whole text file (strict UTF-8, bounded).</summary>
    /// <param name="path">The file.</param>
    /// <param name="limits">The limits; null means <see cref="InputLimits.Default"/>.</param>
    /// <returns>The text.</returns>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="InvalidDataException">A limit is exceeded or the text is not UTF-8.</exception>
    public static string ReadAllText(string path, InputLimits? limits = null)
    {
        using TextReader reader = OpenText(path, limits);
        return reader.ReadToEnd();
    }

    /// <summary>Wraps a caller's text (already decoded) so CSV lines are bounded.</summary>
    internal static TextReader BoundLines(TextReader reader, string name, InputLimits? limits) =>
        reader is LimitedTextReader ? reader : new LimitedTextReader(reader, name, (limits ?? InputLimits.Default).MaxLineLength)
        {
            SourceLength = reader is StreamReader { BaseStream.CanSeek: true } s ? s.BaseStream.Length : null,
        };
}

/// <summary>A read-only stream that fails once more than a limit of bytes has been read.</summary>
internal sealed class LimitedStream(Stream inner, string name, long limit) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(int n)
    {
        _read += n;
        if (_read > limit)
        {
            throw InputLimits.Exceeded(nameof(InputLimits.MaxFileBytes), limit, $"'{name}' (more than {limit} bytes read)");
        }

        return n;
    }
}

/// <summary>A text reader that decodes strict UTF-8 and fails on a line longer than a limit.</summary>
internal sealed class LimitedTextReader : TextReader
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true);
    private readonly TextReader _inner;
    private readonly string _name;
    private readonly int _maxLine;
    private long _line = 1;
    private long _column;

    public LimitedTextReader(Stream stream, string name, int maxLine)
        : this(new StreamReader(CheckNotUtf16(stream, name), s_strictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024), name, maxLine)
    {
    }

    /// <summary>Gets the length in bytes of the text's source when known (a file, a seekable stream): a hint for
    /// readers that size their buffers by it, never a limit.</summary>
    public long? SourceLength { get; init; }

    public LimitedTextReader(TextReader inner, string name, int maxLine)
    {
        _inner = inner;
        _name = name;
        _maxLine = maxLine;
    }

    public override int Peek() => Guard(() => _inner.Peek());

    public override int Read()
    {
        int c = Guard(() => _inner.Read());
        if (c >= 0)
        {
            Track(new ReadOnlySpan<char>([(char)c]));
        }

        return c;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        int n;
        try
        {
            n = _inner.Read(buffer);
        }
        catch (DecoderFallbackException ex)
        {
            throw NotUtf8(ex);
        }

        Track(buffer[..n]);
        return n;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private static ReplayStream CheckNotUtf16(Stream stream, string name)
    {
        // Peek at two bytes for a UTF-16 byte-order mark; the stream is not seekable, so hand on a stream that replays them.
        var head = new byte[2];
        int n = 0;
        while (n < 2)
        {
            int r = stream.Read(head, n, 2 - n);
            if (r == 0)
            {
                break;
            }

            n += r;
        }

        if (n == 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)))
        {
            stream.Dispose();
            throw new InvalidDataException($"'{name}' is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8 [{ProblemRules.Malformed}].");
        }

        return new ReplayStream(head.AsMemory(0, n), stream);
    }

    private int Guard(Func<int> read)
    {
        try
        {
            return read();
        }
        catch (DecoderFallbackException ex)
        {
            throw NotUtf8(ex);
        }
    }

    private InvalidDataException NotUtf8(DecoderFallbackException ex)
    {
        string bytes = ex.BytesUnknown is { Length: > 0 } b ? string.Join(' ', b.Select(x => x.ToString("X2", System.Globalization.CultureInfo.InvariantCulture))) : "?";
        return new InvalidDataException(System.FormattableString.Invariant($"'{_name}' after line {_line}: bytes {bytes} are not valid UTF-8; save the file as UTF-8 [{ProblemRules.Malformed}]."));
    }

    private void Track(ReadOnlySpan<char> chars)
    {
        if (_maxLine == int.MaxValue)
        {
            return;
        }

        // Line by line (a vectorised search for each line break), not char by char.
        while (true)
        {
            int k = chars.IndexOf('\n');
            int length = k < 0 ? chars.Length : k;
            if ((long)_column + length > _maxLine)
            {
                throw InputLimits.Exceeded(nameof(InputLimits.MaxLineLength), _maxLine, System.FormattableString.Invariant($"'{_name}' line {_line} (longer than {_maxLine} characters)"));
            }

            if (k < 0)
            {
                _column += length;
                return;
            }

            _line++;
            _column = 0;
            chars = chars[(k + 1)..];
        }
    }

    private sealed class ReplayStream(ReadOnlyMemory<byte> head, Stream rest) : Stream
    {
        private ReadOnlyMemory<byte> _head = head;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_head.Length > 0)
            {
                int n = Math.Min(buffer.Length, _head.Length);
                _head.Span[..n].CopyTo(buffer);
                _head = _head[n..];
                return n;
            }

            return rest.Read(buffer);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                rest.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
