using System.Globalization;
using DxIndicators.Benchmarks.Scoring;
using DxIndicators.Scoring;
using DxIndicators.Scoring.Kernels;

namespace DxIndicators.Benchmarks.Limits;

/// <summary>
/// <c>-- --limits</c>: measures the machine's limits (FMA peak, DRAM and L3 bandwidth on the widest vector width) and
/// the W1 pipeline over 1,000 … 33,000 units beside the hand-fused pass, and prints each workload as a fraction of the
/// limit that bounds it, as Markdown tables (docs/performance.md). Timing: <see cref="Harness"/> (thread CPU time,
/// medians of alternating batches). Run with <c>DOTNET_EnableAVX512F=0</c> to measure the Vector256 paths.
/// </summary>
internal static class LimitsReport
{
    public static int Run()
    {
        string model = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "?" : "?";
        bool avx512 = File.Exists("/proc/cpuinfo") && File.ReadAllText("/proc/cpuinfo").Contains(" avx512f", StringComparison.Ordinal);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"machine: {model}, {Environment.ProcessorCount} cores, avx512f in cpuinfo: {avx512}, widest vector used: {MachineLimits.WidestBits} bits, .NET {Environment.Version}, load average {PerformanceGuard.LoadAverage()}"));
        const int Rounds = 7;
        const long FmaIterations = 1_000_000;
        double fma = MachineLimits.FmaFlops(FmaIterations, MachineLimits.WidestBits) / Harness.Single(() => MachineLimits.Fma(FmaIterations), Rounds, 0.01);
        double fma256 = MachineLimits.FmaFlops(FmaIterations, 256) / Harness.Single(() => MachineLimits.Fma256(FmaIterations), Rounds, 0.01);
        double[] dx = MachineLimits.Filled(MachineLimits.DramElements, 1.5), dy = MachineLimits.Filled(MachineLimits.DramElements, 0), dz = MachineLimits.Filled(MachineLimits.DramElements, 2.5);
        double dramAxpb = 16.0 * dx.Length / Harness.Single(() => { MachineLimits.Axpb(dx, dy, 1.0001, 0.5); return dy[1]; }, Rounds, 0.02);
        double dramTriad = 24.0 * dx.Length / Harness.Single(() => { MachineLimits.Triad(dy, dx, dz, 0.5); return dy[1]; }, Rounds, 0.02);
        double dramSum = 8.0 * dx.Length / Harness.Single(() => MachineLimits.Sum(dx), Rounds, 0.02);
        double[] lx = MachineLimits.Filled(MachineLimits.L3Elements, 1.5), ly = MachineLimits.Filled(MachineLimits.L3Elements, 0);
        double l3Axpb = 16.0 * lx.Length / Harness.Single(() => { MachineLimits.Axpb(lx, ly, 1.0001, 0.5); return ly[1]; }, Rounds, 0.01);
        double l3Sum = 8.0 * lx.Length / Harness.Single(() => MachineLimits.Sum(lx), Rounds, 0.01);
        Console.WriteLine();
        Console.WriteLine("| limit (1 thread) | measured |");
        Console.WriteLine("|---|---:|");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| FMA float64, widest ({MachineLimits.WidestBits}-bit), {(MachineLimits.WidestBits == 512 ? 16 : 12)} chains | {fma / 1e9:F1} GFLOP/s |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| FMA float64, Vector256, 12 chains | {fma256 / 1e9:F1} GFLOP/s |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| DRAM axpb (1 read + 1 write, 16 B/element, 2 × 64 MiB) | {dramAxpb / 1e9:F1} GB/s |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| DRAM triad (24 B/element, 3 × 64 MiB) | {dramTriad / 1e9:F1} GB/s |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| DRAM read-only sum (8 B/element) | {dramSum / 1e9:F1} GB/s |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| L3 axpb, 2 × 2.66 MB (W1's matrix) | {l3Axpb / 1e9:F1} GB/s |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| L3 read-only sum, 2.66 MB | {l3Sum / 1e9:F1} GB/s |"));
        dx = dy = dz = [];
        GC.Collect();

        Console.WriteLine();
        Console.WriteLine("| units × 100 | library µs | hand-fused µs | library / hand-fused | library ns/cell | DRAM bound µs (16 B/cell) | fraction of DRAM bound | fraction of L3 bound |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        double? firstPerCell = null;
        foreach (int units in new[] { 1000, 3321, 10000, 33000 })
        {
            var w = new PipelineWorkload(units);
            w.Check();
            Harness.Pair r = Harness.Interleaved(w.HandFused, w.Library, 11, 0.01);
            double perCell = r.B / w.Cells * 1e9;
            firstPerCell ??= perCell;
            double dram = 16.0 * w.Cells / dramAxpb, l3 = 16.0 * w.Cells / l3Axpb;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {units:N0} | {r.B * 1e6:F0} | {r.A * 1e6:F0} | {r.Ratio:F2} | {perCell:F2} ({perCell / firstPerCell:F2}× 1k) | {dram * 1e6:F0} | {dram / r.B:F2} | {l3 / r.B:F2} |"));
        }

        NumpyRows();

        Console.WriteLine();
        Console.WriteLine("| units | comparison-sort rank µs | radix rank µs | radix / comparison |");
        Console.WriteLine("|---:|---:|---:|---:|");
        foreach (int units in new[] { 1000, 3321, 5000, 8192, 10000, 33000 })
        {
            var random = new Random(7);
            double[] scores = [.. Enumerable.Range(0, units).Select(_ => random.NextDouble())];
            var ranks = new double[units];
            var keys = new double[units];
            var order = new int[units];
            var radix = new RadixScratch(units);
            Harness.Pair r = Harness.Interleaved(
                () => { Ranking.Rank(scores, ranks, RankMethod.Competition, false, keys, order); return ranks[0]; },
                () => { Ranking.RankRadix(scores, ranks, RankMethod.Competition, radix); return ranks[0]; }, 9, 0.005);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {units:N0} | {r.A * 1e6:F1} | {r.B * 1e6:F1} | {r.Ratio:F2} |"));
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load average at the end: {PerformanceGuard.LoadAverage()}"));
        return 0;
    }

    /// <summary>
    /// The W1 pipeline against its numpy peer (benchmarks/numpy/w1_pipeline.py: preallocated arrays, one BLAS product
    /// for the pillars, sort + binary search for the rank), both by thread CPU time, the library's median taken just
    /// before the peer runs. numpy's BLAS is whatever /usr/bin/python3's numpy links (Debian: the reference BLAS unless
    /// an OpenBLAS package is installed); the script's first line names the numpy version.
    /// </summary>
    internal static void NumpyRows()
    {
        Console.WriteLine();
        Console.WriteLine("| units × 100 | library µs | numpy µs | numpy / library | numpy |");
        Console.WriteLine("|---:|---:|---:|---:|---|");

        // Past tiered compilation first: in `--numpy` alone the 1,000-unit row is the process's first scoring, and
        // measured cold it read 270–360 µs against 69 µs warm (Zen 5, 2026-12-02).
        Harness.Single(new PipelineWorkload(1000).Library, 25, 0.02);
        foreach (int units in new[] { 1000, 3321, 33000 })
        {
            var w = new PipelineWorkload(units);
            double library = Harness.Single(w.Library, 11, 0.01) * 1e6;
            Peers.NumpyPeer.Result? r = Peers.NumpyPeer.Run("w1_pipeline.py", ["--cpu", "--units", units.ToString(CultureInfo.InvariantCulture), "--repeats", "21"], "numpy-us", keepFreedMemory: true, out string problem);
            if (r is null || !r.Values.TryGetValue("pipeline", out double numpy))
            {
                Console.WriteLine($"| {units:N0} | {library:F0} | — | — | {(r is null ? problem : "no pipeline figure")} |");
                return;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {units:N0} | {library:F0} | {numpy:F0} | {numpy / library:F1} | {r.FirstLine} |"));
        }
    }
}
