using System.Globalization;
using DxIndicators.Benchmarks.Scoring;

namespace DxIndicators.Benchmarks.Limits;

/// <summary>
/// <c>-- --scaling</c>: W1's cost per cell from 1,000 to 33,000 units (issue 11: at 33,000 within 1.3× of 1,000), the
/// library and the hand-fused pass alternating in one run (thread CPU time, medians of the per-round figures), each
/// size's ratio to 1,000 units, and the load average beside it. The short form of the <c>--limits</c> table.
/// </summary>
internal static class ScalingReport
{
    public static int Run()
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"W1 per-cell cost over units; widest vector used: {MachineLimits.WidestBits} bits; load average {PerformanceGuard.LoadAverage()}"));
        Console.WriteLine("| units × 100 | library ns/cell | (× 1k) | hand-fused ns/cell | (× 1k) | library / hand-fused |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|");
        double? lib1k = null, hand1k = null;
        foreach (int units in new[] { 1000, 3321, 10000, 33000 })
        {
            var w = new PipelineWorkload(units);
            w.Check();
            Harness.Pair r = Harness.Interleaved(w.HandFused, w.Library, 15, 0.02);
            double lib = r.B / w.Cells * 1e9, hand = r.A / w.Cells * 1e9;
            lib1k ??= lib;
            hand1k ??= hand;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {units:N0} | {lib:F2} | {lib / lib1k:F2} | {hand:F2} | {hand / hand1k:F2} | {r.Ratio:F2} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load average after {PerformanceGuard.LoadAverage()}"));
        return 0;
    }
}
