using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace DxIndicators.Scoring.Kernels;

/// <summary>
/// A zeroed buffer of doubles whose first element sits on a 64-byte boundary, so that every 8-double vector in it lies
/// within one cache line. A managed array's data starts 16 bytes into the object, so a 512-bit load or store at any
/// multiple of 8 elements spans two lines; the buffer is allocated on the pinned object heap (it never moves) with 7
/// spare elements and starts at the first boundary.
/// </summary>
internal sealed class AlignedBuffer
{
    private readonly double[] _array;
    private readonly int _offset;

    /// <summary>Initializes a zeroed buffer of <paramref name="length"/> doubles.</summary>
    /// <param name="length">The number of doubles (≥ 0).</param>
    public AlignedBuffer(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        _array = GC.AllocateArray<double>(length + 7, pinned: true);
        nint address = Unsafe.ByteOffset(ref Unsafe.NullRef<byte>(), ref Unsafe.As<double, byte>(ref MemoryMarshal.GetArrayDataReference(_array)));
        _offset = (int)(((64 - (address & 63)) & 63) / sizeof(double));
        Length = length;
    }

    /// <summary>Returns a buffer holding <paramref name="values"/>.</summary>
    /// <param name="values">The doubles to copy.</param>
    /// <returns>The buffer.</returns>
    public static AlignedBuffer Of(ReadOnlySpan<double> values)
    {
        var buffer = new AlignedBuffer(values.Length);
        values.CopyTo(buffer.Span);
        return buffer;
    }

    /// <summary>Gets the number of doubles.</summary>
    public int Length { get; }

    /// <summary>Gets the doubles.</summary>
    public Span<double> Span => _array.AsSpan(_offset, Length);

    /// <summary>Gets the doubles as vectors of 8 (the length rounded down to whole vectors).</summary>
    public Span<Vector512<double>> Vectors => MemoryMarshal.Cast<double, Vector512<double>>(Span);

    /// <summary>Gets the same memory as 64-bit integers.</summary>
    public Span<long> Longs => MemoryMarshal.Cast<double, long>(Span);

    /// <summary>Gets a reference to the first double.</summary>
    public ref double Start => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_array), _offset);
}
