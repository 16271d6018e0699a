using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Scoring.Interop;

namespace DxIndicators.Benchmarks.Analysis;

/// <summary>Loads COINr's ASEM example (51 units × 49 indicators) from the shared data folder (never copied into the repo).</summary>
internal static class AsemData
{
    public static (Framework Framework, IndicatorMatrix Matrix) Load()
    {
        string dir = Find() ?? throw new InvalidOperationException("Shared data not found: set DX_SHARED to the folder holding data/coinr-asem.");
        CoinrImport import = CoinrImport.Read(Path.Combine(dir, "iMeta.csv"), Path.Combine(dir, "iData.csv"), "asem").GetValueOrThrow();
        return (import.Framework, import.Data);
    }

    private static string? Find()
    {
        string? env = Environment.GetEnvironmentVariable("DX_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(Path.Combine(env, "data", "coinr-asem")))
        {
            return Path.Combine(env, "data", "coinr-asem");
        }

        foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (DirectoryInfo? d = new(start); d is not null; d = d.Parent)
            {
                string candidate = Path.Combine(d.FullName, "shared", "data", "coinr-asem");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
