using DxIndicators.Data;
using NodaTime;

namespace DxIndicators.Storage;

/// <summary>
/// A store of observations with vintages: every value carries the interval of dates in which it was the published
/// figure, so the data can be seen again exactly as it was known on any day.
/// </summary>
/// <remarks>
/// <para><b>Vintage semantics.</b> An import is one transaction stamped with a <c>knownFrom</c> date. For each
/// observation key (unit, indicator, period): when the store has no open vintage the observation opens one
/// (<see cref="ImportSummary.Added"/>); when the open vintage holds the same observation bit for bit (value, qualifier,
/// counts, status, restated flag, provenance) nothing changes (<see cref="ImportSummary.Unchanged"/>); otherwise the
/// open vintage is closed with <c>knownTo = knownFrom</c> and a new one opened (<see cref="ImportSummary.Revised"/>).
/// Nothing is ever overwritten or deleted. A vintage is known on day D when <c>KnownFrom ≤ D &lt; KnownTo</c> (an open
/// vintage has no <c>KnownTo</c>). A revision dated before the open vintage's <c>KnownFrom</c> is refused
/// (<see cref="ObservationStoreException"/>), so intervals never overlap; two revisions on the same day leave the first
/// with an empty interval — kept in the history, never the answer to an as-known-on query.</para>
/// <para><b>Atomicity and concurrency.</b> Each import is one transaction: an error or a crash part-way leaves the store
/// as it was before the import. Writers are serialised (concurrent imports wait for each other), so two writers
/// revising one series concurrently both land in its history, in commit order.</para>
/// <para>Implementations: <c>DxIndicators.Storage.Sqlite</c> (embedded, a file path) and
/// <c>DxIndicators.Storage.PostgreSql</c> (a shared server). They are safe to use from several threads.</para>
/// </remarks>
public interface IObservationStore : IDisposable
{
    /// <summary>Gets the schema version the store is at (see <see cref="RelationalObservationStore.CurrentSchemaVersion"/>).</summary>
    int SchemaVersion { get; }

    /// <summary>Imports observations as known from a date, in one transaction (see the type remarks).</summary>
    /// <param name="observations">The observations (a dataset is already checked: no conflicting keys, finite values).</param>
    /// <param name="knownFrom">The first day on which these figures were the published ones.</param>
    /// <param name="note">What was imported (a file name, a department), kept with the import; may be null.</param>
    /// <param name="progress">Called as rows are written, before the commit; an exception thrown from it aborts the
    /// import and rolls it back.</param>
    /// <returns>What the import changed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="observations"/> is null.</exception>
    /// <exception cref="ObservationStoreException">A revision would be dated before the vintage it replaces; nothing is imported.</exception>
    ImportSummary Import(Dataset observations, LocalDate knownFrom, string? note = null, Action<ImportProgress>? progress = null);

    /// <summary>Gets the latest known figures: every open vintage.</summary>
    /// <returns>The dataset.</returns>
    Dataset Latest();

    /// <summary>Gets the figures as they were known on a day: the vintages with <c>KnownFrom ≤ day &lt; KnownTo</c>.</summary>
    /// <param name="day">The day.</param>
    /// <returns>The dataset.</returns>
    Dataset AsKnownOn(LocalDate day);

    /// <summary>Gets the revision history of one series: every vintage of every period of a unit's indicator.</summary>
    /// <param name="unit">The unit code.</param>
    /// <param name="indicator">The indicator code.</param>
    /// <returns>The vintages ordered by period, then by import (oldest first).</returns>
    IReadOnlyList<Vintage> History(string unit, string indicator);

    /// <summary>Gets everything that became known on or after a day: the vintages with <c>KnownFrom ≥ day</c>.</summary>
    /// <param name="day">The first day that counts.</param>
    /// <returns>The vintages ordered by unit, indicator, period, then import.</returns>
    IReadOnlyList<Vintage> ChangedSince(LocalDate day);

    /// <summary>Gets the imports, oldest first.</summary>
    /// <returns>The imports.</returns>
    IReadOnlyList<ImportSummary> ImportLog();

    /// <summary>Stores a computed result with the framework and target catalogue it was computed from.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The stored result with its id and recording time.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    StoredResult SaveResult(StoredResult result);

    /// <summary>Gets the stored results, oldest first.</summary>
    /// <returns>The results.</returns>
    IReadOnlyList<StoredResult> Results();
}
