using System.Globalization;
using DxIndicators.Catalog;
using DxIndicators.Cli.Infrastructure;
using DxIndicators.Model;
using DxIndicators.Serialization;

namespace DxIndicators.Cli.Commands;

/// <summary><c>dx frameworks</c>: lists the built-in frameworks and target catalogues.</summary>
internal sealed class FrameworksCommand : ICommand
{
    public string Name => "frameworks";

    public string Summary => "List the built-in frameworks and target catalogues.";

    public string Description => """
        Without --show: the built-in frameworks and target catalogues. --show: one framework's tree (table), its
        nodes and indicators one per row (csv), or its framework JSON document (json; docs/framework-format.md).
        """;

    public IReadOnlyList<CliOption> Options { get; } =
    [
        CliOption.Text("show", "ID|FILE", "one framework (built-in id or JSON file) in detail"),
        CommonOptions.Format("table", "csv", "json"),
        CommonOptions.Out,
    ];

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        CommandArgs options = CommandArgs.Parse(args, Options);
        string format = options.GetOrDefault("format", "table");
        if (options.Get("show") is { } id)
        {
            Framework shown = FrameworkInputs.LoadFramework(id);
            string text = format switch
            {
                "json" => FrameworkJson.Write(shown).TrimEnd('\n') + "\n",
                "csv" => TreeCsv(shown, options),
                _ => Tree(shown, options),
            };
            OutputFile.Write(options.Get("out"), text, context.Out);
            return ExitCodes.Ok;
        }

        if (format != "table")
        {
            OutputFile.Write(options.Get("out"), format == "json" ? ListJson(options) : ListCsv(options), context.Out);
            return ExitCodes.Ok;
        }

