using DxIndicators.Catalog;
using DxIndicators.Model;
using DxIndicators.Storage;
using NodaTime;

namespace DxIndicators.Cli.Infrastructure;

/// <summary>Saves a command's output in the store it was computed from (<c>--record</c>).</summary>
internal static class StoreResults
{
    public static StoredResult Record(string store, CliContext context, string kind, LocalDate knownOn, Framework framework, TargetCatalog? targets, IReadOnlyList<string> args, string output)
    {
        using IObservationStore opened = StoreInputs.Open(store, context.Clock);
        StoredResult saved = opened.SaveResult(StoredResult.Create(kind, knownOn, framework, targets, Redacted(args), output));
        context.Error.WriteLine(Text.Invariant($"recorded as result {saved.Id} (framework {framework.Id} {framework.Metadata.Version}, sha256 {saved.FrameworkSha256[..16]}…)"));
        return saved;
    }

    // The store's own location (a connection string may hold a password) is not kept with the result.
    private static string Redacted(IReadOnlyList<string> args)
    {
        var kept = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            if (args[i] == "--store")
            {
                i++;
                continue;
            }

            if (!args[i].StartsWith("--store=", StringComparison.Ordinal))
            {
                kept.Add(Quote(args[i]));
            }
        }

        return string.Join(' ', kept);
    }

    private static string Quote(string arg) => arg.Length > 0 && !arg.Any(char.IsWhiteSpace) && !arg.Contains('"', StringComparison.Ordinal) ? arg : "\"" + arg.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
