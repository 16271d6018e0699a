using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Scoring;
using NodaTime;

namespace DxIndicators.Benchmarks.Scoring;

/// <summary>
/// W1 of shared/research/perf.md at any number of units: U units × 100 indicators (uniform on [0, 1000), fixed seed,
/// no missing values), min-max with polarity (every fifth indicator lower-is-better), 8 weighted-arithmetic pillars
/// (indicator j in pillar j mod 8, weight 1 + j mod 3), an equal-weight index, a competition rank of the index.
/// Holds the library's plan and workspace and the inputs of the peers written here: a hand-fused single pass, plain
/// loops over <c>double[,]</c> and a naive Dictionary/LINQ version.
/// </summary>
internal sealed class PipelineWorkload
{
    public const int Indicators = 100;
    public const int Pillars = 8;

    private readonly string[] _codes;
    private readonly int[] _pillarOf;
    private readonly double[] _weight;
    private readonly double[] _sign;
    private readonly double[] _values;
    private readonly double[,] _array;
    private List<Dictionary<string, double>>? _rows;

    // Hand-fused pass buffers (reused, like the library's workspace).
    private readonly double[] _normalised;
    private readonly double[] _pillarScores;
    private readonly double[] _index;
    private readonly double[] _ranks;
    private readonly double[] _keys;
    private readonly int[] _order;
    private readonly double[] _offset = new double[Indicators];
    private readonly double[] _factor = new double[Indicators];
    private readonly int[][] _members;
    private readonly double[] _pillarWeightTotal = new double[Pillars];

    public PipelineWorkload(int units)
    {
        Units = units;
        var random = new Random(42);
        _codes = Enumerable.Range(0, Indicators).Select(i => "X" + i.ToString("D3", CultureInfo.InvariantCulture)).ToArray();
        _pillarOf = Enumerable.Range(0, Indicators).Select(i => i % Pillars).ToArray();
        _weight = Enumerable.Range(0, Indicators).Select(i => 1.0 + (i % 3)).ToArray();
        _sign = Enumerable.Range(0, Indicators).Select(i => i % 5 == 0 ? -1.0 : 1.0).ToArray();
        _values = new double[units * Indicators];
        _array = new double[units, Indicators];
        for (int j = 0; j < Indicators; j++)
        {
            for (int u = 0; u < units; u++)
            {
                double v = random.NextDouble() * 1000;
                _values[(j * units) + u] = v;
                _array[u, j] = v;
            }
        }

        string[] unitCodes = Enumerable.Range(0, units).Select(u => "C" + u.ToString("D5", CultureInfo.InvariantCulture)).ToArray();
        Matrix = new IndicatorMatrix(unitCodes, _codes, _values);
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
        Plan = ScoringPlan.Compile(framework, ScoringOptions.Default.WithNormaliser(Normaliser.MinMax()).WithRanking(RankMethod.Competition, RankScope.RootOnly));
        Workspace = new ScoringWorkspace(Plan, units);
        _normalised = new double[units * Indicators];
        _pillarScores = new double[units * Pillars];
        _index = new double[units];
        _ranks = new double[units];
        _keys = new double[units];
        _order = new int[units];
        _members = Enumerable.Range(0, Pillars).Select(p => Enumerable.Range(0, Indicators).Where(j => _pillarOf[j] == p).ToArray()).ToArray();
        for (int p = 0; p < Pillars; p++)
        {
            foreach (int j in _members[p])
            {
                _pillarWeightTotal[p] += _weight[j];
            }
        }
    }

    public int Units { get; }

    public long Cells => (long)Units * Indicators;

    public IndicatorMatrix Matrix { get; }

    public ScoringPlan Plan { get; }

    public ScoringWorkspace Workspace { get; }

    /// <summary>The library: <see cref="ScoringPlan.ScoreInto"/> into the reused workspace (keeps the normalised matrix).</summary>
    public double Library()
    {
        Plan.ScoreInto(Matrix, Workspace);
        return Workspace.Ranks(Plan.NodeCodes.Count - 1)[0];
    }

