using DxIndicators.Data;
using NodaTime;

namespace DxIndicators.Storage;

/// <summary>One stored version of an observation and the days on which it was the published figure.</summary>
/// <param name="Observation">The observation.</param>
/// <param name="KnownFrom">The first day it was known (inclusive).</param>
/// <param name="KnownTo">The day it was replaced (exclusive), or null while it is the latest.</param>
/// <param name="ImportId">The import that brought it.</param>
/// <remarks>Immutable.</remarks>
public sealed record Vintage(Observation Observation, LocalDate KnownFrom, LocalDate? KnownTo, long ImportId)
{
    /// <summary>Gets whether this is the latest known version.</summary>
    public bool IsOpen => KnownTo is null;

    /// <summary>Gets whether this version was the published figure on a day.</summary>
    /// <param name="date">The day.</param>
    /// <returns><see langword="true"/> when <c>KnownFrom ≤ date &lt; KnownTo</c>.</returns>
    public bool IsKnownOn(LocalDate date) => KnownFrom <= date && (KnownTo is not { } to || date < to);
}

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

/// <summary>The stage an import has reached, reported to a progress callback.</summary>
public enum ImportStage
{
    /// <summary>Rows are being written to the import's staging area; <see cref="ImportProgress.Rows"/> so far.</summary>
    Staging,

    /// <summary>Vintages have been closed and opened, just before the commit.</summary>
    Merged,
}

/// <summary>Progress of an import.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Rows">Rows written so far in this stage.</param>
public readonly record struct ImportProgress(ImportStage Stage, long Rows);

/// <summary>A revision the store refuses, or a store it cannot open; the message lists every offending key.</summary>
public sealed class ObservationStoreException : InvalidOperationException
{
    /// <summary>Initializes an exception.</summary>
    public ObservationStoreException()
    {
    }

    /// <summary>Initializes an exception with a message.</summary>
    /// <param name="message">The message.</param>
    public ObservationStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes an exception with a message and cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ObservationStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