        bool colour = context.Colour && !options.Has("out");
        var output = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        TextTable table = FrameworksTable(options);
        output.WriteLine(Ansi.Bold("Frameworks", colour));
        output.Write(table.Render(colour));
        output.WriteLine("under root = parts directly under the index (main indices, or pillars for the 2020 DTI); components = component indices the");
        output.WriteLine("methodology lists; provisional = parts not (fully) public, modelled and marked (dx validate lists them; see docs/frameworks.md).");
        output.WriteLine();
        TextTable targets = CataloguesTable(options);
        output.WriteLine(Ansi.Bold("Target catalogues", colour));
        output.Write(targets.Render(colour));
        OutputFile.Write(options.Get("out"), output.ToString(), context.Out);
        return ExitCodes.Ok;
    }

    /// <summary>One row per built-in framework: its size, targets, provisional parts and methodology.</summary>
    private static TextTable FrameworksTable(CommandArgs options)
    {
        var table = new TextTable("id", "version", "name", "indicators", "nodes", "under root", "components", "targets", "provisional", "methodology").AlignRight(3, 4, 5, 6, 7, 8);
        foreach (string frameworkId in FrameworkCatalog.Ids)
        {
            Framework framework = FrameworkCatalog.Get(frameworkId);
            FrameworkNode root = framework.GetNode(framework.Root);
            int provisional = framework.Warnings.Count(w => string.Equals(w.Rule, "provisional", StringComparison.Ordinal));
            table.Add(
                frameworkId,
                framework.Metadata.Version,
                options.Name(framework.Metadata.Name),
                Count(framework.Indicators.Count),
                Count(framework.Nodes.Count),
                Count(root.Children.Count),
                framework.Metadata.ComponentCount is { } components ? Count(components) : "—",
                Count(framework.Targets.Count),
                Count(provisional),
                Text.Shorten(framework.Metadata.MethodologySource, 48));
        }

        return table;
    }

    /// <summary>One row per built-in target catalogue: its scope, size and provisional targets.</summary>
    private static TextTable CataloguesTable(CommandArgs options)
    {
        var targets = new TextTable("id", "scope", "name", "indicators", "targets", "provisional").AlignRight(3, 4, 5);
        foreach (string catalogId in FrameworkCatalog.TargetIds)
        {
            TargetCatalog catalog = FrameworkCatalog.GetTargets(catalogId);
            int provisional = catalog.Targets.Count(t => t.Status == DefinitionStatus.Provisional);
            targets.Add(catalogId, catalog.Unit is { } unit ? "unit " + unit : "national", options.Name(catalog.Name), Count(catalog.Indicators.Count), Count(catalog.Targets.Count), Count(provisional));
        }

        return targets;
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string ListJson(CommandArgs names) => JsonOutput.Write(json =>
    {
        json.WriteStartObject();
        json.WriteStartArray("frameworks");
        foreach (string frameworkId in FrameworkCatalog.Ids)
        {
            Framework framework = FrameworkCatalog.Get(frameworkId);
            json.WriteStartObject();
            json.WriteString("id", frameworkId);
            json.WriteString("version", framework.Metadata.Version);
            json.WriteString("name", names.Name(framework.Metadata.Name));
            json.WriteNumber("indicators", framework.Indicators.Count);
            json.WriteNumber("nodes", framework.Nodes.Count);
            json.WriteNumber("underRoot", framework.GetNode(framework.Root).Children.Count);
            if (framework.Metadata.ComponentCount is { } components)
            {
                json.WriteNumber("components", components);
            }
            else
            {
                json.WriteNull("components");
            }

            json.WriteNumber("targets", framework.Targets.Count);
            json.WriteNumber("provisional", framework.Warnings.Count(w => string.Equals(w.Rule, "provisional", StringComparison.Ordinal)));
            json.WriteString("methodology", framework.Metadata.MethodologySource);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("targetCatalogues");
        foreach (string catalogId in FrameworkCatalog.TargetIds)
        {
            TargetCatalog catalog = FrameworkCatalog.GetTargets(catalogId);
            json.WriteStartObject();
            json.WriteString("id", catalogId);
            json.WriteString("unit", catalog.Unit);
            json.WriteString("name", names.Name(catalog.Name));
            json.WriteNumber("indicators", catalog.Indicators.Count);
            json.WriteNumber("targets", catalog.Targets.Count);
            json.WriteNumber("provisional", catalog.Targets.Count(t => t.Status == DefinitionStatus.Provisional));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    private static string ListCsv(CommandArgs names)
    {
        var sb = new System.Text.StringBuilder("kind,id,version,name,indicators,nodes,targets,provisional\n");
        foreach (string frameworkId in FrameworkCatalog.Ids)
        {
            Framework f = FrameworkCatalog.Get(frameworkId);
            int provisional = f.Warnings.Count(w => string.Equals(w.Rule, "provisional", StringComparison.Ordinal));
            sb.AppendJoin(',', "framework", Csv.Field(frameworkId), Csv.Field(f.Metadata.Version), Csv.Field(names.Name(f.Metadata.Name)), Count(f.Indicators.Count), Count(f.Nodes.Count), Count(f.Targets.Count), Count(provisional)).Append('\n');
        }

        foreach (string catalogId in FrameworkCatalog.TargetIds)
        {
            TargetCatalog c = FrameworkCatalog.GetTargets(catalogId);
            int provisional = c.Targets.Count(t => t.Status == DefinitionStatus.Provisional);
            sb.AppendJoin(',', "targets", Csv.Field(catalogId), string.Empty, Csv.Field(names.Name(c.Name)), Count(c.Indicators.Count), string.Empty, Count(c.Targets.Count), Count(provisional)).Append('\n');
        }

        return sb.ToString();
    }

    private static string TreeCsv(Framework framework, CommandArgs names)
    {
        var sb = new System.Text.StringBuilder("code,type,parent,weight,max_points,status,name\n");
        foreach (FrameworkNode node in framework.Nodes)
        {
            sb.AppendJoin(',', Csv.Field(node.Code), "node", string.Empty, string.Empty, string.Empty, Status(node.Status), Csv.Field(names.Name(node.Name))).Append('\n');
            foreach (NodeLink link in node.Children)
            {
                string name = framework.TryGetNode(link.Code, out FrameworkNode? child) ? names.Name(child.Name)
                    : framework.TryGetIndicator(link.Code, out IndicatorDefinition? indicator) ? names.Name(indicator.Name) : string.Empty;
                DefinitionStatus status = child?.Status ?? (framework.TryGetIndicator(link.Code, out IndicatorDefinition? i) ? i.Status : DefinitionStatus.Confirmed);
                sb.AppendJoin(',', Csv.Field(link.Code), child is null ? "indicator" : "link", Csv.Field(node.Code), Text.RoundTrip(link.Weight), link.MaxPoints is { } p ? Text.RoundTrip(p) : string.Empty, Status(status), Csv.Field(name)).Append('\n');
            }
        }

        return sb.ToString();
    }

    private static string Status(DefinitionStatus status) => status == DefinitionStatus.Provisional ? "provisional" : "confirmed";

    private static string Tree(Framework framework, CommandArgs names)
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        output.WriteLine($"{framework.Id} {framework.Metadata.Version} — {names.Name(framework.Metadata.Name)} ({framework.Metadata.MethodologySource})");
        if (framework.Metadata.ComponentCount is { } components)
        {
            output.WriteLine(Text.Invariant($"{components} component indices in the methodology; modelled at the level shown below."));
        }

        var roots = new List<string> { framework.Root };
        roots.AddRange(framework.Nodes.Where(n => n.Kind == NodeKind.Pillar && !IsChildOfAny(framework, n.Code)).Select(n => n.Code));
        foreach (string root in roots.Distinct(StringComparer.Ordinal))
        {
            Print(root, null, 0);
        }

        return output.ToString();

        void Print(string code, NodeLink? link, int depth)
        {
            string indent = new(' ', depth * 2);
            string weight = link is null ? string.Empty : link.MaxPoints is { } points
                ? string.Create(CultureInfo.InvariantCulture, $"  [{Text.Num(points)} pts]")
                : string.Create(CultureInfo.InvariantCulture, $"  [w {Text.Num(link.Weight)}]");
            if (framework.TryGetNode(code, out FrameworkNode? node))
            {
                output.WriteLine($"{indent}{node.Code} ({node.Kind}, {node.Aggregation}) {names.Name(node.Name)}{weight}{Provisional(node.Status)}");
                foreach (NodeLink child in node.Children)
                {
                    Print(child.Code, child, depth + 1);
                }
            }
            else if (framework.TryGetIndicator(code, out IndicatorDefinition? indicator))
            {
                output.WriteLine($"{indent}{indicator.Code}: {names.Name(indicator.Name)} ({indicator.Unit}){weight}{Provisional(indicator.Status)}");
            }
        }
    }

    private static string Provisional(DefinitionStatus status) => status == DefinitionStatus.Provisional ? "  (provisional)" : string.Empty;

    private static bool IsChildOfAny(Framework framework, string code) =>
        framework.Nodes.Any(n => n.Children.Any(c => string.Equals(c.Code, code, StringComparison.Ordinal)));
}
