using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DxIndicators.Tests.SourceRules;

/// <summary>
/// Issue 16, "one main type per file": a file in <c>src/</c> declares at most one public top-level type, named as
/// the file (nested and non-public helpers are fine; a static companion of the same name, as <c>ValueList</c> beside
/// <c>ValueList&lt;T&gt;</c>, counts as the same type).
/// </summary>
public sealed class OneTypePerFileTests
{
    [Fact]
    public void EveryFile_DeclaresOnePublicTopLevelType()
    {
        List<string> offenders = SourceTree.Files()
            .Select(f => (File: SourceTree.Relative(f), Types: PublicTopLevelTypes(File.ReadAllText(f), Path.GetFileNameWithoutExtension(f))))
            .Where(x => x.Types.Count > 1)
            .Select(x => $"{x.File}: {string.Join(", ", x.Types)}")
            .Order(StringComparer.Ordinal)
            .ToList();

        // Joined into one text so that the failure lists every offender, not the first few. There is no known list:
        // the last files with several public types were split in issue 16.
        string.Join(Environment.NewLine, offenders).Should().BeEmpty("each public type lives in a file of its own name");
    }

    [Fact]
    public void TheScanner_CountsPublicTopLevelTypesOnly()
    {
        const string Code = "namespace N;\npublic sealed class A { public sealed class Nested { } }\ninternal sealed class Helper { }\n"
            + "public static class V { }\npublic sealed class V<T> { }\npublic enum E { X }\n";

        PublicTopLevelTypes(Code).Should().Equal("A", "V", "E");
    }

    [Fact]
    public void TheScanner_TakesAPartOfAnotherFilesTypeAsACompanion()
    {
        // A method file (Scoring/Normalisers/XNormaliser.cs) adds its factory to the partial base type Normaliser,
        // whose main declaration lives in Normaliser.cs: that part is not a second type of the file.
        const string Code = "namespace N;\npublic abstract partial class Base { public static Base X { get; } = new XBase(); }\n"
            + "public sealed class XBase : Base { }\n";

        PublicTopLevelTypes(Code, "XBase").Should().Equal("XBase");
        PublicTopLevelTypes(Code, "Other").Should().Equal("XBase");
        PublicTopLevelTypes("namespace N;\npublic sealed partial class Base { }\n", "Base").Should().Equal("Base");
    }

    // A partial part of a type named otherwise than the file is a companion of that type's own file, not a type of this one.
    private static List<string> PublicTopLevelTypes(string code, string? fileName = null) =>
        CSharpSyntaxTree.ParseText(code).GetRoot().DescendantNodes()
            .OfType<BaseTypeDeclarationSyntax>()
            .Where(t => t.Parent is BaseNamespaceDeclarationSyntax or CompilationUnitSyntax)
            .Where(t => t.Modifiers.Any(SyntaxKind.PublicKeyword))
            .Where(t => fileName is null || !t.Modifiers.Any(SyntaxKind.PartialKeyword) || t.Identifier.Text == fileName)
            .Select(t => t.Identifier.Text)
            .Concat(CSharpSyntaxTree.ParseText(code).GetRoot().DescendantNodes()
                .OfType<DelegateDeclarationSyntax>()
                .Where(d => d.Parent is BaseNamespaceDeclarationSyntax or CompilationUnitSyntax && d.Modifiers.Any(SyntaxKind.PublicKeyword))
                .Select(d => d.Identifier.Text))
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
