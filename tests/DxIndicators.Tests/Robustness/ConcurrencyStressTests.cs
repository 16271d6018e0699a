using System.Globalization;
using System.Text;
using DxIndicators.Analysis;
using DxIndicators.Catalog;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Scoring;
using DxIndicators.Targets;
using NodaTime;

namespace DxIndicators.Tests.Robustness;

/// <summary>Frameworks, plans, datasets and catalogues are immutable and safe to share: 16 threads score one plan,
/// evaluate targets and run an uncertainty analysis at once, and every result equals the single-threaded one bit for bit.</summary>
public class ConcurrencyStressTests
{
    private const int Threads = 16;

    [Fact]
    public void SharedPlanDatasetAndCatalogue_SixteenThreads_BitIdenticalToSingleThread()
    {
        Framework framework = FrameworkCatalog.Get("dien-bien-sample");
        ScoringPlan plan = ScoringPlan.Compile(framework, ScoringOptions.Default.WithNormaliser(Normaliser.MinMax()));
        IndicatorMatrix matrix = RandomMatrix(framework, units: 40, seed: 7);
        Dataset dataset = FrameworkCatalog.GetDataset("dien-bien-sample");
        TargetCatalog national = FrameworkCatalog.GetTargets("vn-national-dx-targets");
        WeightUncertainty analysis = WeightUncertainty.FromNoise(plan, 64, 0.25, 3);

        string expected = Fingerprint(plan, matrix, dataset, national, analysis);
        var results = new string[Threads];
        using var start = new Barrier(Threads);
        Thread[] threads = [.. Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            results[t] = Fingerprint(plan, matrix, dataset, national, analysis);
        }))];
        foreach (Thread thread in threads)
        {
            thread.Start();
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        results.Should().AllBe(expected);
        expected.Length.Should().BeGreaterThan(1000, "the fingerprint covers scores, ranks, target statuses and rank intervals");
    }

    private static string Fingerprint(ScoringPlan plan, IndicatorMatrix matrix, Dataset dataset, TargetCatalog national, WeightUncertainty analysis)
    {
        var sb = new StringBuilder();
        ScoreTable table = plan.Score(matrix);
        foreach (string unit in matrix.Units)
        {
            foreach (string node in plan.NodeCodes)
            {
                sb.Append(BitConverter.DoubleToInt64Bits(table.GetScore(unit, node)).ToString("X16", CultureInfo.InvariantCulture));
                sb.Append(table.GetRank(unit, node)).Append(';');
            }
        }

        var indicators = national.Indicators.ToDictionary(i => i.Code, StringComparer.Ordinal);
        IEnumerable<TargetRule> targets = national.Targets.Where(t => dataset.Units.Any(u => dataset.Series(u, t.Indicator).Count > 0));
        var relevant = dataset.Observations.Where(o => indicators.ContainsKey(o.Indicator));
        using (var writer = new StringWriter(CultureInfo.InvariantCulture))
        {
            TargetCsv.WriteResults(writer, TargetEvaluator.Default.EvaluateAll(targets, indicators, relevant, new LocalDate(2026, 1, 1)));
            sb.Append(writer);
        }

        UncertaintyResult result = analysis.Run(matrix);
        foreach (UnitRankStatistics s in result.Root.Units)
        {
            sb.Append(s.ToString()).Append(';');
        }

        return sb.ToString();
    }

    private static IndicatorMatrix RandomMatrix(Framework framework, int units, int seed)
    {
        var random = new Random(seed);
        var values = new double[units * framework.Indicators.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = random.Next(10) == 0 ? double.NaN : random.NextDouble() * 100;
        }

        return new IndicatorMatrix(Enumerable.Range(0, units).Select(u => "U" + u.ToString("D2", CultureInfo.InvariantCulture)), framework.Indicators.Select(i => i.Code), values);
    }
}
