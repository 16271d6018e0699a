using BenchmarkDotNet.Attributes;
using DxIndicators.Analysis;
using DxIndicators.Scoring;
using DxIndicators.Scoring.Kernels;

namespace DxIndicators.Benchmarks.Analysis;

/// <summary>
/// The rank step of the lane path alone: 256 samples of 63 scores ordered by nominal score, each moved by Gaussian
/// noise of 2.5 nominal gaps (in the 63 × 100 workload the largest move within a sample is 4–18 places, 8–11
/// typically). The counting rank (8 units per vector, far groups settled by bounds) against the scalar twin's insertion-sort
/// rank, <see cref="Ranking.Rank"/>, on the same rows.
/// </summary>
public class RankStepBenchmarks
{
    private const int Units = 63;
    private const int Rows = 256;
    private readonly int _padded = WeightProduct.Padded(Units);
    private double[] _scores = [];
    private double[] _ranks = [];
    private double[] _low = [];
    private double[] _high = [];
    private double[] _equal = [];
    private double[] _sorted = [];
    private int[] _order = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(11);
        _scores = new double[Rows * _padded];
        for (int r = 0; r < Rows; r++)
        {
            for (int i = 0; i < Units; i++)
            {
                double gauss = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                _scores[(r * _padded) + i] = (Units - i) + (2.5 * gauss);
            }
        }

        _ranks = new double[_padded];
        // The scratch the engine gives the counting rank (LinearScratch.GroupLow / GroupHigh).
        _low = new double[2 * UncertaintyAnalysis.GroupSlots(Units)];
        _high = new double[2 * UncertaintyAnalysis.GroupSlots(Units)];
        _equal = new double[_padded];
        _sorted = new double[Units];
        _order = new int[Units];
    }

    [Benchmark(OperationsPerInvoke = Rows, Description = "counting rank, 63 units, per sample")]
    public double Counting()
    {
        for (int r = 0; r < Rows; r++)
        {
            UncertaintyAnalysis.CountingRank(_scores.AsSpan(r * _padded, _padded), Units, _padded, _ranks, false, _low, _high, _equal);
        }

        return _ranks[0];
    }

    [Benchmark(OperationsPerInvoke = Rows, Baseline = true, Description = "insertion-sort rank (the scalar twin), 63 units, per sample")]
    public double Insertion()
    {
        for (int r = 0; r < Rows; r++)
        {
            Ranking.Rank(_scores.AsSpan(r * _padded, Units), _ranks.AsSpan(0, Units), RankMethod.Competition, false, _sorted, _order);
        }

        return _ranks[0];
    }
}
