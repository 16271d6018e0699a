using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using DxIndicators.Model;

namespace DxIndicators.Serialization;

/// <summary>The JSON names of one enum: camelCase member names, or explicit symbols (comparators).</summary>
/// <typeparam name="TEnum">The enum type.</typeparam>
internal sealed class EnumNameTable<TEnum>
    where TEnum : struct, Enum
{
    private readonly FrozenDictionary<string, TEnum> _byName;
    private readonly FrozenDictionary<TEnum, string> _byValue;

    public EnumNameTable(IEnumerable<KeyValuePair<TEnum, string>> names)
    {
        KeyValuePair<TEnum, string>[] pairs = names.ToArray();
        Names = pairs.Select(p => p.Value).ToArray();
        _byName = pairs.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
        _byValue = pairs.ToFrozenDictionary(p => p.Key, p => p.Value);
    }

    /// <summary>Gets the allowed names, in declaration order.</summary>
    public IReadOnlyList<string> Names { get; }

    public static EnumNameTable<TEnum> CamelCase() =>
        new(Enum.GetValues<TEnum>().Select(v => KeyValuePair.Create(v, JsonNamingPolicy.CamelCase.ConvertName(v.ToString()))));

    public bool TryParse(string name, out TEnum value) => _byName.TryGetValue(name, out value);

    public string Format(TEnum value) =>
        _byValue.TryGetValue(value, out string? name)
            ? name
            : throw new JsonException($"{typeof(TEnum).Name} value {value} has no JSON name.");
}

/// <summary>The JSON names of every enum in the formats (the one place that defines them).</summary>
internal static class JsonEnumNames
{
    public static readonly EnumNameTable<NodeKind> NodeKind = EnumNameTable<NodeKind>.CamelCase();
    public static readonly EnumNameTable<Pillar> Pillar = EnumNameTable<Pillar>.CamelCase();
    public static readonly EnumNameTable<FoundationGroup> FoundationGroup = EnumNameTable<FoundationGroup>.CamelCase();
    public static readonly EnumNameTable<AggregationMethod> AggregationMethod = EnumNameTable<AggregationMethod>.CamelCase();
    public static readonly EnumNameTable<MeasureKind> MeasureKind = EnumNameTable<MeasureKind>.CamelCase();
    public static readonly EnumNameTable<Polarity> Polarity = EnumNameTable<Polarity>.CamelCase();
    public static readonly EnumNameTable<AdminLevel> AdminLevel = EnumNameTable<AdminLevel>.CamelCase();
    public static readonly EnumNameTable<Frequency> Frequency = EnumNameTable<Frequency>.CamelCase();
    public static readonly EnumNameTable<PointsRuleType> PointsRuleType = EnumNameTable<PointsRuleType>.CamelCase();
    public static readonly EnumNameTable<Data.IndexCombination> IndexCombination = EnumNameTable<Data.IndexCombination>.CamelCase();
    public static readonly EnumNameTable<DefinitionStatus> DefinitionStatus = EnumNameTable<DefinitionStatus>.CamelCase();

    public static readonly EnumNameTable<Comparator> Comparator = new(
    [
        KeyValuePair.Create(Model.Comparator.AtLeast, ">="),
        KeyValuePair.Create(Model.Comparator.GreaterThan, ">"),
        KeyValuePair.Create(Model.Comparator.AtMost, "<="),
        KeyValuePair.Create(Model.Comparator.LessThan, "<"),
        KeyValuePair.Create(Model.Comparator.EqualTo, "="),
        KeyValuePair.Create(Model.Comparator.Between, "between"),
        KeyValuePair.Create(Model.Comparator.RankAtMost, "rank<="),
    ]);

    /// <summary>Gets the allowed names of an enum used in the formats, or null when the type is no such enum.</summary>
    public static IReadOnlyList<string>? NamesOf(Type type) => type switch
    {
        _ when type == typeof(Model.NodeKind) => NodeKind.Names,
        _ when type == typeof(Model.Pillar) => Pillar.Names,
        _ when type == typeof(Model.FoundationGroup) => FoundationGroup.Names,
        _ when type == typeof(Model.AggregationMethod) => AggregationMethod.Names,
        _ when type == typeof(Model.MeasureKind) => MeasureKind.Names,
        _ when type == typeof(Model.Polarity) => Polarity.Names,
        _ when type == typeof(Model.AdminLevel) => AdminLevel.Names,
        _ when type == typeof(Model.Frequency) => Frequency.Names,
        _ when type == typeof(Serialization.PointsRuleType) => PointsRuleType.Names,
        _ when type == typeof(Model.Comparator) => Comparator.Names,
        _ when type == typeof(Data.IndexCombination) => IndexCombination.Names,
        _ when type == typeof(Model.DefinitionStatus) => DefinitionStatus.Names,
        _ => null,
    };
}

/// <summary>Reads and writes an enum by its JSON name (strict: exact, case-sensitive, no numbers).</summary>
/// <typeparam name="TEnum">The enum type.</typeparam>
internal abstract class EnumNameConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private readonly EnumNameTable<TEnum> _table;

    protected EnumNameConverter(EnumNameTable<TEnum> table) => _table = table;

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && _table.TryParse(reader.GetString()!, out TEnum value))
        {
            return value;
        }

        string found = reader.TokenType == JsonTokenType.String ? $"\"{reader.GetString()}\"" : reader.TokenType.ToString();
        throw new JsonException($"Cannot convert {found} to {typeof(TEnum).Name}; allowed: {string.Join(", ", _table.Names)}.");
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(_table.Format(value));
    }
}

internal sealed class NodeKindNameConverter() : EnumNameConverter<NodeKind>(JsonEnumNames.NodeKind);

internal sealed class PillarNameConverter() : EnumNameConverter<Pillar>(JsonEnumNames.Pillar);

internal sealed class FoundationGroupNameConverter() : EnumNameConverter<FoundationGroup>(JsonEnumNames.FoundationGroup);

internal sealed class AggregationMethodNameConverter() : EnumNameConverter<AggregationMethod>(JsonEnumNames.AggregationMethod);

internal sealed class MeasureKindNameConverter() : EnumNameConverter<MeasureKind>(JsonEnumNames.MeasureKind);

internal sealed class PolarityNameConverter() : EnumNameConverter<Polarity>(JsonEnumNames.Polarity);

internal sealed class AdminLevelNameConverter() : EnumNameConverter<AdminLevel>(JsonEnumNames.AdminLevel);

internal sealed class FrequencyNameConverter() : EnumNameConverter<Frequency>(JsonEnumNames.Frequency);

internal sealed class ComparatorNameConverter() : EnumNameConverter<Comparator>(JsonEnumNames.Comparator);

internal sealed class DefinitionStatusNameConverter() : EnumNameConverter<DefinitionStatus>(JsonEnumNames.DefinitionStatus);

internal sealed class PointsRuleTypeNameConverter() : EnumNameConverter<PointsRuleType>(JsonEnumNames.PointsRuleType);

internal sealed class IndexCombinationNameConverter() : EnumNameConverter<Data.IndexCombination>(JsonEnumNames.IndexCombination);
