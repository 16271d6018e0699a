using System.Collections.Frozen;

namespace DxIndicators.Formats;

/// <summary>The texts of one enum in every format (CSV, JSON, CLI): one canonical name per member — camelCase member
/// names, or explicit symbols (comparators) — and the case rule. Readers of CSV and CLI options match
/// case-insensitively (<see cref="TryParse(ReadOnlySpan{char}, out TEnum)"/>), the JSON converters exactly
/// (<see cref="TryParseExact"/>); numbers and comma-joined flag lists are never accepted (unlike
/// <see cref="Enum.TryParse{TEnum}(string, out TEnum)"/>). Writers use <see cref="Format"/>.</summary>
/// <typeparam name="TEnum">The enum type.</typeparam>
internal sealed class EnumNameTable<TEnum> : IEnumNameTable
    where TEnum : struct, Enum
{
    private readonly FrozenDictionary<string, TEnum> _byName;
    private readonly FrozenDictionary<string, TEnum>.AlternateLookup<ReadOnlySpan<char>> _byNameIgnoringCase;
    private readonly FrozenDictionary<TEnum, string> _byValue;

    public EnumNameTable(IEnumerable<KeyValuePair<TEnum, string>> names)
    {
        KeyValuePair<TEnum, string>[] pairs = names.ToArray();
        Names = pairs.Select(p => p.Value).ToArray();
        _byName = pairs.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
        _byNameIgnoringCase = pairs.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _byValue = pairs.ToFrozenDictionary(p => p.Key, p => p.Value);
        Allowed = string.Join(", ", Names);
    }

    /// <summary>Gets the canonical names, in declaration order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Gets the names joined with ", ", for messages.</summary>
    public string Allowed { get; }

    /// <inheritdoc/>
    public Type EnumType => typeof(TEnum);

    /// <summary>A table of every member's camelCase name (<c>LowerBound</c> → <c>lowerBound</c>).</summary>
    /// <returns>The table.</returns>
    public static EnumNameTable<TEnum> CamelCase() =>
        new(Enum.GetValues<TEnum>().Select(v => KeyValuePair.Create(v, CamelCase(v.ToString()))));

    /// <summary>Matches a name exactly (JSON).</summary>
    /// <param name="name">The text.</param>
    /// <param name="value">The member.</param>
    /// <returns>Whether the text is a name.</returns>
    public bool TryParseExact(string name, out TEnum value) => _byName.TryGetValue(name, out value);

    /// <summary>Matches a name case-insensitively (CSV, CLI).</summary>
    /// <param name="name">The text.</param>
    /// <param name="value">The member.</param>
    /// <returns>Whether the text is a name.</returns>
    public bool TryParse(ReadOnlySpan<char> name, out TEnum value) => _byNameIgnoringCase.TryGetValue(name, out value);

    /// <summary>Gets a member's name.</summary>
    /// <param name="value">The member.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not a named member.</exception>
    public string Format(TEnum value) =>
        _byValue.TryGetValue(value, out string? name)
            ? name
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"{typeof(TEnum).Name} value {value} has no name in the formats.");

    /// <summary>Gets a member's name, or null when it has none.</summary>
    /// <param name="value">The member.</param>
    /// <returns>The name, or null.</returns>
    public string? TryFormat(TEnum value) => _byValue.GetValueOrDefault(value);

    private static string CamelCase(string name) => string.Concat(name[..1].ToLowerInvariant(), name.AsSpan(1));
}

/// <summary>An <see cref="EnumNameTable{TEnum}"/> without its type argument (for the tests and the schema checker).</summary>
internal interface IEnumNameTable
{
    /// <summary>Gets the enum type.</summary>
    Type EnumType { get; }

    /// <summary>Gets the canonical names.</summary>
    IReadOnlyList<string> Names { get; }
}