    /// <summary>
    /// The hand-fused reference, written for this workload only (no missing values, so no masks and no weight sums): per
    /// pillar, one Vector512/Vector256 min/max pass per column, then over blocks of 1,024 units the columns are
    /// normalised, stored and accumulated in the same pass, four columns per load and store of the accumulator; pillar score = sum / total weight; index = mean of pillars; rank by
    /// <see cref="Array.Sort{TKey, TValue}(TKey[], TValue[])"/> of the negated index. It keeps the normalised matrix,
    /// as the library does, and gives the library's scores and ranks (checked by <see cref="Check"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double HandFused()
    {
        int units = Units;
        const int Block = 1024;
        for (int p = 0; p < Pillars; p++)
        {
            int[] members = _members[p];
            foreach (int j in members)
            {
                (double min, double max) = MinMax(_values.AsSpan(j * units, units));
                (double m1, double m2) = _sign[j] > 0 ? (min, max) : (-max, -min);
                _offset[j] = _sign[j] * m1;
                _factor[j] = _sign[j] * (1.0 / (m2 - m1));
            }

            Span<double> score = _pillarScores.AsSpan(p * units, units);
            score.Clear();
            for (int b0 = 0; b0 < units; b0 += Block)
            {
                int len = Math.Min(Block, units - b0);
                Span<double> acc = score.Slice(b0, len);
                int m = 0;
                for (; m + 4 <= members.Length; m += 4)
                {
                    FuseColumns4(members.AsSpan(m, 4), b0, len, acc);
                }

                for (; m < members.Length; m++)
                {
                    int j = members[m];
                    FuseColumn(_values.AsSpan((j * units) + b0, len), _normalised.AsSpan((j * units) + b0, len), acc, _offset[j], _factor[j], _weight[j]);
                }

                double total = _pillarWeightTotal[p];
                for (int i = 0; i < len; i++)
                {
                    acc[i] /= total;
                }
            }
        }

        Span<double> index = _index;
        index.Clear();
        for (int p = 0; p < Pillars; p++)
        {
            ReadOnlySpan<double> score = _pillarScores.AsSpan(p * units, units);
            for (int i = 0; i < units; i++)
            {
                index[i] += score[i];
            }
        }

        for (int i = 0; i < units; i++)
        {
            index[i] /= Pillars;
            _keys[i] = -index[i];
            _order[i] = i;
        }

        Array.Sort(_keys, _order);
        for (int r = 0; r < units; r++)
        {
            _ranks[_order[r]] = r > 0 && _keys[r] == _keys[r - 1] ? _ranks[_order[r - 1]] : r + 1;
        }

        return _ranks[0];
    }

    /// <summary>Plain loops over <c>double[,]</c>, a new normalised matrix each call (perf.md's (b)).</summary>
    public double PlainLoops()
    {
        int units = Units;
        var n = new double[units, Indicators];
        for (int j = 0; j < Indicators; j++)
        {
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            for (int u = 0; u < units; u++)
            {
                min = Math.Min(min, _array[u, j]);
                max = Math.Max(max, _array[u, j]);
            }

            for (int u = 0; u < units; u++)
            {
                n[u, j] = _sign[j] > 0 ? (_array[u, j] - min) / (max - min) : (max - _array[u, j]) / (max - min);
            }
        }

        var index = new double[units];
        for (int u = 0; u < units; u++)
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
        int[] order = Enumerable.Range(0, units).ToArray();
        Array.Sort(keys, order);
        var rank = new double[units];
        for (int r = 0; r < units; r++)
        {
            rank[order[r]] = r > 0 && keys[r] == keys[r - 1] ? rank[order[r - 1]] : r + 1;
        }

        return rank[0];
    }

