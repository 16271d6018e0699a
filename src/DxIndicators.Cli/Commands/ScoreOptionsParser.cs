using System.Globalization;
using DxIndicators.Cli.Infrastructure;
using DxIndicators.Formats;
using DxIndicators.Model;
using DxIndicators.Scoring;
using DxIndicators.Scoring.Interop;

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
        using TextReader reader = InputFile.OpenCsv(path);
        return ScoringInputsCsv.ReadWeights(reader, path, framework).GetValueOrThrow();
    }

    /// <summary>Reads <c>code,lower,upper[,scale,truncate]</c> rows (raw units) and returns a framework carrying those goalposts, plus per-indicator normalisers.</summary>
    public static (Framework Framework, IReadOnlyList<KeyValuePair<string, Normaliser>> Normalisers) ApplyGoalposts(string path, Framework framework)
    {
        IReadOnlyList<(string Code, Goalposts Goalposts, Normaliser Normaliser)> rows;
        using (TextReader reader = InputFile.OpenCsv(path))
        {
            rows = ScoringInputsCsv.ReadGoalposts(reader, path, framework).GetValueOrThrow();
        }

        var posts = rows.ToDictionary(r => r.Code, r => r.Goalposts, StringComparer.Ordinal);
        var indicators = framework.Indicators.Select(i => posts.TryGetValue(i.Code, out Goalposts? g) ? i.WithGoalposts(g) : i);
        return (new Framework(framework.Metadata, framework.Root, framework.Nodes, indicators, framework.Targets), rows.Select(r => KeyValuePair.Create(r.Code, r.Normaliser)).ToList());
    }

    /// <summary>Reads <c>unit,COLUMN…</c> group assignments.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string?>> ReadGroups(string path)
    {
        using TextReader reader = InputFile.OpenCsv(path);
        return ScoringInputsCsv.ReadGroups(reader, path).GetValueOrThrow();
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

    private static bool TryNumber(string text, out double value) => NumberText.TryParse(text, out value);
}
