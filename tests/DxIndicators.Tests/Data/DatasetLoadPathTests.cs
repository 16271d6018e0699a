using System.Globalization;
using System.Text;
using DxIndicators.Data;

namespace DxIndicators.Tests.Data;

/// <summary>
/// The loader's three ways to a dataset (columns handed over in place, keys rewritten in place when codes first
/// appear out of their sorted order, and the sort-and-sweep) give the same dataset as the validating constructor.
/// </summary>
public class DatasetLoadPathTests
{
    private static Dataset ReadCsv(string text) =>
        ObservationCsv.Read(new StringReader(text), "d.csv").GetValueOrThrow();

    private static Dataset FromRows(IEnumerable<(string Unit, string Indicator, int Year, double Value)> rows) =>
        new(rows.Select(r => new Observation(r.Unit, r.Indicator, ReportingPeriod.FromYear(r.Year), r.Value)));

    private static string Csv(IEnumerable<(string Unit, string Indicator, int Year, double Value)> rows)
    {
        var sb = new StringBuilder("unit,indicator,period,value\n");
        foreach ((string u, string i, int y, double v) in rows)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{u},{i},{y},{v:R}\n");
        }

        return sb.ToString();
    }

    [Fact]
    public void AFileInKeyOrder_WhoseCodesFirstAppearOutOfOrder_LoadsEqualToTheConstructor()
    {
        // Key order (u1 < u2, a < b, 2023 < 2024), but 'b' and 2024 are met before 'a' and 2023: the ids are not ranks.
        (string, string, int, double)[] rows = [("u1", "b", 2024, 1.5), ("u2", "a", 2023, 2.5), ("u2", "a", 2024, 3.5), ("u2", "b", 2024, -0.0)];

        Dataset read = ReadCsv(Csv(rows));

        read.Should().Be(FromRows(rows));
        read.Indicators.Should().Equal("a", "b");
        read.Periods.Should().Equal(ReportingPeriod.FromYear(2023), ReportingPeriod.FromYear(2024));
        read.TryGet("u1", "b", ReportingPeriod.FromYear(2024), out Observation? o).Should().BeTrue();
        o!.Value.Should().Be(1.5);
        read.TryGet("u1", "a", ReportingPeriod.FromYear(2024), out _).Should().BeFalse();
        double.IsNegative(read.Observations.Last().Value).Should().BeTrue("-0 keeps its sign");
    }

    [Fact]
    public void AFileOutOfKeyOrder_IsSorted()
    {
        (string, string, int, double)[] rows = [("u2", "a", 2024, 1), ("u1", "a", 2024, 2), ("u1", "a", 2023, 3)];

        Dataset read = ReadCsv(Csv(rows));

        read.Should().Be(FromRows(rows));
        read.Observations.Select(x => x.Value).Should().Equal(3, 2, 1);
    }

    [Fact]
    public void ALargeFileInKeyOrder_SizedFromItsLength_EqualsTheConstructorAndRoundTrips()
    {
        // Over 4,096 records, so the reader sizes the columns from the file length; at 14,000 rows the spare room is small
        // enough to be handed over with the columns rather than trimmed, and must never be read.
        var rows = new List<(string, string, int, double)>();
        for (int u = 0; u < 70; u++)
        {
            for (int i = 0; i < 10; i++)
            {
                for (int y = 2006; y < 2026; y++)
                {
                    rows.Add((string.Create(CultureInfo.InvariantCulture, $"u{u:D3}"), string.Create(CultureInfo.InvariantCulture, $"i{i:D2}"), y, (u * 0.37) + (i * 1e-3) - y));
                }
            }
        }

        // A stream of known length, as a file is: the reader estimates the record count from it.
        using var stream = new StreamReader(new MemoryStream(Encoding.UTF8.GetBytes(Csv(rows)), writable: false));
        Dataset read = ObservationCsv.Read(stream, "d.csv").GetValueOrThrow();
        Dataset built = FromRows(rows);

        read.Count.Should().Be(14_000);
        read.Should().Be(built);
        read.GetHashCode().Should().Be(built.GetHashCode());
        read.Observations.Should().HaveCount(14_000);
        read.TryGet("u000", "i00", ReportingPeriod.FromYear(2006), out Observation? first).Should().BeTrue("key 0 is the first row, not the zeroed spare room");
        first!.Value.Should().Be(-2006);
        read.TryGet("u069", "i09", ReportingPeriod.FromYear(2025), out Observation? last).Should().BeTrue();
        last!.Value.Should().Be((69 * 0.37) + (9 * 1e-3) - 2025);
        read.TryGet("u070", "i00", ReportingPeriod.FromYear(2006), out _).Should().BeFalse("no row lies past the last one");

        var written = new StringWriter();
        ObservationCsv.Write(written, read);
        ReadCsv(written.ToString()).Should().Be(read);
    }

    [Fact]
    public void RepeatedIdenticalRows_CollapseAndConflictingOnes_AreReportedAtBothLines()
    {
        string text = "unit,indicator,period,value\nu1,a,2024,1\nu1,a,2024,1\nu1,b,2024,2\nu1,b,2024,3\n";

        ReadResult<Dataset> result = ObservationCsv.Read(new StringReader(text), "d.csv");

        result.Problems.Should().ContainSingle();
        result.Problems[0].Rule.Should().Be(ProblemRules.DuplicateKey);
        result.Problems[0].Line.Should().Be(5);
        result.Problems[0].Message.Should().Contain("d.csv:4").And.Contain("d.csv:5");
    }
}
