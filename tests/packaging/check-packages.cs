// Checks the packages in a folder the way a package page and a debugger see them:
//   dotnet run tests/packaging/check-packages.cs -- PACKAGE_FOLDER
// Every .nupkg: a README declared and present, written for a package page (no "dotnet run", no repository-relative
// links); the licence (expression and LICENSE file); an XML documentation file beside every assembly of ours; a
// .snupkg beside it holding a portable PDB per assembly, each with every source file embedded and, when the package
// names a repository URL, SourceLink data pointing there; deterministic (reproducible) assemblies; one version for
// all. Prints one line per package, every problem, and exits 1 when there is any.
#:property TargetFramework=net10.0
#:property Nullable=enable
#:property ImplicitUsings=enable
#:property TreatWarningsAsErrors=true
using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using System.Xml.Linq;

if (args.Length != 1 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("usage: dotnet run check-packages.cs -- PACKAGE_FOLDER");
    return 2;
}

var problems = new List<string>();
var versions = new HashSet<string>(StringComparer.Ordinal);
string[] packages = Directory.GetFiles(args[0], "*.nupkg").Order(StringComparer.Ordinal).ToArray();
if (packages.Length == 0)
{
    problems.Add($"{args[0]}: no .nupkg files");
}

Guid embeddedSource = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");
Guid sourceLink = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

