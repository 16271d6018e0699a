using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace DxIndicators.Scoring.Kernels;

/// <summary>
/// C = A · B for uncertainty runs: A is rows × k (one effective-weight vector per sample, row-major), B is k × n
/// (one normalised indicator per row, units padded to a multiple of 64), C is rows × n. The Vector512 path is a
/// register-blocked micro-kernel of 3 rows × 64 columns (24 accumulators, shared/research/perf.md §5); the Vector256
/// path (machines without AVX-512, FMA3 required) one of 6 rows × 8 columns (12 accumulators, 2 B vectors and a
/// broadcast: 15 of AVX2's 16 registers). Every output element is the same fused multiply-add chain over k in order
/// on every path, so the scalar twin is bit-identical.
/// </summary>
internal static class WeightProduct
{
    /// <summary>Columns per tile: 8 vectors of 8 doubles.</summary>
    public const int Tile = 64;

    /// <summary>Rounds a column count up to whole tiles.</summary>
    public static int Padded(int n) => (n + Tile - 1) / Tile * Tile;

    /// <summary>Multiplies on the given path, or the widest below it the machine has (<see cref="Resolve"/>).</summary>
    public static void Multiply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int rows, int k, int n, KernelPath path)
    {
        if (n % Tile != 0 || a.Length < rows * k || b.Length < k * n || c.Length < rows * n)
        {
            throw new ArgumentException("WeightProduct needs n a multiple of 64 and spans of rows·k, k·n and rows·n.");
        }

        switch (Resolve(path))
        {
            case KernelPath.V512:
                Vector512Kernel(a, b, c, rows, k, n, k, 1);
                break;
            case KernelPath.V256:
                Vector256Kernel(a, b, c, rows, k, n, k, 1);
                break;
            default:
                Scalar(a, b, c, rows, k, n, 0, k, 1);
                break;
        }
    }

    /// <summary>The path that runs for a requested one: V512 where Vector512 is accelerated, else (for V512 or V256)
    /// V256 where Vector256 and FMA3 are, else the scalar twin.</summary>
    /// <param name="path">The requested path.</param>
    /// <returns>The path taken.</returns>
    public static KernelPath Resolve(KernelPath path) => path switch
    {
        KernelPath.V512 when Vector512.IsHardwareAccelerated => KernelPath.V512,
        KernelPath.V512 or KernelPath.V256 when Vector256.IsHardwareAccelerated && Fma.IsSupported => KernelPath.V256,
        _ => KernelPath.Scalar,
    };

    /// <summary>
    /// Multiplies with A stored transposed: A[r, j] = <paramref name="at"/>[j·<paramref name="lda"/> + r] (one row per
    /// indicator, one column per sample, as the lane-parallel weight draws write it). Same FMA chain per element.
    /// </summary>
    public static void MultiplyTransposedA(ReadOnlySpan<double> at, int lda, ReadOnlySpan<double> b, Span<double> c, int rows, int k, int n, KernelPath path)
    {
        if (n % Tile != 0 || lda < rows || at.Length < ((k - 1) * lda) + rows || b.Length < k * n || c.Length < rows * n)
        {
            throw new ArgumentException("WeightProduct needs n a multiple of 64, lda ≥ rows and spans of k·lda, k·n and rows·n.");
        }

        switch (Resolve(path))
        {
            case KernelPath.V512:
                Vector512KernelTransposed(at, lda, b, c, rows, k, n);
                break;
            case KernelPath.V256:
                Vector256Kernel(at, b, c, rows, k, n, 1, lda);
                break;
            default:
                Scalar(at, b, c, rows, k, n, 0, 1, lda);
                break;
        }
    }

    /// <summary>The scalar twin: the same FMA chain per element, rows from <paramref name="firstRow"/> on.</summary>
    internal static void Scalar(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int rows, int k, int n, int firstRow, int rowStride, int colStride)
    {
        for (int r = firstRow; r < rows; r++)
        {
            Span<double> cr = c.Slice(r * n, n);
            for (int col = 0; col < n; col++)
            {
                double acc = 0;
                for (int j = 0; j < k; j++)
                {
                    acc = Math.FusedMultiplyAdd(a[(r * rowStride) + (j * colStride)], b[(j * n) + col], acc);
                }

                cr[col] = acc;
            }
        }
    }

    // Long: a register-blocked micro-kernel; its 24 accumulators and 8 B vectors are named one by one so they stay in
    // registers, and splitting the step would hand them through memory.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Vector512Kernel(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int rows, int k, int n, int rs, int cs)
    {
        ref double ra = ref MemoryMarshal.GetReference(a);
        ref double rb = ref MemoryMarshal.GetReference(b);
        ref double rc = ref MemoryMarshal.GetReference(c);
        int r = 0;
        for (; r + 3 <= rows; r += 3)
        {
            ref double a0 = ref Unsafe.Add(ref ra, r * rs);
            ref double a1 = ref Unsafe.Add(ref a0, rs);
            ref double a2 = ref Unsafe.Add(ref a1, rs);
            for (int t = 0; t < n; t += Tile)
            {
                Vector512<double> c00 = default, c01 = default, c02 = default, c03 = default, c04 = default, c05 = default, c06 = default, c07 = default;
                Vector512<double> c10 = default, c11 = default, c12 = default, c13 = default, c14 = default, c15 = default, c16 = default, c17 = default;
                Vector512<double> c20 = default, c21 = default, c22 = default, c23 = default, c24 = default, c25 = default, c26 = default, c27 = default;
                ref double bt = ref Unsafe.Add(ref rb, t);
                for (int j = 0; j < k; j++)
                {
                    ref double bj = ref Unsafe.Add(ref bt, j * n);
                    Vector512<double> b0 = Vector512.LoadUnsafe(ref bj, 0), b1 = Vector512.LoadUnsafe(ref bj, 8);
                    Vector512<double> b2 = Vector512.LoadUnsafe(ref bj, 16), b3 = Vector512.LoadUnsafe(ref bj, 24);
                    Vector512<double> b4 = Vector512.LoadUnsafe(ref bj, 32), b5 = Vector512.LoadUnsafe(ref bj, 40);
                    Vector512<double> b6 = Vector512.LoadUnsafe(ref bj, 48), b7 = Vector512.LoadUnsafe(ref bj, 56);
                    Vector512<double> x = Vector512.Create(Unsafe.Add(ref a0, j * cs));
                    c00 = Vector512.FusedMultiplyAdd(x, b0, c00);
                    c01 = Vector512.FusedMultiplyAdd(x, b1, c01);
                    c02 = Vector512.FusedMultiplyAdd(x, b2, c02);
                    c03 = Vector512.FusedMultiplyAdd(x, b3, c03);
                    c04 = Vector512.FusedMultiplyAdd(x, b4, c04);
                    c05 = Vector512.FusedMultiplyAdd(x, b5, c05);
                    c06 = Vector512.FusedMultiplyAdd(x, b6, c06);
                    c07 = Vector512.FusedMultiplyAdd(x, b7, c07);
                    x = Vector512.Create(Unsafe.Add(ref a1, j * cs));
                    c10 = Vector512.FusedMultiplyAdd(x, b0, c10);
                    c11 = Vector512.FusedMultiplyAdd(x, b1, c11);
                    c12 = Vector512.FusedMultiplyAdd(x, b2, c12);
                    c13 = Vector512.FusedMultiplyAdd(x, b3, c13);
                    c14 = Vector512.FusedMultiplyAdd(x, b4, c14);
                    c15 = Vector512.FusedMultiplyAdd(x, b5, c15);
                    c16 = Vector512.FusedMultiplyAdd(x, b6, c16);
                    c17 = Vector512.FusedMultiplyAdd(x, b7, c17);
                    x = Vector512.Create(Unsafe.Add(ref a2, j * cs));
                    c20 = Vector512.FusedMultiplyAdd(x, b0, c20);
                    c21 = Vector512.FusedMultiplyAdd(x, b1, c21);
                    c22 = Vector512.FusedMultiplyAdd(x, b2, c22);
                    c23 = Vector512.FusedMultiplyAdd(x, b3, c23);
                    c24 = Vector512.FusedMultiplyAdd(x, b4, c24);
                    c25 = Vector512.FusedMultiplyAdd(x, b5, c25);
                    c26 = Vector512.FusedMultiplyAdd(x, b6, c26);
                    c27 = Vector512.FusedMultiplyAdd(x, b7, c27);
                }

                ref double o0 = ref Unsafe.Add(ref rc, (r * n) + t);
                Store(ref o0, c00, c01, c02, c03, c04, c05, c06, c07);
                Store(ref Unsafe.Add(ref o0, n), c10, c11, c12, c13, c14, c15, c16, c17);
                Store(ref Unsafe.Add(ref o0, 2 * n), c20, c21, c22, c23, c24, c25, c26, c27);
            }
        }

        // Fewer than 3 rows left: one row at a time, same chain per element.
        for (; r < rows; r++)
        {
            ref double a0 = ref Unsafe.Add(ref ra, r * rs);
            for (int t = 0; t < n; t += Tile)
            {
                Vector512<double> c00 = default, c01 = default, c02 = default, c03 = default, c04 = default, c05 = default, c06 = default, c07 = default;
                ref double bt = ref Unsafe.Add(ref rb, t);
                for (int j = 0; j < k; j++)
                {
                    ref double bj = ref Unsafe.Add(ref bt, j * n);
                    Vector512<double> x = Vector512.Create(Unsafe.Add(ref a0, j * cs));
                    c00 = Vector512.FusedMultiplyAdd(x, Vector512.LoadUnsafe(ref bj, 0), c00);
                    c01 = Vector512.FusedMultiplyAdd(x, Vector512.LoadUnsafe(ref bj, 8), c01);
                    c02 = Vector512.FusedMultiplyAdd(x, Vector512.LoadUnsafe(ref bj, 16), c02);
                    c03 = Vector512.FusedMultiplyAdd(x, Vector512.LoadUnsafe(ref bj, 24), c03);
                    c04 = Vector512.FusedMultiplyAdd(x, Vector512.LoadUnsafe(ref bj, 32), c04);
                    c05 = Vector512.FusedMultiplyAdd(x, Vector512.LoadUnsafe(ref bj, 40), c05);
                    c06 = Vector512.FusedMultiplyAdd(x, Vector512.LoadUnsafe(ref bj, 48), c06);
                    c07 = Vector512.FusedMultiplyAdd(x, Vector512.LoadUnsafe(ref bj, 56), c07);
                }

                Store(ref Unsafe.Add(ref rc, (r * n) + t), c00, c01, c02, c03, c04, c05, c06, c07);
            }
        }
    }

    /// <summary>
    /// The transposed-A kernel: 6 rows × 32 columns (24 accumulators, 4 B vectors, 6 broadcasts of consecutive A
    /// values per step), column halves outermost so the 32-column panel of B (k × 256 bytes) stays in L1.
    /// </summary>
    // Long: the same register blocking as Vector512Kernel (24 named accumulators); splitting it spills them.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Vector512KernelTransposed(ReadOnlySpan<double> at, int lda, ReadOnlySpan<double> b, Span<double> c, int rows, int k, int n)
    {
        ref double ra = ref MemoryMarshal.GetReference(at);
        ref double rb = ref MemoryMarshal.GetReference(b);
        ref double rc = ref MemoryMarshal.GetReference(c);
        for (int t = 0; t < n; t += 32)
        {
            ref double bt = ref Unsafe.Add(ref rb, t);
            int r = 0;
            for (; r + 6 <= rows; r += 6)
            {
                Vector512<double> c00 = default, c01 = default, c02 = default, c03 = default;
                Vector512<double> c10 = default, c11 = default, c12 = default, c13 = default;
                Vector512<double> c20 = default, c21 = default, c22 = default, c23 = default;
                Vector512<double> c30 = default, c31 = default, c32 = default, c33 = default;
                Vector512<double> c40 = default, c41 = default, c42 = default, c43 = default;
                Vector512<double> c50 = default, c51 = default, c52 = default, c53 = default;
                ref double aj = ref Unsafe.Add(ref ra, r);
                for (int j = 0; j < k; j++)
                {
                    ref double bj = ref Unsafe.Add(ref bt, j * n);
                    Vector512<double> b0 = Vector512.LoadUnsafe(ref bj, 0), b1 = Vector512.LoadUnsafe(ref bj, 8);
                    Vector512<double> b2 = Vector512.LoadUnsafe(ref bj, 16), b3 = Vector512.LoadUnsafe(ref bj, 24);
                    ref double a = ref Unsafe.Add(ref aj, j * lda);
                    Vector512<double> x = Vector512.Create(a);
                    c00 = Vector512.FusedMultiplyAdd(x, b0, c00);
                    c01 = Vector512.FusedMultiplyAdd(x, b1, c01);
                    c02 = Vector512.FusedMultiplyAdd(x, b2, c02);
                    c03 = Vector512.FusedMultiplyAdd(x, b3, c03);
                    x = Vector512.Create(Unsafe.Add(ref a, 1));
                    c10 = Vector512.FusedMultiplyAdd(x, b0, c10);
                    c11 = Vector512.FusedMultiplyAdd(x, b1, c11);
                    c12 = Vector512.FusedMultiplyAdd(x, b2, c12);
                    c13 = Vector512.FusedMultiplyAdd(x, b3, c13);
                    x = Vector512.Create(Unsafe.Add(ref a, 2));
                    c20 = Vector512.FusedMultiplyAdd(x, b0, c20);
                    c21 = Vector512.FusedMultiplyAdd(x, b1, c21);
                    c22 = Vector512.FusedMultiplyAdd(x, b2, c22);
                    c23 = Vector512.FusedMultiplyAdd(x, b3, c23);
                    x = Vector512.Create(Unsafe.Add(ref a, 3));
                    c30 = Vector512.FusedMultiplyAdd(x, b0, c30);
                    c31 = Vector512.FusedMultiplyAdd(x, b1, c31);
                    c32 = Vector512.FusedMultiplyAdd(x, b2, c32);
                    c33 = Vector512.FusedMultiplyAdd(x, b3, c33);
                    x = Vector512.Create(Unsafe.Add(ref a, 4));
                    c40 = Vector512.FusedMultiplyAdd(x, b0, c40);
                    c41 = Vector512.FusedMultiplyAdd(x, b1, c41);
                    c42 = Vector512.FusedMultiplyAdd(x, b2, c42);
                    c43 = Vector512.FusedMultiplyAdd(x, b3, c43);
                    x = Vector512.Create(Unsafe.Add(ref a, 5));
                    c50 = Vector512.FusedMultiplyAdd(x, b0, c50);
                    c51 = Vector512.FusedMultiplyAdd(x, b1, c51);
                    c52 = Vector512.FusedMultiplyAdd(x, b2, c52);
                    c53 = Vector512.FusedMultiplyAdd(x, b3, c53);
                }

                ref double o = ref Unsafe.Add(ref rc, (r * n) + t);
                Store4(ref o, c00, c01, c02, c03);
                Store4(ref Unsafe.Add(ref o, n), c10, c11, c12, c13);
                Store4(ref Unsafe.Add(ref o, 2 * n), c20, c21, c22, c23);
                Store4(ref Unsafe.Add(ref o, 3 * n), c30, c31, c32, c33);
                Store4(ref Unsafe.Add(ref o, 4 * n), c40, c41, c42, c43);
                Store4(ref Unsafe.Add(ref o, 5 * n), c50, c51, c52, c53);
            }

            // Fewer than 6 rows left: two rows at a time (8 chains keep both FMA pipes busy; one row's 4 would wait on
            // their latency), then one; the same chain per element.
            for (; r + 2 <= rows; r += 2)
            {
                TransposedTwoRows(ref Unsafe.Add(ref ra, r), lda, ref bt, ref Unsafe.Add(ref rc, (r * n) + t), k, n);
            }

            for (; r < rows; r++)
            {
                Vector512<double> c00 = default, c01 = default, c02 = default, c03 = default;
                for (int j = 0; j < k; j++)
                {
                    ref double bj = ref Unsafe.Add(ref bt, j * n);
                    Vector512<double> x = Vector512.Create(Unsafe.Add(ref ra, r + (j * lda)));
                    c00 = Vector512.FusedMultiplyAdd(x, Vector512.LoadUnsafe(ref bj, 0), c00);
                    c01 = Vector512.FusedMultiplyAdd(x, Vector512.LoadUnsafe(ref bj, 8), c01);
                    c02 = Vector512.FusedMultiplyAdd(x, Vector512.LoadUnsafe(ref bj, 16), c02);
                    c03 = Vector512.FusedMultiplyAdd(x, Vector512.LoadUnsafe(ref bj, 24), c03);
                }

                Store4(ref Unsafe.Add(ref rc, (r * n) + t), c00, c01, c02, c03);
            }
        }
    }

    /// <summary>
    /// The Vector256 kernel: 6 rows × 8 columns (12 accumulators, 2 B vectors, one broadcast at a time), A read with
    /// row stride <paramref name="rs"/> and column stride <paramref name="cs"/> (row-major or transposed alike).
    /// </summary>
    // Long: a register-blocked micro-kernel; its 12 accumulators are named one by one so they stay in registers.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Vector256Kernel(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int rows, int k, int n, int rs, int cs)
    {
        ref double ra = ref MemoryMarshal.GetReference(a);
        ref double rb = ref MemoryMarshal.GetReference(b);
        ref double rc = ref MemoryMarshal.GetReference(c);
        for (int t = 0; t < n; t += 8)
        {
            ref double bt = ref Unsafe.Add(ref rb, t);
            int r = 0;
            for (; r + 6 <= rows; r += 6)
            {
                Vector256<double> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
                Vector256<double> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
                ref double a0 = ref Unsafe.Add(ref ra, r * rs);
                for (int j = 0; j < k; j++)
                {
                    ref double bj = ref Unsafe.Add(ref bt, j * n);
                    Vector256<double> b0 = Vector256.LoadUnsafe(ref bj, 0), b1 = Vector256.LoadUnsafe(ref bj, 4);
                    ref double aj = ref Unsafe.Add(ref a0, j * cs);
                    Vector256<double> x = Vector256.Create(aj);
                    c00 = Vector256.FusedMultiplyAdd(x, b0, c00);
                    c01 = Vector256.FusedMultiplyAdd(x, b1, c01);
                    x = Vector256.Create(Unsafe.Add(ref aj, rs));
                    c10 = Vector256.FusedMultiplyAdd(x, b0, c10);
                    c11 = Vector256.FusedMultiplyAdd(x, b1, c11);
                    x = Vector256.Create(Unsafe.Add(ref aj, 2 * rs));
                    c20 = Vector256.FusedMultiplyAdd(x, b0, c20);
                    c21 = Vector256.FusedMultiplyAdd(x, b1, c21);
                    x = Vector256.Create(Unsafe.Add(ref aj, 3 * rs));
                    c30 = Vector256.FusedMultiplyAdd(x, b0, c30);
                    c31 = Vector256.FusedMultiplyAdd(x, b1, c31);
                    x = Vector256.Create(Unsafe.Add(ref aj, 4 * rs));
                    c40 = Vector256.FusedMultiplyAdd(x, b0, c40);
                    c41 = Vector256.FusedMultiplyAdd(x, b1, c41);
                    x = Vector256.Create(Unsafe.Add(ref aj, 5 * rs));
                    c50 = Vector256.FusedMultiplyAdd(x, b0, c50);
                    c51 = Vector256.FusedMultiplyAdd(x, b1, c51);
                }

                ref double o = ref Unsafe.Add(ref rc, (r * n) + t);
                Store2(ref o, c00, c01);
                Store2(ref Unsafe.Add(ref o, n), c10, c11);
                Store2(ref Unsafe.Add(ref o, 2 * n), c20, c21);
                Store2(ref Unsafe.Add(ref o, 3 * n), c30, c31);
                Store2(ref Unsafe.Add(ref o, 4 * n), c40, c41);
                Store2(ref Unsafe.Add(ref o, 5 * n), c50, c51);
            }

            // Fewer than 6 rows left: one row at a time, same chain per element.
            for (; r < rows; r++)
            {
                Vector256<double> c00 = default, c01 = default;
                ref double a0 = ref Unsafe.Add(ref ra, r * rs);
                for (int j = 0; j < k; j++)
                {
                    ref double bj = ref Unsafe.Add(ref bt, j * n);
                    Vector256<double> x = Vector256.Create(Unsafe.Add(ref a0, j * cs));
                    c00 = Vector256.FusedMultiplyAdd(x, Vector256.LoadUnsafe(ref bj, 0), c00);
                    c01 = Vector256.FusedMultiplyAdd(x, Vector256.LoadUnsafe(ref bj, 4), c01);
                }

                Store2(ref Unsafe.Add(ref rc, (r * n) + t), c00, c01);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store2(ref double o, Vector256<double> v0, Vector256<double> v1)
    {
        v0.StoreUnsafe(ref o, 0);
        v1.StoreUnsafe(ref o, 4);
    }

    /// <summary>Two rows × 32 columns of the transposed-A kernel: row r's A values at <paramref name="a"/>[j·lda], row r + 1's next to them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void TransposedTwoRows(ref double a, int lda, ref double bt, ref double o, int k, int n)
    {
        Vector512<double> c00 = default, c01 = default, c02 = default, c03 = default;
        Vector512<double> c10 = default, c11 = default, c12 = default, c13 = default;
        for (int j = 0; j < k; j++)
        {
            ref double bj = ref Unsafe.Add(ref bt, j * n);
            Vector512<double> b0 = Vector512.LoadUnsafe(ref bj, 0), b1 = Vector512.LoadUnsafe(ref bj, 8);
            Vector512<double> b2 = Vector512.LoadUnsafe(ref bj, 16), b3 = Vector512.LoadUnsafe(ref bj, 24);
            ref double aj = ref Unsafe.Add(ref a, j * lda);
            Vector512<double> x = Vector512.Create(aj);
            c00 = Vector512.FusedMultiplyAdd(x, b0, c00);
            c01 = Vector512.FusedMultiplyAdd(x, b1, c01);
            c02 = Vector512.FusedMultiplyAdd(x, b2, c02);
            c03 = Vector512.FusedMultiplyAdd(x, b3, c03);
            x = Vector512.Create(Unsafe.Add(ref aj, 1));
            c10 = Vector512.FusedMultiplyAdd(x, b0, c10);
            c11 = Vector512.FusedMultiplyAdd(x, b1, c11);
            c12 = Vector512.FusedMultiplyAdd(x, b2, c12);
            c13 = Vector512.FusedMultiplyAdd(x, b3, c13);
        }

        Store4(ref o, c00, c01, c02, c03);
        Store4(ref Unsafe.Add(ref o, n), c10, c11, c12, c13);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store4(ref double o, Vector512<double> v0, Vector512<double> v1, Vector512<double> v2, Vector512<double> v3)
    {
        v0.StoreUnsafe(ref o, 0);
        v1.StoreUnsafe(ref o, 8);
        v2.StoreUnsafe(ref o, 16);
        v3.StoreUnsafe(ref o, 24);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(ref double o, Vector512<double> v0, Vector512<double> v1, Vector512<double> v2, Vector512<double> v3, Vector512<double> v4, Vector512<double> v5, Vector512<double> v6, Vector512<double> v7)
    {
        v0.StoreUnsafe(ref o, 0);
        v1.StoreUnsafe(ref o, 8);
        v2.StoreUnsafe(ref o, 16);
        v3.StoreUnsafe(ref o, 24);
        v4.StoreUnsafe(ref o, 32);
        v5.StoreUnsafe(ref o, 40);
        v6.StoreUnsafe(ref o, 48);
        v7.StoreUnsafe(ref o, 56);
    }
}
