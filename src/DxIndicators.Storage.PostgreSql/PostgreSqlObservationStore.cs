using System.Data;
using System.Data.Common;
using DxIndicators.Data;
using Npgsql;
using NpgsqlTypes;
using NodaTime;

namespace DxIndicators.Storage.PostgreSql;

/// <summary>An <see cref="IObservationStore"/> on a PostgreSQL server, for a province's shared server.</summary>
/// <remarks>
/// <para>Same behaviour as the SQLite store (the same test suite runs against both). The schema is created or
/// migrated on open (table <c>dx_schema_version</c>) in the connection's first search-path schema, so one database
/// can hold several stores (<c>Search Path=province_11</c> in the connection string). Imports stream the observations
/// with binary <c>COPY</c> into a temporary table and merge them with set-based SQL, in one transaction; writers are
/// serialised by a transaction-scoped advisory lock, readers never wait. A lost connection or server crash mid-import
/// rolls the import back.</para>
/// <para>Thread-safe: connections come from one pooled <see cref="NpgsqlDataSource"/>.</para>
/// </remarks>
public sealed class PostgreSqlObservationStore : RelationalObservationStore
{
    // Any fixed 64-bit key; all DxIndicators writers on a server take it, so imports into different schemas also wait
    // for each other (imports are rare and short; readers are never blocked).
    private const long WriteLockKey = 0x4478_5374_6F72_6531;

    private static readonly SchemaMigration[] s_migrations =
    [
        new(1, "observations with vintages and their imports", [
            "CREATE TABLE dx_imports (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, known_from DATE NOT NULL, note TEXT, recorded_at TEXT NOT NULL, added BIGINT NOT NULL, revised BIGINT NOT NULL, unchanged BIGINT NOT NULL)",
            "CREATE TABLE dx_vintages (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, unit TEXT NOT NULL, indicator TEXT NOT NULL, period TEXT NOT NULL, value DOUBLE PRECISION NOT NULL, value_bits BIGINT NOT NULL, " +
            "qualifier TEXT NOT NULL, numerator DOUBLE PRECISION, denominator DOUBLE PRECISION, status TEXT NOT NULL, restated INTEGER NOT NULL, source TEXT, published DATE, known_from DATE NOT NULL, known_to DATE, " +
            "import_id BIGINT NOT NULL REFERENCES dx_imports (id), CHECK (known_to IS NULL OR known_to >= known_from))",
            "CREATE UNIQUE INDEX dx_vintages_open ON dx_vintages (unit, indicator, period) WHERE known_to IS NULL",
            "CREATE INDEX dx_vintages_series ON dx_vintages (unit, indicator, period, known_from)",
        ]),
        new(2, "results with the framework and target catalogue they were computed from", [
            "CREATE TABLE dx_results (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, kind TEXT NOT NULL, known_on DATE NOT NULL, recorded_at TEXT NOT NULL, framework_id TEXT NOT NULL, framework_version TEXT NOT NULL, " +
            "framework_sha256 TEXT NOT NULL, framework_json TEXT NOT NULL, targets_id TEXT, targets_sha256 TEXT, targets_json TEXT, arguments TEXT NOT NULL, output TEXT NOT NULL, output_sha256 TEXT NOT NULL)",
        ]),
        new(3, "vintages keyed by (unit, indicator, period, import_id) without a surrogate id, for bulk import", [
            "ALTER TABLE dx_vintages DROP CONSTRAINT dx_vintages_import_id_fkey",
            "ALTER TABLE dx_vintages DROP COLUMN id",
            "DROP INDEX dx_vintages_series",
            "ALTER TABLE dx_vintages ADD PRIMARY KEY (unit, indicator, period, import_id)",
        ]),
    ];

    private readonly NpgsqlDataSource _dataSource;

