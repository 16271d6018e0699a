using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using DxIndicators.Data;
using DxIndicators.Model;
using NodaTime;

namespace DxIndicators.Benchmarks.Data;

/// <summary>
/// Loads a long-format CSV of 3,321 communes × 100 indicators × 10 periods (3,321,000 rows, generated with a fixed
/// seed) and builds cross-sections from the loaded dataset.
/// </summary>
[MemoryDiagnoser]
public class DatasetLoadBenchmarks
{
    private const int Units = 3321;
    private const int Indicators = 100;
    private const int Periods = 10;

    private byte[] _csv = [];
    private Dataset _dataset = Dataset.Empty;
    private Framework _framework = null!;
    private ReportingPeriod[] _periods = [];

    /// <summary>Generates the CSV in memory and loads it once for the cross-section benchmarks.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _csv = Csv();
        _dataset = Load_Csv3321x100x10().GetValueOrThrow();

        IndicatorDefinition[] indicators = [.. Enumerable.Range(0, Indicators).Select(i =>
            new IndicatorDefinition($"I{i:D3}", new LocalizedText("c", "c"), MeasureKind.Count, "n", Polarity.HigherIsBetter, new NumericRange(0, double.PositiveInfinity)))];
        var root = new FrameworkNode("ROOT", new LocalizedText("r", "r"), NodeKind.Index, indicators.Select(d => new NodeLink(d.Code)).ToValueList());
        _framework = new Framework(
            new FrameworkMetadata("bench", "1", new LocalizedText("b", "b"), "bench", new LocalDate(2020, 1, 1), OutputScale.Unit), "ROOT", [root], indicators);
        _periods = [.. Enumerable.Range(2016, Periods).Select(ReportingPeriod.FromYear)];
    }

    /// <summary>Reads and validates the whole CSV into a dataset.</summary>
    /// <returns>The read result.</returns>
    [Benchmark]
    public ReadResult<Dataset> Load_Csv3321x100x10()
    {
        using var reader = new StreamReader(new MemoryStream(_csv, writable: false));
        return ObservationCsv.Read(reader, "bench.csv");
    }

    /// <summary>Builds the 3,321 × 100 matrix of one period.</summary>
    /// <returns>The matrix.</returns>
    [Benchmark]
    public IndicatorMatrix CrossSection_OnePeriod() => _dataset.CrossSection(_framework, _periods[^1]);

    /// <summary>Builds the ten-period panel of 3,321 × 100 matrices.</summary>
    /// <returns>The matrices.</returns>
    [Benchmark]
    public IReadOnlyList<IndicatorMatrix> CrossSections_TenPeriods() => _dataset.CrossSections(_framework, _periods);

    /// <summary>Generates the CSV (fixed seed).</summary>
    /// <returns>The UTF-8 bytes.</returns>
    internal static byte[] Csv()
    {
        var random = new Random(42);
        var text = new StringBuilder(Units * Indicators * Periods * 48);
        text.Append("unit,indicator,period,value,qualifier,numerator,denominator,source,published,status\n");
        for (int u = 0; u < Units; u++)
        {
            for (int i = 0; i < Indicators; i++)
            {
                for (int p = 0; p < Periods; p++)
                {
                    double value = random.NextDouble() * 100;
                    text.Append(CultureInfo.InvariantCulture, $"{10000 + u},I{i:D3},{2016 + p},{value.ToString("R", CultureInfo.InvariantCulture)},,,,seed,,\n");
                }
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
