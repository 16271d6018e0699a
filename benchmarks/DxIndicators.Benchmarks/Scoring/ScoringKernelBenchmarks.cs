using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using DxIndicators.Scoring;
using DxIndicators.Scoring.Kernels;

namespace DxIndicators.Benchmarks.Scoring;

/// <summary>Each scoring kernel (widest path) against its scalar twin in ScoringReference (the baseline of its category).</summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ScoringKernelBenchmarks
{
    private double[] _x = [];
    private double[] _y = [];
    private double[] _sum = [];
    private double[] _weightSum = [];
    private double[] _keys = [];
    private int[] _order = [];
    private AffineParameters _p;

    /// <summary>Gets or sets the column length (6·512+7 is no multiple of any vector width; 3,321 = communes).</summary>
    [Params(1024, (6 * 512) + 7, 3321)]
    public int Length { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _x = new double[Length];
        for (int i = 0; i < Length; i++)
        {
            _x[i] = random.NextDouble() < 0.05 ? double.NaN : random.NextDouble() * 100;
        }

        _y = new double[Length];
        _sum = new double[Length];
        _weightSum = new double[Length];
        _keys = new double[Length];
        _order = new int[Length];
        _p = new AffineParameters(3, 0.5, 1, double.NegativeInfinity, double.PositiveInfinity, 1);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("MinMax")]
    public (double, double) MinMax_Reference() => ScoringReference.MinMax(_x);

    [Benchmark, BenchmarkCategory("MinMax")]
    public (double, double) MinMax_Kernel() => ColumnStatistics.MinMax(_x);

    [Benchmark(Baseline = true), BenchmarkCategory("SumCount")]
    public (double, int) SumCount_Reference() => ScoringReference.SumCount(_x);

    [Benchmark, BenchmarkCategory("SumCount")]
    public (double, int) SumCount_Kernel() => ColumnStatistics.SumCount(_x);

    [Benchmark(Baseline = true), BenchmarkCategory("Affine")]
    public double Affine_Reference()
    {
        ScoringReference.Affine(_x, _p, _y);
        return _y[0];
    }

    [Benchmark, BenchmarkCategory("Affine")]
    public double Affine_Kernel()
    {
        AffineTransform.Apply(_x, _p, _y);
        return _y[0];
    }

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

    [Benchmark(Baseline = true), BenchmarkCategory("Quotient")]
    public double Quotient_Reference()
    {
        ScoringReference.Divide(_x, _sum, _y);
        return _y[0];
    }

    [Benchmark, BenchmarkCategory("Quotient")]
    public double Quotient_Kernel()
    {
        Quotient.Divide(_x, _sum, _y);
        return _y[0];
    }

    [Benchmark(Baseline = true), BenchmarkCategory("NormaliseAccumulate4")]
    public double NormaliseAccumulate4_Reference()
    {
        for (int c = 0; c < 4; c++)
        {
            ScoringReference.Affine(_x, _p, _y);
            ScoringReference.WeightedSum(_y, 0.5 + c, _sum, _weightSum);
        }

        return _sum[0];
    }

    [Benchmark, BenchmarkCategory("NormaliseAccumulate4")]
    public double NormaliseAccumulate4_Kernel()
    {
        NormaliseAccumulate.Run4(new FusedChildren4(_x, _x, _x, _x, _p, _p, _p, _p, _y, _y, _y, _y), new Weights4(0.5, 1.5, 2.5, 3.5), _sum, _weightSum, KernelPaths.Best(_x.Length));
        return _sum[0];
    }

    [Benchmark(Baseline = true), BenchmarkCategory("Rank")]
    public double Rank_Reference()
    {
        // The O(n²) definition; only run at small sizes it is meaningful, but it is the twin.
        ScoringReference.Rank(_x.AsSpan(0, Math.Min(_x.Length, 512)), _y.AsSpan(0, Math.Min(_x.Length, 512)), RankMethod.Competition, false);
        return _y[0];
    }

    [Benchmark, BenchmarkCategory("Rank")]
    public double Rank_Kernel()
    {
        Ranking.Rank(_x.AsSpan(0, Math.Min(_x.Length, 512)), _y.AsSpan(0, Math.Min(_x.Length, 512)), RankMethod.Competition, false, _keys, _order);
        return _y[0];
    }
}
