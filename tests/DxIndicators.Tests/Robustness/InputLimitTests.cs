using DxIndicators.Catalog;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Serialization;
using DxIndicators.Units;
using FluentAssertions;
using Xunit;

namespace DxIndicators.Tests.Robustness;

/// <summary>The count limits of <see cref="InputLimits"/> (nodes, indicators, units, periods, rows): each exceeded
/// limit is a clear error naming the limit and its value, and an input at the limit still loads.</summary>
public class InputLimitTests
{
    private static readonly Framework Sample = FrameworkCatalog.Get("dien-bien-sample");

    [Fact]
    public void FrameworkJson_MoreNodesThanMaxNodes_IsALimitProblemNamingTheLimit()
    {
        string json = FrameworkJson.Write(Sample);
        int nodes = Sample.Nodes.Count;

        ReadResult<Framework> refused = FrameworkJson.Read(json, "f.json", new InputLimits { MaxNodes = nodes - 1 });

        refused.IsSuccess.Should().BeFalse();
        refused.Problems.Should().ContainSingle().Which.Should().Match<Problem>(p =>
            p.Rule == ProblemRules.LimitExceeded && p.Location == "$.nodes" && p.Message.Contains($"MaxNodes = {nodes - 1}") && p.Message.Contains($"{nodes} nodes"));
        FluentActions.Invoking(() => refused.GetValueOrThrow()).Should().Throw<FrameworkValidationException>().WithMessage("*MaxNodes*[limit-exceeded]*");
        FrameworkJson.Read(json, "f.json", new InputLimits { MaxNodes = nodes }).Value.Should().Be(Sample);
    }

    [Fact]
    public void FrameworkJson_MoreIndicatorsThanMaxIndicators_IsALimitProblemNamingTheLimit()
    {
        string json = FrameworkJson.Write(Sample);
        int indicators = Sample.Indicators.Count;

        ReadResult<Framework> refused = FrameworkJson.Read(json, "f.json", new InputLimits { MaxIndicators = indicators - 1 });

        refused.Problems.Should().ContainSingle(p => p.Rule == ProblemRules.LimitExceeded && p.Location == "$.indicators" && p.Message.Contains("MaxIndicators"));
        FrameworkJson.Read(json, "f.json", new InputLimits { MaxIndicators = indicators }).IsSuccess.Should().BeTrue();
    }

    [Fact]
    public void TargetCatalogJson_MoreIndicatorsThanMaxIndicators_IsALimitProblemNamingTheLimit()
    {
        TargetCatalog catalog = FrameworkCatalog.GetTargets("vn-national-dx-targets");
        string json = TargetCatalogJson.Write(catalog);

        ReadResult<TargetCatalog> refused = TargetCatalogJson.Read(json, "t.json", new InputLimits { MaxIndicators = catalog.Indicators.Count - 1 });

        refused.IsSuccess.Should().BeFalse();
        refused.Problems.Should().ContainSingle(p => p.Rule == ProblemRules.LimitExceeded && p.Message.Contains("MaxIndicators"));
        TargetCatalogJson.Read(json, "t.json").Value.Should().Be(catalog);
    }

    [Theory]
    [InlineData(nameof(InputLimits.MaxUnits))]
    [InlineData(nameof(InputLimits.MaxPeriods))]
    [InlineData(nameof(InputLimits.MaxRows))]
    public void ObservationCsv_BeyondACountLimit_ThrowsNamingTheLimit(string limit)
    {
        // Three units, three periods, nine rows; each limit is set one below what the file needs.
        string csv = "unit,indicator,period,value\n" + string.Join("\n",
            from u in new[] { "11", "12", "14" } from p in new[] { "2022", "2023", "2024" } select $"{u},X,{p},1") + "\n";
        InputLimits limits = limit switch
        {
            nameof(InputLimits.MaxUnits) => new InputLimits { MaxUnits = 2 },
            nameof(InputLimits.MaxPeriods) => new InputLimits { MaxPeriods = 2 },
            _ => new InputLimits { MaxRows = 8 },
        };

        InvalidDataException ex = FluentActions.Invoking(() => ObservationCsv.Read(new StringReader(csv), "o.csv", new ReadOptions { Limits = limits }))
            .Should().Throw<InvalidDataException>().Which;

        ex.Data["limit"].Should().Be(limit);
        ex.Message.Should().Contain($"{limit} = ").And.Contain("o.csv").And.EndWith("[limit-exceeded].");
        ObservationCsv.Read(new StringReader(csv), "o.csv").Value!.Count.Should().Be(9, "within the default limits the same file loads");
    }

    [Fact]
    public void ObservationJson_BeyondMaxUnits_ThrowsNamingTheLimit()
    {
        const string json = """{"formatVersion":1,"observations":[{"unit":"11","indicator":"X","period":"2024","value":1},{"unit":"12","indicator":"X","period":"2024","value":2}]}""";

        FluentActions.Invoking(() => ObservationJson.Read(new StringReader(json), "o.json", new ReadOptions { Limits = new InputLimits { MaxUnits = 1 } }))
            .Should().Throw<InvalidDataException>().Where(e => (string)e.Data["limit"]! == nameof(InputLimits.MaxUnits));
        ObservationJson.Read(new StringReader(json), "o.json", new ReadOptions { Limits = new InputLimits { MaxUnits = 2 } }).Value!.Count.Should().Be(2);
    }

    [Fact]
    public void UnitRegistryCsv_BeyondMaxUnits_ThrowsNamingTheLimit_CountingTheBaseRegistry()
    {
        const string units = """
            id,code,vintage,level,kind,name_vi,name_en,parent,valid_from,valid_to
            03151@2025,03151,2025,commune,ward,Mường Lay,Muong Lay,11@2025,2025-07-01,
            03152@2025,03152,2025,commune,commune,Xã Nà Tấu,Na Tau,11@2025,2025-07-01,
            """;
        int baseCount = BuiltIn.VietnamProvinces.Units.Count;

        FluentActions.Invoking(() => UnitRegistryCsv.Read(new StringReader(units), "u.csv", baseRegistry: BuiltIn.VietnamProvinces, limits: new InputLimits { MaxUnits = baseCount + 1 }))
            .Should().Throw<InvalidDataException>().Where(e => (string)e.Data["limit"]! == nameof(InputLimits.MaxUnits) && e.Message.Contains("u.csv' line 3"));
        UnitRegistryCsv.Read(new StringReader(units), "u.csv", baseRegistry: BuiltIn.VietnamProvinces, limits: new InputLimits { MaxUnits = baseCount + 2 })
            .Value!.Units.Count.Should().Be(baseCount + 2);
    }
}
