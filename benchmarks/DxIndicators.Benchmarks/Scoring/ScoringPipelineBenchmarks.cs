using BenchmarkDotNet.Attributes;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Scoring;
using NodaTime;

namespace DxIndicators.Benchmarks.Scoring;

/// <summary>
/// W1 of shared/research/perf.md: 3,321 units × 100 indicators, min-max, 8 weighted-arithmetic pillars, index, rank of
/// the index; the library writing into a reused workspace, against a naive Dictionary/LINQ version and plain loops over
/// <c>double[,]</c>, all in the same run.
/// </summary>
[MemoryDiagnoser]
public class ScoringPipelineBenchmarks
{
    private const int Units = 3321;
    private const int Indicators = 100;
    private const int Pillars = 8;

    private ScoringPlan _plan = null!;
    private ScoringWorkspace _workspace = null!;
    private IndicatorMatrix _matrix = null!;
    private double[,] _array = new double[0, 0];
    private List<Dictionary<string, double>> _rows = [];
    private string[] _codes = [];
    private int[] _pillarOf = [];
    private double[] _weight = [];
    private double[] _sign = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _codes = Enumerable.Range(0, Indicators).Select(i => "X" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        _pillarOf = Enumerable.Range(0, Indicators).Select(i => i % Pillars).ToArray();
        _weight = Enumerable.Range(0, Indicators).Select(i => 1.0 + (i % 3)).ToArray();
        _sign = Enumerable.Range(0, Indicators).Select(i => i % 5 == 0 ? -1.0 : 1.0).ToArray();
        var values = new double[Units * Indicators];
        _array = new double[Units, Indicators];
        for (int j = 0; j < Indicators; j++)
        {
            for (int u = 0; u < Units; u++)
            {
                double v = random.NextDouble() * 1000;
                values[(j * Units) + u] = v;
                _array[u, j] = v;
            }
        }

        string[] units = Enumerable.Range(0, Units).Select(u => "C" + u.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        _matrix = new IndicatorMatrix(units, _codes, values);
        _rows = Enumerable.Range(0, Units).Select(u => _codes.Select((c, j) => (c, j)).ToDictionary(p => p.c, p => _array[u, p.j])).ToList();

        var indicators = _codes.Select((c, j) => new IndicatorDefinition(c, new LocalizedText(string.Empty, c), MeasureKind.IndexScore, "u", _sign[j] < 0 ? Polarity.LowerIsBetter : Polarity.HigherIsBetter, NumericRange.Unbounded));
        var nodes = new List<FrameworkNode>
        {
            new("INDEX", new LocalizedText(string.Empty, "Index"), NodeKind.Index, Enumerable.Range(0, Pillars).Select(p => new NodeLink("P" + p)).ToValueList()),
        };
        for (int p = 0; p < Pillars; p++)
        {
            nodes.Add(new FrameworkNode("P" + p, new LocalizedText(string.Empty, "P" + p), NodeKind.Pillar,
                Enumerable.Range(0, Indicators).Where(j => _pillarOf[j] == p).Select(j => new NodeLink(_codes[j], _weight[j])).ToValueList()));
        }

        var framework = new Framework(new FrameworkMetadata("bench", "1", new LocalizedText(string.Empty, "Bench"), "benchmark", new LocalDate(2025, 1, 1), OutputScale.Unit), "INDEX", nodes, indicators);
        _plan = ScoringPlan.Compile(framework, ScoringOptions.Default.WithNormaliser(Normaliser.MinMax()).WithRanking(RankMethod.Competition, RankScope.RootOnly));
        _workspace = new ScoringWorkspace(_plan, Units);
    }

    [Benchmark]
    public double Pipeline_Library()
    {
        _plan.ScoreInto(_matrix, _workspace);
        return _workspace.Ranks(_plan.NodeCodes.Count - 1)[0];
    }

    [Benchmark]
    public double Pipeline_PlainLoops()
    {
        var n = new double[Units, Indicators];
        for (int j = 0; j < Indicators; j++)
        {
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            for (int u = 0; u < Units; u++)
            {
                min = Math.Min(min, _array[u, j]);
                max = Math.Max(max, _array[u, j]);
            }

            for (int u = 0; u < Units; u++)
            {
                n[u, j] = _sign[j] > 0 ? (_array[u, j] - min) / (max - min) : (max - _array[u, j]) / (max - min);
            }
        }

        var index = new double[Units];
        for (int u = 0; u < Units; u++)
        {
            var sum = new double[Pillars];
            var wsum = new double[Pillars];
            for (int j = 0; j < Indicators; j++)
            {
                sum[_pillarOf[j]] += _weight[j] * n[u, j];
                wsum[_pillarOf[j]] += _weight[j];
            }

            double total = 0;
            for (int p = 0; p < Pillars; p++)
            {
                total += sum[p] / wsum[p];
            }

            index[u] = total / Pillars;
        }

        double[] keys = index.Select(v => -v).ToArray();
        int[] order = Enumerable.Range(0, Units).ToArray();
        Array.Sort(keys, order);
        var rank = new double[Units];
        for (int r = 0; r < Units; r++)
        {
            rank[order[r]] = r > 0 && keys[r] == keys[r - 1] ? rank[order[r - 1]] : r + 1;
        }

        return rank[0];
    }

    [Benchmark(Baseline = true)]
    public double Pipeline_NaiveLinq()
    {
        var normalised = _rows.Select(_ => new Dictionary<string, double>()).ToList();
        for (int j = 0; j < _codes.Length; j++)
        {
            string code = _codes[j];
            double min = _rows.Min(r => r[code]);
            double max = _rows.Max(r => r[code]);
            for (int u = 0; u < _rows.Count; u++)
            {
                double v = _rows[u][code];
                normalised[u][code] = _sign[j] > 0 ? (v - min) / (max - min) : (max - v) / (max - min);
            }
        }

        var index = normalised.Select(row => Enumerable.Range(0, Pillars)
            .Select(p => _codes.Select((c, j) => (c, j)).Where(t => _pillarOf[t.j] == p).Sum(t => _weight[t.j] * row[t.c]) /
                         _codes.Select((c, j) => j).Where(j => _pillarOf[j] == p).Sum(j => _weight[j]))
            .Average()).ToList();
        var ranked = index.Select((score, u) => (score, u)).OrderByDescending(t => t.score).ToList();
        var rank = new Dictionary<int, int>();
        for (int r = 0; r < ranked.Count; r++)
        {
            rank[ranked[r].u] = r > 0 && ranked[r].score == ranked[r - 1].score ? rank[ranked[r - 1].u] : r + 1;
        }

        return rank[0];
    }
}
