using System.Globalization;
using DxIndicators.Catalog;
using DxIndicators.Cli.Infrastructure;
using DxIndicators.Model;

namespace DxIndicators.Cli.Commands;

/// <summary><c>dx frameworks</c>: lists the built-in frameworks and target catalogues.</summary>
internal sealed class FrameworksCommand : ICommand
{
    public string Name => "frameworks";

    public string Summary => "List the built-in frameworks and target catalogues.";

    public string Usage => "Usage: dx frameworks [--show ID]   (--show prints one framework's tree)";

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        CommandArgs options = CommandArgs.Parse(args, new HashSet<string> { "show" }, new HashSet<string>());
        if (options.Get("show") is { } id)
        {
            PrintTree(FrameworkInputs.LoadFramework(id), context.Out);
            return ExitCodes.Ok;
        }

        var table = new TextTable("id", "version", "name", "indicators", "nodes", "under root", "components", "targets", "provisional", "methodology").AlignRight(3, 4, 5, 6, 7, 8);
        foreach (string frameworkId in FrameworkCatalog.Ids)
        {
            Framework framework = FrameworkCatalog.Get(frameworkId);
            FrameworkNode root = framework.GetNode(framework.Root);
            int provisional = framework.Warnings.Count(w => string.Equals(w.Rule, "provisional", StringComparison.Ordinal));
            table.Add(
                frameworkId,
                framework.Metadata.Version,
                framework.Metadata.Name.En,
                Count(framework.Indicators.Count),
                Count(framework.Nodes.Count),
                Count(root.Children.Count),
                framework.Metadata.ComponentCount is { } components ? Count(components) : "—",
                Count(framework.Targets.Count),
                Count(provisional),
                Text.Shorten(framework.Metadata.MethodologySource, 48));
        }

        context.Out.WriteLine("Frameworks");
        context.Out.Write(table.Render());
        context.Out.WriteLine("under root = parts directly under the index (main indices, or pillars for the 2020 DTI); components = component indices the");
        context.Out.WriteLine("methodology lists; provisional = parts not (fully) public, modelled and marked (dx validate lists them; see docs/frameworks.md).");
        context.Out.WriteLine();
        var targets = new TextTable("id", "scope", "name", "indicators", "targets", "provisional").AlignRight(3, 4, 5);
        foreach (string catalogId in FrameworkCatalog.TargetIds)
        {
            TargetCatalog catalog = FrameworkCatalog.GetTargets(catalogId);
            int provisional = catalog.Targets.Count(t => t.Status == DefinitionStatus.Provisional);
            targets.Add(catalogId, catalog.Unit is { } unit ? "unit " + unit : "national", catalog.Name.En, Count(catalog.Indicators.Count), Count(catalog.Targets.Count), Count(provisional));
        }

        context.Out.WriteLine("Target catalogues");
        context.Out.Write(targets.Render());
        return ExitCodes.Ok;
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static void PrintTree(Framework framework, TextWriter output)
    {
        output.WriteLine($"{framework.Id} {framework.Metadata.Version} — {framework.Metadata.Name.En} ({framework.Metadata.MethodologySource})");
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

        void Print(string code, NodeLink? link, int depth)
        {
            string indent = new(' ', depth * 2);
            string weight = link is null ? string.Empty : link.MaxPoints is { } points
                ? string.Create(CultureInfo.InvariantCulture, $"  [{Text.Num(points)} pts]")
                : string.Create(CultureInfo.InvariantCulture, $"  [w {Text.Num(link.Weight)}]");
            if (framework.TryGetNode(code, out FrameworkNode? node))
            {
                output.WriteLine($"{indent}{node.Code} ({node.Kind}, {node.Aggregation}) {node.Name.En}{weight}{Provisional(node.Status)}");
                foreach (NodeLink child in node.Children)
                {
                    Print(child.Code, child, depth + 1);
                }
            }
            else if (framework.TryGetIndicator(code, out IndicatorDefinition? indicator))
            {
                output.WriteLine($"{indent}{indicator.Code}: {indicator.Name.En} ({indicator.Unit}){weight}{Provisional(indicator.Status)}");
            }
        }
    }

    private static string Provisional(DefinitionStatus status) => status == DefinitionStatus.Provisional ? "  (provisional)" : string.Empty;

    private static bool IsChildOfAny(Framework framework, string code) =>
        framework.Nodes.Any(n => n.Children.Any(c => string.Equals(c.Code, code, StringComparison.Ordinal)));
}
