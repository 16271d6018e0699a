using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace DxIndicators.Benchmarks;

/// <summary>Runs the benchmark suites (<c>-- --filter '*'</c>) the CI performance guard (<c>-- --guard</c>), the limits report (<c>-- --limits</c>), the W1 numpy comparison alone (<c>-- --numpy</c>), W1's per-cell cost over units (<c>-- --scaling</c>), the whole uncertainty run repeated for a profiler (<c>-- --whole-loop N</c>) or the CSV load ratio (<c>-- --csv-load</c>).</summary>
public static class Program
{
    /// <summary>Entry point; returns non-zero when any benchmark failed.</summary>
    /// <param name="args">BenchmarkDotNet switcher arguments.</param>
    /// <returns>The exit code.</returns>
    public static int Main(string[] args)
    {
#if DEBUG
        Console.Error.WriteLine("Warning: benchmarks built in Debug; use -c Release for real numbers.");
#endif
        if (args is ["--guard"])
        {
            return PerformanceGuard.Run();
        }

        if (args is ["--store-cpu"])
        {
            return Storage.StoreImportCpuTime.Run();
        }

        if (args is ["--limits"])
        {
            return Limits.LimitsReport.Run();
        }

        if (args is ["--whole-loop", string times])
        {
            // For profilers (perf record): the whole 63 × 100, S = 10,000 uncertainty run, repeated.
            var bench = new Analysis.WeightProductBenchmarks();
            bench.Setup();
            double sink = 0;
            for (int i = 0; i < int.Parse(times, System.Globalization.CultureInfo.InvariantCulture); i++)
            {
                sink += bench.Whole_63x100_1T();
            }

            return sink > double.MinValue ? 0 : 1;
        }

        if (args is ["--scaling"])
        {
            return Limits.ScalingReport.Run();
        }

        if (args is ["--csv-load"])
        {
            return Data.CsvLoadRatio.Run();
        }

        if (args is ["--numpy"])
        {
            Limits.LimitsReport.NumpyRows();
            return 0;
        }

        if (args is ["--cpu-ratios"])
        {
            return Analysis.CpuTimeRatios.Run();
        }

        IEnumerable<Summary> summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, DefaultConfig.Instance);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
