using System.Text;

namespace DxIndicators.Tests.Robustness;

/// <summary>
/// A seeded, coverage-minded mutation fuzzer over byte inputs. Each case applies 1–3 mutations (byte flips,
/// insertions of hostile text, deletions, truncation, duplicated/removed/swapped lines, duplicated fields, huge and
/// tiny numbers, deep nesting, BOMs, invalid UTF-8, UTF-16, CRLF/LF mixes, thousands of columns) to a corpus entry.
/// "Coverage-minded": a mutant whose outcome signature (the set of rule names it produced, or the exception type) was
/// not seen before joins the corpus, so later cases mutate inputs that reach new checks. Deterministic per seed.
/// </summary>
internal sealed class Fuzzer
{
    private static readonly string[] s_hostile =
    [
        "\"", ",", ";", "{", "}", "[", "]", ":", "\\", "\n", "\r\n", "\r", "\0", "NaN", "Infinity", "-0", "1e400", "1e-400",
        "4.9E-324", "1.7976931348623157E+308", "\uFEFF", "Đ", "∞", "null", "true", "\"\"", ",,", "9999-12", "9999-Q4", "0000",
        "province,district", "@", "-", "e", ".", " ", "\t",
    ];

    /// <summary>The largest input kept for further mutation: big enough for every seed and a few thousand columns,
    /// small enough that a case stays in the sub-millisecond range (large inputs would make every later case slow).</summary>
    private const int MaxCorpusBytes = 32 * 1024;

    /// <summary>The most corpus entries (the seeds and one per new outcome signature).</summary>
    private const int MaxCorpus = 200;

    private readonly List<byte[]> _corpus;
    private readonly HashSet<string> _signatures = new(StringComparer.Ordinal);
    private readonly Random _random;

    public Fuzzer(int seed, IEnumerable<byte[]> seeds)
    {
        _random = new Random(seed);
        _corpus = [.. seeds];
    }

    public int CorpusSize => _corpus.Count;

    public int Signatures => _signatures.Count;

    /// <summary>Produces the next mutated input.</summary>
    public byte[] Next()
    {
        byte[] input = _corpus[_random.Next(_corpus.Count)];
        int steps = 1 + _random.Next(3);
        for (int i = 0; i < steps; i++)
        {
            input = MutateOnce(input);
        }

        return input;
    }

    /// <summary>Records a case's outcome; a new signature keeps the input (bounded in size) for further mutation.</summary>
    public void Observe(byte[] input, string signature)
    {
        if (_signatures.Add(signature) && input.Length < MaxCorpusBytes && _corpus.Count < MaxCorpus)
        {
            _corpus.Add(input);
        }
    }

    private byte[] MutateOnce(byte[] input)
    {
        if (input.Length == 0)
        {
            return Encoding.UTF8.GetBytes(s_hostile[_random.Next(s_hostile.Length)]);
        }

        int at = _random.Next(input.Length);
        switch (_random.Next(16))
        {
            case 0:
                {
                    byte[] copy = (byte[])input.Clone();
                    copy[at] ^= (byte)(1 << _random.Next(8));
                    return copy;
                }

            case 1:
                return Splice(input, at, 0, Encoding.UTF8.GetBytes(s_hostile[_random.Next(s_hostile.Length)]));
            case 2:
                return Splice(input, at, Math.Min(1 + _random.Next(8), input.Length - at), []);
            case 3:
                return input[..at];
            case 4:
            case 5:
            case 6:
                return Lines(input);
            case 7:
                return Numbers(input);
            case 8:
                {
                    // Deep nesting around a JSON value or at a random point.
                    int depth = _random.Next(2) == 0 ? 65 + _random.Next(40) : 1000 + _random.Next(20_000);
                    return Splice(Splice(input, at, 0, Encoding.ASCII.GetBytes(new string(']', depth))), at, 0, Encoding.ASCII.GetBytes(new string('[', depth)));
                }

            case 9:
                return [0xEF, 0xBB, 0xBF, .. input];
            case 10:
                // Invalid UTF-8: a lone continuation byte, an overlong form, a truncated sequence, a surrogate.
                byte[][] bad = [[0x80], [0xC0, 0xAF], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xFF]];
                return Splice(input, at, 0, bad[_random.Next(bad.Length)]);
            case 11:
                return [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(input))];
            case 12:
                {
                    string text = Encoding.UTF8.GetString(input);
                    return Encoding.UTF8.GetBytes(_random.Next(2) == 0 ? text.Replace("\n", "\r\n", StringComparison.Ordinal) : InsertAtLine(text, "\r"));
                }

            case 13:
                {
                    // Thousands of columns in one row.
                    string columns = string.Concat(Enumerable.Repeat(",x", 1000 + _random.Next(3000)));
                    return Splice(input, LineEnd(input, at), 0, Encoding.ASCII.GetBytes(columns));
                }

            case 14:
                {
                    // Duplicate a field: copy the text up to the next separator.
                    int end = Array.FindIndex(input, at, b => b is (byte)',' or (byte)'\n' or (byte)'}');
                    return end <= at ? input : Splice(input, at, 0, input[at..end]);
                }

            default:
                return Splice(input, at, 0, Encoding.UTF8.GetBytes(new string('9', 1 + _random.Next(400))));
        }
    }

    private byte[] Lines(byte[] input)
    {
        string[] lines = Encoding.UTF8.GetString(input).Split('\n');
        int a = _random.Next(lines.Length), b = _random.Next(lines.Length);
        List<string> list = [.. lines];
        switch (_random.Next(3))
        {
            case 0: list.RemoveAt(a); break;
            case 1: list.Insert(a, lines[b]); break;
            default: (list[a], list[b]) = (list[b], list[a]); break;
        }

        return Encoding.UTF8.GetBytes(string.Join('\n', list));
    }

    private byte[] Numbers(byte[] input)
    {
        // Replace one run of digits by a huge, tiny, negative-zero or non-finite number.
        int start = Array.FindIndex(input, _random.Next(input.Length), b => b is >= (byte)'0' and <= (byte)'9');
        if (start < 0)
        {
            return input;
        }

        int end = start;
        while (end < input.Length && input[end] is >= (byte)'0' and <= (byte)'9' or (byte)'.')
        {
            end++;
        }

        string[] numbers = ["1e400", "-1e400", "1e-400", "4.9E-324", "1.7976931348623157E+308", "-0", "NaN", "0", "-1", "2147483648", "99999999999999999999", "1e308"];
        return Splice(input, start, end - start, Encoding.ASCII.GetBytes(numbers[_random.Next(numbers.Length)]));
    }

    private string InsertAtLine(string text, string what)
    {
        int i = text.IndexOf('\n', _random.Next(Math.Max(1, text.Length)));
        return i < 0 ? text + what : text.Insert(i, what);
    }

    private static int LineEnd(byte[] input, int at)
    {
        int i = Array.IndexOf(input, (byte)'\n', at);
        return i < 0 ? input.Length : i;
    }

    private static byte[] Splice(byte[] input, int at, int remove, byte[] insert)
    {
        var result = new byte[input.Length - remove + insert.Length];
        input.AsSpan(0, at).CopyTo(result);
        insert.CopyTo(result, at);
        input.AsSpan(at + remove).CopyTo(result.AsSpan(at + insert.Length));
        return result;
    }
}
