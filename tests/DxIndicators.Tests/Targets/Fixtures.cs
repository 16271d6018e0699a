using DxIndicators.Data;
using DxIndicators.Model;
using NodaTime;

namespace DxIndicators.Tests.Targets;

/// <summary>Small builders shared by the target tests.</summary>
internal static class Fixtures
{
    public const string Unit = "11";

    public static IndicatorDefinition Indicator(
        string code = "IND",
        MeasureKind measure = MeasureKind.Percentage,
        Polarity polarity = Polarity.HigherIsBetter,
        string unit = "%") =>
        new(code, new LocalizedText("", code), measure, unit, polarity, NumericRange.Unbounded);

    public static TargetRule Target(Comparator comparator, double threshold, LocalDate deadline, string indicator = "IND", double? upper = null, TargetBaseline? baseline = null) =>
        new("T", indicator, comparator, threshold, deadline, "test source") { UpperThreshold = upper, Baseline = baseline };

    public static Observation Obs(string period, double value, Qualifier qualifier = Qualifier.Exact, string indicator = "IND", string unit = Unit) =>
        new(unit, indicator, ReportingPeriod.Parse(period), value) { Qualifier = qualifier };

    public static LocalDate D(int y, int m, int d) => new(y, m, d);
}
