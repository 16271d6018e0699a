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
