using BenchmarkDotNet.Attributes;

namespace DxIndicators.Benchmarks.Limits;

/// <summary>
/// The machine's limits as BenchmarkDotNet measures them (see <see cref="MachineLimits"/>): divide the counted bytes or
/// flops by the Mean. FMA: 2,000,000 iterations = 512 MFLOP (Vector512, 16 chains) or 192 MFLOP (Vector256, 12 chains).
/// DRAM: 2 × 64 MiB arrays (axpb: 128 MiB counted, triad 3 arrays: 192 MiB). L3: 2 × 2.66 MB.
/// </summary>
public class MachineLimitsBenchmarks
{
    private const long FmaIterations = 2_000_000;
    private double[] _x = [], _y = [], _z = [], _lx = [], _ly = [];

    [GlobalSetup]
    public void Setup()
    {
        _x = MachineLimits.Filled(MachineLimits.DramElements, 1.5);
        _y = MachineLimits.Filled(MachineLimits.DramElements, 0);
        _z = MachineLimits.Filled(MachineLimits.DramElements, 2.5);
        _lx = MachineLimits.Filled(MachineLimits.L3Elements, 1.5);
        _ly = MachineLimits.Filled(MachineLimits.L3Elements, 0);
    }

    [Benchmark]
    public double Fma_Widest() => MachineLimits.Fma(FmaIterations);

    [Benchmark]
    public double Fma_Vector256() => MachineLimits.Fma256(FmaIterations);

    [Benchmark]
    public void Dram_Axpb() => MachineLimits.Axpb(_x, _y, 1.0001, 0.5);

    [Benchmark]
    public void Dram_Triad() => MachineLimits.Triad(_y, _x, _z, 0.5);

    [Benchmark]
    public double Dram_Sum() => MachineLimits.Sum(_x);

    [Benchmark]
    public void L3_Axpb() => MachineLimits.Axpb(_lx, _ly, 1.0001, 0.5);

    [Benchmark]
    public double L3_Sum() => MachineLimits.Sum(_lx);
}
