using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using DxIndicators.Data;
using NodaTime;
using NodaTime.Text;

namespace DxIndicators.Storage;

/// <summary>One step of a store's schema: the statements that take it from <c>Version − 1</c> to <c>Version</c>.</summary>
/// <param name="Version">The version reached.</param>
/// <param name="Description">What the step adds.</param>
/// <param name="Statements">The SQL statements, run in order inside the migration's transaction.</param>
public sealed record SchemaMigration(int Version, string Description, IReadOnlyList<string> Statements);

/// <summary>
/// The behaviour shared by the SQL back ends of <see cref="IObservationStore"/>: schema migration with a version table,
/// one transaction per import through a staging table, set-based closing and opening of vintages, and the queries.
/// A back end supplies connections, its write lock, its DDL and its bulk-copy path.
/// </summary>
/// <remarks>
/// <para>Tables (see docs/store.md): <c>dx_schema_version</c>, <c>dx_imports</c>, <c>dx_vintages</c>,
/// <c>dx_results</c>. A value is kept exactly: <c>value_bits</c> holds its IEEE-754 bits (what the store compares and
/// reads back) and <c>value</c> a copy for people querying with SQL.</para>
/// <para>Thread-safe: every operation opens its own connection.</para>
/// </remarks>
public abstract class RelationalObservationStore : IObservationStore
{
    /// <summary>The schema version this library creates and reads.</summary>
    public const int CurrentSchemaVersion = 3;

    private const string VintageColumns = "unit, indicator, period, value, value_bits, qualifier, numerator, denominator, status, restated, source, published";

    private const string Differs =
        "(s.value_bits <> v.value_bits OR s.qualifier <> v.qualifier OR s.status <> v.status OR s.restated <> v.restated" +
        " OR s.numerator IS DISTINCT FROM v.numerator OR s.denominator IS DISTINCT FROM v.denominator" +
        " OR s.source IS DISTINCT FROM v.source OR s.published IS DISTINCT FROM v.published)";

    private const string SameKey = "s.unit = v.unit AND s.indicator = v.indicator AND s.period = v.period";

    private int _schemaVersion;

    /// <summary>Initializes the shared part of a store.</summary>
    /// <param name="clock">The clock that stamps imports and results; null means the system clock.</param>
    protected RelationalObservationStore(IClock? clock)
    {
        Clock = clock ?? SystemClock.Instance;
    }

    /// <inheritdoc/>
    public int SchemaVersion => _schemaVersion;

    /// <summary>Gets the clock that stamps imports and results.</summary>
    protected IClock Clock { get; }

    /// <summary>Gets the schema steps of this back end, versions 1 to <see cref="CurrentSchemaVersion"/> in order.</summary>
    protected abstract IReadOnlyList<SchemaMigration> Migrations { get; }

    /// <summary>Gets the statements that give the connection an empty staging table <c>dx_stage</c> with the vintage columns.</summary>
    protected abstract IReadOnlyList<string> StagingStatements { get; }

