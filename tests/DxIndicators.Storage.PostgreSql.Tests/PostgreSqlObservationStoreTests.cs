using System.Globalization;
using DxIndicators.Data;
using DxIndicators.Storage;
using DxIndicators.Storage.PostgreSql;
using DxIndicators.Tests.Storage;
using Npgsql;

namespace DxIndicators.Storage.PostgreSql.Tests;

/// <summary>
/// The store suite on a real PostgreSQL server: a fresh schema per test. The server comes from the connection string in
/// <c>DX_POSTGRES</c> (<c>.ci/run</c> starts one); without it every test is skipped with the reason, unless
/// <c>DX_REQUIRE_POSTGRES=1</c> (set by <c>.ci/run</c>), where a missing server fails the tests.
/// </summary>
public sealed class PostgreSqlObservationStoreTests : ObservationStoreSuite
{
    private readonly string _schema = "dx_t_" + Guid.NewGuid().ToString("N")[..16];
    private bool _created;

    protected override IObservationStore OpenStore() => PostgreSqlObservationStore.Open(ConnectionString());

    protected override IObservationStore OpenStoreAt(int version) => PostgreSqlObservationStore.OpenAt(ConnectionString(), version);

    protected override void ExecuteSql(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString());
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    protected override void Dispose(bool disposing)
    {
        if (_created)
        {
            using var connection = new NpgsqlConnection(PostgresServer.ConnectionString!);
            connection.Open();
            using var command = new NpgsqlCommand($"DROP SCHEMA {_schema} CASCADE", connection);
            command.ExecuteNonQuery();
        }

        base.Dispose(disposing);
    }

    [SkippableFact]
    public void A_connection_lost_mid_import_leaves_the_store_as_before()
    {
        // The server ends the importing session (as when the client process dies or the network drops) while the import's
        // transaction is open; the server rolls it back.
        using IObservationStore store = OpenStore();
        store.Import(Sample, January);
        Dataset revision = new(Sample.Observations.Select(o => o with { Provenance = new Provenance("revised file") }));
        Action act = () => store.Import(revision, March, "killed", p =>
        {
            if (p.Stage == ImportStage.Merged)
            {
                ExecuteSql(string.Create(CultureInfo.InvariantCulture, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND datname = current_database() AND state = 'idle in transaction' AND query LIKE 'UPDATE dx_imports%'"));
            }
        });
        act.Should().Throw<Exception>();
        using IObservationStore reopened = OpenStore();
        reopened.Latest().Should().Be(Sample);
        reopened.ImportLog().Should().HaveCount(1);
    }

    [SkippableFact]
    public void The_schema_version_table_records_each_migration()
    {
        using (OpenStore())
        {
        }

        using var connection = new NpgsqlConnection(ConnectionString());
        connection.Open();
        using var command = new NpgsqlCommand("SELECT string_agg(version::text, ',' ORDER BY version) FROM dx_schema_version", connection);
        command.ExecuteScalar().Should().Be("1,2,3");
    }

    private string ConnectionString()
    {
        string server = PostgresServer.RequireOrSkip();
        if (!_created)
        {
            using var connection = new NpgsqlConnection(server);
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE SCHEMA {_schema}", connection);
            command.ExecuteNonQuery();
            _created = true;
        }

        return new NpgsqlConnectionStringBuilder(server) { SearchPath = _schema }.ToString();
    }
}

/// <summary>Finds the test server: <c>DX_POSTGRES</c>, required when <c>DX_REQUIRE_POSTGRES=1</c>.</summary>
internal static class PostgresServer
{
    public static string? ConnectionString => Environment.GetEnvironmentVariable("DX_POSTGRES") is { Length: > 0 } s ? s : null;

    public static string RequireOrSkip()
    {
        if (ConnectionString is { } s)
        {
            return s;
        }

        const string Reason = "No PostgreSQL server: set DX_POSTGRES to an Npgsql connection string (bash .ci/run starts one) to run the store suite against PostgreSQL.";
        if (Environment.GetEnvironmentVariable("DX_REQUIRE_POSTGRES") == "1")
        {
            throw new InvalidOperationException(Reason + " DX_REQUIRE_POSTGRES=1, so this is a failure.");
        }

        Skip.If(true, Reason);
        return string.Empty;
    }
}
