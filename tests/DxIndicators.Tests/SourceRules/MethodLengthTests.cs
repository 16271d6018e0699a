using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DxIndicators.Tests.SourceRules;

/// <summary>
/// Issue 16, "short methods": no body in <c>src/</c> (method, constructor, operator, local function, accessor) is
/// longer than one screen, <see cref="MaxLines"/> lines, unless a comment directly above it starting
/// <c>// Long:</c> says why.
/// </summary>
public sealed class MethodLengthTests
{
    /// <summary>The most lines a body may span (from its opening brace or arrow to its end).</summary>
    private const int MaxLines = 60;

    /// <summary>The comment that excuses a long body; it sits in the lines directly above the declaration.</summary>
    private const string Reason = "// Long:";

    // Bodies that were long when the rule came in (issue 16), by file and member. It is empty now and stays so: a new
    // long body is split, or carries its written reason.
    private static readonly string[] s_known = [];

    [Fact]
    public void EveryLongBody_HasAWrittenReason()
    {
        List<string> offenders = SourceTree.Files()
            .SelectMany(LongBodies)
            .Order(StringComparer.Ordinal)
            .ToList();

        List<string> keys = offenders.Select(o => o[..o.LastIndexOf(" (", StringComparison.Ordinal)]).ToList();
        // Joined into one text so that the failure lists every offender, not the first few.
        string unexplained = string.Join(Environment.NewLine, offenders.Where((_, i) => !s_known.Contains(keys[i])));
        unexplained.Should().BeEmpty(
            "a body longer than {0} lines is split, or a '{1}' comment above it says why it stays long", MaxLines, Reason);
        s_known.Except(keys).Should().BeEmpty("a body that is short now (or has its reason) leaves the known list");
    }

    [Fact]
    public void TheScanner_FindsLongBodiesAndHonoursTheReason()
    {
        string filler = string.Concat(Enumerable.Repeat("        x++;\n", MaxLines));
        string code = "class C\n{\n    void Long()\n    {\n        int x = 0;\n" + filler + "    }\n\n"
            + "    // Long: a table that reads best in one piece.\n    void Excused()\n    {\n        int x = 0;\n" + filler + "    }\n\n"
            + "    int P\n    {\n        get\n        {\n            int x = 0;\n" + filler + "            return x;\n        }\n    }\n\n"
            + "    void Short() { }\n}\n";

        List<string> found = Scan(CSharpSyntaxTree.ParseText(code), "C.cs").ToList();

        found.Should().HaveCount(2);
        found[0].Should().StartWith("C.cs: C.Long (");
        found[1].Should().StartWith("C.cs: C.P.get (");
    }

    private static IEnumerable<string> LongBodies(string file) =>
        Scan(CSharpSyntaxTree.ParseText(File.ReadAllText(file), path: file), SourceTree.Relative(file));

    private static IEnumerable<string> Scan(SyntaxTree tree, string relative)
    {
        foreach (SyntaxNode node in tree.GetRoot().DescendantNodes())
        {
            SyntaxNode? body = node switch
            {
                BaseMethodDeclarationSyntax m => (SyntaxNode?)m.Body ?? m.ExpressionBody,
                LocalFunctionStatementSyntax f => (SyntaxNode?)f.Body ?? f.ExpressionBody,
                AccessorDeclarationSyntax a => (SyntaxNode?)a.Body ?? a.ExpressionBody,
                _ => null,
            };
            if (body is null)
            {
                continue;
            }

            FileLinePositionSpan span = body.GetLocation().GetLineSpan();
            int lines = span.EndLinePosition.Line - span.StartLinePosition.Line + 1;
            if (lines > MaxLines && !HasReason(node))
            {
                yield return $"{relative}: {Name(node)} ({lines} lines, line {span.StartLinePosition.Line + 1})";
            }
        }
    }

    private static bool HasReason(SyntaxNode node) =>
        node.GetLeadingTrivia()
            .Where(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia))
            .Any(t => t.ToString().StartsWith(Reason, StringComparison.Ordinal));

    private static string Name(SyntaxNode node)
    {
        string own = node switch
        {
            MethodDeclarationSyntax m => m.Identifier.Text,
            ConstructorDeclarationSyntax => ".ctor",
            DestructorDeclarationSyntax => ".dtor",
            OperatorDeclarationSyntax o => "operator " + o.OperatorToken.Text,
            ConversionOperatorDeclarationSyntax c => "operator " + c.Type,
            LocalFunctionStatementSyntax f => f.Identifier.Text,
            AccessorDeclarationSyntax a => a.Keyword.Text,
            _ => node.Kind().ToString(),
        };
        var parts = new List<string> { own };
        for (SyntaxNode? parent = node.Parent; parent is not null; parent = parent.Parent)
        {
            string? part = parent switch
            {
                BaseTypeDeclarationSyntax t => t.Identifier.Text,
                MethodDeclarationSyntax m => m.Identifier.Text,
                ConstructorDeclarationSyntax => ".ctor",
                LocalFunctionStatementSyntax f => f.Identifier.Text,
                PropertyDeclarationSyntax p => p.Identifier.Text,
                IndexerDeclarationSyntax => "this[]",
                EventDeclarationSyntax e => e.Identifier.Text,
                _ => null,
            };
            if (part is not null)
            {
                parts.Add(part);
            }
        }

        parts.Reverse();
        return string.Join('.', parts);
    }
}
