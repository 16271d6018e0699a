using BenchmarkDotNet.Attributes;
using DxIndicators.Analysis;
using DxIndicators.Benchmarks.Limits;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Scoring;
using DxIndicators.Scoring.Kernels;
using NodaTime;

namespace DxIndicators.Benchmarks.Analysis;

/// <summary>
/// perf.md's W2 in one run: 63 units × 100 indicators in 8 weighted-arithmetic pillars, S = 10,000 samples of noisy
/// indicator weights (factor 0.25) to rank statistics. Reports the product step alone (the 3×64 Vector512 kernel on
/// the engine's 256-sample blocks; 2·S·U·I = 126 MFLOP with U = 63), the whole run on 1 and 2 threads, the FMA-peak
/// probe and a rebuild-per-sample baseline; and the 3,321 × 100 run with N = 10,000.
/// </summary>
[MemoryDiagnoser]
public class WeightProductBenchmarks
{
    private const int Samples = 10_000;
    private const int RebuildSamples = 200;
    private const long FmaIterations = 20_000_000;

    private IndicatorMatrix _small = null!;
    private IndicatorMatrix _large = null!;
    private UncertainInputs _smallInputs = null!;
    private UncertainInputs _largeInputs = null!;
    // 64-byte aligned, as the engine's own buffers are (a 512-bit access then stays within one cache line).
    private AlignedBuffer _a = new(0);
    private AlignedBuffer _b = new(0);
    private AlignedBuffer _c = new(0);

    [GlobalSetup]
    public void Setup()
    {
        (_small, Framework f63) = Build(63, 1);
        (_large, Framework f3321) = Build(3321, 2);
        ScoringOptions options = ScoringOptions.Default.WithNormaliser(Normaliser.MinMax()).WithRanking(RankMethod.Competition, RankScope.RootOnly);
        _smallInputs = UncertainInputs.For(f63, options).WithWeightNoiseByLevel(new Dictionary<int, double> { [1] = 0.25 });
        _largeInputs = UncertainInputs.For(f3321, options).WithWeightNoiseByLevel(new Dictionary<int, double> { [1] = 0.25 });
        var random = new Random(5);
        _a = AlignedBuffer.Of([.. Enumerable.Range(0, UncertaintyAnalysis.AtStride * 100).Select(_ => random.NextDouble())]);
        _b = AlignedBuffer.Of([.. Enumerable.Range(0, 100 * 64).Select(_ => random.NextDouble())]);
        _c = new AlignedBuffer(UncertaintyAnalysis.BlockSize * 64);
    }

    [Benchmark(Description = "product only: S=10k × 100 × 64 (40 blocks of 256, A transposed as the engine stores it), 1 thread")]
    public double Product_63x100_S10k()
    {
        for (int block = 0; block < (Samples + UncertaintyAnalysis.BlockSize - 1) / UncertaintyAnalysis.BlockSize; block++)
        {
            WeightProduct.MultiplyTransposedA(_a.Span, UncertaintyAnalysis.AtStride, _b.Span, _c.Span, UncertaintyAnalysis.BlockSize, 100, 64, KernelPath.V512);
        }

        return _c.Span[0];
    }

    [Benchmark(Description = "whole run 63×100, S=10k, 1 thread")]
    public double Whole_63x100_1T() => UncertaintyAnalysis.Create(_smallInputs, Samples, 1).WithThreads(1).Run(_small).Root.Units[0].Median;

    [Benchmark(Description = "whole run 63×100, S=10k, 2 threads")]
    public double Whole_63x100_2T() => UncertaintyAnalysis.Create(_smallInputs, Samples, 1).Run(_small).Root.Units[0].Median;

    [Benchmark(Description = "whole run 3321×100, N=10k, 2 threads")]
    public double Whole_3321x100_2T() => UncertaintyAnalysis.Create(_largeInputs, Samples, 1).Run(_large).Root.Units[0].Median;

    [Benchmark(OperationsPerInvoke = RebuildSamples, Baseline = true, Description = "rebuild per sample 63×100 (compile + score), per sample")]
    public double Rebuild_PerSample()
    {
        double sum = 0;
        for (int r = 0; r < RebuildSamples; r++)
        {
            sum += ScoringPlan.Compile(_smallInputs.Framework, _smallInputs.OptionsFor(_smallInputs.Sample(1, r))).Score(_small).Ranks(_smallInputs.Framework.Root)[0];
        }

        return sum;
    }

    // The widest accelerated width: at 512 bits 16 chains (20M × 16 × 8 FMA = 5.12 GFLOP), at 256 bits 12 (20M × 12 × 4
    // FMA = 1.92 GFLOP); the Vector512 probe on a machine without AVX-512 would measure its software fallback.
    [Benchmark(Description = "FMA peak probe, widest width: 5.12 GFLOP at 512 bits, 1.92 at 256")]
    public double FmaPeakProbe() => MachineLimits.Fma(FmaIterations);

    private static (IndicatorMatrix Matrix, Framework Framework) Build(int units, int seed)
    {
        const int Indicators = 100, Pillars = 8;
        var random = new Random(seed);
        string[] codes = [.. Enumerable.Range(0, Indicators).Select(i => "X" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture))];
        var values = new double[units * Indicators];
        for (int k = 0; k < values.Length; k++)
        {
            values[k] = random.NextDouble() * 1000;
        }

        var indicators = codes.Select((c, j) => new IndicatorDefinition(c, new LocalizedText(string.Empty, c), MeasureKind.IndexScore, "u", j % 5 == 0 ? Polarity.LowerIsBetter : Polarity.HigherIsBetter, NumericRange.Unbounded));
        var nodes = new List<FrameworkNode> { new("INDEX", new LocalizedText(string.Empty, "Index"), NodeKind.Index, Enumerable.Range(0, Pillars).Select(p => new NodeLink("P" + p)).ToValueList()) };
        for (int p = 0; p < Pillars; p++)
        {
            nodes.Add(new FrameworkNode("P" + p, new LocalizedText(string.Empty, "P" + p), NodeKind.Pillar, Enumerable.Range(0, Indicators).Where(j => j % Pillars == p).Select(j => new NodeLink(codes[j], 1.0 + (j % 3))).ToValueList()));
        }

        var framework = new Framework(new FrameworkMetadata("bench", "1", new LocalizedText(string.Empty, "Bench"), "benchmark", new LocalDate(2025, 1, 1), OutputScale.Unit), "INDEX", nodes, indicators);
        string[] unitCodes = [.. Enumerable.Range(0, units).Select(u => "C" + u.ToString("D5", System.Globalization.CultureInfo.InvariantCulture))];
        return (new IndicatorMatrix(unitCodes, codes, values), framework);
    }
}
