using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using DxIndicators.Benchmarks.Scoring;

namespace DxIndicators.Benchmarks;

/// <summary>
/// CI performance guard: measures each guarded kernel and its scalar twin in the same run and fails when the kernel is
/// not at least <see cref="MinimumSpeedUp"/> times faster (measured speed-ups are 4–12×, docs/performance.md).
/// </summary>
internal static class PerformanceGuard
{
    public const double MinimumSpeedUp = 2.0;

    public static int Run()
    {
        Job job = Job.ShortRun.WithWarmupCount(3).WithIterationCount(7).WithToolchain(InProcessEmitToolchain.Instance);
        IConfig config = ManualConfig.Create(DefaultConfig.Instance).AddJob(job).WithOptions(ConfigOptions.DisableOptimizationsValidator);
        Summary summary = BenchmarkRunner.Run<ScoringRatioGuardBenchmarks>(config);
        var failures = new List<string>();
        foreach (IGrouping<string, BenchmarkReport> category in summary.Reports.GroupBy(r => r.BenchmarkCase.Descriptor.Categories[0]))
        {
            BenchmarkReport? twin = category.FirstOrDefault(r => r.BenchmarkCase.Descriptor.Baseline);
            BenchmarkReport? kernel = category.FirstOrDefault(r => !r.BenchmarkCase.Descriptor.Baseline);
            if (twin?.ResultStatistics is null || kernel?.ResultStatistics is null)
            {
                failures.Add($"{category.Key}: no measurement");
                continue;
            }

            double speedUp = twin.ResultStatistics.Median / kernel.ResultStatistics.Median;
            string line = string.Create(CultureInfo.InvariantCulture, $"guard {category.Key}: twin {twin.ResultStatistics.Median:F0} ns, kernel {kernel.ResultStatistics.Median:F0} ns, speed-up {speedUp:F1}× (minimum {MinimumSpeedUp}×)");
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

        return failures.Count == 0 && summary.Reports.Length > 0 ? 0 : 1;
    }
}
