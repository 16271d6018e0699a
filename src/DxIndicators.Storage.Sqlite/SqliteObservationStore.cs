using System.Data;
using System.Data.Common;
using DxIndicators.Data;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using NodaTime;

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

    private const string OpenIndex = "CREATE UNIQUE INDEX dx_vintages_open ON dx_vintages (unit, indicator, period) WHERE known_to IS NULL";

    // Rows per multi-row INSERT: 64 × 14 parameters stays under SQLite's default limit of 32,766 variables.
    private const int BatchRows = 64;

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
        new(3, "vintages keyed by (unit, indicator, period, import_id) without a surrogate id, for bulk import", [
            "CREATE TABLE dx_vintages_v3 (unit TEXT NOT NULL, indicator TEXT NOT NULL, period TEXT NOT NULL, value REAL NOT NULL, value_bits INTEGER NOT NULL, qualifier TEXT NOT NULL, " +
            "numerator ANY, denominator ANY, status TEXT NOT NULL, restated INTEGER NOT NULL, source TEXT, published TEXT, known_from TEXT NOT NULL, known_to TEXT, import_id INTEGER NOT NULL, " +
            "PRIMARY KEY (unit, indicator, period, import_id), CHECK (known_to IS NULL OR known_to >= known_from)) STRICT, WITHOUT ROWID",
            "INSERT INTO dx_vintages_v3 SELECT unit, indicator, period, value, value_bits, qualifier, numerator, denominator, status, restated, source, published, known_from, known_to, import_id FROM dx_vintages",
            "DROP TABLE dx_vintages",
            "ALTER TABLE dx_vintages_v3 RENAME TO dx_vintages",
            OpenIndex,
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
        return Migrated(new SqliteObservationStore(path, clock), version);
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
    /// <remarks>The open-vintage index is dropped before a load into the empty store and built after it, in the same
    /// transaction (a reader sees the store as before the import until the commit, WAL mode).</remarks>
    protected override void BeforeBulkLoad(DbConnection connection, DbTransaction transaction) => Execute(connection, transaction, "DROP INDEX dx_vintages_open");

    /// <inheritdoc/>
    protected override void AfterBulkLoad(DbConnection connection, DbTransaction transaction) => Execute(connection, transaction, OpenIndex);

    /// <inheritdoc/>
    /// <remarks>Multi-row INSERT statements of <see cref="BatchRows"/> rows, prepared once and bound through SQLite's
    /// own API (the connection's handle, so inside the import's transaction): each distinct text is encoded to
    /// UTF-8 once, and nothing is allocated per row.</remarks>
    protected override void WriteRows(DbConnection connection, DbTransaction transaction, string table, IEnumerable<ObservationRow> rows, (LocalDate KnownFrom, long ImportId)? vintage)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(rows);
        sqlite3 db = ((SqliteConnection)connection).Handle ?? throw new InvalidOperationException("The connection is not open.");
        int columns = vintage is null ? 12 : 14;
        var binder = new RowBinder(db, vintage);
        sqlite3_stmt? batch = null;
        sqlite3_stmt? single = null;
        try
        {
            batch = Prepare(db, InsertSql(table, columns, BatchRows));
            single = Prepare(db, InsertSql(table, columns, 1));
            var pending = new ObservationRow[BatchRows];
            int count = 0;
            foreach (ObservationRow row in rows)
            {
                binder.Bind(batch, (count * columns) + 1, row);
                pending[count] = row;
                if (++count == BatchRows)
                {
                    Step(db, batch);
                    count = 0;
                }
            }

            // The last, partial batch: one row at a time.
            for (int r = 0; r < count; r++)
            {
                binder.Bind(single, 1, pending[r]);
                Step(db, single);
            }
        }
        finally
        {
            single?.Dispose();
            batch?.Dispose();
        }
    }

    private static string InsertSql(string table, int columns, int rowCount)
    {
        string one = "(" + string.Join(", ", Enumerable.Repeat("?", columns)) + ")";
        return $"INSERT INTO {table} ({RowColumns(columns == 14)}) VALUES " + string.Join(", ", Enumerable.Repeat(one, rowCount));
    }

    private static sqlite3_stmt Prepare(sqlite3 db, string sql)
    {
        Check(db, raw.sqlite3_prepare_v2(db, sql, out sqlite3_stmt statement));
        return statement;
    }

    private static void Step(sqlite3 db, sqlite3_stmt statement)
    {
        int rc = raw.sqlite3_step(statement);
        if (rc != raw.SQLITE_DONE)
        {
            raw.sqlite3_reset(statement);
            SqliteException.ThrowExceptionForRC(rc, db);
        }

        Check(db, raw.sqlite3_reset(statement));
    }

    private static void Check(sqlite3 db, int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }

    /// <summary>Binds observation rows to the parameters of a prepared INSERT, encoding each distinct text to UTF-8 once.</summary>
    private sealed class RowBinder
    {
        // Bounded: a distinct source per row would otherwise keep every encoding until the import ends.
        private const int MaxCachedTexts = 100_000;

        private readonly sqlite3 _db;
        private readonly byte[]? _knownFrom;
        private readonly long _importId;
        private readonly Dictionary<string, byte[]> _texts = new(StringComparer.Ordinal);

        /// <summary>Initializes a binder of rows with the vintage columns (when <paramref name="vintage"/> is given) or without.</summary>
        public RowBinder(sqlite3 db, (LocalDate KnownFrom, long ImportId)? vintage)
        {
            _db = db;
            _knownFrom = vintage is { } v ? Encoding.UTF8.GetBytes(Iso(v.KnownFrom)) : null;
            _importId = vintage?.ImportId ?? 0;
        }

        /// <summary>Binds <paramref name="row"/> to the parameters from <paramref name="first"/> on (1-based), 12 or 14 of them.</summary>
        public void Bind(sqlite3_stmt statement, int first, in ObservationRow row)
        {
            Check(_db, raw.sqlite3_bind_text(statement, first, Utf8(row.Unit)));
            Check(_db, raw.sqlite3_bind_text(statement, first + 1, Utf8(row.Indicator)));
            Check(_db, raw.sqlite3_bind_text(statement, first + 2, Utf8(row.Period)));
            Check(_db, raw.sqlite3_bind_double(statement, first + 3, row.Value));
            Check(_db, raw.sqlite3_bind_int64(statement, first + 4, row.ValueBits));
            Check(_db, raw.sqlite3_bind_text(statement, first + 5, Utf8(row.Qualifier)));
            Check(_db, row.Numerator is { } n ? raw.sqlite3_bind_double(statement, first + 6, n) : raw.sqlite3_bind_null(statement, first + 6));
            Check(_db, row.Denominator is { } d ? raw.sqlite3_bind_double(statement, first + 7, d) : raw.sqlite3_bind_null(statement, first + 7));
            Check(_db, raw.sqlite3_bind_text(statement, first + 8, Utf8(row.Status)));
            Check(_db, raw.sqlite3_bind_int64(statement, first + 9, row.Restated ? 1 : 0));
            Check(_db, row.Source is { } source ? raw.sqlite3_bind_text(statement, first + 10, Utf8(source)) : raw.sqlite3_bind_null(statement, first + 10));
            Check(_db, row.Published is { } published ? raw.sqlite3_bind_text(statement, first + 11, Utf8(Iso(published))) : raw.sqlite3_bind_null(statement, first + 11));
            if (_knownFrom is not null)
            {
                Check(_db, raw.sqlite3_bind_text(statement, first + 12, _knownFrom));
                Check(_db, raw.sqlite3_bind_int64(statement, first + 13, _importId));
            }
        }

        private byte[] Utf8(string text)
        {
            if (!_texts.TryGetValue(text, out byte[]? bytes))
            {
                if (_texts.Count >= MaxCachedTexts)
                {
                    _texts.Clear();
                }

                bytes = Encoding.UTF8.GetBytes(text);
                _texts[text] = bytes;
            }

            return bytes;
        }
    }
}
