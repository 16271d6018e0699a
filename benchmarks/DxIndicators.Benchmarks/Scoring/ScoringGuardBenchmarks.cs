using BenchmarkDotNet.Attributes;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Scoring;
using NodaTime;

namespace DxIndicators.Benchmarks.Scoring;

/// <summary>A tiny scoring run used by CI's <c>--filter '*Guard*' --job dry</c> smoke test (not a measurement).</summary>
[MemoryDiagnoser]
public class ScoringGuardBenchmarks
{
    private ScoringPlan _plan = null!;
    private ScoringWorkspace _workspace = null!;
    private IndicatorMatrix _matrix = null!;

    [GlobalSetup]
    public void Setup()
    {
        string[] codes = ["A", "B", "C"];
        var indicators = codes.Select(c => new IndicatorDefinition(c, new LocalizedText(string.Empty, c), MeasureKind.IndexScore, "u", Polarity.HigherIsBetter, NumericRange.Unbounded));
        var root = new FrameworkNode("I", new LocalizedText(string.Empty, "I"), NodeKind.Index, codes.Select(c => new NodeLink(c)).ToValueList());
        var framework = new Framework(new FrameworkMetadata("guard", "1", new LocalizedText(string.Empty, "Guard"), "benchmark", new LocalDate(2025, 1, 1), OutputScale.Unit), "I", [root], indicators);
        _plan = ScoringPlan.Compile(framework);
        _matrix = new IndicatorMatrix(["u1", "u2", "u3", "u4"], codes, [1, 2, 3, 4, 4, 3, 2, 1, 1, 1, 2, 2]);
        _workspace = new ScoringWorkspace(_plan, 4);
    }

    [Benchmark]
    public double Score_Tiny()
    {
        _plan.ScoreInto(_matrix, _workspace);
        return _workspace.NodeScores(0)[0];
    }
}
