using System.Text.RegularExpressions;

namespace DxIndicators.Tests.Robustness;

/// <summary>The one rule list is documented, the library uses no rule name outside it, and namespace dependencies
/// point one way (the graph is in docs/architecture.md).</summary>
public partial class DependencyAndRuleTests
{
    // Issue 9 broke the two earlier cycles (Data <-> Units, Serialization <-> Catalog); none may come back.
    private static readonly string[] KnownCycles = [];

    private static string Root => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));

    [Fact]
    public void EveryRuleName_IsDocumentedInReliabilityMd()
    {
        string doc = File.ReadAllText(Path.Combine(Root, "docs", "reliability.md"));
        ProblemRules.All.Should().HaveCountGreaterThan(50);
        ProblemRules.All.Where(r => !doc.Contains($"| `{r}` |", StringComparison.Ordinal)).Should().BeEmpty("every rule name has a row in docs/reliability.md");
        ProblemRules.All.Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void LibraryRuleLiterals_AreAllInTheOneList()
    {
        var allowed = new HashSet<string>(ProblemRules.All, StringComparer.Ordinal) { "coinr-import", "vn-dti", "vn-provinces" };
        var stray = new List<string>();
        foreach (string file in SourceFiles())
        {
            foreach (Match m in KebabLiteral().Matches(File.ReadAllText(file)))
            {
                if (!allowed.Contains(m.Groups[1].Value))
                {
                    stray.Add($"{Path.GetFileName(file)}: {m.Groups[1].Value}");
                }
            }
        }

        stray.Should().BeEmpty("a rule name used by the library must be one of ProblemRules.All");
    }

    [Fact]
    public void Namespaces_HaveNoCyclesBeyondTheKnownOnes()
    {
        Dictionary<string, HashSet<string>> edges = Edges();
        edges.Keys.Should().Contain(["Model", "Data", "Units", "Scoring", "Formats"]);
        edges["Formats"].Should().BeEmpty("the I/O base depends on nothing but the root vocabulary");
        edges["Model"].Should().BeEmpty("the model is a leaf");
        var cycles = new List<string>();
        foreach (string a in edges.Keys)
        {
            foreach (string b in edges.Keys.Where(b => string.CompareOrdinal(a, b) < 0))
            {
                if (Reaches(edges, a, b) && Reaches(edges, b, a))
                {
                    cycles.Add($"{a} <-> {b}");
                }
            }
        }

        cycles.Should().BeEquivalentTo(KnownCycles);
    }

    internal static Dictionary<string, HashSet<string>> Edges()
    {
        var edges = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (string file in SourceFiles())
        {
            string text = string.Join('\n', File.ReadAllLines(file).Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal)));
            Match ns = Namespace().Match(text);
            if (!ns.Success)
            {
                continue;
            }

            string me = Top(ns.Groups[1].Value);
            HashSet<string> to = edges.TryGetValue(me, out HashSet<string>? set) ? set : edges[me] = [];
            foreach (Match u in Using().Matches(text))
            {
                to.Add(Top(u.Groups[1].Value));
            }

            foreach (Match q in Qualified().Matches(text))
            {
                to.Add(q.Groups[1].Value);
            }

            to.Remove(me);
            to.Remove("(root)");
        }

        return edges;
    }

    private static bool Reaches(Dictionary<string, HashSet<string>> edges, string from, string to)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>([from]);
        while (stack.Count > 0)
        {
            string n = stack.Pop();
            if (n == to && seen.Count > 0)
            {
                return true;
            }

            if (seen.Add(n) && edges.TryGetValue(n, out HashSet<string>? next))
            {
                foreach (string m in next)
                {
                    stack.Push(m);
                }
            }
        }

        return false;
    }

    // Nested namespaces (Scoring.Kernels, Scoring.Interop) see their parent's types implicitly, so they count as the parent.
    // Edges come from using directives and DxIndicators-qualified names (a bare "Targets." may be a property).
    private static string Top(string ns) => ns == "DxIndicators" ? "(root)" : ns["DxIndicators.".Length..].Split('.')[0];

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(Root, "src", "DxIndicators"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [GeneratedRegex("\"([a-z][a-z0-9]*(?:-[a-z0-9]+)+)\"")]
    private static partial Regex KebabLiteral();

    [GeneratedRegex(@"^namespace (DxIndicators[\w.]*);", RegexOptions.Multiline)]
    private static partial Regex Namespace();

    [GeneratedRegex(@"^using (DxIndicators[\w.]*);", RegexOptions.Multiline)]
    private static partial Regex Using();

    [GeneratedRegex(@"(?<![\w.])DxIndicators\.(Model|Data|Units|Scoring|Targets|Analysis|Serialization|Catalog|Formats)\.[A-Z]\w*")]
    private static partial Regex Qualified();
}
