using System.Data;
using System.Data.Common;
using DxIndicators.Data;
using Microsoft.Data.Sqlite;
using NodaTime;
using Period = DxIndicators.Data.Period;

namespace DxIndicators.Storage.Sqlite;

/// <summary>An <see cref="IObservationStore"/> in one SQLite file: the embedded default, a file path is all it needs.</summary>
/// <remarks>
/// <para>The file is created on first use and its schema created or migrated (table <c>dx_schema_version</c>). The
/// database runs in WAL mode, so readers never wait for a writer; writers take SQLite's write lock for the whole
/// import (<c>BEGIN IMMEDIATE</c>) and wait up to <see cref="BusyTimeout"/> for each other. A crash mid-import leaves
/// the file as it was before the import (SQLite's journal rolls the transaction back when the file is next opened).</para>
/// <para>Thread-safe; several processes may share one file on a local disk (not on a network share, as SQLite's
/// documentation advises).</para>
/// </remarks>
public sealed class SqliteObservationStore : RelationalObservationStore
{
    /// <summary>How long a writer waits for another writer's import before failing.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromMinutes(10);

    private const string Columns = "unit, indicator, period, value, value_bits, qualifier, numerator, denominator, status, restated, source, published";

    private static readonly SchemaMigration[] s_migrations =
    [
        new(1, "observations with vintages and their imports", [
            "CREATE TABLE dx_imports (id INTEGER PRIMARY KEY, known_from TEXT NOT NULL, note TEXT, recorded_at TEXT NOT NULL, added INTEGER NOT NULL, revised INTEGER NOT NULL, unchanged INTEGER NOT NULL) STRICT",
            "CREATE TABLE dx_vintages (id INTEGER PRIMARY KEY, unit TEXT NOT NULL, indicator TEXT NOT NULL, period TEXT NOT NULL, value REAL NOT NULL, value_bits INTEGER NOT NULL, qualifier TEXT NOT NULL, " +
            "numerator ANY, denominator ANY, status TEXT NOT NULL, restated INTEGER NOT NULL, source TEXT, published TEXT, known_from TEXT NOT NULL, known_to TEXT, " +
            "import_id INTEGER NOT NULL REFERENCES dx_imports (id), CHECK (known_to IS NULL OR known_to >= known_from)) STRICT",
            "CREATE UNIQUE INDEX dx_vintages_open ON dx_vintages (unit, indicator, period) WHERE known_to IS NULL",
            "CREATE INDEX dx_vintages_series ON dx_vintages (unit, indicator, period, known_from)",
        ]),
        new(2, "results with the framework and target catalogue they were computed from", [
            "CREATE TABLE dx_results (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, known_on TEXT NOT NULL, recorded_at TEXT NOT NULL, framework_id TEXT NOT NULL, framework_version TEXT NOT NULL, " +
            "framework_sha256 TEXT NOT NULL, framework_json TEXT NOT NULL, targets_id TEXT, targets_sha256 TEXT, targets_json TEXT, arguments TEXT NOT NULL, output TEXT NOT NULL, output_sha256 TEXT NOT NULL) STRICT",
        ]),
    ];

    private readonly string _connectionString;

