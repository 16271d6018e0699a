using DxIndicators.Model;
using NodaTime;

namespace DxIndicators.Tests.Data;

/// <summary>Small frameworks with one indicator of each measure kind, for data-layer tests.</summary>
internal static class TestFrameworks
{
    public static Framework Kinds(string id = "test-kinds") => Build(
        id,
        Indicator("CNT", MeasureKind.Count, new NumericRange(0, double.PositiveInfinity)),
        Indicator("MONEY", MeasureKind.Money, NumericRange.Unbounded),
        Indicator("RATE", MeasureKind.Rate, new NumericRange(0, 100)),
        Indicator("PCT", MeasureKind.Percentage, new NumericRange(0, 100)),
        Indicator("PERPOP", MeasureKind.PerPopulation, new NumericRange(0, double.PositiveInfinity)) with { Denominator = "POP", PerPopulation = 100 },
        Indicator("POP", MeasureKind.Count, new NumericRange(0, double.PositiveInfinity)),
        Indicator("IDX", MeasureKind.IndexScore, new NumericRange(0, 1)),
        Indicator("RANK", MeasureKind.Rank, new NumericRange(1, double.PositiveInfinity)));

    /// <summary>A DTI-like framework: it declares the DTI merger rule (the rule is data, not the id).</summary>
    public static Framework Dti()
    {
        Framework f = Build("dti-test", Indicator("DTI", MeasureKind.IndexScore, new NumericRange(0, 1)), Indicator("POP", MeasureKind.Count, new NumericRange(0, double.PositiveInfinity)));
        return FrameworkBuilder.From(f).WithMetadata(f.Metadata with { MergerRule = DxIndicators.Data.IndexCombination.UnweightedMean, UnitRegistry = FrameworkMetadata.VietnamProvincesRegistry }).Build();
    }

    public static IndicatorDefinition Indicator(string code, MeasureKind measure, NumericRange range) =>
        new(code, new LocalizedText(code, code), measure, "u", Polarity.HigherIsBetter, range);

    public static Framework Build(string id, params IndicatorDefinition[] indicators)
    {
        var metadata = new FrameworkMetadata(id, "1", new LocalizedText("Thử", "Test"), "test", new LocalDate(2020, 1, 1), OutputScale.Unit);
        var root = new FrameworkNode("ROOT", new LocalizedText("Gốc", "Root"), NodeKind.Index, indicators.Select(i => new NodeLink(i.Code)).ToValueList());
        return new FrameworkBuilder(metadata, "ROOT").AddRange([root]).AddRange(indicators).Build();
    }
}
