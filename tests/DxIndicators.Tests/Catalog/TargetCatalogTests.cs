using DxIndicators.Catalog;
using DxIndicators.Model;
using NodaTime;

namespace DxIndicators.Tests.Catalog;

public sealed class TargetCatalogTests
{
    private static TargetCatalog Make(double threshold) => new(
        "t",
        new LocalizedText("Mục tiêu", "Targets"),
        [new IndicatorDefinition("X", new LocalizedText("X", "X"), MeasureKind.Percentage, "%", Polarity.HigherIsBetter, new NumericRange(0, 100))],
        [new TargetRule("T", "X", Comparator.AtLeast, threshold, new LocalDate(2030, 12, 31), "Resolution 57-NQ/TW")]);

    [Fact]
    public void Equals_SameContent_IsEqualWithSameHash()
    {
        TargetCatalog a = Make(80);
        TargetCatalog b = Make(80);

        (a == b).Should().BeTrue();
        a.Equals((object)b).Should().BeTrue();
        a.GetHashCode().Should().Be(b.GetHashCode());
    }

    [Fact]
    public void Equals_DifferentThreshold_IsNotEqual()
    {
        (Make(80) != Make(81)).Should().BeTrue();
        Make(80).Equals(null).Should().BeFalse();
    }

    [Fact]
    public void TargetsFor_UnknownIndicator_IsEmpty()
    {
        Make(80).TargetsFor("Y").Should().BeEmpty();
        Make(80).TargetsFor("X").Should().ContainSingle(t => t.Code == "T");
    }

    [Fact]
    public void Constructor_PerPopulationWithoutN_ReportsIndicatorRule()
    {
        var act = () => new TargetCatalog(
            "t",
            new LocalizedText("", "Targets"),
            [new IndicatorDefinition("SUBS", new LocalizedText("", "Subscribers"), MeasureKind.PerPopulation, "per 100 people", Polarity.HigherIsBetter, NumericRange.Unbounded) { Denominator = "POP" }],
            []);

        act.Should().Throw<FrameworkValidationException>()
            .Where(e => e.Errors.Any(x => x.Location == "$.indicators[0].perPopulation" && x.Rule == "missing-field" && x.Message.Contains("'SUBS'")))
            .Where(e => e.Errors.Any(x => x.Location == "$.indicators[0].denominator" && x.Rule == "unknown-reference" && x.Message.Contains("'POP'")));
    }
}
