using System.Globalization;
using DxIndicators.Benchmarks.Limits;
using DxIndicators.Benchmarks.Scoring;
using DxIndicators.Scoring;
using DxIndicators.Scoring.Kernels;

namespace DxIndicators.Benchmarks;

/// <summary>
/// CI performance guard (<c>-- --guard</c>, about 30 s): ratios measured in one run by <see cref="Harness.Interleaved"/>
/// (alternating batches timed by thread CPU time, median of the per-round ratios), never absolute times. It checks
/// each scoring kernel against its scalar twin, the W1 pipeline (3,321 × 100 × 8 pillars, one thread) against the
/// naive and plain-loop versions and the hand-fused pass, the pipeline as a fraction of the DRAM-bandwidth bound, the
/// uncertainty engine's weight product against its twin and as a fraction of the FMA peak,
/// the cost per cell at 33,000 against 1,000 units, and that a pipeline call allocates nothing. It prints every
/// ratio with its threshold and fails naming each ratio that misses it. The thresholds sit well inside the values
/// measured on the project's machines (in the comments, and docs/performance.md), so load does not trip them, while a
/// kernel that lost its vector path (≈ 1× its twin) does.
/// </summary>
internal static class PerformanceGuard
{
    private const int KernelLength = (6 * 512) + 7;

