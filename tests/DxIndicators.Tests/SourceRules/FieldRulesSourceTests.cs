using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DxIndicators.Tests.SourceRules;

/// <summary>
/// Issue 16, "types that guard themselves": each field rule is one function of <c>Model/FieldRules.cs</c>, and each
/// is used both where the types check themselves (a constructor or init accessor in another <c>Model</c> file) and by
/// <c>FrameworkValidator</c>, which reports it with its JSON path. A rule only one side uses would let a C# caller
/// and a file be held to different rules.
/// </summary>
public sealed class FieldRulesSourceTests
{
    [Fact]
    public void EveryFieldRule_IsUsedByTheTypesAndByTheValidator()
    {
        string model = Path.Combine(SourceTree.Src, "DxIndicators", "Model");
        string rulesFile = Path.Combine(model, "FieldRules.cs");
        var rules = CSharpSyntaxTree.ParseText(File.ReadAllText(rulesFile)).GetRoot()
            .DescendantNodes().OfType<MethodDeclarationSyntax>()
            .Where(m => m.ReturnType.ToString() == "Violation?")
            .Select(m => m.Identifier.Text)
            .ToList();
        string validator = File.ReadAllText(Path.Combine(model, "FrameworkValidator.cs"));
        string types = string.Concat(Directory.EnumerateFiles(model, "*.cs")
            .Where(f => Path.GetFileName(f) is not ("FieldRules.cs" or "FrameworkValidator.cs"))
            .Select(File.ReadAllText));

        rules.Should().HaveCountGreaterThan(20, "the parse must find the rule functions");
        rules.Where(r => !validator.Contains($"FieldRules.{r}(", StringComparison.Ordinal))
            .Should().BeEmpty("FrameworkValidator reports every field rule with its JSON path");
        // Called directly, or handed to FieldRules.Checked by an init accessor of an optional value.
        rules.Where(r => !types.Contains($"FieldRules.{r}(", StringComparison.Ordinal) && !types.Contains($"FieldRules.{r}, nameof(", StringComparison.Ordinal))
            .Should().BeEmpty("a definition type checks every field rule in its constructor or an init accessor");
    }
}
