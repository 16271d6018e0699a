using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace DxIndicators.Benchmarks.Limits;

/// <summary>
/// The probes for the machine's limits, on the widest vector width present (and Vector256 for comparison): float64
/// FMA peak (16 independent chains) and streaming bandwidth. Bandwidth uses STREAM counting (write-allocate traffic
/// not counted): axpb <c>y = s·x + t</c> moves 16 B per element (one read, one write; the traffic shape of
/// normalisation), triad <c>a = b + s·c</c> 24 B, sum 8 B.
/// </summary>
internal static class MachineLimits
{
    /// <summary>Elements per array of the DRAM probes: 64 MiB each, far above any L3 here (32 MiB per CCD).</summary>
    public const int DramElements = 8 << 20;

    /// <summary>Elements per array of the L3 probes: 2.66 MB, the size of W1's matrix (3,321 × 100).</summary>
    public const int L3Elements = 3321 * 100;

    /// <summary>Gets the widest accelerated vector width in bits (512, 256, 128 or 64 for scalar).</summary>
    public static int WidestBits => Vector512.IsHardwareAccelerated ? 512 : Vector256.IsHardwareAccelerated ? 256 : Vector128.IsHardwareAccelerated ? 128 : 64;

    /// <summary>Flops of one FMA probe call of <paramref name="iterations"/> iterations (chains × lanes × 2; 16 chains
    /// for Vector512, 12 for Vector256).</summary>
    public static double FmaFlops(long iterations, int bits) => iterations * (bits == 512 ? 16.0 : 12.0) * (bits / 64) * 2;

    /// <summary>Runs the FMA probe on the widest width.</summary>
    public static double Fma(long iterations) => Vector512.IsHardwareAccelerated ? Fma512(iterations) : Fma256(iterations);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static double Fma512(long iterations)
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

