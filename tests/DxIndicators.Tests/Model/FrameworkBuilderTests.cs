using DxIndicators.Catalog;
using DxIndicators.Model;

namespace DxIndicators.Tests.Model;

/// <summary>The public builder: mutable parts, every check at <see cref="FrameworkBuilder.Build"/>.</summary>
public sealed class FrameworkBuilderTests
{
    [Fact]
    public void From_Build_GivesAnEqualFramework()
    {
        Framework dti = FrameworkCatalog.Get("vn-dti-province-2022");
        FrameworkBuilder.From(dti).Build().Should().Be(dti);
    }

    [Fact]
    public void Build_BrokenParts_ReportsEveryProblemAndLeavesTheBuilderUsable()
    {
        FrameworkBuilder builder = TestFrameworks.Tiny();
        builder.WithRoot("NOPE");
        builder.Indicators[0] = builder.Indicators[0].Changed(d => d.Code = "");

        FrameworkValidationException ex = Assert.Throws<FrameworkValidationException>(builder.Build);
        ex.Errors.Should().Contain(e => e.Location == "$.root").And.Contain(e => e.Location == "$.indicators[0].code");

        builder.WithRoot("IDX");
        builder.Indicators[0] = builder.Indicators[0].Changed(d => d.Code = "A");
        builder.Build().Root.Should().Be("IDX");
    }

    [Fact]
    public void Build_Twice_GivesEqualFrameworksAndLaterChangesDoNotLeakIn()
    {
        FrameworkBuilder builder = TestFrameworks.Tiny();
        Framework first = builder.Build();
        builder.Targets.Clear();
        first.Targets.Should().HaveCount(1);
        builder.Build().Targets.Should().BeEmpty();
    }
}
