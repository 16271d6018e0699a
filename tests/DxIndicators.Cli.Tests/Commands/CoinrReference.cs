using System.Globalization;

namespace DxIndicators.Cli.Tests.Commands;

/// <summary>
/// A deliberately plain, independent implementation of COINr's documented formulas (COINr 1.1.14, R/normalise.R and
/// R/aggregate.R at github bluefoxr/COINr b9682034) for pipelines the shared expected folder has no output for:
/// <c>Normalise(coin, dset = "Raw", global_specs = list(f_n = F, f_n_para = "use_iMeta"))</c> then
/// <c>Aggregate(coin, dset = "Normalised", f_ag = "a_amean")</c>, ranks by <c>rank(-x, ties.method = "min", na.last = "keep")</c>.
/// It shares no code with the library; the test checks it against COINr's own P1 output first.
/// </summary>
internal sealed class CoinrReference
{
    private readonly List<string> _units;
    private readonly Dictionary<string, double[]> _raw = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Level, string? Parent, double Direction, double Target, string Type)> _meta = new(StringComparer.Ordinal);

    public CoinrReference(string asem)
    {
        List<Dictionary<string, string>> meta = ReadCsv(Path.Combine(asem, "iMeta.csv"));
        foreach (Dictionary<string, string> row in meta)
        {
            _meta[row["iCode"]] = (row["Level"] == "NA" ? 0 : int.Parse(row["Level"], CultureInfo.InvariantCulture), row["Parent"] == "NA" ? null : row["Parent"],
                Num(row["Direction"]), Num(row["Target"]), row["Type"]);
        }

        List<Dictionary<string, string>> data = ReadCsv(Path.Combine(asem, "iData.csv")).OrderBy(r => r["uCode"], StringComparer.Ordinal).ToList();
        _units = data.Select(r => r["uCode"]).ToList();
        foreach (string code in Indicators)
        {
            _raw[code] = data.Select(r => Num(r[code])).ToArray();
        }
    }

    public IReadOnlyList<string> Units => _units;

    /// <summary>Gets the rows of Type = Indicator, the only ones COINr normalises and aggregates.</summary>
    public IEnumerable<string> Indicators => _meta.Where(m => m.Value.Type == "Indicator").Select(m => m.Key);

    public double[] Raw(string code) => _raw[code];

    public double Direction(string code) => _meta[code].Direction;

    /// <summary>n_minmax(x·d, l_u = c(l, u)).</summary>
    public Dictionary<string, double[]> MinMax(double l, double u) => Normalise(code =>
    {
        double[] x = Flip(code);
        double min = x.Where(v => !double.IsNaN(v)).Min(), max = x.Where(v => !double.IsNaN(v)).Max();
        return x.Select(v => ((v - min) / (max - min) * (u - l)) + l).ToArray();
    });

    /// <summary>n_dist2targ(x·d, targ = Target·d, cap_max = FALSE): (x' − min x')/(targ' − min x').</summary>
    public Dictionary<string, double[]> DistanceToTarget() => Normalise(code =>
    {
        double[] x = Flip(code);
        double targ = _meta[code].Target * _meta[code].Direction;
        double min = x.Where(v => !double.IsNaN(v)).Min();
        return x.Select(v => (v - min) / (targ - min)).ToArray();
    });

    /// <summary>
    /// n_goalposts(x·d, gposts, trunc2posts) with iMeta goalposts: gposts = (l, u, a) for d = 1 and (−u, −l, a) for
    /// d = −1, then y = (x' − gposts[1])/(gposts[2] − gposts[1]), truncated to [0, 1] when asked, times a.
    /// </summary>
    public Dictionary<string, double[]> Goalposts(IReadOnlyDictionary<string, (double Lower, double Upper)> posts, double scale, bool truncate) => Normalise(code =>
    {
        double[] x = Flip(code);
        double d = _meta[code].Direction;
        (double l, double u) = d < 0 ? (-posts[code].Upper, -posts[code].Lower) : (posts[code].Lower, posts[code].Upper);
        return x.Select(v =>
        {
            double y = (v - l) / (u - l);
            if (truncate && y > 1)
            {
                y = 1;
            }

            if (truncate && y < 0)
            {
                y = 0;
            }

            return y * scale;
        }).ToArray();
    });

    /// <summary>a_amean at every level, bottom-up, over the non-missing children with their iMeta weights (all 1 in ASEM).</summary>
    public Dictionary<string, double[]> Aggregate(Dictionary<string, double[]> normalised)
    {
        var all = new Dictionary<string, double[]>(normalised, StringComparer.Ordinal);
        int top = _meta.Values.Max(m => m.Level);
        for (int level = 2; level <= top; level++)
        {
            foreach (string node in _meta.Where(m => m.Value.Type == "Aggregate" && m.Value.Level == level).Select(m => m.Key))
            {
                string[] children = _meta.Where(m => m.Value.Parent == node).Select(m => m.Key).ToArray();
                all[node] = Enumerable.Range(0, _units.Count).Select(i =>
                {
                    double[] present = children.Select(c => all[c][i]).Where(v => !double.IsNaN(v)).ToArray();
                    return present.Length == 0 ? double.NaN : present.Sum() / present.Length;
                }).ToArray();
            }
        }

        return all;
    }

    public IEnumerable<string> Aggregates => _meta.Where(m => m.Value.Type == "Aggregate").Select(m => m.Key);

    /// <summary>R rank(-x, ties.method = "min", na.last = "keep"): 1 + the number of strictly higher scores.</summary>
    public static double[] Ranks(double[] scores) =>
        scores.Select(s => double.IsNaN(s) ? double.NaN : 1 + scores.Count(o => !double.IsNaN(o) && o > s)).ToArray();

    private Dictionary<string, double[]> Normalise(Func<string, double[]> f) => Indicators.ToDictionary(c => c, f, StringComparer.Ordinal);

    private double[] Flip(string code) => _raw[code].Select(v => v * _meta[code].Direction).ToArray();

    private static double Num(string s) => s == "NA" ? double.NaN : double.Parse(s, CultureInfo.InvariantCulture);

    private static List<Dictionary<string, string>> ReadCsv(string path)
    {
        // The shared files quote strings and never embed commas in numbers; names with commas are quoted.
        string[] lines = File.ReadAllLines(path);
        string[] header = Split(lines[0]);
        return lines.Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            string[] cells = Split(l);
            return header.Select((h, i) => (h, cells[i])).ToDictionary(p => p.h, p => p.Item2, StringComparer.Ordinal);
        }).ToList();
    }

    private static string[] Split(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(ch);
            }
        }

        cells.Add(cell.ToString());
        return [.. cells];
    }
}
