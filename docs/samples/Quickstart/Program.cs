using DxIndicators;
using DxIndicators.Analysis;
using DxIndicators.Catalog;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Reporting;
using DxIndicators.Scoring;
using DxIndicators.Units;
using NodaTime;

namespace Quickstart;

/// <summary>Scores the Điện Biên sample, recomputes the DTI with other weights, and writes the report and a rank-interval chart.</summary>
public static class Program
{
    /// <summary>Runs the sample.</summary>
    /// <param name="args">Optional: the folder to write report.html, report.md and rank-intervals.html to (default: the current folder).</param>
    /// <returns>0.</returns>
    public static int Main(string[] args) => Run(args.Length > 0 ? args[0] : ".", Console.Out);

    /// <summary>Runs the sample, writing files to <paramref name="folder"/> and a summary to <paramref name="output"/>.</summary>
    /// <param name="folder">The output folder (created if needed).</param>
    /// <param name="output">Where the summary goes.</param>
    /// <returns>0.</returns>
    public static int Run(string folder, TextWriter output)
    {
        Directory.CreateDirectory(folder);

        // 1. The sample as `dx report` builds it, as of a fixed date so the output is reproducible.
        DxReport sample = ReportBuilder.Sample(new LocalDate(2026, 1, 15), ReportLanguage.Vietnamese);
        ScoreTable scores = sample.Scores;
        double[] index = scores.GetScores(scores.Root);
        output.WriteLine($"{scores.Root} = {DisplayRounding.Format(index[0], 4)} ({sample.Targets.Count} target evaluations)");

        // 2. The 2022 DTI for two provinces (published main indices, dti.gov.vn), official points vs equal-weight means.
        Framework dti = FrameworkCatalog.Get("vn-dti-province-2022");
        var published = new IndicatorMatrix(
            units: ["48", "79"],
            indicators: dti.Indicators.Select(i => i.Code),
            columnMajorValues: [1.0000, 0.8917, 0.9000, 0.9000, 0.8253, 0.8258, 0.8487, 0.6267, 0.7578, 0.5580,
                                0, 0, 0.8575, 0.8406, 0.7836, 0.7611, 0.5197, 0.3590]);
        ScoreTable official = ScoringPlan.Compile(dti).Score(published);
        ScoringOptions equal = ScoringOptions.Default
            .WithAggregator(Aggregator.ArithmeticMean)
            .WithWeights(dti.GetNode("DTI").Children.Select(c => KeyValuePair.Create(c.Code, 1.0)));
        ScoreTable reweighted = ScoringPlan.Compile(dti, equal).Score(published);
        output.WriteLine($"48 DTI: official {DisplayRounding.Format(official.GetScore("48", "DTI"), 4)}, equal weights {DisplayRounding.Format(reweighted.GetScore("48", "DTI"), 4)}");
        output.Write(reweighted.ToMarkdown(dti));

        // 3. Rank intervals under noisy weights for 63 provinces (illustrative seeded values, not published data).
        var random = new Random(7);
        string[] provinces = BuiltIn.VietnamProvinces.Units
            .Where(u => u.Level == AdminLevel.Province && u.Vintage == BuiltIn.Vintage2004).Select(u => u.Code).Distinct().Order(StringComparer.Ordinal).ToArray();
        double[] values = Enumerable.Range(0, provinces.Length * dti.Indicators.Count).Select(_ => 0.3 + (0.6 * random.NextDouble())).ToArray();
        var matrix = new IndicatorMatrix(provinces, dti.Indicators.Select(i => i.Code), values);
        ScoringPlan plan = ScoringPlan.Compile(dti);
        ScoreTable nominal = plan.Score(matrix);
        UncertaintyResult uncertainty = WeightUncertainty.FromNoise(plan, runs: 500, noiseFactor: 0.25, seed: 1).Run(matrix);
        UnitRankStatistics first = uncertainty.Root.Units.OrderBy(u => u.Nominal).First();
        output.WriteLine($"{provinces.Length} provinces, {uncertainty.Runs} runs; rank 1 ({first.Unit}) stays within ranks {first.Percentile5}–{first.Percentile95}");

        // 4. The report (one self-contained HTML page and Markdown) and the chart.
        File.WriteAllText(Path.Combine(folder, "report.html"), sample.ToHtml());
        File.WriteAllText(Path.Combine(folder, "report.md"), sample.ToMarkdown());
        File.WriteAllText(Path.Combine(folder, "rank-intervals.html"), "<!DOCTYPE html><meta charset=\"utf-8\"><title>Rank intervals</title>" + uncertainty.RankIntervalChart(dti, nominal).Html);
        output.WriteLine($"wrote report.html, report.md and rank-intervals.html to {Path.GetFullPath(folder)}");
        return 0;
    }
}
