namespace DxIndicators.Reporting.Tests.TestSupport;

/// <summary>Assertions on large documents that name only what is missing (not the whole page).</summary>
internal static class Check
{
    public static void Contains(string document, params string[] parts)
    {
        string[] missing = parts.Where(p => !document.Contains(p, StringComparison.Ordinal)).ToArray();
        Assert.True(missing.Length == 0, "missing from the document: " + string.Join(" | ", missing));
    }

    public static void DoesNotContain(string document, params string[] parts)
    {
        string[] present = parts.Where(p => document.Contains(p, StringComparison.Ordinal)).ToArray();
        Assert.True(present.Length == 0, "unexpected in the document: " + string.Join(" | ", present));
    }
}
