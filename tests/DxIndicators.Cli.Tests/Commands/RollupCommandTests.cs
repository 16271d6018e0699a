using DxIndicators.Cli.Infrastructure;
using DxIndicators.Data;

namespace DxIndicators.Cli.Tests.Commands;

public class RollupCommandTests
{
    // Two of Điện Biên's three wards from 2025-07-01 (Resolution 1661/NQ-UBTVQH15, shared/data/vn-admin-2025/README.md);
    // the five-digit codes are illustrative, not the official GSO codes.
    private const string Wards =
        "id,code,vintage,level,kind,name_vi,name_en,parent,valid_from,valid_to\n" +
        "03127@2025,03127,2025,commune,ward,Điện Biên Phủ,Dien Bien Phu,11@2025,2025-07-01,\n" +
        "03128@2025,03128,2025,commune,ward,Mường Thanh,Muong Thanh,11@2025,2025-07-01,\n";

    private const string ThirdWard = "03151@2025,03151,2025,commune,ward,Mường Lay,Muong Lay,11@2025,2025-07-01,\n";

    // Hand-made figures: online applications 1,200 of 1,500 (80 %) and 900 of 1,000 (90 %); 10 and 15 BTS stations.
    private const string Data =
        "unit,indicator,period,value,qualifier,numerator,denominator,source\n" +
        "03127,GOV-ONLINE-PROC,2025,80,,1200,1500,test\n" +
        "03128,GOV-ONLINE-PROC,2025,90,,900,1000,test\n" +
        "03127,INF-BTS,2025,10,,,,test\n" +
        "03128,INF-BTS,2025,15,,,,test\n";

    [Fact]
    public void Rollup_WardsToProvince_RateFromSummedCountsNotMeanOfRates()
    {
        using var dir = new TempDir();
        var (code, output, error) = CliRunner.Run("rollup", "--framework", "dien-bien-sample", "--data", dir.File("d.csv", Data), "--units", dir.File("u.csv", Wards), "--format", "csv");

        code.Should().Be(ExitCodes.Ok, error);
        ReadResult<Dataset> back = ObservationCsv.Read(new StringReader(output), "stdout");
        back.Problems.Should().BeEmpty();
        Dataset rolled = back.Value!;
        rolled.Units.Should().Equal("11");
        // (1,200 + 900) / (1,500 + 1,000) = 2,100 / 2,500 = 84 %, not the mean of 80 % and 90 % (85 %).
        Observation rate = rolled.Series("11", "GOV-ONLINE-PROC").Should().ContainSingle().Subject;
        rate.Value.Should().Be(84);
        rate.Numerator.Should().Be(2100);
        rate.Denominator.Should().Be(2500);
        rate.Qualifier.Should().Be(Qualifier.Exact);
        rolled.Series("11", "INF-BTS").Single().Value.Should().Be(25); // 10 + 15
    }

