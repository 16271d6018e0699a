using BenchmarkDotNet.Attributes;
using DxIndicators.Analysis;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Scoring;
using DxIndicators.Scoring.Kernels;
using NodaTime;

namespace DxIndicators.Benchmarks.Analysis;

/// <summary>
/// Weight uncertainty on W1 (shared/research/perf.md; the same data and framework as <c>ScoringPipelineBenchmarks</c>):
/// 3,321 units × 100 indicators, min-max, 8 weighted-arithmetic pillars, index, competition rank of the index.
/// <c>Uncertainty_1000Runs</c> is the whole analysis (one scoring, 1,000 noisy weightings, rank statistics) and
/// reports the time <em>per run</em>; <c>Reaggregate_OneRun</c> is one re-aggregation + rank; <c>Score_Full</c> is
/// one complete <c>ScoreInto</c>, what a re-score per weighting would cost.
/// </summary>
[MemoryDiagnoser]
public class WeightUncertaintyBenchmarks
{
    private const int Units = 3321;
    private const int Indicators = 100;
    private const int Pillars = 8;
    private const int Runs = 1000;

    private ScoringPlan _plan = null!;
    private ScoringWorkspace _workspace = null!;
    private IndicatorMatrix _matrix = null!;
    private WeightUncertainty _analysis = null!;
    private double[] _weights = [];
    private int[] _root = [];
    private double[][] _noisy = [];
    private int _next;
    private RadixScratch _radix = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        string[] codes = Enumerable.Range(0, Indicators).Select(i => "X" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var values = new double[Units * Indicators];
        for (int j = 0; j < Indicators; j++)
        {
            for (int u = 0; u < Units; u++)
            {
                values[(j * Units) + u] = random.NextDouble() * 1000;
            }
        }

        string[] units = Enumerable.Range(0, Units).Select(u => "C" + u.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        _matrix = new IndicatorMatrix(units, codes, values);
        var indicators = codes.Select((c, j) => new IndicatorDefinition(c, new LocalizedText(string.Empty, c), MeasureKind.IndexScore, "u", j % 5 == 0 ? Polarity.LowerIsBetter : Polarity.HigherIsBetter, NumericRange.Unbounded));
        var nodes = new List<FrameworkNode>
        {
            new("INDEX", new LocalizedText(string.Empty, "Index"), NodeKind.Index, Enumerable.Range(0, Pillars).Select(p => new NodeLink("P" + p)).ToValueList()),
        };
        for (int p = 0; p < Pillars; p++)
        {
            nodes.Add(new FrameworkNode("P" + p, new LocalizedText(string.Empty, "P" + p), NodeKind.Pillar,
                Enumerable.Range(0, Indicators).Where(j => j % Pillars == p).Select(j => new NodeLink(codes[j], 1.0 + (j % 3))).ToValueList()));
        }

        var framework = new Framework(new FrameworkMetadata("bench", "1", new LocalizedText(string.Empty, "Bench"), "benchmark", new LocalDate(2025, 1, 1), OutputScale.Unit), "INDEX", nodes, indicators);
        _plan = ScoringPlan.Compile(framework, ScoringOptions.Default.WithNormaliser(Normaliser.MinMax()).WithRanking(RankMethod.Competition, RankScope.RootOnly));
        _workspace = new ScoringWorkspace(_plan, Units);
        _plan.ScoreInto(_matrix, _workspace);
        _analysis = WeightUncertainty.FromNoise(_plan, Runs, 0.25, seed: 42);
        _weights = _plan.LinkWeights.ToArray();
        _root = [_plan.NodeCodes.AsSpan().IndexOf("INDEX")];
        _radix = new RadixScratch(Units);
        var draw = new Random(7);
        _noisy = Enumerable.Range(0, 64).Select(_ => _weights.Select(w => w + (((2 * draw.NextDouble()) - 1) * 0.25 * w)).ToArray()).ToArray();
    }

    [Benchmark(OperationsPerInvoke = Runs)]
    public double Uncertainty_1000Runs() => _analysis.Run(_matrix).Root.Units[0].Median;

    [Benchmark]
    public double Reaggregate_OneRun()
    {
        _plan.ReaggregateInto(_workspace, _weights, _root);
        return _workspace.Ranks(_root[0])[0];
    }

    [Benchmark]
    public double Reaggregate_NoisyRun()
    {
        // Cycles through 64 pre-drawn noisy weightings, so the rank sort sees a new order each call as in a real run.
        _next = (_next + 1) & 63;
        _plan.ReaggregateInto(_workspace, _noisy[_next], _root);
        return _workspace.Ranks(_root[0])[0];
    }

    [Benchmark]
    public double Reaggregate_NoisyRunRadix()
    {
        // As Reaggregate_NoisyRun, but ranking with the radix sort, as WeightUncertainty does.
        _next = (_next + 1) & 63;
        _plan.ReaggregateInto(_workspace, _noisy[_next], _root, _radix);
        return _workspace.Ranks(_root[0])[0];
    }

    [Benchmark(Baseline = true)]
    public double Score_Full()
    {
        _plan.ScoreInto(_matrix, _workspace);
        return _workspace.Ranks(_root[0])[0];
    }
}
