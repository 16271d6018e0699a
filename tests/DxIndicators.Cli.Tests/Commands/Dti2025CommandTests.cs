using DxIndicators.Catalog;
using DxIndicators.Cli.Infrastructure;
using NodaTime;

namespace DxIndicators.Cli.Tests.Commands;

/// <summary>The issue-14 acceptance checks: the 2025 framework in <c>dx frameworks</c> / <c>dx validate</c>, and
/// <c>dx targets</c> on the sample with national and Điện Biên targets that lie ahead (sample values: digital economy
/// ≈ 6.23 % of GRDP in 2020, Báo Điện Biên Phủ; ≈ 14 % in 2025, seed article 002).</summary>
public class Dti2025CommandTests
{
    [Fact]
    public void Frameworks_ListsDti2025WithEightMainIndicesAnd47Components()
    {
        var (code, output, _) = CliRunner.Run("frameworks");

        code.Should().Be(ExitCodes.Ok);
        string row = output.Split('\n').Single(l => l.StartsWith("vn-dti-province-2025", StringComparison.Ordinal));
        row.Should().MatchRegex(@"Decision 405/QĐ-BKHCN\)\s+8\s+4\s+8\s+47\s+0\s+12\s+Decision 405");
        output.Should().MatchRegex(@"vn-dien-bien-dx-targets\s+unit 11");
    }

    [Fact]
    public void FrameworksShow_Dti2025_MarksProvisionalPartsAndGivesTheComponentCount()
    {
        var (code, output, _) = CliRunner.Run("frameworks", "--show", "vn-dti-province-2025");

        code.Should().Be(ExitCodes.Ok);
        output.Should().Contain("47 component indices in the methodology");
        output.Should().Contain("GOV: Digital-government activity (index 0–1)  [200 pts]  (provisional)");
        FrameworkCatalog.Get("vn-dti-province-2022").Nodes.Should().NotContain(n => n.Status == Model.DefinitionStatus.Provisional);
        CliRunner.Run("frameworks", "--show", "vn-dti-province-2022").Out.Should().NotContain("(provisional)");
    }

    [Fact]
    public void Validate_Dti2025_PassesAndListsItsProvisionalParts()
    {
        using var dir = new TempDir();
        using var reader = new StreamReader(FrameworkCatalog.OpenJson("vn-dti-province-2025"));
        string path = dir.File("vn-dti-province-2025.json", reader.ReadToEnd());

        var (code, output, _) = CliRunner.Run("validate", path);

        code.Should().Be(ExitCodes.Ok);
        output.Should().Contain("valid framework vn-dti-province-2025");
        output.Split('\n').Count(l => l.Contains("[provisional]", StringComparison.Ordinal)).Should().Be(12);
    }

    [Fact]
    public void Targets_AsOf2026_12_01_EvaluatesTargetsAheadWithProgressAndLegalSource()
    {
        var (code, output, _) = CliRunner.Run(new LocalDate(2026, 12, 1), "targets", "--as-of", "2026-12-01");

        code.Should().Be(ExitCodes.Ok);
        string[] lines = output.Split('\n');

        // National, deadline 2045: 6.23 → 14 over 2020–2025 is 17.6 %/yr against the 8.7 %/yr needed for 50 % by 2045.
        lines.Should().Contain(l => l.Contains("T57-DE-GDP-2045") && l.Contains("2045-12-31") && l.Contains("on track") && l.Contains("Resolution 57-NQ/TW"));

        // Điện Biên's own, deadline 2030, baseline 6.23 % (2020): needs 9.2 %/yr for 15 %, observed 17.6 %/yr → ratio 1.914.
        lines.Should().Contain(l => l.Contains("DB-DE-GRDP-2030") && l.Contains("2030-12-31") && l.Contains("on track (progress 1.914)") && l.Contains("Đề án Chuyển đổi số tỉnh Điện Biên"));
        lines.Should().Contain(l => l.Contains("T71-DE-GDP-2030") && l.Contains("Resolution 71/NQ-CP"));
        output.Should().Contain("Superseded for unit 11 by its own target DB-DE-GRDP-2030");
        output.Should().Contain("Catalogues: vn-national-dx-targets (national); vn-dien-bien-dx-targets (unit 11's own targets)");
    }

    [Fact]
    public void TargetsList_IncludesResolution71AndDienBienPlans()
    {
        var (code, output, _) = CliRunner.Run("targets", "--list");

        code.Should().Be(ExitCodes.Ok);
        output.Should().MatchRegex(@"T71-DE-GDP-2030\s+ECO-GRDP-SHARE\s+≥ 30\s+2030-12-31\s+provisional\s+—\s+Resolution 71/NQ-CP");
        output.Should().Contain("vn-dien-bien-dx-targets: Điện Biên province's own digital-transformation targets (unit 11's own targets;");
        output.Should().MatchRegex(@"DB-DE-GRDP-2030\s+ECO-GRDP-SHARE\s+≥ 15\s+2030-12-31\s+provisional\s+T411-DE-GDP-2030 T57-DE-GDP-2030");
        output.Should().Contain("Plan 2309/KH-UBND");
    }

    [Fact]
    public void TargetsJson_CarriesReferenceStatusAndSupersession()
    {
        var (code, output, _) = CliRunner.Run(new LocalDate(2026, 12, 1), "targets", "--format", "json");

        code.Should().Be(ExitCodes.Ok);
        using var doc = System.Text.Json.JsonDocument.Parse(output);
        doc.RootElement.EnumerateArray().Should().Contain(e =>
            e.GetProperty("target").GetString() == "T57-DE-GDP-2030" &&
            e.GetProperty("supersededBy").GetString() == "DB-DE-GRDP-2030" &&
            e.GetProperty("definitionStatus").GetString() == "confirmed");
        doc.RootElement.EnumerateArray().Should().Contain(e =>
            e.GetProperty("target").GetString() == "DB-DE-GRDP-2030" &&
            e.GetProperty("definitionStatus").GetString() == "provisional" &&
            e.GetProperty("reference").GetString()!.Contains("https://tapchicongthuong.vn/", StringComparison.Ordinal));
    }
}
