using System.Collections.Concurrent;

namespace DxIndicators.Scoring.Kernels;

/// <summary>
/// Large scratch <see cref="AlignedBuffer"/>s kept between runs. A fresh buffer of a few hundred kilobytes is new memory
/// to the operating system: every page faults and is cleared on first touch, which cost the 63 × 100 uncertainty run
/// more than its product step. Rented buffers hold whatever the last user left (callers overwrite them); at most
/// <see cref="MaxRetainedBytes"/> are kept, beyond which returned buffers are left to the collector.
/// </summary>
internal static class AlignedBufferPool
{
    /// <summary>The most bytes of buffers kept for reuse.</summary>
    public const long MaxRetainedBytes = 64L << 20;

    private static readonly ConcurrentDictionary<int, ConcurrentBag<AlignedBuffer>> s_free = new();
    private static long s_retained;

    /// <summary>Returns a buffer of <paramref name="length"/> doubles, reused when one is free (its contents are then unspecified).</summary>
    /// <param name="length">The number of doubles.</param>
    /// <returns>The buffer.</returns>
    public static AlignedBuffer Rent(int length)
    {
        if (s_free.TryGetValue(length, out ConcurrentBag<AlignedBuffer>? bag) && bag.TryTake(out AlignedBuffer? buffer))
        {
            Interlocked.Add(ref s_retained, -Bytes(buffer));
            return buffer;
        }

        return new AlignedBuffer(length);
    }

    /// <summary>Keeps <paramref name="buffer"/> for a later <see cref="Rent"/>, unless the pool is full.</summary>
    /// <param name="buffer">A buffer no longer used by its renter.</param>
    public static void Return(AlignedBuffer buffer)
    {
        if (Interlocked.Add(ref s_retained, Bytes(buffer)) > MaxRetainedBytes)
        {
            Interlocked.Add(ref s_retained, -Bytes(buffer));
            return;
        }

        s_free.GetOrAdd(buffer.Length, _ => []).Add(buffer);
    }

    private static long Bytes(AlignedBuffer buffer) => (long)buffer.Length * sizeof(double);
}
