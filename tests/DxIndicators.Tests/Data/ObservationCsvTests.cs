using System.Globalization;
using System.Text;
using DxIndicators.Data;
using DxIndicators.Units;
using NodaTime;

namespace DxIndicators.Tests.Data;

public class ObservationCsvTests
{
    private const string Header = "unit,indicator,period,value,qualifier,numerator,denominator,source,published,status";

    private static readonly ReadOptions Checked = new() { Registry = BuiltIn.VietnamProvinces, Framework = TestFrameworks.Kinds() };

    // One bad row per rule, each on a known line (line 1 is the header).
    private static readonly string BadFile = string.Join("\n",
        Header,
        "11,RATE,2024,89.3,,2410,2699,seed a,2024-05-01,official",   // 2 good (but conflicts with line 17)
        "99,CNT,2024,5,,,,,,",                                       // 3 unknown unit
        "11,NOPE,2024,5,,,,,,",                                      // 4 unknown indicator
        "11,CNT,2023,\"1,5\",,,,,,",                                 // 5 bad number
        "11,CNT,2024-13,5,,,,,,",                                    // 6 bad period
        "11,CNT,2022,5,over,,,,,",                                   // 7 bad qualifier
        "11,CNT,2021,5,,,,src,2021-02-30,",                          // 8 bad date
        "11,CNT,2020,5,,,,,,final",                                  // 9 bad status
        "11,RATE,2023,120,,,,,,",                                    // 10 out of range
        "11,PCT,2024,NaN,,,,,,",                                     // 11 NaN
        "11,PCT,2023,Infinity,,,,,,",                                // 12 infinity
        "11,RATE,2022,89.4,,2410,2699,,,",                           // 13 rate disagrees with counts
        "11,RATE,2021,50,,1,,,,",                                    // 14 numerator without denominator
        ",CNT,2024,5,,,,,,",                                         // 15 missing unit
        "11,MONEY,2024,5,,,,,,,extra",                               // 16 extra field
        "11,RATE,2024,89.29,,2410,2699,seed b,,",                    // 17 duplicate key, different value
        "11,RATE,2020,0,,0,0,,,",                                    // 18 zero denominator
        "12,CNT,2024,7,upperBound,,,,,provisional") + "\n";          // 19 good

    private static readonly (int Line, string Rule, string? Column)[] ExpectedProblems =
    [
        (3, ProblemRules.UnknownUnit, "unit"),
        (4, ProblemRules.UnknownIndicator, "indicator"),
        (5, ProblemRules.BadNumber, "value"),
        (6, ProblemRules.BadPeriod, "period"),
        (7, ProblemRules.BadQualifier, "qualifier"),
        (8, ProblemRules.BadDate, "published"),
        (9, ProblemRules.BadStatus, "status"),
        (10, ProblemRules.OutOfRange, "value"),
        (11, ProblemRules.NotFinite, "value"),
        (12, ProblemRules.NotFinite, "value"),
        (13, ProblemRules.RateMismatch, "value"),
        (14, ProblemRules.RateCountsIncomplete, "denominator"),
        (15, ProblemRules.MissingField, "unit"),
        (16, ProblemRules.ExtraFields, null),
        (17, ProblemRules.DuplicateKey, null),
        (18, ProblemRules.BadDenominator, "denominator"),
    ];

    private static ReadResult<Dataset> Read(string text, ReadOptions? options = null) =>
        ObservationCsv.Read(new StringReader(text), "data.csv", options);

    [Fact]
    public void Read_EveryErrorKind_ReportsAllAtOnceWithLineAndColumn()
    {
        ReadResult<Dataset> result = Read(BadFile, Checked);
        result.Problems.Select(p => (p.Line!.Value, p.Rule, p.Field)).Should().Equal(ExpectedProblems);
        result.Problems.Should().OnlyContain(p => p.Location == $"data.csv:{p.Line}");
        result.RowCount.Should().Be(18);
    }

    [Fact]
    public void Read_TruncatedRow_IsReportedNotPaddedWithEmptyFields()
    {
        // Line 3 lost its last three fields (source, published, status); it must not load with them silently empty.
        string text = Header + "\n11,CNT,2024,5,,,,s,,\n11,CNT,2023,6,,,\n";
        ReadResult<Dataset> result = Read(text, Checked);
        result.Problems.Should().ContainSingle().Which.Should().Match<Problem>(p => p.Line == 3 && p.Rule == ProblemRules.MissingFields && p.Message.Contains("7 fields but the header has 10"));
        result.IsSuccess.Should().BeFalse();
    }

    [Fact]
    public void Read_WithProblems_LoadsNothing()
    {
        ReadResult<Dataset> result = Read(BadFile, Checked);
        result.IsSuccess.Should().BeFalse();
        result.Value.Should().BeNull();
        result.SkippedRows.Should().BeEmpty();
        Action act = () => result.GetValueOrThrow();
        act.Should().Throw<InvalidDataException>().WithMessage("'data.csv' has 16 problem(s); nothing was loaded.*data.csv:3, column 'unit'*");
    }

