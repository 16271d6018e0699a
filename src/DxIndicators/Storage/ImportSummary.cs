using NodaTime;

namespace DxIndicators.Storage;

/// <summary>What one import changed.</summary>
/// <param name="ImportId">The import's id (increasing in commit order).</param>
/// <param name="KnownFrom">The day from which its figures are known.</param>
/// <param name="Added">Keys the store did not have.</param>
/// <param name="Revised">Keys whose open vintage was closed and replaced.</param>
/// <param name="Unchanged">Keys whose open vintage already held the same observation.</param>
/// <param name="Note">The note given with the import, if any.</param>
/// <param name="RecordedAt">When the import was committed (the store's clock).</param>
/// <remarks>Immutable.</remarks>
public sealed record ImportSummary(long ImportId, LocalDate KnownFrom, long Added, long Revised, long Unchanged, string? Note, Instant RecordedAt)
{
    /// <summary>Gets the number of observations the import was given.</summary>
    public long Total => Added + Revised + Unchanged;
}
