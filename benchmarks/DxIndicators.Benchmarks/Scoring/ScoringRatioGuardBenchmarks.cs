using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using DxIndicators.Scoring.Kernels;

namespace DxIndicators.Benchmarks.Scoring;

/// <summary>
/// The CI performance guard's workload: three kernels against their scalar twins at one length that is no multiple of
/// any vector width (6·512+7). CI runs it with <c>--guard</c> and fails when a kernel loses its speed-up; only the
/// ratio within the same run is judged, never absolute times (the CI machine is shared and noisy).
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ScoringRatioGuardBenchmarks
{
    private const int Length = (6 * 512) + 7;
    private double[] _x = [];
    private double[] _sum = [];
    private double[] _weightSum = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _x = new double[Length];
        for (int i = 0; i < Length; i++)
        {
            _x[i] = random.NextDouble() < 0.05 ? double.NaN : random.NextDouble() * 100;
        }

        _sum = new double[Length];
        _weightSum = new double[Length];
    }

    [Benchmark(Baseline = true), BenchmarkCategory("MinMax")]
    public (double, double) MinMax_Reference() => ScoringReference.MinMax(_x);

    [Benchmark, BenchmarkCategory("MinMax")]
    public (double, double) MinMax_Kernel() => ColumnStatistics.MinMax(_x);

    [Benchmark(Baseline = true), BenchmarkCategory("SumCount")]
    public (double, int) SumCount_Reference() => ScoringReference.SumCount(_x);

    [Benchmark, BenchmarkCategory("SumCount")]
    public (double, int) SumCount_Kernel() => ColumnStatistics.SumCount(_x);

    [Benchmark(Baseline = true), BenchmarkCategory("WeightedSum")]
    public double WeightedSum_Reference()
    {
        ScoringReference.WeightedSum(_x, 0.5, _sum, _weightSum);
        return _sum[0];
    }

    [Benchmark, BenchmarkCategory("WeightedSum")]
    public double WeightedSum_Kernel()
    {
        WeightedSum.Accumulate(_x, 0.5, _sum, _weightSum);
        return _sum[0];
    }
}
