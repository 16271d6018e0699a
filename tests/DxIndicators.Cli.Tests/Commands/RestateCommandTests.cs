using DxIndicators.Cli.Infrastructure;
using DxIndicators.Data;

namespace DxIndicators.Cli.Tests.Commands;

public class RestateCommandTests
{
    // The overall DTI as one index-score indicator; the framework declares the DTI merger rule and the provinces.
    private const string Framework = """
        { "formatVersion": 1, "id": "my-dti-overall", "version": "1", "name": { "vi": "DTI", "en": "DTI" },
          "methodologySource": "test", "effectiveFrom": "2022-05-20", "scale": { "min": 0, "max": 1 },
          "mergerRule": "unweightedMean", "unitRegistry": "vn-provinces",
          "root": "I",
          "nodes": [ { "code": "I", "kind": "index", "name": { "vi": "I", "en": "I" }, "children": [ { "code": "DTI" } ] } ],
          "indicators": [ { "code": "DTI", "name": { "vi": "DTI", "en": "DTI" }, "measure": "indexScore", "unit": "score",
                            "polarity": "higherIsBetter", "validRange": { "min": 0, "max": 1 } } ] }
        """;

    // research/dti.md §1.6 item 6 and the 2024 rankings: old Đà Nẵng (48) 0.8335, old Quảng Nam (49) 0.5803;
    // published new Đà Nẵng 0.7069 = (0.8335 + 0.5803) / 2.
    private const string Data =
        "unit,indicator,period,value,qualifier,numerator,denominator,source\n" +
        "48,DTI,2024,0.8335,,,,DTI 2024 (63 units)\n" +
        "49,DTI,2024,0.5803,,,,DTI 2024 (63 units)\n";

    [Fact]
    public void Restate_DaNang2024_IsTheUnweightedMeanOfOld48And49()
    {
        using var dir = new TempDir();
        var (code, output, error) = CliRunner.Run("restate", "--framework", dir.File("f.json", Framework), "--data", dir.File("d.csv", Data), "--format", "csv");

        code.Should().Be(ExitCodes.Ok, error);
        Dataset restated = ObservationCsv.Read(new StringReader(output), "stdout").GetValueOrThrow();
        Observation daNang = restated.Observations.Should().ContainSingle().Subject;
        daNang.Unit.Should().Be("48");
        daNang.Value.Should().BeApproximately(0.7069, 1e-12);
        Math.Round(daNang.Value, 4).Should().Be(0.7069);
        daNang.Restated.Should().BeTrue();
        output.Split('\n')[0].Should().EndWith(",restated");
    }

    [Fact]
    public void Restate_BuiltInDti_PublishedOverallAndMainIndexValues()
    {
        // Overall DTI 2024: 48 0.8335, 49 0.5803 (published, research/dti.md §1.6 item 6) → new Đà Nẵng 0.7069 as
        // published. GOV main index: 48's 2022-style value 0.8575 (CliTestData) and an illustrative 0.5 for 49 → the mean.
        using var dir = new TempDir();
        string data = dir.File("d.csv", Data + "48,GOV,2024,0.8575,,,,illustrative\n49,GOV,2024,0.5,,,,illustrative\n");

        var (code, output, error) = CliRunner.Run("restate", "--framework", "vn-dti-province-2022", "--data", data, "--format", "csv");

        code.Should().Be(ExitCodes.Ok, error);
        Dataset restated = ObservationCsv.Read(new StringReader(output), "stdout").GetValueOrThrow();
        restated.Observations.Should().HaveCount(2).And.OnlyContain(o => o.Unit == "48" && o.Restated);
        restated.Observations.Single(o => o.Indicator == "DTI").Value.Should().BeApproximately(0.7069, 1e-12);
        restated.Observations.Single(o => o.Indicator == "GOV").Value.Should().BeApproximately((0.8575 + 0.5) / 2, 1e-15);
    }

    [Fact]
    public void Restate_FrameworkWithoutAMergerRule_DoesNotAverageIndexScores()
    {
        // The rule is data: an id that looks Vietnamese changes nothing when the framework declares no merger rule.
        using var dir = new TempDir();
        string framework = dir.File("f.json", Framework.Replace("\"mergerRule\": \"unweightedMean\", ", string.Empty, StringComparison.Ordinal).Replace("my-dti-overall", "vn-dti-lookalike", StringComparison.Ordinal));

        var (code, _, error) = CliRunner.Run("restate", "--framework", framework, "--data", dir.File("d.csv", Data), "--format", "csv");

        code.Should().Be(ExitCodes.Failure);
        error.Should().Contain("Cannot restate index indicator 'DTI'").And.Contain("Fix: declare \"mergerRule\"");
        error.Should().NotContain("Cannot restatement").And.NotContain("RollupOptions");
    }

    [Fact]
    public void Restate_Table_NamesTheNewUnitAndItsPredecessors()
    {
        using var dir = new TempDir();
        var (code, output, error) = CliRunner.Run("restate", "--framework", dir.File("f.json", Framework), "--data", dir.File("d.csv", Data), "--on", "2025-07-01");

        code.Should().Be(ExitCodes.Ok, error);
        output.Should().Contain("2025-07-01").And.Contain("marked restated").And.Contain("unweighted mean");
        string row = output.Split('\n').Single(l => l.StartsWith("48 ", StringComparison.Ordinal));
        row.Should().Contain("Đà Nẵng").And.Contain("0.7069").And.Contain("48, 49");
    }

    [Fact]
    public void Restate_OnADateBeforeTheMerger_PassesTheSeriesThrough()
    {
        using var dir = new TempDir();
        var (code, output, error) = CliRunner.Run("restate", "--framework", dir.File("f.json", Framework), "--data", dir.File("d.csv", Data), "--on", "2025-06-30");

        code.Should().Be(ExitCodes.Ok, error);
        output.Should().Contain("2 observation(s) already on units valid on 2025-06-30 passed through unchanged");
    }

    [Fact]
    public void Restate_BadDate_IsAUsageError()
    {
        using var dir = new TempDir();
        var (code, _, error) = CliRunner.Run("restate", "--framework", dir.File("f.json", Framework), "--data", dir.File("d.csv", Data), "--on", "2025-02-30");
        code.Should().Be(ExitCodes.Usage);
        error.Should().Contain("--on").And.Contain("2025-02-30");
    }
}