    private SqliteObservationStore(string path, IClock? clock)
        : base(clock)
    {
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        }.ToString();
    }

    /// <summary>Gets the full path of the database file.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    protected override IReadOnlyList<SchemaMigration> Migrations => s_migrations;

    /// <inheritdoc/>
    protected override IReadOnlyList<string> StagingStatements { get; } =
    [
        $"CREATE TEMP TABLE IF NOT EXISTS dx_stage (unit TEXT NOT NULL, indicator TEXT NOT NULL, period TEXT NOT NULL, value REAL NOT NULL, value_bits INTEGER NOT NULL, qualifier TEXT NOT NULL, numerator ANY, denominator ANY, " +
        "status TEXT NOT NULL, restated INTEGER NOT NULL, source TEXT, published TEXT, PRIMARY KEY (unit, indicator, period)) STRICT, WITHOUT ROWID",
        "DELETE FROM dx_stage",
    ];

    /// <summary>Opens (creating when absent) the store in a file and brings its schema to the current version.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="clock">The clock stamping imports and results; null for the system clock.</param>
    /// <returns>The store.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="ObservationStoreException">The file was written by a newer version of the library.</exception>
    /// <exception cref="SqliteException">The file is not a SQLite database or cannot be opened.</exception>
    public static SqliteObservationStore Open(string path, IClock? clock = null) => OpenAt(path, CurrentSchemaVersion, clock);

    /// <summary>Opens a store and migrates it only up to <paramref name="version"/> (for tests of migration).</summary>
    internal static SqliteObservationStore OpenAt(string path, int version, IClock? clock = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var store = new SqliteObservationStore(path, clock);
        try
        {
            store.Migrate(version);
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    protected override DbConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using SqliteCommand pragma = connection.CreateCommand();
        pragma.CommandText = $"PRAGMA busy_timeout = {(long)BusyTimeout.TotalMilliseconds}; PRAGMA journal_mode = WAL;";
        pragma.ExecuteNonQuery();
        return connection;
    }

    /// <inheritdoc/>
    protected override DbTransaction BeginWrite(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);

        // Serializable is BEGIN IMMEDIATE: the write lock is taken now, not at the first write, so two imports never
        // both read the open vintages and then race to close them.
        return ((SqliteConnection)connection).BeginTransaction(IsolationLevel.Serializable);
    }

    /// <inheritdoc/>
    protected override void WriteStaging(DbConnection connection, DbTransaction transaction, Dataset observations, Action<ImportProgress>? progress)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(observations);
        using SqliteCommand insert = ((SqliteConnection)connection).CreateCommand();
        insert.Transaction = (SqliteTransaction)transaction;
        insert.CommandText = $"INSERT INTO dx_stage ({Columns}) VALUES ($u, $i, $p, $v, $b, $q, $n, $d, $s, $r, $src, $pub)";
        SqliteParameter unit = insert.Parameters.Add("$u", SqliteType.Text);
        SqliteParameter indicator = insert.Parameters.Add("$i", SqliteType.Text);
        SqliteParameter period = insert.Parameters.Add("$p", SqliteType.Text);
        SqliteParameter value = insert.Parameters.Add("$v", SqliteType.Real);
        SqliteParameter bits = insert.Parameters.Add("$b", SqliteType.Integer);
        SqliteParameter qualifier = insert.Parameters.Add("$q", SqliteType.Text);
        SqliteParameter numerator = insert.Parameters.Add("$n", SqliteType.Real);
        SqliteParameter denominator = insert.Parameters.Add("$d", SqliteType.Real);
        SqliteParameter status = insert.Parameters.Add("$s", SqliteType.Text);
        SqliteParameter restated = insert.Parameters.Add("$r", SqliteType.Integer);
        SqliteParameter source = insert.Parameters.Add("$src", SqliteType.Text);
        SqliteParameter published = insert.Parameters.Add("$pub", SqliteType.Text);
        insert.Prepare();
        var periodText = new Dictionary<Period, string>();
        long rows = 0;
        foreach (Observation o in observations.Observations)
        {
            if (!periodText.TryGetValue(o.Period, out string? p))
            {
                p = o.Period.ToString();
                periodText[o.Period] = p;
            }

            unit.Value = o.Unit;
            indicator.Value = o.Indicator;
            period.Value = p;
            value.Value = o.Value;
            bits.Value = BitConverter.DoubleToInt64Bits(o.Value);
            qualifier.Value = QualifierText(o.Qualifier);
            numerator.Value = o.Numerator is { } n ? n : DBNull.Value;
            denominator.Value = o.Denominator is { } d ? d : DBNull.Value;
            status.Value = StatusText(o.Status);
            restated.Value = o.Restated ? 1 : 0;
            source.Value = (object?)o.Provenance?.Source ?? DBNull.Value;
            published.Value = o.Provenance?.Published is { } date ? Iso(date) : DBNull.Value;
            insert.ExecuteNonQuery();
            if (++rows % 100_000 == 0)
            {
                progress?.Invoke(new ImportProgress(ImportStage.Staging, rows));
            }
        }

        progress?.Invoke(new ImportProgress(ImportStage.Staging, rows));
    }
}
