using DxIndicators.Data;
using DxIndicators.Model;
using NodaTime;

namespace DxIndicators.Tests.Scoring;

/// <summary>Small builders for frameworks and matrices used by the scoring tests.</summary>
internal static class TestFrameworks
{
    public static IndicatorDefinition Ind(string code, Polarity polarity = Polarity.HigherIsBetter, Goalposts? goalposts = null, double? target = null, PointsRule? points = null, string? denominator = null, double? perPopulation = null) =>
        new(code, new LocalizedText(string.Empty, code), perPopulation is null ? MeasureKind.IndexScore : MeasureKind.PerPopulation, "u", polarity, NumericRange.Unbounded)
        {
            Goalposts = goalposts,
            ReferenceTarget = target,
            Points = points,
            Denominator = denominator,
            PerPopulation = perPopulation,
        };

    public static FrameworkNode Node(string code, NodeKind kind, params (string Code, double Weight)[] children) =>
        new(code, new LocalizedText(string.Empty, code), kind, children.Select(c => new NodeLink(c.Code, c.Weight)).ToValueList());

    public static Framework Build(string root, IEnumerable<FrameworkNode> nodes, IEnumerable<IndicatorDefinition> indicators) =>
        new FrameworkBuilder(new FrameworkMetadata("test", "1", new LocalizedText(string.Empty, "Test"), "unit tests", new LocalDate(2024, 1, 1), OutputScale.Unit), root)
            .AddRange(nodes)
            .AddRange(indicators)
            .Build();

    /// <summary>One index over the given indicators (equal weights).</summary>
    public static Framework Flat(params IndicatorDefinition[] indicators) =>
        Build("I", [Node("I", NodeKind.Index, indicators.Select(i => (i.Code, 1.0)).ToArray())], indicators);

    public static IndicatorMatrix Matrix(string[] units, params (string Code, double[] Values)[] columns) =>
        new(units, columns.Select(c => c.Code), columns.SelectMany(c => c.Values).ToArray());

    public static string[] Units(int n) => Enumerable.Range(0, n).Select(i => "U" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
}