    /// <inheritdoc/>
    public ImportSummary Import(Dataset observations, LocalDate knownFrom, string? note = null, Action<ImportProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(observations);
        using DbConnection connection = OpenConnection();
        using DbTransaction transaction = BeginWrite(connection);
        object kf = DateValue(knownFrom);
        Instant now = Clock.GetCurrentInstant();
        long added, revised, unchanged, importId;

        // Checked under the write lock: no other writer can fill the store before this import commits.
        if (Scalar(connection, transaction, "SELECT 1 FROM dx_vintages LIMIT 1") is null)
        {
            // An empty store: every observation opens a vintage, so the rows go straight into dx_vintages (no staging,
            // no comparison); the back end may build its secondary indexes after the load.
            importId = InsertImport(connection, transaction, kf, note, now);
            BeforeBulkLoad(connection, transaction);
            WriteRows(connection, transaction, "dx_vintages", Rows(observations, progress), (knownFrom, importId));
            AfterBulkLoad(connection, transaction);
            (added, revised, unchanged) = (observations.Count, 0, 0);
        }
        else
        {
            foreach (string statement in StagingStatements)
            {
                Execute(connection, transaction, statement);
            }

            WriteRows(connection, transaction, "dx_stage", Rows(observations, progress), null);
            foreach (string statement in StagedStatements)
            {
                Execute(connection, transaction, statement);
            }

            // A revision dated before the figure it replaces would make two vintages overlap: refuse the whole import.
            var backdated = new List<string>();
            using (DbCommand check = Command(connection, transaction, $"SELECT v.unit, v.indicator, v.period, v.known_from FROM dx_vintages v JOIN dx_stage s ON {SameKey} WHERE v.known_to IS NULL AND v.known_from > @kf AND {Differs} ORDER BY v.unit, v.indicator, v.period", ("@kf", kf)))
            using (DbDataReader reader = check.ExecuteReader())
            {
                while (reader.Read())
                {
                    backdated.Add($"unit '{reader.GetString(0)}', indicator '{reader.GetString(1)}', period {reader.GetString(2)} (known from {Iso(ReadDate(reader, 3))})");
                }
            }

            if (backdated.Count > 0)
            {
                throw new ObservationStoreException(
                    $"Import known from {Iso(knownFrom)} would revise {backdated.Count} figure(s) known from a later day; a revision must not be dated before the figure it replaces. Nothing was imported.{Environment.NewLine}  " +
                    string.Join(Environment.NewLine + "  ", backdated));
            }

            importId = InsertImport(connection, transaction, kf, note, now);
            revised = Execute(connection, transaction, $"UPDATE dx_vintages SET known_to = @kf WHERE known_to IS NULL AND EXISTS (SELECT 1 FROM dx_stage s WHERE {SameKey.Replace("v.", "dx_vintages.", StringComparison.Ordinal)} AND {Differs.Replace("v.", "dx_vintages.", StringComparison.Ordinal)})", ("@kf", kf));
            long inserted = Execute(
                connection,
                transaction,
                $"INSERT INTO dx_vintages ({VintageColumns}, known_from, known_to, import_id) SELECT {Prefixed("s.")}, @kf, NULL, @import FROM dx_stage s WHERE NOT EXISTS (SELECT 1 FROM dx_vintages v WHERE v.known_to IS NULL AND {SameKey})",
                ("@kf", kf),
                ("@import", importId));
            added = inserted - revised;
            unchanged = observations.Count - inserted;
        }

        Execute(connection, transaction, "UPDATE dx_imports SET added = @a, revised = @r, unchanged = @u WHERE id = @id", ("@a", added), ("@r", revised), ("@u", unchanged), ("@id", importId));
        progress?.Invoke(new ImportProgress(ImportStage.Merged, added + revised));
        transaction.Commit();
        return new ImportSummary(importId, knownFrom, added, revised, unchanged, note, now);
    }

    /// <inheritdoc/>
    public Dataset Latest() => ReadDataset("WHERE known_to IS NULL");

    /// <inheritdoc/>
    public Dataset AsKnownOn(LocalDate day) => ReadDataset("WHERE known_from <= @d AND (known_to IS NULL OR known_to > @d)", ("@d", DateValue(day)));

