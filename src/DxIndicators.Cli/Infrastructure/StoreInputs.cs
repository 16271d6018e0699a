using DxIndicators.Data;
using DxIndicators.Storage;
using DxIndicators.Storage.PostgreSql;
using DxIndicators.Storage.Sqlite;
using NodaTime;

namespace DxIndicators.Cli.Infrastructure;

/// <summary>Opens <c>--store PATH|CONNECTION</c>: an Npgsql connection string (it has <c>Host=</c>) is a PostgreSQL store, anything else a SQLite file.</summary>
internal static class StoreInputs
{
    public static bool IsPostgreSql(string store) =>
        store.Contains("Host=", StringComparison.OrdinalIgnoreCase) || store.Contains("Server=", StringComparison.OrdinalIgnoreCase);

    public static IObservationStore Open(string store, IClock clock, bool mustExist = true)
    {
        if (IsPostgreSql(store))
        {
            try
            {
                return PostgreSqlObservationStore.Open(store, clock);
            }
            catch (Npgsql.NpgsqlException ex)
            {
                throw new IOException($"--store: cannot use the PostgreSQL store ({ex.Message})", ex);
            }
        }

        if (mustExist && !File.Exists(store))
        {
            throw new IOException($"--store: '{store}' does not exist; create it with dx store init --store {store} (or dx store import)");
        }

        try
        {
            return SqliteObservationStore.Open(store, clock);
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            throw new IOException($"--store: '{store}' is not a usable SQLite store ({ex.Message})", ex);
        }
    }

    /// <summary>Reads the data of a store as known on a day (null: the latest known figures).</summary>
    public static Dataset Read(string store, LocalDate? knownOn, IClock clock)
    {
        using IObservationStore opened = Open(store, clock);
        return knownOn is { } day ? opened.AsKnownOn(day) : opened.Latest();
    }
}
