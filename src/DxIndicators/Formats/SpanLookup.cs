namespace DxIndicators.Formats;

/// <summary>Strings by their text, so a reader allocates one string per distinct field value (codes, sources) rather
/// than one per row.</summary>
internal sealed class StringPool
{
    private readonly HashSet<string> _set = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringPool() => _lookup = _set.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Gets the pooled string equal to <paramref name="text"/>, adding it when new.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The string.</returns>
    public string Get(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return string.Empty;
        }

        if (!_lookup.TryGetValue(text, out string? s))
        {
            s = text.ToString();
            _set.Add(s);
        }

        return s;
    }
}

/// <summary>Parsed values by their text (periods, dates), looked up by span.</summary>
/// <typeparam name="T">The parsed type.</typeparam>
internal sealed class SpanCache<T>
{
    private readonly Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public SpanCache() => _lookup = Dictionary.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Gets the dictionary (to add to).</summary>
    public Dictionary<string, T> Dictionary { get; } = new(StringComparer.Ordinal);

    /// <summary>Looks a text up.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The cached value.</param>
    /// <returns>Whether the text is cached.</returns>
    public bool TryGetValue(ReadOnlySpan<char> text, out T value) => _lookup.TryGetValue(text, out value!);

    /// <summary>Looks a text up, also returning the cached key.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The cached value.</param>
    /// <param name="key">The cached key (equal to <paramref name="text"/>).</param>
    /// <returns>Whether the text is cached.</returns>
    public bool TryGetValue(ReadOnlySpan<char> text, out T value, out string? key) => _lookup.TryGetValue(text, out key, out value!);
}