    private static string Resource(string name)
    {
        using Stream stream = typeof(DxIndicators.Units.BuiltIn).Assembly.GetManifestResourceStream("DxIndicators.Catalog." + name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [Fact]
    public void Rollup_DienBienCommuneSample_ReDerivesTheProvinceRateFromAllFortyFiveUnits()
    {
        // The built-in commune sample and registry files (docs/units.md): fibre reaches each of the 45 commune and ward
        // centres (article 002 of the sample: "100% of commune and ward centres"), so the province is 45/45 = 100 %.
        using var dir = new TempDir();
        var (code, output, error) = CliRunner.Run("rollup", "--framework", "dien-bien-sample",
            "--data", dir.File("d.csv", Resource("data/dien-bien-communes-sample.csv")),
            "--units", dir.File("u.csv", Resource("units/vn-dien-bien-communes-2025.csv")),
            "--successions", dir.File("s.csv", Resource("units/vn-dien-bien-successions-2025.csv")), "--format", "csv");

        code.Should().Be(ExitCodes.Ok, error);
        Dataset rolled = ObservationCsv.Read(new StringReader(output), "stdout").GetValueOrThrow();
        rolled.Units.Should().Equal("11");
        Observation fibre = rolled.Series("11", "INF-FIBRE-COMMUNE").Should().ContainSingle().Subject;
        fibre.Value.Should().Be(100);
        fibre.Numerator.Should().Be(45);
        fibre.Denominator.Should().Be(45);
        fibre.Qualifier.Should().Be(Qualifier.Exact);
    }

    [Fact]
    public void Rollup_Table_SaysWhichChildrenWereUsedAndMissing()
    {
        using var dir = new TempDir();
        var (code, output, error) = CliRunner.Run("rollup", "--framework", "dien-bien-sample", "--data", dir.File("d.csv", Data), "--units", dir.File("u.csv", Wards + ThirdWard), "--allow-missing-children");

        code.Should().Be(ExitCodes.Ok, error);
        string rate = output.Split('\n').Single(l => l.Contains("GOV-ONLINE-PROC", StringComparison.Ordinal));
        rate.Should().Contain("Điện Biên").And.Contain("≈ 84").And.Contain("2,100/2,500").And.Contain("about (estimate)").And.Contain("03127, 03128").And.EndWith("03151");
        // A count with a child missing can only grow: a lower bound.
        string count = output.Split('\n').Single(l => l.Contains("INF-BTS", StringComparison.Ordinal));
        count.Should().Contain("> 25").And.Contain("over (lower bound)");
    }

    [Fact]
    public void Rollup_MissingChildNotAllowed_FailsWritingNothing()
    {
        using var dir = new TempDir();
        string outFile = System.IO.Path.Combine(dir.Path, "out.csv");
        var (code, _, error) = CliRunner.Run("rollup", "--framework", "dien-bien-sample", "--data", dir.File("d.csv", Data), "--units", dir.File("u.csv", Wards + ThirdWard), "--out", outFile);

        code.Should().Be(ExitCodes.Failure);
        error.Should().Contain(ProblemRules.IncompleteChildren).And.Contain("03151").And.Contain("nothing was written");
        File.Exists(outFile).Should().BeFalse();
    }

    [Fact]
    public void Rollup_BarePercentage_FailsNamingTheIndicator()
    {
        using var dir = new TempDir();
        string data = Data +
            "03127,GOV-ESIGN-DOCS,2025,95,,,,test\n" +
            "03128,GOV-ESIGN-DOCS,2025,97,,,,test\n";
        var (code, output, error) = CliRunner.Run("rollup", "--framework", "dien-bien-sample", "--data", dir.File("d.csv", data), "--units", dir.File("u.csv", Wards));

        code.Should().Be(ExitCodes.Failure);
        output.Should().BeEmpty();
        error.Should().Contain("'GOV-ESIGN-DOCS'").And.Contain(ProblemRules.RollupNeedsCounts).And.Contain("never averaged");
    }

    [Fact]
    public void Rollup_ToNation_GoesUpTwoLevelsAndWritesBoth()
    {
        using var dir = new TempDir();
        string outFile = System.IO.Path.Combine(dir.Path, "out.csv");
        var (code, _, error) = CliRunner.Run("rollup", "--framework", "dien-bien-sample", "--data", dir.File("d.csv", Data), "--units", dir.File("u.csv", Wards), "--to", "nation", "--allow-missing-children", "--format", "csv", "--out", outFile);

        code.Should().Be(ExitCodes.Ok, error);
        using StreamReader reader = File.OpenText(outFile);
        Dataset rolled = ObservationCsv.Read(reader, outFile).GetValueOrThrow();
        rolled.Units.Should().Equal("11", "VN");
        // Only Điện Biên reported, so the national count is a lower bound on 25 stations.
        Observation nation = rolled.Series("VN", "INF-BTS").Single();
        nation.Value.Should().Be(25);
        nation.Qualifier.Should().Be(Qualifier.LowerBound);
    }

    [Fact]
    public void Rollup_BadUnitsFile_ListsEveryBadLine()
    {
        using var dir = new TempDir();
        string units = Wards + "X@2025,X,2025,hamlet,commune,X,,11@2025,2025-07-01,\nY@2025,Y,2025,commune,commune,Y,,11@2025,2025-07-01,2025-01-01\n";
        var (code, _, error) = CliRunner.Run("rollup", "--framework", "dien-bien-sample", "--data", dir.File("d.csv", Data), "--units", dir.File("u.csv", units));

        code.Should().Be(ExitCodes.Failure);
        error.Should().Contain("u.csv:4, column 'level'").And.Contain("unknown-level").And.Contain("u.csv:5, column 'valid_to'");
    }

    [Theory]
    [InlineData("--to", "hamlet")]
    [InlineData("--successions", "s.csv")]
    [InlineData("--format", "xml")]
    public void Rollup_BadOption_IsAUsageError(string option, string value)
    {
        using var dir = new TempDir();
        var (code, _, error) = CliRunner.Run("rollup", "--framework", "dien-bien-sample", "--data", dir.File("d.csv", Data), option, value);
        code.Should().Be(ExitCodes.Usage);
        error.Should().Contain("dx rollup:");
    }

    [Fact]
    public void Rollup_MissingChild_ErrorNamesTheCliFlagNotTheLibraryProperty()
    {
        using var dir = new TempDir();

        var (code, _, error) = CliRunner.Run("rollup", "--framework", "dien-bien-sample", "--data", dir.File("d.csv", Data), "--units", dir.File("u.csv", Wards + ThirdWard));

        code.Should().Be(ExitCodes.Failure);
        error.Should().Contain("Cannot roll up").And.Contain("--allow-missing-children");
        error.Should().NotContain("AllowMissingChildren").And.NotContain("RollupOptions").And.NotContain("Cannot rollup");
    }
}
