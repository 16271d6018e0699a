using Xunit.Abstractions;

namespace DxIndicators.Tests.TestSupport;

/// <summary>
/// Locates the shared reference data (never copied into the repo): env <c>DX_SHARED</c>, else the first
/// ancestor of the test binaries that has <c>shared/data/coinr-asem</c>. When absent, tests fail if
/// <c>DX_REQUIRE_SHARED=1</c>, else they return early and say why in the test output.
/// </summary>
public static class SharedData
{
    private const string Marker = "data/coinr-asem";

    /// <summary>Finds the shared folder (the one that contains <c>data/</c>).</summary>
    public static bool TryGet(out string path)
    {
        string? env = Environment.GetEnvironmentVariable("DX_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(Path.Combine(env, Marker)))
        {
            path = env;
            return true;
        }

        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, Marker)))
            {
                path = candidate;
                return true;
            }
        }

        path = string.Empty;
        return false;
    }

    /// <summary>Returns the coinr-asem folder, or null after writing why to the output (throws when DX_REQUIRE_SHARED=1).</summary>
    public static string? CoinrAsem(ITestOutputHelper output)
    {
        if (TryGet(out string shared))
        {
            return Path.Combine(shared, Marker);
        }

        string message = "Shared reference data not found (set DX_SHARED or place 'shared/data/coinr-asem' beside the checkout); test returns early.";
        if (Environment.GetEnvironmentVariable("DX_REQUIRE_SHARED") == "1")
        {
            throw new InvalidOperationException(message + " DX_REQUIRE_SHARED=1, so this is a failure.");
        }

        output.WriteLine(message);
        return null;
    }
}
