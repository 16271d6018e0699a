using System.Globalization;
using System.Text;
using System.Text.Json;
using DxIndicators.Analysis;
using DxIndicators.Cli.Infrastructure;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Scoring;

namespace DxIndicators.Cli.Commands;

/// <summary><c>dx audit</c>: indicator statistics and flags, correlations, Cronbach's alpha, collinear pairs and unit screening.</summary>
internal sealed class AuditCommand : ICommand
{
    public string Name => "audit";

    public string Summary => "Statistical audit: indicator statistics and flags, correlations, Cronbach's alpha, screening (COINr get_stats etc.).";

    public string Description => $"""
        Raw-indicator statistics with COINr's flags (availability < 0.65, non-zero share < 0.5, unique share < 0.5,
        |skew| > 2 and kurtosis > 3.5), Cronbach's alpha of each node's children, pairs of indicators with Pearson
        r > 0.9 under the same parent (collinear) or r > 0.92 anywhere (near-duplicates), unit availability
        screening (2/3 of indicators), and each column's correlation with its parent. --format csv writes the full
        pairwise-complete correlation matrix of normalised indicators and aggregates (long form). Formulas:
        docs/methodology.md, "Statistical audit".
        {AnalysisInputs.CommonUsage}
        """;

    public IReadOnlyList<CliOption> Options { get; } =
    [
        CliOption.Choice("correlation", ["pearson", "spearman"], "the correlation shown with each parent and written by --format csv (default pearson)"),
        .. AnalysisInputs.CommonOptions,
    ];

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        CommandArgs options = CommandArgs.Parse(args, Options);
        string format = AnalysisInputs.Format(options, "table", "csv", "json");
        string kind = options.GetOrDefault("correlation", "pearson");
        (Framework framework, IndicatorMatrix matrix, ScoringOptions scoring, string basis) = AnalysisInputs.Load(options, context);
        ScoringPlan plan = ScoringPlan.Compile(framework, scoring);
        AuditReport report = StatisticalAudit.Run(plan, matrix);
        CorrelationMatrix corr = kind == "pearson" ? report.Pearson : report.Spearman;
        string text = format switch
        {
            "csv" => Csv(corr),
            "json" => Json(framework, basis, report),
            _ => Table(options.Name(framework.Metadata.Name), framework, basis, plan, report, corr),
        };
        OutputFile.Write(options.Get("out"), text, context.Out);
        return ExitCodes.Ok;
    }

    private static string Table(string title, Framework framework, string basis, ScoringPlan plan, AuditReport report, CorrelationMatrix corr)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{title} — {framework.Id} {framework.Metadata.Version}, {basis}");
        sb.AppendLine();
        sb.AppendLine("Indicator statistics (raw values):");
        sb.Append(StatisticsTable(report).Render());
        sb.AppendLine();
        sb.AppendLine(Text.Invariant($"Internal consistency and {corr.Method.ToString().ToLowerInvariant()} correlation with the parent (normalised values / scores):"));
        Dictionary<string, string> parents = Parents(framework);
        var cons = new TextTable("node", "children", "Cronbach α").AlignRight(1, 2);
        foreach (NodeConsistency c in report.Consistency)
        {
            cons.Add(c.Node, c.Children.ToString(CultureInfo.InvariantCulture), AnalysisInputs.Number(c.CronbachAlpha));
        }

        sb.Append(cons.Render());
        sb.AppendLine();
        sb.Append(WithParentTable(corr, parents).Render());
        sb.AppendLine();
        sb.AppendLine(report.Flags.Count == 0 ? "No collinear or near-duplicate indicator pairs." : "Flagged pairs (Pearson r of normalised values):");
        if (report.Flags.Count > 0)
        {
            var flags = new TextTable("a", "b", "r", "same parent", "flag").AlignRight(2);
            foreach (PairFlag f in report.Flags)
            {
                flags.Add(f.A, f.B, AnalysisInputs.Number(f.Pearson), f.SameParent ?? "—", f.Collinear ? "collinear" : "near-duplicate");
            }

            sb.Append(flags.Render());
        }

        sb.AppendLine();
        int excluded = report.Screening.Count(s => !s.Included);
        sb.AppendLine(Text.Invariant($"Unit screening (≥ 2/3 of {plan.IndicatorCodes.Count} indicators present): {report.Screening.Count - excluded} kept, {excluded} below."));
        foreach (UnitScreening s in report.Screening.Where(s => !s.Included))
        {
            sb.AppendLine(Text.Invariant($"  {s.Unit}: {s.Available}/{s.Indicators} ({s.AvailableShare:P0})"));
        }

        return sb.ToString();
    }

    /// <summary>One row per indicator: its raw-value statistics and the audit's flags.</summary>
    private static TextTable StatisticsTable(AuditReport report)
    {
        var stats = new TextTable("indicator", "n", "min", "max", "mean", "median", "sd", "skew", "kurt", "flags").AlignRight(1, 2, 3, 4, 5, 6, 7, 8);
        foreach (ColumnStatistics s in report.Statistics)
        {
            var flags = new List<string>();
            if (s.LowAvailability)
            {
                flags.Add("low availability");
            }

            if (s.ManyZeros)
            {
                flags.Add("many zeros");
            }

            if (s.FewUnique)
            {
                flags.Add("few unique");
            }

            if (s.Outliers)
            {
                flags.Add("outliers");
            }

            stats.Add(s.Code, $"{s.Available}/{s.Units}", AnalysisInputs.Number(s.Min), AnalysisInputs.Number(s.Max), AnalysisInputs.Number(s.Mean), AnalysisInputs.Number(s.Median), AnalysisInputs.Number(s.StandardDeviation), AnalysisInputs.Number(s.Skew, 2, DisplayStyle.None), AnalysisInputs.Number(s.Kurtosis, 2, DisplayStyle.None), flags.Count == 0 ? "ok" : string.Join(", ", flags));
        }

        return stats;
    }

    /// <summary>Each node's parent, by code (the first parent of a node linked under several).</summary>
    private static Dictionary<string, string> Parents(Framework framework)
    {
        var parents = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (FrameworkNode n in framework.Nodes)
        {
            foreach (NodeLink link in n.Children)
            {
                parents.TryAdd(link.Code, n.Code);
            }
        }

        return parents;
    }

    /// <summary>The correlation of each column with its parent.</summary>
    private static TextTable WithParentTable(CorrelationMatrix corr, Dictionary<string, string> parents)
    {
        var withParent = new TextTable("column", "parent", "r").AlignRight(2);
        foreach (string code in corr.Codes)
        {
            if (parents.TryGetValue(code, out string? parent))
            {
                withParent.Add(code, parent, AnalysisInputs.Number(corr[code, parent]));
            }
        }

        return withParent;
    }

    private static string Csv(CorrelationMatrix corr)
    {
        var sb = new StringBuilder("a,level_a,b,level_b,method,r,n\n");
        int p = corr.Codes.Count;
        for (int a = 0; a < p; a++)
        {
            for (int b = 0; b < p; b++)
            {
                sb.AppendJoin(',', corr.Codes[a], corr.Levels[a].ToString(CultureInfo.InvariantCulture), corr.Codes[b], corr.Levels[b].ToString(CultureInfo.InvariantCulture), corr.Method.ToString().ToLowerInvariant(), AnalysisInputs.Csv(corr.Values[(a * p) + b]), corr.Pairs[(a * p) + b].ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
        }

        return sb.ToString();
    }

    private static string Json(Framework framework, string basis, AuditReport r) =>
        JsonSerializer.Serialize(
            new
            {
                framework = framework.Id,
                basis,
                statistics = r.Statistics.Select(s => new { indicator = s.Code, available = s.Available, units = s.Units, min = AnalysisInputs.Json(s.Min), max = AnalysisInputs.Json(s.Max), mean = AnalysisInputs.Json(s.Mean), median = AnalysisInputs.Json(s.Median), sd = AnalysisInputs.Json(s.StandardDeviation), skew = AnalysisInputs.Json(s.Skew), kurtosis = AnalysisInputs.Json(s.Kurtosis), nonZero = s.NonZero, unique = s.Unique, same = s.Same, s.LowAvailability, s.ManyZeros, s.FewUnique, s.Outliers }),
                consistency = r.Consistency.Select(c => new { node = c.Node, children = c.Children, cronbachAlpha = AnalysisInputs.Json(c.CronbachAlpha) }),
                flags = r.Flags.Select(f => new { a = f.A, b = f.B, pearson = AnalysisInputs.Json(f.Pearson), sameParent = f.SameParent, f.Collinear, f.NearDuplicate }),
                screening = r.Screening.Select(s => new { unit = s.Unit, available = s.Available, indicators = s.Indicators, nonZero = s.NonZero, included = s.Included }),
                pearson = new { codes = r.Pearson.Codes, levels = r.Pearson.Levels, values = r.Pearson.Values.Select(AnalysisInputs.Json) },
                spearman = new { codes = r.Spearman.Codes, levels = r.Spearman.Levels, values = r.Spearman.Values.Select(AnalysisInputs.Json) },
            },
            AnalysisInputs.JsonOptions) + "\n";
}
