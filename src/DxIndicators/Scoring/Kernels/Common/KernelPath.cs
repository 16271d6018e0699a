using System.Runtime.Intrinsics;

namespace DxIndicators.Scoring.Kernels;

/// <summary>The code path a kernel runs on; every path gives bit-identical results (see docs/methodology.md).</summary>
internal enum KernelPath
{
    /// <summary>Plain scalar loop.</summary>
    Scalar,

    /// <summary>128-bit vectors (2 doubles).</summary>
    V128,

    /// <summary>256-bit vectors (4 doubles).</summary>
    V256,

    /// <summary>512-bit vectors (8 doubles).</summary>
    V512,
}

/// <summary>Chooses and reports the kernel paths the hardware supports.</summary>
internal static class KernelPaths
{
    /// <summary>Gets whether a path is accelerated on this machine under the current runtime settings.</summary>
    public static bool IsSupported(KernelPath path) => path switch
    {
        KernelPath.Scalar => true,
        KernelPath.V128 => Vector128.IsHardwareAccelerated,
        KernelPath.V256 => Vector256.IsHardwareAccelerated,
        KernelPath.V512 => Vector512.IsHardwareAccelerated,
        _ => false,
    };

    /// <summary>Gets the supported paths, scalar first.</summary>
    public static IReadOnlyList<KernelPath> Supported { get; } =
        [.. new[] { KernelPath.Scalar, KernelPath.V128, KernelPath.V256, KernelPath.V512 }.Where(IsSupported)];

    /// <summary>Picks the widest accelerated path whose vector the input fills.</summary>
    public static KernelPath Best(int length)
    {
        if (Vector512.IsHardwareAccelerated && length >= Vector512<double>.Count)
        {
            return KernelPath.V512;
        }

        if (Vector256.IsHardwareAccelerated && length >= Vector256<double>.Count)
        {
            return KernelPath.V256;
        }

        if (Vector128.IsHardwareAccelerated && length >= Vector128<double>.Count)
        {
            return KernelPath.V128;
        }

        return KernelPath.Scalar;
    }
}