    public static int Run()
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"guard: machine {Environment.ProcessorCount} cores, widest vector {MachineLimits.WidestBits} bits, load average {LoadAverage()}"));
        var failures = new List<string>();
        KernelChecks(failures);
        ProductChecks(failures);
        PipelineChecks(failures);
        foreach (string failure in failures)
        {
            Console.Error.WriteLine("PERFORMANCE GUARD FAILED: " + failure);
        }

        Console.WriteLine(failures.Count == 0 ? "guard: all ratios within their thresholds" : string.Create(CultureInfo.InvariantCulture, $"guard: {failures.Count} ratio(s) missed their thresholds"));
        return failures.Count == 0 ? 0 : 1;
    }

    internal static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static void KernelChecks(List<string> failures)
    {
        int n = KernelLength;
        var random = new Random(42);
        double[] x = Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.05 ? double.NaN : random.NextDouble() * 100).ToArray();
        double[] x1 = [.. x.Select(v => v * 0.5)], x2 = [.. x.Select(v => v + 1)], x3 = [.. x.Select(v => 100 - v)];
        var y = new double[n];
        var y1 = new double[n];
        var y2 = new double[n];
        var y3 = new double[n];
        var sum = new double[n];
        var wsum = new double[n];
        var den = Enumerable.Repeat(3.0, n).ToArray();
        var p = new AffineParameters(3, 0.5, 1, double.NegativeInfinity, double.PositiveInfinity, 1);
        var w4 = new Weights4(1, 2, 3, 1);
        const int RankLength = 512;
        var keys = new double[n];
        var order = new int[n];

        // Thresholds: speed-up of the kernel over its twin (twin time / kernel time). Measured medians on AMD EPYC Zen 4
        // (AVX-512, 2 vCPUs, shared; docs/performance.md): MinMax 8–10×, SumCount 15–25×, Affine ≈4×, WeightedSum 3.5–6×,
        // WeightedSum4 ≈5×, Quotient ≈6×, NormaliseAccumulate4 ≈5×, Rank (512, vs the O(n²) definition) ≈300×.
        Check(failures, "kernel MinMax vs twin", () => ScoringReference.MinMax(x).Min, () => ColumnStatistics.MinMax(x).Min, 2.5);
        Check(failures, "kernel SumCount vs twin", () => ScoringReference.SumCount(x).Sum, () => ColumnStatistics.SumCount(x).Sum, 3.0);
        Check(failures, "kernel Affine vs twin", () => { ScoringReference.Affine(x, p, y); return y[0]; }, () => { AffineTransform.Apply(x, p, y); return y[0]; }, 1.5);
        Check(failures, "kernel WeightedSum vs twin", () => { ScoringReference.WeightedSum(x, 0.5, sum, wsum); return sum[0]; }, () => { WeightedSum.Accumulate(x, 0.5, sum, wsum); return sum[0]; }, 1.5);
        Check(failures, "kernel WeightedSum4 vs twin", () =>
        {
            ScoringReference.WeightedSum(x, 1, sum, wsum);
            ScoringReference.WeightedSum(x1, 2, sum, wsum);
            ScoringReference.WeightedSum(x2, 3, sum, wsum);
            ScoringReference.WeightedSum(x3, 1, sum, wsum);
            return sum[0];
        }, () => { WeightedSum4.Accumulate(x, x1, x2, x3, w4, sum, wsum); return sum[0]; }, 1.5);
        Check(failures, "kernel Quotient vs twin", () => { ScoringReference.Divide(x, den, y); return y[0]; }, () => { Quotient.Divide(x, den, y); return y[0]; }, 1.5);
        Check(failures, "kernel NormaliseAccumulate4 vs twin", () =>
        {
            ScoringReference.Affine(x, p, y);
            ScoringReference.WeightedSum(y, 1, sum, wsum);
            ScoringReference.Affine(x1, p, y1);
            ScoringReference.WeightedSum(y1, 2, sum, wsum);
            ScoringReference.Affine(x2, p, y2);
            ScoringReference.WeightedSum(y2, 3, sum, wsum);
            ScoringReference.Affine(x3, p, y3);
            ScoringReference.WeightedSum(y3, 1, sum, wsum);
            return sum[0];
        }, () =>
        {
            NormaliseAccumulate.Run4(new FusedChildren4(x, x1, x2, x3, p, p, p, p, y, y1, y2, y3), w4, sum, wsum, KernelPaths.Best(n));
            return sum[0];
        }, 1.5);
        Check(failures, "kernel Rank (512) vs twin", () =>
        {
            ScoringReference.Rank(x.AsSpan(0, RankLength), y.AsSpan(0, RankLength), RankMethod.Competition, false);
            return y[0];
        }, () =>
        {
            Ranking.Rank(x.AsSpan(0, RankLength), y.AsSpan(0, RankLength), RankMethod.Competition, false, keys, order);
            return y[0];
        }, 20);
    }

    /// <summary>The uncertainty engine's weight product (256 samples × 100 indicators × 64 units, the engine's block):
    /// against its scalar twin, and its GFLOP/s as a fraction of the FMA peak probed in the same run.</summary>
    private static void ProductChecks(List<string> failures)
    {
        const int Rows = 256, K = 100, N = 64;
        const long FmaIterations = 200_000;
        var random = new Random(9);
        double[] a = [.. Enumerable.Range(0, Rows * K).Select(_ => random.NextDouble())];
        double[] b = [.. Enumerable.Range(0, K * N).Select(_ => random.NextDouble())];
        var c = new double[Rows * N];
        KernelPath path = WeightProduct.Resolve(KernelPath.V512);

        // Measured (Zen 5, load 2): the Vector512 kernel 33.7× the scalar FMA chain, the Vector256 kernel 22.0×
        // (DOTNET_PreferredVectorBitWidth=256). The threshold catches a kernel that lost its vector path (≈ 1×).
        Check(failures, $"kernel WeightProduct ({path}) vs twin", () => { WeightProduct.Multiply(a, b, c, Rows, K, N, KernelPath.Scalar); return c[0]; }, () => { WeightProduct.Multiply(a, b, c, Rows, K, N, KernelPath.V512); return c[0]; }, 8, rounds: 7, batch: 0.01);

        // Fraction of the FMA peak (issue 10's goal ≥ 0.85 for the product step; measured on Zen 5 0.73 at 512 bits and
        // 0.95 at 256 bits, 0.79–0.93 in the 63 × 100 run on Zen 4 and Zen 5).
        Harness.Pair r = Harness.Interleaved(() => MachineLimits.Fma(FmaIterations), () => { WeightProduct.Multiply(a, b, c, Rows, K, N, KernelPath.V512); return c[0]; }, 9, 0.005);
        double peak = MachineLimits.FmaFlops(FmaIterations, MachineLimits.WidestBits) / r.A;
        double product = 2.0 * Rows * K * N / r.B;
        Report(failures, "uncertainty product, fraction of the FMA peak", product / peak, 0.4, atMost: false, string.Create(CultureInfo.InvariantCulture, $"product {product / 1e9:F1} GFLOP/s ({path}), FMA probe {peak / 1e9:F1} GFLOP/s ({MachineLimits.WidestBits}-bit); goal ≥ 0.85"));
    }

    private static void PipelineChecks(List<string> failures)
    {
        var w1 = new PipelineWorkload(3321);
        w1.Check();

        // Measured medians (Zen 4, AVX-512, load average 30–50, docs/performance.md): 396–461× naive, 10.2–13.7× plain loops (31× quiet, issue 4).
        Check(failures, "pipeline vs naive LINQ", w1.NaiveLinq, w1.Library, 100, rounds: 5, batch: 0.02);
        Check(failures, "pipeline vs plain loops", w1.PlainLoops, w1.Library, 5);

        // Slow-down against the hand-fused pass (library time / hand-fused time; goal ≤ 1.15). Measured 0.94–1.03 at 512
        // bits (Zen 5, load 2) and 0.5–1.3 under load on Zen 4, but 1.38–1.73 on the Vector256 paths (Zen 5 with
        // DOTNET_PreferredVectorBitWidth=256, the AVX2 proxy: there the pass is compute-bound and the library's
        // general affine form and missing-value masks cost what the reference skips), hence 2.0: a kernel that lost
        // its vector path costs 4× or more.
        Harness.Pair fused = Harness.Interleaved(w1.HandFused, w1.Library, 11, 0.005);
        Report(failures, "pipeline / hand-fused pass", fused.Ratio, 2.0, atMost: true, string.Create(CultureInfo.InvariantCulture, $"library {fused.B * 1e6:F0} µs, hand-fused {fused.A * 1e6:F0} µs; goal ≤ 1.15"));

        // Fraction of the DRAM-bandwidth bound: 16 B per cell (read X, write N) at the axpb rate measured alongside
        // (measured 0.52–0.93 under load 30–50; the 3,321 × 100 matrix stays in L3, so more than 1 is possible).
        double[] dx = MachineLimits.Filled(MachineLimits.DramElements, 1.5), dy = MachineLimits.Filled(MachineLimits.DramElements, 0);
        Harness.Pair dram = Harness.Interleaved(() => { MachineLimits.Axpb(dx, dy, 1.0001, 0.5); return dy[0]; }, w1.Library, 7, 0.01);
        double bandwidth = 16.0 * MachineLimits.DramElements / dram.A;
        double bound = 16.0 * w1.Cells / bandwidth;
        Report(failures, "pipeline, fraction of the DRAM bound", bound / dram.B, 0.35, atMost: false, string.Create(CultureInfo.InvariantCulture, $"DRAM axpb {bandwidth / 1e9:F1} GB/s, bound {bound * 1e6:F0} µs, pipeline {dram.B * 1e6:F0} µs; goal ≥ 0.60"));

        // Cost per cell at 33,000 units against 1,000 (goal ≤ 1.3; measured 1.7–2.4 under load 30–50, where DRAM
        // bandwidth drops to 16–22 GB/s; the threshold catches losing the unit blocking, which costs far more).
        var small = new PipelineWorkload(1000);
        var large = new PipelineWorkload(33000);
        large.Check();
        Harness.Pair scale = Harness.Interleaved(small.Library, large.Library, 7, 0.01);
        double perCell = scale.B / large.Cells / (scale.A / small.Cells);
        Report(failures, "pipeline cost per cell, 33,000 / 1,000 units", perCell, 3.0, atMost: true, string.Create(CultureInfo.InvariantCulture, $"{scale.A / small.Cells * 1e9:F2} ns vs {scale.B / large.Cells * 1e9:F2} ns per cell; goal ≤ 1.3"));

        // Allocation per pipeline call.
        w1.Library();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            w1.Library();
        }

        double perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / 100.0;
        Report(failures, "pipeline bytes allocated per call", perCall, 0, atMost: true, "100 calls");
    }

    private static void Check(List<string> failures, string name, Func<double> twin, Func<double> kernel, double minimum, int rounds = 9, double batch = 0.004)
    {
        Harness.Pair r = Harness.Interleaved(kernel, twin, rounds, batch);
        Report(failures, name, r.Ratio, minimum, atMost: false, string.Create(CultureInfo.InvariantCulture, $"twin {r.B * 1e9:F0} ns, fast {r.A * 1e9:F0} ns, rounds {r.RatioMin:F1}–{r.RatioMax:F1}×"));
    }

    private static void Report(List<string> failures, string name, double value, double threshold, bool atMost, string detail)
    {
        bool ok = atMost ? value <= threshold : value >= threshold;
        string line = string.Create(CultureInfo.InvariantCulture, $"guard {name}: {value:G4} (threshold {(atMost ? "≤" : "≥")} {threshold}) {(ok ? "ok" : "FAIL")} — {detail}");
        Console.WriteLine(line);
        if (!ok)
        {
            failures.Add(line);
        }
    }
}