    /// <summary>A naive <c>List&lt;Dictionary&lt;string, double&gt;&gt;</c> + LINQ version (perf.md's (a1)).</summary>
    public double NaiveLinq()
    {
        _rows ??= Enumerable.Range(0, Units).Select(u => _codes.Select((c, j) => (c, j)).ToDictionary(p => p.c, p => _array[u, p.j])).ToList();
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

    /// <summary>Runs the library and the hand-fused pass and throws unless they agree (ranks exactly, scores to 1e-12).</summary>
    public void Check()
    {
        Library();
        HandFused();
        int root = Plan.NodeCodes.Count - 1;
        ReadOnlySpan<double> scores = Workspace.NodeScores(root), ranks = Workspace.Ranks(root);
        for (int i = 0; i < Units; i++)
        {
            if (Math.Abs(scores[i] - _index[i]) > 1e-12 || ranks[i] != _ranks[i])
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"hand-fused pass disagrees with the library at unit {i}: {_index[i]} (rank {_ranks[i]}) vs {scores[i]} (rank {ranks[i]})"));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FuseColumns4(ReadOnlySpan<int> j, int b0, int len, Span<double> acc)
    {
        int units = Units;
        ReadOnlySpan<double> x0 = _values.AsSpan((j[0] * units) + b0, len), x1 = _values.AsSpan((j[1] * units) + b0, len);
        ReadOnlySpan<double> x2 = _values.AsSpan((j[2] * units) + b0, len), x3 = _values.AsSpan((j[3] * units) + b0, len);
        Span<double> y0 = _normalised.AsSpan((j[0] * units) + b0, len), y1 = _normalised.AsSpan((j[1] * units) + b0, len);
        Span<double> y2 = _normalised.AsSpan((j[2] * units) + b0, len), y3 = _normalised.AsSpan((j[3] * units) + b0, len);
        double o0 = _offset[j[0]], o1 = _offset[j[1]], o2 = _offset[j[2]], o3 = _offset[j[3]];
        double f0 = _factor[j[0]], f1 = _factor[j[1]], f2 = _factor[j[2]], f3 = _factor[j[3]];
        double w0 = _weight[j[0]], w1 = _weight[j[1]], w2 = _weight[j[2]], w3 = _weight[j[3]];
        ref double rx0 = ref MemoryMarshal.GetReference(x0), rx1 = ref MemoryMarshal.GetReference(x1);
        ref double rx2 = ref MemoryMarshal.GetReference(x2), rx3 = ref MemoryMarshal.GetReference(x3);
        ref double ry0 = ref MemoryMarshal.GetReference(y0), ry1 = ref MemoryMarshal.GetReference(y1);
        ref double ry2 = ref MemoryMarshal.GetReference(y2), ry3 = ref MemoryMarshal.GetReference(y3);
        ref double racc = ref MemoryMarshal.GetReference(acc);
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<double> vo0 = Vector512.Create(o0), vo1 = Vector512.Create(o1), vo2 = Vector512.Create(o2), vo3 = Vector512.Create(o3);
            Vector512<double> vf0 = Vector512.Create(f0), vf1 = Vector512.Create(f1), vf2 = Vector512.Create(f2), vf3 = Vector512.Create(f3);
            Vector512<double> vw0 = Vector512.Create(w0), vw1 = Vector512.Create(w1), vw2 = Vector512.Create(w2), vw3 = Vector512.Create(w3);
            for (; i <= len - 8; i += 8)
            {
                Vector512<double> a = Vector512.LoadUnsafe(ref racc, (nuint)i);
                Vector512<double> v = (Vector512.LoadUnsafe(ref rx0, (nuint)i) - vo0) * vf0;
                v.StoreUnsafe(ref ry0, (nuint)i);
                a += vw0 * v;
                v = (Vector512.LoadUnsafe(ref rx1, (nuint)i) - vo1) * vf1;
                v.StoreUnsafe(ref ry1, (nuint)i);
                a += vw1 * v;
                v = (Vector512.LoadUnsafe(ref rx2, (nuint)i) - vo2) * vf2;
                v.StoreUnsafe(ref ry2, (nuint)i);
                a += vw2 * v;
                v = (Vector512.LoadUnsafe(ref rx3, (nuint)i) - vo3) * vf3;
                v.StoreUnsafe(ref ry3, (nuint)i);
                a += vw3 * v;
                a.StoreUnsafe(ref racc, (nuint)i);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            Vector256<double> vo0 = Vector256.Create(o0), vo1 = Vector256.Create(o1), vo2 = Vector256.Create(o2), vo3 = Vector256.Create(o3);
            Vector256<double> vf0 = Vector256.Create(f0), vf1 = Vector256.Create(f1), vf2 = Vector256.Create(f2), vf3 = Vector256.Create(f3);
            Vector256<double> vw0 = Vector256.Create(w0), vw1 = Vector256.Create(w1), vw2 = Vector256.Create(w2), vw3 = Vector256.Create(w3);
            for (; i <= len - 4; i += 4)
            {
                Vector256<double> a = Vector256.LoadUnsafe(ref racc, (nuint)i);
                Vector256<double> v = (Vector256.LoadUnsafe(ref rx0, (nuint)i) - vo0) * vf0;
                v.StoreUnsafe(ref ry0, (nuint)i);
                a += vw0 * v;
                v = (Vector256.LoadUnsafe(ref rx1, (nuint)i) - vo1) * vf1;
                v.StoreUnsafe(ref ry1, (nuint)i);
                a += vw1 * v;
                v = (Vector256.LoadUnsafe(ref rx2, (nuint)i) - vo2) * vf2;
                v.StoreUnsafe(ref ry2, (nuint)i);
                a += vw2 * v;
                v = (Vector256.LoadUnsafe(ref rx3, (nuint)i) - vo3) * vf3;
                v.StoreUnsafe(ref ry3, (nuint)i);
                a += vw3 * v;
                a.StoreUnsafe(ref racc, (nuint)i);
            }
        }

        for (; i < len; i++)
        {
            double a = acc[i], v = (x0[i] - o0) * f0;
            y0[i] = v;
            a += w0 * v;
            v = (x1[i] - o1) * f1;
            y1[i] = v;
            a += w1 * v;
            v = (x2[i] - o2) * f2;
            y2[i] = v;
            a += w2 * v;
            v = (x3[i] - o3) * f3;
            y3[i] = v;
            a += w3 * v;
            acc[i] = a;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FuseColumn(ReadOnlySpan<double> x, Span<double> y, Span<double> acc, double offset, double factor, double weight)
    {
        int n = x.Length, i = 0;
        ref double rx = ref MemoryMarshal.GetReference(x);
        ref double ry = ref MemoryMarshal.GetReference(y);
        ref double ra = ref MemoryMarshal.GetReference(acc);
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<double> o = Vector512.Create(offset), f = Vector512.Create(factor), w = Vector512.Create(weight);
            for (; i <= n - 8; i += 8)
            {
                Vector512<double> v = (Vector512.LoadUnsafe(ref rx, (nuint)i) - o) * f;
                v.StoreUnsafe(ref ry, (nuint)i);
                (Vector512.LoadUnsafe(ref ra, (nuint)i) + (w * v)).StoreUnsafe(ref ra, (nuint)i);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            Vector256<double> o = Vector256.Create(offset), f = Vector256.Create(factor), w = Vector256.Create(weight);
            for (; i <= n - 4; i += 4)
            {
                Vector256<double> v = (Vector256.LoadUnsafe(ref rx, (nuint)i) - o) * f;
                v.StoreUnsafe(ref ry, (nuint)i);
                (Vector256.LoadUnsafe(ref ra, (nuint)i) + (w * v)).StoreUnsafe(ref ra, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            double v = (x[i] - offset) * factor;
            y[i] = v;
            acc[i] += weight * v;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (double Min, double Max) MinMax(ReadOnlySpan<double> x)
    {
        int n = x.Length, i = 0;
        ref double r = ref MemoryMarshal.GetReference(x);
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        if (Vector512.IsHardwareAccelerated && n >= 32)
        {
            Vector512<double> a0 = Vector512.Create(min), a1 = a0, a2 = a0, a3 = a0;
            Vector512<double> b0 = Vector512.Create(max), b1 = b0, b2 = b0, b3 = b0;
            for (; i <= n - 32; i += 32)
            {
                Vector512<double> v0 = Vector512.LoadUnsafe(ref r, (nuint)i), v1 = Vector512.LoadUnsafe(ref r, (nuint)(i + 8));
                Vector512<double> v2 = Vector512.LoadUnsafe(ref r, (nuint)(i + 16)), v3 = Vector512.LoadUnsafe(ref r, (nuint)(i + 24));
                a0 = Vector512.Min(a0, v0);
                a1 = Vector512.Min(a1, v1);
                a2 = Vector512.Min(a2, v2);
                a3 = Vector512.Min(a3, v3);
                b0 = Vector512.Max(b0, v0);
                b1 = Vector512.Max(b1, v1);
                b2 = Vector512.Max(b2, v2);
                b3 = Vector512.Max(b3, v3);
            }

            Vector512<double> a = Vector512.Min(Vector512.Min(a0, a1), Vector512.Min(a2, a3));
            Vector512<double> b = Vector512.Max(Vector512.Max(b0, b1), Vector512.Max(b2, b3));
            for (int k = 0; k < 8; k++)
            {
                min = Math.Min(min, a[k]);
                max = Math.Max(max, b[k]);
            }
        }
        else if (Vector256.IsHardwareAccelerated && n >= 16)
        {
            Vector256<double> a0 = Vector256.Create(min), a1 = a0, a2 = a0, a3 = a0;
            Vector256<double> b0 = Vector256.Create(max), b1 = b0, b2 = b0, b3 = b0;
            for (; i <= n - 16; i += 16)
            {
                Vector256<double> v0 = Vector256.LoadUnsafe(ref r, (nuint)i), v1 = Vector256.LoadUnsafe(ref r, (nuint)(i + 4));
                Vector256<double> v2 = Vector256.LoadUnsafe(ref r, (nuint)(i + 8)), v3 = Vector256.LoadUnsafe(ref r, (nuint)(i + 12));
                a0 = Vector256.Min(a0, v0);
                a1 = Vector256.Min(a1, v1);
                a2 = Vector256.Min(a2, v2);
                a3 = Vector256.Min(a3, v3);
                b0 = Vector256.Max(b0, v0);
                b1 = Vector256.Max(b1, v1);
                b2 = Vector256.Max(b2, v2);
                b3 = Vector256.Max(b3, v3);
            }

            Vector256<double> a = Vector256.Min(Vector256.Min(a0, a1), Vector256.Min(a2, a3));
            Vector256<double> b = Vector256.Max(Vector256.Max(b0, b1), Vector256.Max(b2, b3));
            for (int k = 0; k < 4; k++)
            {
                min = Math.Min(min, a[k]);
                max = Math.Max(max, b[k]);
            }
        }

        for (; i < n; i++)
        {
            min = Math.Min(min, x[i]);
            max = Math.Max(max, x[i]);
        }

        return (min, max);
    }
}
