using DxIndicators.Formats;

namespace DxIndicators.Tests.Formats;

/// <summary>
/// The cursor's one-line fast path and its RFC 4180 state machine give the same records, lines and issues, whether the
/// text arrives whole or one character per read (so every record end can fall on a buffer boundary).
/// </summary>
public class CsvCursorTests
{
    public static TheoryData<string, string> Texts => new()
    {
        // text, expected records as "line:field|field;..." (fields joined by '|', records by ';')
        { "h\na,b\nc,d\n", "2:a|b;3:c|d" },
        { "h\r\na,b\r\nc,d\r\n", "2:a|b;3:c|d" },
        { "h\ra,b\rc,d\r", "2:a|b;3:c|d" },
        { "h\na,b,\n,\n", "2:a|b|;3:|" },
        { "h\na,b", "2:a|b" },
        { "h\n\n\na,b\n\r\nc\n", "4:a|b;6:c" },
        { "h\n\"x,y\",z\nq,\"multi\nline\"\nlast,1\n", "2:x,y|z;3:q|multi\nline;5:last|1" },
        { "h\n\"a\"\"b\",c\n", "2:a\"b|c" },
        { "h\nab\"c,d\ne,f\n", "2:ab\"c|d;3:e|f" },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Records_AreTheSameWholeOrOneCharAtATime(string text, string expected)
    {
        Read(new StringReader(text)).Should().Be(expected);
        Read(new TrickleReader(text)).Should().Be(expected);
    }

    [Fact]
    public void AQuoteInsideAnUnquotedField_IsReportedOnItsLine()
    {
        using var cursor = new CsvCursor(new TrickleReader("h,i\nab\"c,d\ne,f\n"), "t.csv", null);
        cursor.ReadHeader();
        cursor.Read().Should().BeTrue();
        cursor.Issues.Should().ContainSingle().Which.Line.Should().Be(2);
    }

    [Fact]
    public void ALineLongerThanTheLimit_IsRefusedWithItsLineNumber()
    {
        var limits = new InputLimits { MaxLineLength = 8 };
        string text = "h\nshort,12\nmuch,longer,line\n";
        Action whole = () => Drain(new StringReader(text), limits);
        Action trickled = () => Drain(new TrickleReader(text), limits);

        whole.Should().Throw<InvalidDataException>().WithMessage("*line 3*");
        trickled.Should().Throw<InvalidDataException>().WithMessage("*line 3*");
    }

    private static void Drain(TextReader reader, InputLimits limits)
    {
        using var cursor = new CsvCursor(reader, "t.csv", limits);
        cursor.ReadHeader();
        while (cursor.Read())
        {
        }
    }

    private static string Read(TextReader reader)
    {
        using var cursor = new CsvCursor(reader, "t.csv", null);
        cursor.ReadHeader();
        var records = new List<string>();
        while (cursor.Read())
        {
            records.Add($"{cursor.Line}:" + string.Join("|", Enumerable.Range(0, cursor.Count).Select(cursor.FieldText)));
        }

        return string.Join(";", records);
    }

    /// <summary>Hands out one character per read.</summary>
    private sealed class TrickleReader(string text) : TextReader
    {
        private int _pos;

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            if (_pos == text.Length || buffer.IsEmpty)
            {
                return 0;
            }

            buffer[0] = text[_pos++];
            return 1;
        }

        public override int Peek() => _pos < text.Length ? text[_pos] : -1;

        public override int Read() => _pos < text.Length ? text[_pos++] : -1;
    }
}
