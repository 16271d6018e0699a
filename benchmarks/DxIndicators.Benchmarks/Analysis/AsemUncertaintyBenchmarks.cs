using BenchmarkDotNet.Attributes;
using DxIndicators.Analysis;
using DxIndicators.Benchmarks.Limits;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Scoring;

namespace DxIndicators.Benchmarks.Analysis;

/// <summary>
/// Issue 10's ASEM goals in one run: uncertainty over N = 100,000 samples with noise 0.25 on the level-2 and level-3
/// weights (time per sample, both cores and one), a Sobol run with three inputs (weights, normaliser, aggregator) over
/// N = 10,000 base samples (whole run), the rebuild-per-sample baseline (time per sample) and the FMA-peak probe.
/// </summary>
[MemoryDiagnoser]
public class AsemUncertaintyBenchmarks
{
    private const int Samples = 100_000;
    private const int RebuildSamples = 500;
    private const long FmaIterations = 20_000_000;

    private IndicatorMatrix _matrix = null!;
    private UncertaintyAnalysis _analysis = null!;
    private SobolSensitivity _sobol = null!;
    private UncertainInputs _inputs = null!;

    [GlobalSetup]
    public void Setup()
    {
        (Framework framework, IndicatorMatrix matrix) = AsemData.Load();
        _matrix = matrix;
        ScoringOptions baseOptions = ScoringOptions.Default.WithNormaliser(Normaliser.MinMax(0, 100));
        _inputs = UncertainInputs.For(framework, baseOptions).WithWeightNoiseByLevel(new Dictionary<int, double> { [2] = 0.25, [3] = 0.25 });
        _analysis = UncertaintyAnalysis.Create(_inputs, Samples, seed: 1);

        // COINr's sensitivity vignette: min-max [1, 100] or z-score (10, 2); arithmetic or geometric mean; noisy weights.
        UncertainInputs three = _inputs
            .WithNormalisers([Normaliser.MinMax(1, 100), Normaliser.ZScore(10, 2)])
            .WithAggregators([Aggregator.ArithmeticMean, Aggregator.GeometricMean]);
        _sobol = SobolSensitivity.Create(three, 10_000, seed: 1);
    }

    [Benchmark(OperationsPerInvoke = Samples, Description = "uncertainty N=100k, per sample, 2 threads")]
    public double Uncertainty_PerSample_2T() => _analysis.Run(_matrix).Root.Units[0].Median;

    [Benchmark(OperationsPerInvoke = Samples, Description = "uncertainty N=100k, per sample, 1 thread")]
    public double Uncertainty_PerSample_1T() => _analysis.WithThreads(1).Run(_matrix).Root.Units[0].Median;

    [Benchmark(Description = "Sobol 3 inputs N=10k (50k runs + 1000 bootstrap), whole run")]
    public double Sobol_3Inputs_N10k() => _sobol.Run(_matrix).Indices[0].Total;

    [Benchmark(OperationsPerInvoke = RebuildSamples, Baseline = true, Description = "rebuild per sample (compile + score), per sample")]
    public double Rebuild_PerSample()
    {
        double sum = 0;
        for (int r = 0; r < RebuildSamples; r++)
        {
            SampleParameters p = _inputs.Sample(1, r);
            sum += ScoringPlan.Compile(_inputs.Framework, _inputs.OptionsFor(p)).Score(_matrix).Ranks(_inputs.Framework.Root)[0];
        }

        return sum;
    }

    // The widest accelerated width: at 512 bits 16 chains (20M × 16 × 8 FMA = 5.12 GFLOP), at 256 bits 12 (20M × 12 × 4
    // FMA = 1.92 GFLOP); the Vector512 probe on a machine without AVX-512 would measure its software fallback.
    [Benchmark(Description = "FMA peak probe, widest width: 5.12 GFLOP at 512 bits, 1.92 at 256")]
    public double FmaPeakProbe() => MachineLimits.Fma(FmaIterations);
}