    [Fact]
    public void Read_Messages_NameValueAndRule()
    {
        ReadResult<Dataset> result = Read(BadFile, Checked);
        string Message(int line) => result.Problems.First(p => p.Line == line).Message;
        Message(3).Should().Contain("'99'").And.Contain("2024-12-31");
        Message(5).Should().Contain("'1,5'");
        Message(10).Should().Contain("120").And.Contain("[0, 100]");
        Message(13).Should().Contain("89.4").And.Contain("100·2410/2699");
        Message(17).Should().Contain("data.csv:2 value 89.3 (2410/2699), source 'seed a' published 2024-05-01")
            .And.Contain("data.csv:17 value 89.29 (2410/2699), source 'seed b'");
    }

    [Fact]
    public void Read_SkipBadRows_LoadsGoodRowsAndListsSkipped()
    {
        ReadResult<Dataset> result = Read(BadFile, new ReadOptions { Registry = Checked.Registry, Framework = Checked.Framework, SkipBadRows = true });
        result.IsSuccess.Should().BeTrue();

        // Both rows of the conflicting key (2 and 17) are left out; only line 19 is good.
        result.Value!.Count.Should().Be(1);
        result.SkippedRows.Should().Equal(Enumerable.Range(2, 17));
        result.Problems.Should().HaveCount(ExpectedProblems.Length);
        result.Value!.TryGet("12", "CNT", ReportingPeriod.FromYear(2024), out Observation? o).Should().BeTrue();
        o!.Qualifier.Should().Be(Qualifier.UpperBound);
        o.Status.Should().Be(ObservationStatus.Provisional);
    }

    [Fact]
    public void Read_UnitCheckedAtPeriodDate_ReassignedAndRetiredCodes()
    {
        // 49 (Quảng Nam) exists in 2024 and in 2025-H1 but not in 2026; 24 resolves in every period.
        string text = Header + "\n49,CNT,2024,1,,,,,,\n49,CNT,2025-H1,1,,,,,,\n49,CNT,2026,1,,,,,,\n24,CNT,2026,1,,,,,,\n";
        ReadResult<Dataset> result = Read(text, Checked);
        result.Problems.Should().ContainSingle().Which.Line.Should().Be(4);
        result.Problems[0].Message.Should().Contain("49@2004 Quảng Nam");
    }

    [Fact]
    public void Read_MultiLineQuotedField_LocatesRecordsByFirstLine()
    {
        string text = Header + "\n11,CNT,2024,1,,,,\"two\nlines\",,\n11,CNT,oops,1,,,,,,\n11,CNT,2023,x,,,,\"three\nmore\nlines\",,\n11,CNT,2022,y,,,,,,\n";
        ReadResult<Dataset> result = Read(text);
        result.Problems.Select(p => p.Line!.Value).Should().Equal(4, 5, 8);
    }

    [Fact]
    public void Read_BadlyQuotedField_IsMalformedAtItsLine()
    {
        ReadResult<Dataset> result = Read(Header + "\n11,CNT,2024,1,,,,ok,,\n11,CNT,2023,1,,,,sou\"rce,,\n");
        Problem problem = result.Problems.Should().ContainSingle().Subject;
        problem.Rule.Should().Be(ProblemRules.Malformed);
        problem.Line.Should().Be(3);
        result.IsSuccess.Should().BeFalse();
    }

    [Fact]
    public void Read_BadHeader_LoadsNothingEvenWhenSkipping()
    {
        ReadResult<Dataset> result = Read("unit,indicator,perod,value,value\n11,CNT,2024,1,1\n", new ReadOptions { SkipBadRows = true });
        result.IsSuccess.Should().BeFalse();
        result.Problems.Select(p => (p.Rule, p.Field)).Should().Equal(
            (ProblemRules.BadHeader, "perod"),
            (ProblemRules.BadHeader, "value"),
            (ProblemRules.BadHeader, "period"));
    }

    [Fact]
    public void Read_BadRestatedFlag_IsBadBoolean()
    {
        ReadResult<Dataset> result = Read("unit,indicator,period,value,restated\n11,CNT,2024,1,true\n11,CNT,2023,1,yes\n");
        result.Problems.Select(p => (p.Line, p.Rule, p.Field)).Should().Equal(((int?)3, ProblemRules.BadBoolean, "restated"));
    }

    [Fact]
    public void Read_EmptyFile_IsMalformed()
    {
        Read(string.Empty).Problems.Should().ContainSingle().Which.Rule.Should().Be(ProblemRules.Malformed);
    }

