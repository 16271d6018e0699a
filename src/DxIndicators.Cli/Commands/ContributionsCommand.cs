using System.Globalization;
using System.Text;
using System.Text.Json;
using DxIndicators.Analysis;
using DxIndicators.Cli.Infrastructure;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Scoring;

namespace DxIndicators.Cli.Commands;

/// <summary><c>dx contributions</c>: a unit's score split into indicator contributions, its strengths and weaknesses, and the smallest improvements that lift it a rank.</summary>
internal sealed class ContributionsCommand : ICommand
{
    public string Name => "contributions";

    public string Summary => "A unit's score split into indicator contributions, strengths/weaknesses, smallest improvements.";

    public string Description => $"""
        For --unit (default: the first unit of the data) at --node (default the root): each indicator's effective
        weight, normalised value and contribution (weight × value; they add up to the score), the K (default 5)
        indicators where the unit ranks best and worst among all units (COINr get_str_weak), and for each indicator
        the smallest raw change that lifts the unit at least one rank (found by re-scoring). Formulas:
        docs/methodology.md, "Contributions and improvements".
        {AnalysisInputs.CommonUsage}
        """;

    public IReadOnlyList<CliOption> Options { get; } =
    [
        CommonOptions.Unit.WithHelp("the unit analysed (default: the data's first unit)"),
        CliOption.Text("node", "CODE", "the node whose score is split (default the root)"),
        CliOption.Integer("top", "K", "strengths, weaknesses and improvements shown (default 5)", 1),
        .. AnalysisInputs.CommonOptions,
    ];

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        CommandArgs options = CommandArgs.Parse(args, Options);
        var problems = new List<string>();
        int top = AnalysisInputs.Integer(options, "top", 5, problems, 1);
        string format = AnalysisInputs.Format(options, "table", "csv", "json");
        if (problems.Count > 0)
        {
            throw new UsageException(string.Join("; ", problems));
        }

        (Framework framework, IndicatorMatrix matrix, ScoringOptions scoring, string basis) = AnalysisInputs.Load(options, context);
        if (matrix.RowCount == 0)
        {
            throw new InvalidDataException("the data have no units");
        }

        string unit = options.Get("unit") ?? matrix.Units[0];
        if (matrix.Units.AsSpan().IndexOf(unit) < 0)
        {
            throw new UsageException($"--unit: the data have no unit '{unit}' (units: {string.Join(", ", matrix.Units.Take(10))}{(matrix.RowCount > 10 ? ", …" : string.Empty)})");
        }

        string node = options.GetOrDefault("node", framework.Root);
        ScoringPlan plan = ScoringPlan.Compile(framework, scoring);
        if (plan.NodeCodes.AsSpan().IndexOf(node) < 0)
        {
            throw new UsageException($"--node: framework '{framework.Id}' has no node '{node}'");
        }

