using System.Diagnostics.CodeAnalysis;

namespace DxIndicators.Scoring.Kernels;

/// <summary>Throws for kernel misuse, kept out of line so the hot methods stay small.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowLengthMismatch(string name, int expected, int actual) =>
        throw new ArgumentException($"Span '{name}' has length {actual} but the input has length {expected}; kernel inputs must have equal lengths.", name);

    [DoesNotReturn]
    public static void ThrowDestinationTooShort(string name, int needed, int actual) =>
        throw new ArgumentException($"Destination '{name}' has length {actual} but needs at least {needed}.", name);

    [DoesNotReturn]
    public static void ThrowOverlap(string name) =>
        throw new ArgumentException($"Destination '{name}' partially overlaps the input; use the same span (in place) or disjoint spans.", name);

    [DoesNotReturn]
    public static void ThrowUnsupportedPath(KernelPath path) =>
        throw new PlatformNotSupportedException($"Kernel path {path} is not accelerated on this machine.");

    public static void CheckDestination(ReadOnlySpan<double> input, Span<double> destination, string name)
    {
        if (destination.Length < input.Length)
        {
            ThrowDestinationTooShort(name, input.Length, destination.Length);
        }

        if (input.Overlaps(destination, out int offset) && offset != 0)
        {
            ThrowOverlap(name);
        }
    }

    public static void CheckSameLength(int expected, int actual, string name)
    {
        if (expected != actual)
        {
            ThrowLengthMismatch(name, expected, actual);
        }
    }

    public static void CheckPath(KernelPath path)
    {
        if (!KernelPaths.IsSupported(path))
        {
            ThrowUnsupportedPath(path);
        }
    }
}
