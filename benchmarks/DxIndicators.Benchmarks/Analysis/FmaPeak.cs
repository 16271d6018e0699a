using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace DxIndicators.Benchmarks.Analysis;

/// <summary>The machine's float64 FMA peak on one core: 16 independent Vector512 FMA chains (perf.md §3's probe).</summary>
internal static class FmaPeak
{
    /// <summary>Runs <paramref name="iterations"/> × 16 chains × 8 lanes FMAs (2 flops each) and returns a value that depends on all of them.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static double Run(long iterations)
    {
        Vector512<double> m = Vector512.Create(0.999999), a = Vector512.Create(1e-7);
        Vector512<double> c0 = Vector512.Create(1.0), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
        Vector512<double> c8 = c0, c9 = c0, c10 = c0, c11 = c0, c12 = c0, c13 = c0, c14 = c0, c15 = c0;
        for (long i = 0; i < iterations; i++)
        {
            c0 = Vector512.FusedMultiplyAdd(c0, m, a);
            c1 = Vector512.FusedMultiplyAdd(c1, m, a);
            c2 = Vector512.FusedMultiplyAdd(c2, m, a);
            c3 = Vector512.FusedMultiplyAdd(c3, m, a);
            c4 = Vector512.FusedMultiplyAdd(c4, m, a);
            c5 = Vector512.FusedMultiplyAdd(c5, m, a);
            c6 = Vector512.FusedMultiplyAdd(c6, m, a);
            c7 = Vector512.FusedMultiplyAdd(c7, m, a);
            c8 = Vector512.FusedMultiplyAdd(c8, m, a);
            c9 = Vector512.FusedMultiplyAdd(c9, m, a);
            c10 = Vector512.FusedMultiplyAdd(c10, m, a);
            c11 = Vector512.FusedMultiplyAdd(c11, m, a);
            c12 = Vector512.FusedMultiplyAdd(c12, m, a);
            c13 = Vector512.FusedMultiplyAdd(c13, m, a);
            c14 = Vector512.FusedMultiplyAdd(c14, m, a);
            c15 = Vector512.FusedMultiplyAdd(c15, m, a);
        }

        Vector512<double> s = ((c0 + c1) + (c2 + c3)) + ((c4 + c5) + (c6 + c7)) + ((c8 + c9) + (c10 + c11)) + ((c12 + c13) + (c14 + c15));
        return Vector512.Sum(s);
    }

    /// <summary>Flops of one <see cref="Run"/> call.</summary>
    public static double Flops(long iterations) => iterations * 16.0 * 8 * 2;
}
