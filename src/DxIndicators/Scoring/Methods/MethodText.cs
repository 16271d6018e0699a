namespace DxIndicators.Scoring.Methods;

/// <summary>
/// One method choice written as text in the grammar the CLI, <c>Parse</c> and <c>ToString</c> share:
/// <c>name</c> or <c>name:arg,arg…</c> (for example <c>minmax:0,100</c>, <c>dist2ref:VN-HN,cap</c>).
/// </summary>
/// <remarks>Numbers are read with <see cref="NumberText"/> (invariant, strict). Every error is a
/// <see cref="FormatException"/> naming the text and the method's grammar.</remarks>
internal sealed class MethodText
{
    private readonly string[] _arguments;

    private MethodText(string text, string name, string[] arguments, string grammar)
    {
        Text = text;
        Name = name;
        _arguments = arguments;
        Grammar = grammar;
    }

    /// <summary>Gets the whole text.</summary>
    public string Text { get; }

    /// <summary>Gets the method name (the text before the first ':').</summary>
    public string Name { get; }

    /// <summary>Gets the grammar of the method the text names, for messages.</summary>
    public string Grammar { get; private init; }

    /// <summary>Gets the number of arguments after the ':'.</summary>
    public int Count => _arguments.Length;

    /// <summary>Splits <c>name[:a,b…]</c>; the grammar is filled in once the method is known.</summary>
    public static MethodText Split(string text)
    {
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon < 0
            ? new MethodText(text, text, [], string.Empty)
            : new MethodText(text, text[..colon], text[(colon + 1)..].Split(','), string.Empty);
    }

    /// <summary>Returns the same text, its messages naming <paramref name="grammar"/>.</summary>
    public MethodText For(string grammar) => new(Text, Name, _arguments, grammar) { Grammar = grammar };

    /// <summary>Throws unless the number of arguments is one of <paramref name="counts"/>.</summary>
    public MethodText Expect(params ReadOnlySpan<int> counts)
    {
        foreach (int c in counts)
        {
            if (c == Count)
            {
                return this;
            }
        }

        throw new FormatException($"'{Text}' does not fit {Name}'s grammar {Grammar}");
    }

    /// <summary>Returns <paramref name="value"/> when the text has no arguments; throws otherwise.</summary>
    public T WithoutArguments<T>(T value)
    {
        Expect(0);
        return value;
    }

    /// <summary>Gets argument <paramref name="index"/> as a finite number.</summary>
    public double Number(int index)
    {
        string part = _arguments[index];
        return NumberText.TryParse(part, out double value, out string? rule)
            ? value
            : throw new FormatException($"'{part}' in '{Text}' is {NumberText.Explain(rule)}");
    }

    /// <summary>Gets argument <paramref name="index"/> as text.</summary>
    public string Word(int index) => _arguments[index];

    /// <summary>Gets whether argument <paramref name="index"/> is the keyword <paramref name="word"/>; any other word is an error.</summary>
    public bool Keyword(int index, string word) => index >= Count ? false
        : string.Equals(_arguments[index], word, StringComparison.Ordinal) ? true
        : throw new FormatException($"'{_arguments[index]}' in '{Text}' is not '{word}'; {Name}'s grammar is {Grammar}");

    /// <summary>Writes <c>name</c> or <c>name:a,b…</c>.</summary>
    public static string Format(string name, params ReadOnlySpan<string> arguments) =>
        arguments.Length == 0 ? name : name + ":" + string.Join(',', arguments.ToArray());
}
