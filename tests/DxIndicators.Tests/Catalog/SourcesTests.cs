using System.Text.RegularExpressions;
using DxIndicators.Catalog;
using DxIndicators.Data;
using DxIndicators.Model;

namespace DxIndicators.Tests.Catalog;

/// <summary>Built-in data cite public sources, never the working files the sample was compiled from; docs link only shipped documents.</summary>
public sealed partial class SourcesTests
{
    private static readonly string[] s_workingFiles = ["seed", ".txt", "research/", "dti.md", "methods.md", "shared/"];

    [Fact]
    public void BuiltInSources_CiteThePublicationNotAWorkingFile()
    {
        var sources = new List<(string Where, string Text)>();
        foreach (string id in new[] { "dien-bien-sample", "vn-dti-province-2020", "vn-dti-province-2022" })
        {
            Framework f = FrameworkCatalog.Get(id);
            sources.AddRange(f.Indicators.Select(i => ($"{id} {i.Code} source", i.Source ?? string.Empty)));
            sources.AddRange(f.Indicators.Select(i => ($"{id} {i.Code} notes", i.Notes ?? string.Empty)));
            sources.Add(($"{id} description", f.Metadata.Description ?? string.Empty));
        }

        Dataset sample = FrameworkCatalog.GetDataset("dien-bien-sample");
        sources.AddRange(sample.Observations.Select(o => ($"sample {o.Indicator} {o.Period}", o.Provenance?.Source ?? string.Empty)));
        sources.AddRange(FrameworkCatalog.GetTargets("vn-national-dx-targets").Targets.Select(t => ($"target {t.Code}", t.LegalSource)));

        sources.Where(s => s_workingFiles.Any(w => s.Text.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .Select(s => s.Where + ": " + s.Text).Should().BeEmpty();
        sample.Observations.Should().OnlyContain(o => o.Provenance != null && (o.Provenance.Source!.Contains("Điện Biên Phủ Newspaper", StringComparison.Ordinal) || o.Provenance.Source.Contains("https://", StringComparison.Ordinal)));
    }

    [Fact]
    public void Docs_LinkOnlyDocumentsThatShipWithTheRepo()
    {
        string root = RepoRoot();
        var bad = new List<string>();
        foreach (string doc in Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Append(Path.Combine(root, "README.md")))
        {
            string text = File.ReadAllText(doc);
            foreach (Match m in MarkdownLink().Matches(text))
            {
                string target = m.Groups[1].Value.Split('#')[0];
                if (target.Length > 0 && !target.Contains("://", StringComparison.Ordinal) && !File.Exists(Path.Combine(Path.GetDirectoryName(doc)!, target)) && !Directory.Exists(Path.Combine(Path.GetDirectoryName(doc)!, target)))
                {
                    bad.Add($"{Path.GetFileName(doc)} links {target}, which is not in the repository");
                }
            }

            foreach (string w in new[] { "shared/", "research/", "dti.md", "methods.md", "perf.md", "seed file" })
            {
                if (text.Contains(w, StringComparison.Ordinal))
                {
                    bad.Add($"{Path.GetFileName(doc)} refers to '{w}', a working file that does not ship");
                }
            }
        }

        bad.Should().BeEmpty();
    }

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

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