    private PostgreSqlObservationStore(string connectionString, IClock? clock)
        : base(clock)
    {
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    /// <inheritdoc/>
    protected override IReadOnlyList<SchemaMigration> Migrations => s_migrations;

    /// <inheritdoc/>
    protected override IReadOnlyList<string> StagingStatements { get; } =
    [
        "CREATE TEMP TABLE dx_stage (unit TEXT NOT NULL, indicator TEXT NOT NULL, period TEXT NOT NULL, value DOUBLE PRECISION NOT NULL, value_bits BIGINT NOT NULL, qualifier TEXT NOT NULL, " +
        "numerator DOUBLE PRECISION, denominator DOUBLE PRECISION, status TEXT NOT NULL, restated INTEGER NOT NULL, source TEXT, published DATE) ON COMMIT DROP",
    ];

    /// <inheritdoc/>
    protected override IReadOnlyList<string> StagedStatements { get; } =
    [
        "CREATE INDEX ON dx_stage (unit, indicator, period)",
        "ANALYZE dx_stage",
    ];

    /// <summary>Connects to a server and brings the store's schema to the current version.</summary>
    /// <param name="connectionString">An Npgsql connection string (<c>Host=…;Port=…;Username=…;Database=…</c>).</param>
    /// <param name="clock">The clock stamping imports and results; null for the system clock.</param>
    /// <returns>The store.</returns>
    /// <exception cref="ArgumentException">The connection string is empty or malformed.</exception>
    /// <exception cref="ObservationStoreException">The schema was written by a newer version of the library.</exception>
    /// <exception cref="NpgsqlException">The server cannot be reached or refuses the login.</exception>
    public static PostgreSqlObservationStore Open(string connectionString, IClock? clock = null) => OpenAt(connectionString, CurrentSchemaVersion, clock);

    /// <summary>Opens a store and migrates it only up to <paramref name="version"/> (for tests of migration).</summary>
    internal static PostgreSqlObservationStore OpenAt(string connectionString, int version, IClock? clock = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return Migrated(new PostgreSqlObservationStore(connectionString, clock), version);
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _dataSource.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <inheritdoc/>
    protected override DbConnection OpenConnection() => _dataSource.OpenConnection();

    /// <inheritdoc/>
    protected override DbTransaction BeginWrite(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        NpgsqlTransaction transaction = ((NpgsqlConnection)connection).BeginTransaction(IsolationLevel.ReadCommitted);
        using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", (NpgsqlConnection)connection, transaction);
        command.Parameters.AddWithValue("key", WriteLockKey);
        command.CommandTimeout = 0;
        command.ExecuteNonQuery();
        return transaction;
    }

    /// <inheritdoc/>
    protected override object DateValue(LocalDate day) => day.ToDateOnly();

    /// <inheritdoc/>
    protected override LocalDate ReadDate(DbDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return LocalDate.FromDateOnly(reader.GetFieldValue<DateOnly>(ordinal));
    }

    /// <inheritdoc/>
    /// <remarks>One binary <c>COPY … FROM STDIN</c>; the import's date and id, when given, are written with every row.</remarks>
    protected override void WriteRows(DbConnection connection, DbTransaction transaction, string table, IEnumerable<ObservationRow> rows, (LocalDate KnownFrom, long ImportId)? vintage)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(rows);
        using NpgsqlBinaryImporter copy = ((NpgsqlConnection)connection).BeginBinaryImport($"COPY {table} ({RowColumns(vintage is not null)}) FROM STDIN (FORMAT BINARY)");
        copy.Timeout = TimeSpan.Zero;
        DateOnly knownFrom = vintage?.KnownFrom.ToDateOnly() ?? default;
        long importId = vintage?.ImportId ?? 0;
        foreach (ObservationRow row in rows)
        {
            copy.StartRow();
            copy.Write(row.Unit, NpgsqlDbType.Text);
            copy.Write(row.Indicator, NpgsqlDbType.Text);
            copy.Write(row.Period, NpgsqlDbType.Text);
            copy.Write(row.Value, NpgsqlDbType.Double);
            copy.Write(row.ValueBits, NpgsqlDbType.Bigint);
            copy.Write(row.Qualifier, NpgsqlDbType.Text);
            WriteNullable(copy, row.Numerator);
            WriteNullable(copy, row.Denominator);
            copy.Write(row.Status, NpgsqlDbType.Text);
            copy.Write(row.Restated ? 1 : 0, NpgsqlDbType.Integer);
            if (row.Source is { } source)
            {
                copy.Write(source, NpgsqlDbType.Text);
            }
            else
            {
                copy.WriteNull();
            }

            if (row.Published is { } published)
            {
                copy.Write(published.ToDateOnly(), NpgsqlDbType.Date);
            }
            else
            {
                copy.WriteNull();
            }

            if (vintage is not null)
            {
                copy.Write(knownFrom, NpgsqlDbType.Date);
                copy.Write(importId, NpgsqlDbType.Bigint);
            }
        }

        copy.Complete();
    }

    private static void WriteNullable(NpgsqlBinaryImporter copy, double? value)
    {
        if (value is { } v)
        {
            copy.Write(v, NpgsqlDbType.Double);
        }
        else
        {
            copy.WriteNull();
        }
    }
}