foreach (string path in packages)
{
    string name = Path.GetFileName(path);
    void Problem(string text) => problems.Add($"{name}: {text}");
    using ZipArchive zip = ZipFile.OpenRead(path);
    ZipArchiveEntry nuspecEntry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/'));
    XDocument nuspec;
    using (Stream s = nuspecEntry.Open()) { nuspec = XDocument.Load(s); }
    XNamespace ns = nuspec.Root!.Name.Namespace;
    XElement meta = nuspec.Root.Element(ns + "metadata")!;
    string id = meta.Element(ns + "id")!.Value;
    string version = meta.Element(ns + "version")!.Value;
    versions.Add(version);
    foreach (string field in new[] { "description", "authors", "tags", "copyright" })
    {
        if (string.IsNullOrWhiteSpace(meta.Element(ns + field)?.Value)) Problem($"nuspec has no {field}");
    }

    if (meta.Element(ns + "license") is not { } license || license.Attribute("type")?.Value != "expression") Problem("no licence expression");
    if (zip.GetEntry("LICENSE") is null) Problem("no LICENSE file");
    string? readme = meta.Element(ns + "readme")?.Value;
    if (readme is null || zip.GetEntry(readme) is not { } readmeEntry)
    {
        Problem("no README declared and packed");
    }
    else
    {
        using var reader = new StreamReader(readmeEntry.Open());
        string text = reader.ReadToEnd();
        if (text.Length < 400) Problem($"README is only {text.Length} characters");
        if (text.Contains("dotnet run", StringComparison.Ordinal)) Problem("README says 'dotnet run' (a package user has no source tree)");
        foreach (Match link in Regex.Matches(text, @"\]\(([^)\s]+)\)"))
        {
            string target = link.Groups[1].Value;
            if (!target.StartsWith("https://", StringComparison.Ordinal) && !target.StartsWith("http://", StringComparison.Ordinal) && !target.StartsWith('#'))
                Problem($"README links to '{target}', which does not resolve on a package page");
        }
    }

    string? repositoryUrl = meta.Element(ns + "repository")?.Attribute("url")?.Value;
    if (meta.Element(ns + "repository")?.Attribute("commit") is null) Problem("nuspec names no source commit");

    // Our assemblies: those named like the package family (third-party ones are not ours to check).
    var assemblies = zip.Entries.Where(e => e.FullName.EndsWith(".dll", StringComparison.Ordinal)
            && (e.Name.StartsWith("DxIndicators", StringComparison.Ordinal) || e.Name == "dx.dll")
            && (e.FullName.StartsWith("lib/", StringComparison.Ordinal) || e.FullName.StartsWith("tools/", StringComparison.Ordinal)))
        .ToList();
    if (assemblies.Count == 0) Problem("holds no assembly of ours");
    string symbols = Path.ChangeExtension(path, ".snupkg");
    using ZipArchive? snupkg = File.Exists(symbols) ? ZipFile.OpenRead(symbols) : null;
    if (snupkg is null) Problem($"no {Path.GetFileName(symbols)} beside it");
    foreach (ZipArchiveEntry dll in assemblies)
    {
        string stem = dll.FullName[..^4];
        if (zip.GetEntry(stem + ".xml") is null) Problem($"{dll.FullName}: no XML documentation ({stem}.xml)");
        using (var peStream = new MemoryStream())
        {
            using (Stream s = dll.Open()) { s.CopyTo(peStream); }
            peStream.Position = 0;
            using var pe = new PEReader(peStream);
            if (!pe.ReadDebugDirectory().Any(d => d.Type == DebugDirectoryEntryType.Reproducible)) Problem($"{dll.FullName}: not a deterministic build");
        }

        if (snupkg?.GetEntry(stem + ".pdb") is not { } pdbEntry)
        {
            Problem($"{dll.FullName}: no {stem}.pdb in the symbols package");
            continue;
        }

        using var pdbStream = new MemoryStream();
        using (Stream s = pdbEntry.Open()) { s.CopyTo(pdbStream); }
        pdbStream.Position = 0;
        using MetadataReaderProvider provider = MetadataReaderProvider.FromPortablePdbStream(pdbStream);
        MetadataReader pdb = provider.GetMetadataReader();
        var embedded = new HashSet<EntityHandle>();
        string? link = null;
        foreach (CustomDebugInformationHandle h in pdb.CustomDebugInformation)
        {
            CustomDebugInformation info = pdb.GetCustomDebugInformation(h);
            Guid kind = pdb.GetGuid(info.Kind);
            if (kind == embeddedSource) embedded.Add(info.Parent);
            if (kind == sourceLink) link = System.Text.Encoding.UTF8.GetString(pdb.GetBlobBytes(info.Value));
        }

        int documents = pdb.Documents.Count;
        int missing = pdb.Documents.Count(d => !embedded.Contains(d));
        if (documents == 0 || missing > 0) Problem($"{stem}.pdb: {missing} of {documents} source files not embedded");
        string? commit = meta.Element(ns + "repository")?.Attribute("commit")?.Value;
        if (repositoryUrl is not null)
        {
            if (link is null) Problem($"{stem}.pdb: no SourceLink data although the package names repository {repositoryUrl}");
            else if (commit is null || !link.Contains(commit, StringComparison.Ordinal)) Problem($"{stem}.pdb: SourceLink data does not point at commit {commit}: {link}");
        }
        else if (Environment.GetEnvironmentVariable("DX_REQUIRE_SOURCELINK") == "1")
        {
            Problem($"{stem}.pdb: DX_REQUIRE_SOURCELINK=1 but the package names no repository URL (the clone has no hosted remote)");
        }

        Console.WriteLine($"{name}: {dll.FullName} + xml docs, deterministic; {stem}.pdb embeds {documents - missing}/{documents} sources; SourceLink: {(link is null ? "none (no hosted remote; sources embedded instead)" : Regex.Match(link, "https?://[^\"*]+").Value)}");
    }

    Console.WriteLine($"{name}: id {id}, version {version}, README {readme}, licence {meta.Element(ns + "license")?.Value}, repository {repositoryUrl ?? "(no remote)"}");
}

// One version for all: the same tag. Only a package that must stay a pre-release (DxPrereleaseLabel) may add a label.
bool oneBase = versions.Select(v => v.Split('-', 2)[0]).Distinct(StringComparer.Ordinal).Count() <= 1;
bool untaggedAlike = versions.Any(v => !v.Contains('-')) || versions.Count <= 1;
if (!oneBase || !untaggedAlike) problems.Add($"packages disagree on the version: {string.Join(", ", versions)}");
foreach (string p in problems) Console.Error.WriteLine("problem: " + p);
Console.WriteLine(problems.Count == 0 ? $"packages: {packages.Length} checked, no problem" : $"packages: {problems.Count} problems");
return problems.Count == 0 ? 0 : 1;