        ScoreTable table = plan.Score(matrix);
        var rows = UnitAnalysis.Contributions(plan, matrix, node).Where(r => r.Unit == unit).ToList();
        ValueList<StrengthOrWeakness> sw = UnitAnalysis.StrengthsAndWeaknesses(table, matrix, unit, top);
        ValueList<Improvement> up = UnitAnalysis.SmallestImprovements(plan, matrix, unit, node);
        double score = table.GetScore(unit, node);
        UnitRank rank = table.GetRank(unit, node);
        string text = format switch
        {
            "csv" => Csv(rows),
            "json" => JsonSerializer.Serialize(
                new
                {
                    framework = framework.Id,
                    basis,
                    unit,
                    node,
                    score = AnalysisInputs.Json(score),
                    contributions = rows.Select(r => new { indicator = r.Indicator, effectiveWeight = r.EffectiveWeight, normalised = AnalysisInputs.Json(r.Normalised), contribution = AnalysisInputs.Json(r.Value) }),
                    strengths = sw.Where(s => s.IsStrength).Select(s => new { indicator = s.Indicator, rank = s.Rank, of = s.RankedUnits, raw = AnalysisInputs.Json(s.Raw) }),
                    weaknesses = sw.Where(s => !s.IsStrength).Select(s => new { indicator = s.Indicator, rank = s.Rank, of = s.RankedUnits, raw = AnalysisInputs.Json(s.Raw) }),
                    improvements = up.Select(i => new { indicator = i.Indicator, current = AnalysisInputs.Json(i.CurrentRaw), required = AnalysisInputs.Json(i.RequiredRaw), change = AnalysisInputs.Json(i.Change), currentRank = AnalysisInputs.Json(i.CurrentRank), newRank = AnalysisInputs.Json(i.NewRank) }),
                },
                AnalysisInputs.JsonOptions) + "\n",
            _ => Table(options.Name(framework.Metadata.Name), framework, basis, unit, node, score, rank, rows, sw, up, top),
        };
        OutputFile.Write(options.Get("out"), text, context.Out);
        return ExitCodes.Ok;
    }

    private static string Table(string title, Framework framework, string basis, string unit, string node, double score, UnitRank rank, List<IndicatorContribution> rows, ValueList<StrengthOrWeakness> sw, ValueList<Improvement> up, int top)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{title} — {framework.Id} {framework.Metadata.Version}, {basis}");
        sb.AppendLine(Text.Invariant($"Unit {unit}, node {node}: score {AnalysisInputs.Number(score, 4)}, rank {AnalysisInputs.Number(rank.Rank)} of {rank.UniverseSize}."));
        sb.AppendLine();
        var t = new TextTable("indicator", "eff. weight", "normalised", "contribution", "share").AlignRight(1, 2, 3, 4);
        foreach (IndicatorContribution r in rows.OrderByDescending(r => r.Value))
        {
            t.Add(r.Indicator, AnalysisInputs.Number(r.EffectiveWeight, 4, DisplayStyle.None), AnalysisInputs.Number(r.Normalised, 4), AnalysisInputs.Number(r.Value, 4), score > 0 ? (r.Value / score).ToString("P1", CultureInfo.InvariantCulture) : "—");
        }

        sb.Append(t.Render());
        sb.AppendLine(Text.Invariant($"Sum of contributions: {AnalysisInputs.Number(rows.Sum(r => r.Value), 4)} (= the score)."));
        sb.AppendLine();
        sb.AppendLine("Strengths and weaknesses (rank among units on the normalised value):");
        var s = new TextTable("", "indicator", "rank", "raw").AlignRight(2, 3);
        foreach (StrengthOrWeakness x in sw)
        {
            s.Add(x.IsStrength ? "strength" : "weakness", x.Indicator, Text.Invariant($"{x.Rank} of {x.RankedUnits}"), AnalysisInputs.Number(x.Raw));
        }

        sb.Append(s.Render());
        sb.AppendLine();
        if (double.IsNaN(rank.Rank) || rank.Rank <= 1)
        {
            sb.AppendLine("The unit is not ranked below another one here, so no improvement lifts it.");
            return sb.ToString();
        }

        sb.AppendLine(Text.Invariant($"Smallest single-indicator change that lifts the unit at least one rank (top {top}):"));
        var u = new TextTable("indicator", "now", "needed", "change", "new rank").AlignRight(1, 2, 3, 4);
        foreach (Improvement i in up.Where(i => !double.IsNaN(i.RequiredRaw)).Take(top))
        {
            u.Add(i.Indicator, AnalysisInputs.Number(i.CurrentRaw, 4), AnalysisInputs.Number(i.RequiredRaw, 4), AnalysisInputs.Number(i.Change, 4, DisplayStyle.TrimTrailingZeros | DisplayStyle.ExplicitPlus), AnalysisInputs.Number(i.NewRank));
        }

        sb.Append(u.Render());
        int none = up.Count(i => double.IsNaN(i.RequiredRaw));
        if (none > 0)
        {
            sb.AppendLine(Text.Invariant($"{none} indicator(s) cannot lift the unit alone within their valid range."));
        }

        return sb.ToString();
    }

    private static string Csv(List<IndicatorContribution> rows)
    {
        var sb = new StringBuilder("unit,node,indicator,effective_weight,normalised,contribution\n");
        foreach (IndicatorContribution r in rows)
        {
            sb.AppendJoin(',', r.Unit, r.Node, r.Indicator, AnalysisInputs.Csv(r.EffectiveWeight), AnalysisInputs.Csv(r.Normalised), AnalysisInputs.Csv(r.Value)).Append('\n');
        }

        return sb.ToString();
    }
}
