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
    /// <summary>Reads a normaliser in the grammar <see cref="Normaliser.Parse"/> reads (<c>minmax:0,100</c>).</summary>
    public static Normaliser ParseNormaliser(string text)
    {
        try
        {
            return Normaliser.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new UsageException($"--normalise: {ex.Message}");
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"--normalise {text}: {ex.Message}");
        }
    }

    /// <summary>Reads an aggregator in the grammar <see cref="Aggregator.Parse"/> reads (<c>genmean:2</c>).</summary>
    public static Aggregator ParseAggregator(string text)
    {
        try
        {
            return Aggregator.Parse(text);
        }
        catch (FormatException ex)
        {
            throw new UsageException($"--aggregate: {ex.Message}");
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"--aggregate {text}: {ex.Message}");
        }
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
        return ScoringInputsCsv.ReadWeights(reader, path, framework);
    }

    /// <summary>Reads <c>code,lower,upper[,scale,truncate]</c> rows (raw units) and returns a framework carrying those goalposts, plus per-indicator normalisers.</summary>
    public static (Framework Framework, IReadOnlyList<KeyValuePair<string, Normaliser>> Normalisers) ApplyGoalposts(string path, Framework framework)
    {
        IReadOnlyList<(string Code, Goalposts Goalposts, Normaliser Normaliser)> rows;
        using (TextReader reader = InputFile.OpenCsv(path))
        {
            rows = ScoringInputsCsv.ReadGoalposts(reader, path, framework);
        }

        var posts = rows.ToDictionary(r => r.Code, r => r.Goalposts, StringComparer.Ordinal);
        var indicators = framework.Indicators.Select(i => posts.TryGetValue(i.Code, out Goalposts? g) ? i with { Goalposts = g } : i);
        return (new Framework(framework.Metadata, framework.Root, framework.Nodes, indicators, framework.Targets), rows.Select(r => KeyValuePair.Create(r.Code, r.Normaliser)).ToList());
    }

    /// <summary>Reads <c>unit,COLUMN…</c> group assignments.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string?>> ReadGroups(string path)
    {
        using TextReader reader = InputFile.OpenCsv(path);
        return ScoringInputsCsv.ReadGroups(reader, path);
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
