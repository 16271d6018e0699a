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
    public static Normaliser ParseNormaliser(string text) => Method("--normalise", text, Normaliser.Parse);

    /// <summary>Reads an aggregator in the grammar <see cref="Aggregator.Parse"/> reads (<c>genmean:2</c>).</summary>
    public static Aggregator ParseAggregator(string text) => Method("--aggregate", text, Aggregator.Parse);

    /// <summary>Applies an imputation in the grammar <see cref="ScoringOptions.WithImputation(string)"/> reads.</summary>
    public static ScoringOptions WithImputation(ScoringOptions options, string text) => Method("--impute", text, options.WithImputation);

    /// <summary>Applies a treatment in the grammar <see cref="ScoringOptions.WithTreatment(string)"/> reads.</summary>
    public static ScoringOptions WithTreatment(ScoringOptions options, string text) => Method("--treat", text, options.WithTreatment);

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

    private static T Method<T>(string option, string text, Func<string, T> parse)
    {
        try
        {
            return parse(text);
        }
        catch (FormatException ex)
        {
            throw new UsageException($"{option}: {ex.Message}");
        }
        catch (ArgumentException ex)
        {
            throw new UsageException($"{option} {text}: {ex.Message}");
        }
    }
}
