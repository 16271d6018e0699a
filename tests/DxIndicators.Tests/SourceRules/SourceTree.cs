namespace DxIndicators.Tests.SourceRules;

/// <summary>The repository's <c>src/</c> tree, for tests that read the sources themselves.</summary>
internal static class SourceTree
{
    /// <summary>Gets the <c>src/</c> directory (found above the test binaries, beside DxIndicators.sln).</summary>
    public static string Src { get; } = Path.Combine(RepoRoot(), "src");

    /// <summary>Gets every hand-written .cs file under <c>src/</c> (bin/ and obj/ left out).</summary>
    public static IEnumerable<string> Files() =>
        Directory.EnumerateFiles(Src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Relative(f).Contains("/obj/", StringComparison.Ordinal) && !Relative(f).Contains("/bin/", StringComparison.Ordinal));

    /// <summary>Gets a path relative to <c>src/</c>, with forward slashes on any OS.</summary>
    public static string Relative(string file) => Path.GetRelativePath(Src, file).Replace('\\', '/');

    private static string RepoRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DxIndicators.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("DxIndicators.sln not found above the test binaries.");
    }
}
