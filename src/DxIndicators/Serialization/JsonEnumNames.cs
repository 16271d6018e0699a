using System.Text.Json;
using System.Text.Json.Serialization;
using DxIndicators.Data;
using DxIndicators.Formats;
using DxIndicators.Model;

namespace DxIndicators.Serialization;

/// <summary>The JSON-only enum names (the point-rule types of the framework format); every public enum's names are
/// in <see cref="EnumNames"/>.</summary>
internal static class JsonEnumNames
{
    public static readonly EnumNameTable<PointsRuleType> PointsRuleType = EnumNameTable<PointsRuleType>.CamelCase();

    /// <summary>Gets the allowed names of an enum used in the formats, or null when the type is no such enum.</summary>
    public static IReadOnlyList<string>? NamesOf(Type type) =>
        type == typeof(Serialization.PointsRuleType) ? PointsRuleType.Names : EnumNames.NamesOf(type);
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
        if (reader.TokenType == JsonTokenType.String && _table.TryParseExact(reader.GetString()!, out TEnum value))
        {
            return value;
        }

        string found = reader.TokenType == JsonTokenType.String ? $"\"{reader.GetString()}\"" : reader.TokenType.ToString();
        throw new JsonException($"Cannot convert {found} to {typeof(TEnum).Name}; allowed: {string.Join(", ", _table.Names)}.");
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(_table.TryFormat(value) ?? throw new JsonException($"{typeof(TEnum).Name} value {value} has no JSON name."));
    }
}

internal sealed class NodeKindNameConverter() : EnumNameConverter<NodeKind>(EnumNames.NodeKind);

internal sealed class PillarNameConverter() : EnumNameConverter<Pillar>(EnumNames.Pillar);

internal sealed class FoundationGroupNameConverter() : EnumNameConverter<FoundationGroup>(EnumNames.FoundationGroup);

internal sealed class AggregationMethodNameConverter() : EnumNameConverter<AggregationMethod>(EnumNames.AggregationMethod);

internal sealed class MeasureKindNameConverter() : EnumNameConverter<MeasureKind>(EnumNames.MeasureKind);

internal sealed class PolarityNameConverter() : EnumNameConverter<Polarity>(EnumNames.Polarity);

internal sealed class AdminLevelNameConverter() : EnumNameConverter<AdminLevel>(EnumNames.AdminLevel);

internal sealed class FrequencyNameConverter() : EnumNameConverter<Frequency>(EnumNames.Frequency);

internal sealed class ComparatorNameConverter() : EnumNameConverter<Comparator>(EnumNames.Comparator);

internal sealed class DefinitionStatusNameConverter() : EnumNameConverter<DefinitionStatus>(EnumNames.DefinitionStatus);

internal sealed class PointsRuleTypeNameConverter() : EnumNameConverter<PointsRuleType>(JsonEnumNames.PointsRuleType);

internal sealed class IndexCombinationNameConverter() : EnumNameConverter<IndexCombination>(EnumNames.IndexCombination);
