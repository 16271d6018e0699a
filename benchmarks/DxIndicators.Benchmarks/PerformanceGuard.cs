using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using DxIndicators.Benchmarks.Scoring;

namespace DxIndicators.Benchmarks;

/// <summary>
/// CI performance guard: runs three of <see cref="ScoringKernelBenchmarks"/>' categories (MinMax, SumCount, WeightedSum)
/// at n = 6·512+7, each kernel beside its scalar twin in the same run, and fails when a kernel is not at least
/// <see cref="MinimumSpeedUp"/> times faster. Only ratios are judged, never absolute times (CI machines are shared and
/// noisy); measured speed-ups are 3.5–25× (docs/performance.md), and a kernel that lost its vector path would sit near 1×.
/// </summary>
internal static class PerformanceGuard
{
    public const double MinimumSpeedUp = 1.5;

    private static readonly string[] GuardedCategories = ["MinMax", "SumCount", "WeightedSum"];

    public static int Run()
    {
        Job job = Job.ShortRun.WithWarmupCount(3).WithIterationCount(7).WithToolchain(InProcessEmitToolchain.Instance);
        IConfig config = ManualConfig.Create(DefaultConfig.Instance).AddJob(job).WithOptions(ConfigOptions.DisableOptimizationsValidator);
        BenchmarkRunInfo all = BenchmarkConverter.TypeToBenchmarks(typeof(ScoringKernelBenchmarks), config);
        BenchmarkCase[] guarded = all.BenchmarksCases
            .Where(c => GuardedCategories.Contains(c.Descriptor.Categories[0]) && Equals(c.Parameters["Length"], (6 * 512) + 7))
            .ToArray();
        Summary summary = BenchmarkRunner.Run(new BenchmarkRunInfo(guarded, all.Type, all.Config));
        var failures = new List<string>();
        foreach (string category in GuardedCategories)
        {
            BenchmarkReport[] reports = summary.Reports.Where(r => r.BenchmarkCase.Descriptor.Categories[0] == category).ToArray();
            BenchmarkReport? twin = reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.Baseline);
            BenchmarkReport? kernel = reports.FirstOrDefault(r => !r.BenchmarkCase.Descriptor.Baseline);
            if (twin?.ResultStatistics is null || kernel?.ResultStatistics is null)
            {
                failures.Add($"{category}: no measurement");
                continue;
            }

            double speedUp = twin.ResultStatistics.Median / kernel.ResultStatistics.Median;
            string line = string.Create(CultureInfo.InvariantCulture, $"guard {category}: twin {twin.ResultStatistics.Median:F0} ns, kernel {kernel.ResultStatistics.Median:F0} ns, speed-up {speedUp:F1}× (minimum {MinimumSpeedUp}×)");
            Console.WriteLine(line);
            if (speedUp < MinimumSpeedUp)
            {
                failures.Add(line);
            }
        }

        foreach (string failure in failures)
        {
            Console.Error.WriteLine("PERFORMANCE GUARD FAILED: " + failure);
        }

        return failures.Count == 0 ? 0 : 1;
    }
}