    [Fact]
    public void Read_OnlyRequiredColumns_Loads()
    {
        ReadResult<Dataset> result = Read("unit,indicator,period,value\r\nVN,X,2024-Q3,1.5\r\nVN,X,2024-07-15,2\r\n");
        result.Problems.Should().BeEmpty();
        result.Value!.Series("VN", "X").Select(o => o.Period).Should().Equal(ReportingPeriod.FromDate(new LocalDate(2024, 7, 15)), ReportingPeriod.FromQuarter(2024, 3));
    }

    [Fact]
    public void WriteThenRead_AwkwardDoublesAndText_BitExact()
    {
        double[] values = [0.1 + 0.2, 1e-300, -0.0, 0.0, double.Epsilon, double.MaxValue, -double.MaxValue, 1.0 / 3.0, 123456789012345680, 5e-324 * 3];
        var observations = new List<Observation>();
        for (int i = 0; i < values.Length; i++)
        {
            observations.Add(new Observation("U" + i.ToString(CultureInfo.InvariantCulture), "MONEY", ReportingPeriod.FromYear(2020 + i), values[i])
            {
                Qualifier = (Qualifier)(i % 4),
                Status = i % 2 == 0 ? ObservationStatus.Official : ObservationStatus.Provisional,
                Provenance = new Provenance($"src \"{i}\", with comma\nand newline", i % 3 == 0 ? new LocalDate(2024, 1, 1 + i) : null),
                Restated = i == 5,
            });
        }

        observations.Add(new Observation("11", "RATE", ReportingPeriod.FromHalfYear(2024, 2), 89.3) { Numerator = 2410, Denominator = 2699 });
        var original = new Dataset(observations);

        var text = new StringWriter();
        ObservationCsv.Write(text, original);
        ReadResult<Dataset> result = Read(text.ToString());

        result.Problems.Should().BeEmpty();
        result.Value.Should().Be(original);
        text.ToString().Should().Contain("0.30000000000000004").And.Contain("1E-300").And.Contain(",-0,");
        double negativeZero = result.Value!.ValueOrNaN("U2", "MONEY", ReportingPeriod.FromYear(2022));
        BitConverter.DoubleToInt64Bits(negativeZero).Should().Be(BitConverter.DoubleToInt64Bits(-0.0));
    }

    [Fact]
    public void Write_Header_IsAgreedFormat()
    {
        var text = new StringWriter();
        ObservationCsv.Write(text, new Dataset([new Observation("11", "X", ReportingPeriod.FromYear(2024), 1)]));
        text.ToString().Should().Be(Header + "\n11,X,2024,1,,,,,,\n");
    }

    [Fact]
    public void Read_Generated3321CommunesBy100IndicatorsBy10Periods_LoadsWithoutLoss()
    {
        const int units = 3321;
        const int indicators = 100;
        const int periods = 10;
        string path = Path.Combine(Path.GetTempPath(), $"dx-data-{Guid.NewGuid():N}.csv");
        try
        {
            // Checksums of what is written: the count, the ordinary sum and an order-free XOR of the value bits.
            var random = new Random(20250701);
            long xor = 0;
            double sum = 0;
            using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
            {
                writer.Write(Header + "\n");
                for (int u = 0; u < units; u++)
                {
                    string unit = (10000 + u).ToString(CultureInfo.InvariantCulture);
                    for (int i = 0; i < indicators; i++)
                    {
                        string indicator = "I" + i.ToString("D3", CultureInfo.InvariantCulture);
                        for (int p = 0; p < periods; p++)
                        {
                            double value = random.NextDouble() * Math.Pow(10, random.Next(-3, 7));
                            xor ^= BitConverter.DoubleToInt64Bits(value);
                            sum += value;
                            writer.Write($"{unit},{indicator},{2016 + p},{value.ToString("R", CultureInfo.InvariantCulture)},,,,seed,,\n");
                        }
                    }
                }
            }

            ReadResult<Dataset> result;
            using (var reader = new StreamReader(path))
            {
                result = ObservationCsv.Read(reader, "generated.csv");
            }

            result.Problems.Should().BeEmpty();
            Dataset data = result.Value!;
            data.Count.Should().Be(units * indicators * periods);
            data.Units.Should().HaveCount(units);
            data.Indicators.Should().HaveCount(indicators);
            data.Periods.Should().HaveCount(periods);
            long readXor = 0;
            double readSum = 0;
            foreach (Observation o in data.Observations)
            {
                readXor ^= BitConverter.DoubleToInt64Bits(o.Value);
            }

            // Summing in file order again (file order = unit, indicator, period = dataset order) reproduces the sum exactly.
            foreach (Observation o in data.Observations)
            {
                readSum += o.Value;
            }

            readXor.Should().Be(xor);
            BitConverter.DoubleToInt64Bits(readSum).Should().Be(BitConverter.DoubleToInt64Bits(sum));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
