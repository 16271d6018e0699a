using DxIndicators.Formats;
using DxIndicators.Model;
using DxIndicators.Units;

namespace DxIndicators.Data;

/// <summary>The one name table of every public enum that appears in a format: the CSV readers and writers, the JSON
/// converters (<c>Serialization</c>) and the CLI all take their texts from here (docs/data.md lists them). It lives in
/// <c>Data</c> because that is the lowest namespace that sees all the enums (Model, Units, Data).</summary>
internal static class EnumNames
{
    public static readonly EnumNameTable<NodeKind> NodeKind = EnumNameTable<NodeKind>.CamelCase();
    public static readonly EnumNameTable<Pillar> Pillar = EnumNameTable<Pillar>.CamelCase();
    public static readonly EnumNameTable<FoundationGroup> FoundationGroup = EnumNameTable<FoundationGroup>.CamelCase();
    public static readonly EnumNameTable<AggregationMethod> AggregationMethod = EnumNameTable<AggregationMethod>.CamelCase();
    public static readonly EnumNameTable<MeasureKind> MeasureKind = EnumNameTable<MeasureKind>.CamelCase();
    public static readonly EnumNameTable<Polarity> Polarity = EnumNameTable<Polarity>.CamelCase();
    public static readonly EnumNameTable<AdminLevel> AdminLevel = EnumNameTable<AdminLevel>.CamelCase();
    public static readonly EnumNameTable<UnitKind> UnitKind = EnumNameTable<UnitKind>.CamelCase();
    public static readonly EnumNameTable<Frequency> Frequency = EnumNameTable<Frequency>.CamelCase();
    public static readonly EnumNameTable<IndexCombination> IndexCombination = EnumNameTable<IndexCombination>.CamelCase();
    public static readonly EnumNameTable<DefinitionStatus> DefinitionStatus = EnumNameTable<DefinitionStatus>.CamelCase();
    public static readonly EnumNameTable<Qualifier> Qualifier = EnumNameTable<Qualifier>.CamelCase();
    public static readonly EnumNameTable<ObservationStatus> Status = EnumNameTable<ObservationStatus>.CamelCase();

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

    /// <summary>Gets every table.</summary>
    public static IReadOnlyList<IEnumNameTable> All { get; } =
        [NodeKind, Pillar, FoundationGroup, AggregationMethod, MeasureKind, Polarity, AdminLevel, UnitKind, Frequency, IndexCombination, DefinitionStatus, Qualifier, Status, Comparator];

    /// <summary>Gets the names of an enum used in the formats, or null when the type is no such enum.</summary>
    /// <param name="type">The enum type.</param>
    /// <returns>The names, or null.</returns>
    public static IReadOnlyList<string>? NamesOf(Type type) => All.FirstOrDefault(t => t.EnumType == type)?.Names;
}
