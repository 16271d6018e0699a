using BenchmarkDotNet.Attributes;

namespace DxIndicators.Benchmarks.Scoring;

/// <summary>
/// W1 of shared/research/perf.md (<see cref="PipelineWorkload"/>): the library writing into a reused workspace, the
/// hand-fused single pass written here, plain loops over <c>double[,]</c> and a naive Dictionary/LINQ version, all in
/// the same run. The naive and plain versions run at 3,321 units only (they take 5–100 ms a call).
/// </summary>
[MemoryDiagnoser]
public class ScoringPipelineBenchmarks
{
    private PipelineWorkload _w = null!;

    [GlobalSetup]
    public void Setup()
    {
        _w = new PipelineWorkload(3321);
        _w.Check();
    }

    [Benchmark]
    public double Pipeline_Library() => _w.Library();

    [Benchmark]
    public double Pipeline_HandFused() => _w.HandFused();

    [Benchmark]
    public double Pipeline_PlainLoops() => _w.PlainLoops();

    [Benchmark(Baseline = true)]
    public double Pipeline_NaiveLinq() => _w.NaiveLinq();
}

/// <summary>The library and the hand-fused pass over 1,000 … 33,000 units × 100 indicators: cost per cell should stay flat.</summary>
[MemoryDiagnoser]
public class ScoringScalingBenchmarks
{
    private PipelineWorkload _w = null!;

    /// <summary>Gets or sets the number of units.</summary>
    [Params(1000, 3321, 10000, 33000)]
    public int Units { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _w = new PipelineWorkload(Units);
        _w.Check();
    }

    [Benchmark(Baseline = true)]
    public double Pipeline_HandFused() => _w.HandFused();

    [Benchmark]
    public double Pipeline_Library() => _w.Library();
}
