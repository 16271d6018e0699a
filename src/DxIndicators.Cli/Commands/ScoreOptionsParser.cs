using System.Globalization;
using DxIndicators.Cli.Infrastructure;
using DxIndicators.Model;
using DxIndicators.Scoring;

namespace DxIndicators.Cli.Commands;

/// <summary>Turns <c>dx score</c>'s method options into <see cref="ScoringOptions"/>.</summary>
internal static class ScoreOptionsParser
{
    public static Normaliser ParseNormaliser(string text)
    {
        try
        {
            return ParseNormaliserCore(text);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"--normalise {text}: {ex.Message}");
        }
    }

    public static Aggregator ParseAggregator(string text)
    {
        try
        {
            return ParseAggregatorCore(text);
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"--aggregate {text}: {ex.Message}");
        }
    }

    private static Normaliser ParseNormaliserCore(string text)
    {
        (string name, double[] args) = Split(text, "--normalise");
        return name switch
        {
            "minmax" => args.Length switch
            {
                0 => Normaliser.MinMax(),
                2 => Normaliser.MinMax(args[0], args[1]),
                _ => throw new UsageException("--normalise minmax takes 'minmax' or 'minmax:LOW,HIGH'"),
            },
            "zscore" => args.Length switch
            {
                0 => Normaliser.ZScore(),
                2 => Normaliser.ZScore(args[0], args[1]),
                _ => throw new UsageException("--normalise zscore takes 'zscore' or 'zscore:MEAN,SD'"),
            },
            "rank" => NoArgs(Normaliser.Rank),
            "prank" => NoArgs(Normaliser.PercentileRank),
            "borda" => NoArgs(Normaliser.Borda),
            "goalposts" => NoArgs(Normaliser.Goalposts()),
            "dist2targ" => Normaliser.DistanceToTarget(cap: text.EndsWith(":cap", StringComparison.Ordinal)),
            "dist2max" => NoArgs(Normaliser.DistanceToMax),
            "fracmax" => NoArgs(Normaliser.FractionOfMax),
            "points" => NoArgs(Normaliser.Points),
            "auto" => NoArgs(Normaliser.Auto),
            "none" => NoArgs(Normaliser.None),
            _ => throw new UsageException($"--normalise: unknown method '{name}' (minmax[:lo,hi], zscore[:mean,sd], rank, prank, borda, goalposts, dist2targ[:cap], dist2max, fracmax, points, auto, none)"),
        };

        Normaliser NoArgs(Normaliser n) => args.Length == 0 ? n : throw new UsageException($"--normalise {name} takes no parameters");
    }

    private static Aggregator ParseAggregatorCore(string text)
    {
        (string name, double[] args) = Split(text, "--aggregate");
        return (name, args.Length) switch
        {
            ("amean", 0) => Aggregator.ArithmeticMean,
            ("gmean", 0) => Aggregator.GeometricMean,
            ("hmean", 0) => Aggregator.HarmonicMean,
            ("min", 0) => Aggregator.Minimum,
            ("points", 0) => Aggregator.PointsRatio,
            ("genmean", 1) => Aggregator.GeneralisedMean(args[0]),
            _ => throw new UsageException($"--aggregate: '{text}' is not one of amean, gmean, hmean, genmean:P, min, points"),
        };
    }

    public static ScoringOptions WithImputation(ScoringOptions options, string text)
    {
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        string name = colon < 0 ? text : text[..colon];
        return name switch
        {
            "none" => options,
            "mean" => options.WithImputation(ImputationMethod.ColumnMean),
            "median" => options.WithImputation(ImputationMethod.ColumnMedian),
            "groupmean" when colon > 0 => options.WithImputation(ImputationMethod.GroupMean, text[(colon + 1)..]),
            _ => throw new UsageException($"--impute: '{text}' is not one of none, mean, median, groupmean:COLUMN"),
        };
    }

    public static ScoringOptions WithTreatment(ScoringOptions options, string text)
    {
        (string name, double[] args) = Split(text, "--treat");
        return (name, args.Length) switch
        {
            ("none", 0) => options,
            ("winsorise", 0) => options.WithTreatment(),
            ("winsorise", 1) when args[0] >= 1 && args[0] == Math.Floor(args[0]) => options.WithTreatment((int)args[0]),
            _ => throw new UsageException($"--treat: '{text}' is not one of none, winsorise[:N] (N a whole number ≥ 1)"),
        };
    }

    /// <summary>Reads <c>code,weight</c> rows; every bad row is reported.</summary>
    public static IReadOnlyList<KeyValuePair<string, double>> ReadWeights(string path, Framework framework)
    {
        var weights = new List<KeyValuePair<string, double>>();
        var errors = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach ((int line, string[] cells) in ReadRows(path, "code", errors))
        {
            if (cells.Length != 2)
            {
                errors.Add($"{path}:{line}: expected 2 columns code,weight, found {cells.Length}");
                continue;
            }

            if (!seen.TryAdd(cells[0], line))
            {
                errors.Add($"{path}:{line}: '{cells[0]}' already has a weight on line {seen[cells[0]]}");
                continue;
            }

            if (!framework.TryGetIndicator(cells[0], out _) && !framework.TryGetNode(cells[0], out _))
            {
                errors.Add($"{path}:{line}: '{cells[0]}' is not an indicator or node of framework '{framework.Id}'");
            }

            if (!TryNumber(cells[1], out double w) || w < 0)
            {
                errors.Add($"{path}:{line}: weight '{cells[1]}' must be a finite number ≥ 0");
                continue;
            }

            weights.Add(new(cells[0], w));
        }

        Throw(errors);
        return weights;
    }

    /// <summary>Reads <c>code,lower,upper[,scale,truncate]</c> rows (raw units) and returns a framework carrying those goalposts, plus per-indicator normalisers.</summary>
    public static (Framework Framework, IReadOnlyList<KeyValuePair<string, Normaliser>> Normalisers) ApplyGoalposts(string path, Framework framework)
    {
        var errors = new List<string>();
        var posts = new Dictionary<string, Goalposts>(StringComparer.Ordinal);
        var normalisers = new List<KeyValuePair<string, Normaliser>>();
        foreach ((int line, string[] cells) in ReadRows(path, "code", errors))
        {
            if (cells.Length is < 3 or > 5)
            {
                errors.Add($"{path}:{line}: expected code,lower,upper[,scale,truncate], found {cells.Length} columns");
                continue;
            }

            if (!framework.TryGetIndicator(cells[0], out _))
            {
                errors.Add($"{path}:{line}: '{cells[0]}' is not an indicator of framework '{framework.Id}'");
                continue;
            }

            if (posts.ContainsKey(cells[0]))
            {
                errors.Add($"{path}:{line}: '{cells[0]}' already has goalposts on an earlier line");
                continue;
            }

            bool ok = TryNumber(cells[1], out double lower) & TryNumber(cells[2], out double upper);
            double scale = 1;
            bool truncate = true;
            if (cells.Length >= 4 && !TryNumber(cells[3], out scale))
            {
                ok = false;
            }

            if (cells.Length == 5 && !bool.TryParse(cells[4], out truncate))
            {
                errors.Add($"{path}:{line}: truncate '{cells[4]}' must be true or false");
                continue;
            }

            if (!ok || lower >= upper)
            {
                errors.Add($"{path}:{line}: lower, upper and scale must be finite numbers with lower < upper (raw units; polarity is applied by the library)");
                continue;
            }

            posts[cells[0]] = new Goalposts(lower, upper);
            normalisers.Add(new(cells[0], Normaliser.Goalposts(scale, truncate)));
        }

        Throw(errors);
        var indicators = framework.Indicators.Select(i => posts.TryGetValue(i.Code, out Goalposts? g) ? i with { Goalposts = g } : i);
        return (new Framework(framework.Metadata, framework.Root, framework.Nodes, indicators, framework.Targets), normalisers);
    }

    /// <summary>Reads <c>unit,COLUMN…</c> group assignments.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string?>> ReadGroups(string path)
    {
        var errors = new List<string>();
        string[] lines = File.ReadAllLines(path);
        if (lines.Length == 0)
        {
            throw new InvalidDataException($"{path}: empty; expected a header unit,GROUP…");
        }

        string[] header = lines[0].Split(',');
        if (header[0] != "unit" || header.Length < 2)
        {
            throw new InvalidDataException($"{path}:1: header must be unit,GROUP[,GROUP…], was '{lines[0]}'");
        }

        string[] repeated = header.Skip(1).GroupBy(h => h, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        if (repeated.Length > 0)
        {
            throw new InvalidDataException($"{path}:1: the header repeats column(s) {string.Join(", ", repeated)}");
        }

        var result = header.Skip(1).ToDictionary(h => h, _ => new Dictionary<string, string?>(StringComparer.Ordinal), StringComparer.Ordinal);
        var units = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            string[] cells = lines[i].Split(',');
            if (cells.Length != header.Length)
            {
                errors.Add($"{path}:{i + 1}: expected {header.Length} columns, found {cells.Length}");
                continue;
            }

            if (!units.TryAdd(cells[0], i + 1))
            {
                errors.Add($"{path}:{i + 1}: unit '{cells[0]}' already has groups on line {units[cells[0]]}");
                continue;
            }

            for (int c = 1; c < header.Length; c++)
            {
                result[header[c]][cells[0]] = cells[c].Length == 0 ? null : cells[c];
            }
        }

        Throw(errors);
        return result.ToDictionary(kv => kv.Key, kv => (IReadOnlyDictionary<string, string?>)kv.Value, StringComparer.Ordinal);
    }

    private static IEnumerable<(int Line, string[] Cells)> ReadRows(string path, string firstHeader, List<string> errors)
    {
        string[] lines = File.ReadAllLines(path);
        if (lines.Length == 0 || !lines[0].StartsWith(firstHeader + ",", StringComparison.Ordinal))
        {
            errors.Add($"{path}:1: the header must start with '{firstHeader},'");
            yield break;
        }

        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length > 0)
            {
                yield return (i + 1, lines[i].Split(',').Select(c => c.Trim()).ToArray());
            }
        }
    }

    private static (string Name, double[] Args) Split(string text, string option)
    {
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return (text, []);
        }

        string name = text[..colon];
        string rest = text[(colon + 1)..];
        if (name == "dist2targ")
        {
            return rest == "cap" ? (name, []) : throw new UsageException($"{option}: dist2targ takes 'dist2targ' or 'dist2targ:cap'");
        }

        var args = new List<double>();
        foreach (string part in rest.Split(','))
        {
            args.Add(TryNumber(part, out double v) ? v : throw new UsageException($"{option}: '{part}' in '{text}' is not a finite number"));
        }

        return (name, args.ToArray());
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static void Throw(List<string> errors)
    {
        if (errors.Count > 0)
        {
            throw new InvalidDataException(string.Join(Environment.NewLine, errors));
        }
    }
}
