using System.Globalization;
using DxIndicators.Catalog;
using DxIndicators.Data;
using DxIndicators.Serialization;

namespace DxIndicators.Tests.Robustness;

/// <summary>Run by .ci/run under vi-VN, tr-TR and the invariant culture (with globalisation switched on): proves the
/// culture really is the one asked for, and that formats do not depend on it.</summary>
[Trait("Category", "Culture")]
public class CultureProbeTests
{
    [Fact]
    public void CurrentCulture_IsTheOneTheRunAskedFor()
    {
        string? expected = Environment.GetEnvironmentVariable("DX_EXPECT_CULTURE");
        if (expected is null)
        {
            CultureInfo.CurrentCulture.Should().NotBeNull("outside the culture runs there is nothing to check");
            return;
        }

        CultureInfo.CurrentCulture.Name.Should().Be(expected, "the culture run must not silently fall back to the invariant culture");
    }

    [Fact]
    public void Formats_AreCultureIndependent()
    {
        // vi-VN writes 0,5 and tr-TR upper-cases i to İ; neither may leak into a file.
        Dataset dataset = FrameworkCatalog.GetDataset("dien-bien-sample");
        using var csv = new StringWriter(CultureInfo.InvariantCulture);
        ObservationCsv.Write(csv, dataset);
        csv.ToString().Should().Contain("0.").And.NotContain("İ");
        ObservationCsv.Read(new StringReader(csv.ToString()), "again.csv").GetValueOrThrow().Should().Be(dataset);
        string json = FrameworkJson.Write(FrameworkCatalog.Get("dien-bien-sample"));
        FrameworkJson.Read(json, "again.json").GetValueOrThrow().Should().Be(FrameworkCatalog.Get("dien-bien-sample"));
        ReportingPeriod.Parse("2024-q3").ToString().Should().Be("2024-Q3");
        NumberText.Format(0.5).Should().Be("0.5");
    }
}
