using System.Text;
using DxIndicators.Model;
using DxIndicators.Reporting.Charts;

namespace DxIndicators.Reporting.Sections;

/// <summary>The framework tree from the index down to the indicators, with the first unit's scores.</summary>
internal sealed class TreeSection : ReportSection
{
    public override string Id => "tree";

    public override string Title(ReportLanguage language) => Labels.Get("section.tree", language);

    public override string ToHtml(DxReport report)
    {
        string unit = report.Scores.Units[0];
        (double min, double max) = report.Scale;
        var nodes = Walk(report, unit).Select(n => new TreeChart.Node(n.Depth, n.Code, n.Label, n.Score, n.IsIndicator)).ToList();
        return TreeChart.Render($"{report.Framework.Metadata.Name.In(report.Language.Code())} — {report.UnitName(unit)}", nodes, min, max, report.Language);
    }

    public override string ToMarkdown(DxReport report)
    {
        string unit = report.Scores.Units[0];
        var sb = new StringBuilder();
        foreach ((int depth, string code, string label, double score, _) in Walk(report, unit))
        {
            sb.Append(new string(' ', depth * 2)).Append("- ").Append(label).Append(" (`").Append(code).Append("`): ").AppendLine(Text.Score(score, report.Language));
        }

        return sb.ToString();
    }

    private static IEnumerable<(int Depth, string Code, string Label, double Score, bool IsIndicator)> Walk(DxReport report, string unit)
    {
        Framework f = report.Framework;
        var roots = new List<string> { f.Root };
        roots.AddRange(report.ProfileNodes().Where(n => !f.GetNode(f.Root).Children.Any(c => c.Code == n)));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<(string Code, int Depth)>();
        foreach (string r in Enumerable.Reverse(roots))
        {
            stack.Push((r, 0));
        }

        while (stack.Count > 0)
        {
            (string code, int depth) = stack.Pop();
            if (f.TryGetNode(code, out FrameworkNode? node))
            {
                yield return (depth, code, report.NodeName(code), report.Scores.GetScore(unit, code), false);
                if (!seen.Add(code))
                {
                    continue; // a node shared by two parents is expanded once
                }

                for (int i = node.Children.Count - 1; i >= 0; i--)
                {
                    stack.Push((node.Children[i].Code, depth + 1));
                }
            }
            else
            {
                yield return (depth, code, report.IndicatorName(code), report.Scores.Indicators.Contains(code) ? report.Scores.GetNormalised(unit, code) : double.NaN, true);
            }
        }
    }
}