    /// <inheritdoc/>
    public IReadOnlyList<Vintage> History(string unit, string indicator)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(indicator);
        List<Vintage> vintages = ReadVintages("WHERE unit = @u AND indicator = @i", ("@u", unit), ("@i", indicator));
        return [.. vintages.OrderBy(v => v.Observation.Period).ThenBy(v => v.ImportId)];
    }

    /// <inheritdoc/>
    public IReadOnlyList<Vintage> ChangedSince(LocalDate day)
    {
        List<Vintage> vintages = ReadVintages("WHERE known_from >= @d", ("@d", DateValue(day)));
        return [.. vintages
            .OrderBy(v => v.Observation.Unit, StringComparer.Ordinal)
            .ThenBy(v => v.Observation.Indicator, StringComparer.Ordinal)
            .ThenBy(v => v.Observation.Period)
            .ThenBy(v => v.ImportId)];
    }

    /// <inheritdoc/>
    public IReadOnlyList<ImportSummary> ImportLog()
    {
        using DbConnection connection = OpenConnection();
        using DbCommand command = Command(connection, null, "SELECT id, known_from, added, revised, unchanged, note, recorded_at FROM dx_imports ORDER BY id");
        using DbDataReader reader = command.ExecuteReader();
        var list = new List<ImportSummary>();
        while (reader.Read())
        {
            list.Add(new ImportSummary(
                reader.GetInt64(0),
                ReadDate(reader, 1),
                reader.GetInt64(2),
                reader.GetInt64(3),
                reader.GetInt64(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                InstantPattern.ExtendedIso.Parse(reader.GetString(6)).GetValueOrThrow()));
        }

        return list;
    }

    /// <inheritdoc/>
    public StoredResult SaveResult(StoredResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using DbConnection connection = OpenConnection();
        using DbTransaction transaction = BeginWrite(connection);
        Instant now = Clock.GetCurrentInstant();
        long id = Convert.ToInt64(
            Scalar(
                connection,
                transaction,
                "INSERT INTO dx_results (kind, known_on, recorded_at, framework_id, framework_version, framework_sha256, framework_json, targets_id, targets_sha256, targets_json, arguments, output, output_sha256) " +
                "VALUES (@kind, @on, @at, @fid, @fver, @fsha, @fjson, @tid, @tsha, @tjson, @args, @out, @osha) RETURNING id",
                ("@kind", result.Kind),
                ("@on", DateValue(result.KnownOn)),
                ("@at", InstantPattern.ExtendedIso.Format(now)),
                ("@fid", result.FrameworkId),
                ("@fver", result.FrameworkVersion),
                ("@fsha", result.FrameworkSha256),
                ("@fjson", result.FrameworkJson),
                ("@tid", (object?)result.TargetsId ?? DBNull.Value),
                ("@tsha", (object?)result.TargetsSha256 ?? DBNull.Value),
                ("@tjson", (object?)result.TargetsJson ?? DBNull.Value),
                ("@args", result.Arguments),
                ("@out", result.Output),
                ("@osha", result.OutputSha256)),
            CultureInfo.InvariantCulture);
        transaction.Commit();
        return result with { Id = id, RecordedAt = now };
    }

    /// <inheritdoc/>
    public IReadOnlyList<StoredResult> Results()
    {
        using DbConnection connection = OpenConnection();
        using DbCommand command = Command(connection, null, "SELECT id, kind, known_on, recorded_at, framework_id, framework_version, framework_json, targets_id, targets_json, arguments, output, framework_sha256, output_sha256 FROM dx_results ORDER BY id");
        using DbDataReader reader = command.ExecuteReader();
        var list = new List<StoredResult>();
        while (reader.Read())
        {
            var result = new StoredResult(
                reader.GetString(1),
                ReadDate(reader, 2),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.GetString(9),
                reader.GetString(10))
            {
                Id = reader.GetInt64(0),
                RecordedAt = InstantPattern.ExtendedIso.Parse(reader.GetString(3)).GetValueOrThrow(),
            };
            if (result.FrameworkSha256 != reader.GetString(11) || result.OutputSha256 != reader.GetString(12))
            {
                throw new ObservationStoreException(Text($"Stored result {result.Id}: its framework or output no longer matches the SHA-256 recorded with it; the store has been altered outside DxIndicators."));
            }

            list.Add(result);
        }

        return list;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases resources held by the back end.</summary>
    /// <param name="disposing">True from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>Creates the schema or migrates it to <paramref name="targetVersion"/>, in one write transaction.</summary>
    /// <param name="targetVersion">The version to reach (the current one except in tests of migration).</param>
    /// <exception cref="ObservationStoreException">The store was written by a newer version of the library.</exception>
    protected void Migrate(int targetVersion = CurrentSchemaVersion)
    {
        using DbConnection connection = OpenConnection();
        using DbTransaction transaction = BeginWrite(connection);
        Execute(connection, transaction, "CREATE TABLE IF NOT EXISTS dx_schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)");
        object? max = Scalar(connection, transaction, "SELECT MAX(version) FROM dx_schema_version");
        int version = max is null or DBNull ? 0 : Convert.ToInt32(max, CultureInfo.InvariantCulture);
        if (version > CurrentSchemaVersion)
        {
            throw new ObservationStoreException(Text($"The store's schema is at version {version}, newer than this library's {CurrentSchemaVersion}; use a newer DxIndicators.Storage package."));
        }

        foreach (SchemaMigration migration in Migrations.Where(m => m.Version > version && m.Version <= targetVersion).OrderBy(m => m.Version))
        {
            foreach (string statement in migration.Statements)
            {
                Execute(connection, transaction, statement);
            }

            Execute(connection, transaction, "INSERT INTO dx_schema_version (version, description, applied_at) VALUES (@v, @d, @at)", ("@v", migration.Version), ("@d", migration.Description), ("@at", InstantPattern.ExtendedIso.Format(Clock.GetCurrentInstant())));
            version = migration.Version;
        }

        transaction.Commit();
        _schemaVersion = version;
    }

    /// <summary>Brings a newly made store's schema to <paramref name="version"/> (<see cref="Migrate"/>), disposing the
    /// store when that fails.</summary>
    /// <typeparam name="TStore">The back end.</typeparam>
    /// <param name="store">The store, not yet migrated.</param>
    /// <param name="version">The version to reach.</param>
    /// <returns>The store.</returns>
    protected static TStore Migrated<TStore>(TStore store, int version)
        where TStore : RelationalObservationStore
    {
        ArgumentNullException.ThrowIfNull(store);
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

    /// <summary>Opens a new connection to the store.</summary>
    /// <returns>An open connection; the caller disposes it.</returns>
    protected abstract DbConnection OpenConnection();

    /// <summary>Begins a transaction that holds the store's write lock until it ends, so writers are serialised.</summary>
    /// <param name="connection">The connection.</param>
    /// <returns>The transaction.</returns>
    protected abstract DbTransaction BeginWrite(DbConnection connection);

    /// <summary>
    /// Writes rows by the back end's fastest path (prepared batches, binary COPY), inside the import's transaction:
    /// into <c>dx_stage</c> (the columns of <see cref="RowColumns"/> without vintage), or straight into
    /// <c>dx_vintages</c> when the store is empty (with <paramref name="vintage"/>: every row also gets that
    /// <c>known_from</c> and <c>import_id</c>; <c>known_to</c> stays null).
    /// </summary>
    /// <param name="connection">The connection.</param>
    /// <param name="transaction">The import's transaction.</param>
    /// <param name="table">The table: <c>dx_stage</c> or <c>dx_vintages</c>.</param>
    /// <param name="rows">The rows, made as they are enumerated (this also reports progress; an exception from the
    /// progress callback comes out of the enumeration and must not be caught).</param>
    /// <param name="vintage">For <c>dx_vintages</c>: the import's date and id; null for <c>dx_stage</c>.</param>
    protected abstract void WriteRows(DbConnection connection, DbTransaction transaction, string table, IEnumerable<ObservationRow> rows, (LocalDate KnownFrom, long ImportId)? vintage);

    /// <summary>Gets the statements run after the rows are staged and before they are merged (e.g. an index and
    /// statistics on <c>dx_stage</c>); none by default.</summary>
    protected virtual IReadOnlyList<string> StagedStatements => [];

    /// <summary>Runs before the rows of an import into an empty store go straight into <c>dx_vintages</c> (e.g. to
    /// drop a secondary index); nothing by default.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="transaction">The import's transaction.</param>
    protected virtual void BeforeBulkLoad(DbConnection connection, DbTransaction transaction)
    {
    }

    /// <summary>Runs after the rows of an import into an empty store are written (e.g. to build the secondary indexes
    /// dropped by <see cref="BeforeBulkLoad"/>); nothing by default.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="transaction">The import's transaction.</param>
    protected virtual void AfterBulkLoad(DbConnection connection, DbTransaction transaction)
    {
    }

    /// <summary>Gets the column list of the rows written by <see cref="WriteRows"/>, in the order of
    /// <see cref="ObservationRow"/>'s columns (unit, indicator, period, value, value_bits, qualifier, numerator,
    /// denominator, status, restated, source, published), followed by known_from and import_id for a vintage.</summary>
    /// <param name="vintage">True for <c>dx_vintages</c>.</param>
    /// <returns>The comma-separated list.</returns>
    protected static string RowColumns(bool vintage) => vintage ? VintageColumns + ", known_from, import_id" : VintageColumns;

    /// <summary>Converts a date to the back end's parameter value (default: ISO text).</summary>
    /// <param name="day">The date.</param>
    /// <returns>The value.</returns>
    protected virtual object DateValue(LocalDate day) => Iso(day);

    /// <summary>Reads a date column written by <see cref="DateValue"/>.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="ordinal">The column.</param>
    /// <returns>The date.</returns>
    protected virtual LocalDate ReadDate(DbDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return LocalDatePattern.Iso.Parse(reader.GetString(ordinal)).GetValueOrThrow();
    }

    /// <summary>Gets the text of a qualifier as stored.</summary>
    /// <param name="qualifier">The qualifier.</param>
    /// <returns>The text.</returns>
    protected static string QualifierText(Qualifier qualifier) => EnumNames.Qualifier.TryFormat(qualifier) ?? "exact";

    /// <summary>Gets the text of a status as stored.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The text.</returns>
    protected static string StatusText(ObservationStatus status) => EnumNames.Status.TryFormat(status) ?? "official";

    /// <summary>Formats a date as ISO <c>uuuu-MM-dd</c>.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The text.</returns>
    protected static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    /// <summary>Creates a command with parameters.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="transaction">The transaction, or null.</param>
    /// <param name="sql">The SQL.</param>
    /// <param name="parameters">Name/value pairs.</param>
    /// <returns>The command; the caller disposes it.</returns>
    protected static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(parameters);
        DbCommand command = connection.CreateCommand();
#pragma warning disable CA2100 // The SQL is this library's own text; values always go through parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.Transaction = transaction;
        command.CommandTimeout = 0;
        foreach ((string name, object value) in parameters)
        {
            DbParameter parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>Runs a statement.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="transaction">The transaction, or null.</param>
    /// <param name="sql">The SQL.</param>
    /// <param name="parameters">Name/value pairs.</param>
    /// <returns>The number of rows affected.</returns>
    protected static int Execute(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using DbCommand command = Command(connection, transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    private static object? Scalar(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        using DbCommand command = Command(connection, transaction, sql, parameters);
        return command.ExecuteScalar();
    }

    private static IEnumerable<ObservationRow> Rows(Dataset observations, Action<ImportProgress>? progress)
    {
        var periodText = new Dictionary<ReportingPeriod, string>();
        long rows = 0;
        foreach (Observation o in observations.Observations)
        {
            if (!periodText.TryGetValue(o.Period, out string? p))
            {
                p = o.Period.ToString();
                periodText[o.Period] = p;
            }

            yield return new ObservationRow(o, p, QualifierText(o.Qualifier), StatusText(o.Status));
            if (++rows % 100_000 == 0)
            {
                progress?.Invoke(new ImportProgress(ImportStage.Staging, rows));
            }
        }

        progress?.Invoke(new ImportProgress(ImportStage.Staging, rows));
    }

    private static long InsertImport(DbConnection connection, DbTransaction transaction, object knownFrom, string? note, Instant now) =>
        Convert.ToInt64(
            Scalar(connection, transaction, "INSERT INTO dx_imports (known_from, note, recorded_at, added, revised, unchanged) VALUES (@kf, @note, @at, 0, 0, 0) RETURNING id", ("@kf", knownFrom), ("@note", (object?)note ?? DBNull.Value), ("@at", InstantPattern.ExtendedIso.Format(now))),
            CultureInfo.InvariantCulture);

    // Unit, indicator and source texts repeat on most rows: keep one copy of each.
    private static string Intern(Dictionary<string, string> seen, string text)
    {
        if (seen.TryGetValue(text, out string? known))
        {
            return known;
        }

        seen[text] = text;
        return text;
    }

    private static Qualifier ParseQualifier(string text) => text switch
    {
        "exact" => Qualifier.Exact,
        "estimate" => Qualifier.Estimate,
        "lowerBound" => Qualifier.LowerBound,
        "upperBound" => Qualifier.UpperBound,
        _ => throw new ObservationStoreException($"dx_vintages.qualifier: '{text}' is not exact, estimate, lowerBound or upperBound; the store has been altered outside DxIndicators."),
    };

    private static string Prefixed(string prefix) => string.Join(", ", VintageColumns.Split(", ").Select(c => prefix + c));

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private Dataset ReadDataset(string where, params (string Name, object Value)[] parameters)
    {
        List<Vintage> vintages = ReadVintages(where, parameters);
        return vintages.Count == 0 ? Dataset.Empty : new Dataset(vintages.Select(v => v.Observation));
    }

    private List<Vintage> ReadVintages(string where, params (string Name, object Value)[] parameters)
    {
        using DbConnection connection = OpenConnection();
        using DbCommand command = Command(connection, null, $"SELECT unit, indicator, period, value_bits, qualifier, numerator, denominator, status, restated, source, published, known_from, known_to, import_id FROM dx_vintages {where}", parameters);
        using DbDataReader reader = command.ExecuteReader();
        var list = new List<Vintage>();
        var periods = new Dictionary<string, ReportingPeriod>(StringComparer.Ordinal);
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            string periodText = reader.GetString(2);
            if (!periods.TryGetValue(periodText, out ReportingPeriod period))
            {
                period = ReportingPeriod.Parse(periodText);
                periods[periodText] = period;
            }

            Provenance? provenance = reader.IsDBNull(9) ? null : new Provenance(Intern(sources, reader.GetString(9)), reader.IsDBNull(10) ? null : ReadDate(reader, 10));
            var observation = new Observation(Intern(codes, reader.GetString(0)), Intern(codes, reader.GetString(1)), period, BitConverter.Int64BitsToDouble(reader.GetInt64(3)))
            {
                Qualifier = ParseQualifier(reader.GetString(4)),
                Numerator = reader.IsDBNull(5) ? null : reader.GetDouble(5),
                Denominator = reader.IsDBNull(6) ? null : reader.GetDouble(6),
                Status = reader.GetString(7) switch
                {
                    "official" => ObservationStatus.Official,
                    "provisional" => ObservationStatus.Provisional,
                    string other => throw new ObservationStoreException($"dx_vintages.status: '{other}' is not official or provisional; the store has been altered outside DxIndicators."),
                },
                Restated = reader.GetInt32(8) != 0,
                Provenance = provenance,
            };
            list.Add(new Vintage(observation, ReadDate(reader, 11), reader.IsDBNull(12) ? null : ReadDate(reader, 12), reader.GetInt64(13)));
        }

        return list;
    }
}