        return Vector512.Sum(((c0 + c1) + (c2 + c3)) + ((c4 + c5) + (c6 + c7)) + ((c8 + c9) + (c10 + c11)) + ((c12 + c13) + (c14 + c15)));
    }

    /// <summary>Vector256 FMA probe with 12 chains: with AVX2 encoding there are only 16 ymm registers, and 16 chains
    /// plus the two operands would spill (the probe then measured 32.6 instead of ≈ 57 GFLOP/s on Zen 4).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static double Fma256(long iterations)
    {
        Vector256<double> m = Vector256.Create(0.999999), a = Vector256.Create(1e-7);
        Vector256<double> c0 = Vector256.Create(1.0), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
        Vector256<double> c8 = c0, c9 = c0, c10 = c0, c11 = c0;
        for (long i = 0; i < iterations; i++)
        {
            c0 = Vector256.FusedMultiplyAdd(c0, m, a);
            c1 = Vector256.FusedMultiplyAdd(c1, m, a);
            c2 = Vector256.FusedMultiplyAdd(c2, m, a);
            c3 = Vector256.FusedMultiplyAdd(c3, m, a);
            c4 = Vector256.FusedMultiplyAdd(c4, m, a);
            c5 = Vector256.FusedMultiplyAdd(c5, m, a);
            c6 = Vector256.FusedMultiplyAdd(c6, m, a);
            c7 = Vector256.FusedMultiplyAdd(c7, m, a);
            c8 = Vector256.FusedMultiplyAdd(c8, m, a);
            c9 = Vector256.FusedMultiplyAdd(c9, m, a);
            c10 = Vector256.FusedMultiplyAdd(c10, m, a);
            c11 = Vector256.FusedMultiplyAdd(c11, m, a);
        }

        return Vector256.Sum(((c0 + c1) + (c2 + c3)) + ((c4 + c5) + (c6 + c7)) + ((c8 + c9) + (c10 + c11)));
    }

    /// <summary>y = s·x + t on the widest width (16 B per element counted).</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Axpb(double[] x, double[] y, double s, double t)
    {
        int n = x.Length, i = 0;
        ref double rx = ref MemoryMarshal.GetArrayDataReference(x);
        ref double ry = ref MemoryMarshal.GetArrayDataReference(y);
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<double> vs = Vector512.Create(s), vt = Vector512.Create(t);
            for (; i <= n - 32; i += 32)
            {
                ((Vector512.LoadUnsafe(ref rx, (nuint)i) * vs) + vt).StoreUnsafe(ref ry, (nuint)i);
                ((Vector512.LoadUnsafe(ref rx, (nuint)(i + 8)) * vs) + vt).StoreUnsafe(ref ry, (nuint)(i + 8));
                ((Vector512.LoadUnsafe(ref rx, (nuint)(i + 16)) * vs) + vt).StoreUnsafe(ref ry, (nuint)(i + 16));
                ((Vector512.LoadUnsafe(ref rx, (nuint)(i + 24)) * vs) + vt).StoreUnsafe(ref ry, (nuint)(i + 24));
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            Vector256<double> vs = Vector256.Create(s), vt = Vector256.Create(t);
            for (; i <= n - 16; i += 16)
            {
                ((Vector256.LoadUnsafe(ref rx, (nuint)i) * vs) + vt).StoreUnsafe(ref ry, (nuint)i);
                ((Vector256.LoadUnsafe(ref rx, (nuint)(i + 4)) * vs) + vt).StoreUnsafe(ref ry, (nuint)(i + 4));
                ((Vector256.LoadUnsafe(ref rx, (nuint)(i + 8)) * vs) + vt).StoreUnsafe(ref ry, (nuint)(i + 8));
                ((Vector256.LoadUnsafe(ref rx, (nuint)(i + 12)) * vs) + vt).StoreUnsafe(ref ry, (nuint)(i + 12));
            }
        }

        for (; i < n; i++)
        {
            y[i] = (x[i] * s) + t;
        }
    }

    /// <summary>a = b + s·c on the widest width (24 B per element counted).</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Triad(double[] a, double[] b, double[] c, double s)
    {
        int n = a.Length, i = 0;
        ref double ra = ref MemoryMarshal.GetArrayDataReference(a);
        ref double rb = ref MemoryMarshal.GetArrayDataReference(b);
        ref double rc = ref MemoryMarshal.GetArrayDataReference(c);
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<double> vs = Vector512.Create(s);
            for (; i <= n - 16; i += 16)
            {
                (Vector512.LoadUnsafe(ref rb, (nuint)i) + (vs * Vector512.LoadUnsafe(ref rc, (nuint)i))).StoreUnsafe(ref ra, (nuint)i);
                (Vector512.LoadUnsafe(ref rb, (nuint)(i + 8)) + (vs * Vector512.LoadUnsafe(ref rc, (nuint)(i + 8)))).StoreUnsafe(ref ra, (nuint)(i + 8));
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            Vector256<double> vs = Vector256.Create(s);
            for (; i <= n - 8; i += 8)
            {
                (Vector256.LoadUnsafe(ref rb, (nuint)i) + (vs * Vector256.LoadUnsafe(ref rc, (nuint)i))).StoreUnsafe(ref ra, (nuint)i);
                (Vector256.LoadUnsafe(ref rb, (nuint)(i + 4)) + (vs * Vector256.LoadUnsafe(ref rc, (nuint)(i + 4)))).StoreUnsafe(ref ra, (nuint)(i + 4));
            }
        }

        for (; i < n; i++)
        {
            a[i] = b[i] + (s * c[i]);
        }
    }

    /// <summary>Σ x on the widest width, 4 independent chains (8 B per element counted).</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static double Sum(double[] x)
    {
        int n = x.Length, i = 0;
        ref double rx = ref MemoryMarshal.GetArrayDataReference(x);
        double total = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<double> s0 = Vector512<double>.Zero, s1 = s0, s2 = s0, s3 = s0;
            for (; i <= n - 32; i += 32)
            {
                s0 += Vector512.LoadUnsafe(ref rx, (nuint)i);
                s1 += Vector512.LoadUnsafe(ref rx, (nuint)(i + 8));
                s2 += Vector512.LoadUnsafe(ref rx, (nuint)(i + 16));
                s3 += Vector512.LoadUnsafe(ref rx, (nuint)(i + 24));
            }

            total = Vector512.Sum((s0 + s1) + (s2 + s3));
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            Vector256<double> s0 = Vector256<double>.Zero, s1 = s0, s2 = s0, s3 = s0;
            for (; i <= n - 16; i += 16)
            {
                s0 += Vector256.LoadUnsafe(ref rx, (nuint)i);
                s1 += Vector256.LoadUnsafe(ref rx, (nuint)(i + 4));
                s2 += Vector256.LoadUnsafe(ref rx, (nuint)(i + 8));
                s3 += Vector256.LoadUnsafe(ref rx, (nuint)(i + 12));
            }

            total = Vector256.Sum((s0 + s1) + (s2 + s3));
        }

        for (; i < n; i++)
        {
            total += x[i];
        }

        return total;
    }

    /// <summary>Allocates and touches an array of <paramref name="n"/> doubles (pages faulted in before timing).</summary>
    public static double[] Filled(int n, double value)
    {
        var a = GC.AllocateUninitializedArray<double>(n, pinned: true);
        a.AsSpan().Fill(value);
        return a;
    }
}
