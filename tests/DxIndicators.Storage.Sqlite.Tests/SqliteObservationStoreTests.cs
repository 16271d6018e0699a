using DxIndicators.Data;
using DxIndicators.Storage;
using DxIndicators.Storage.Sqlite;
using DxIndicators.Tests.Storage;
using Microsoft.Data.Sqlite;

namespace DxIndicators.Storage.Sqlite.Tests;

/// <summary>The store suite on SQLite: a fresh database file per test.</summary>
public sealed class SqliteObservationStoreTests : ObservationStoreSuite
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dx-store-").FullName;

    private string DbPath => Path.Combine(_directory, "store.db");

    protected override IObservationStore OpenStore() => SqliteObservationStore.Open(DbPath);

    protected override IObservationStore OpenStoreAt(int version) => SqliteObservationStore.OpenAt(DbPath, version);

    protected override void ExecuteSql(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={DbPath};Pooling=false");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    protected override void Dispose(bool disposing)
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        base.Dispose(disposing);
    }

    [Fact]
    public void The_files_on_disk_mid_import_open_as_the_store_before_the_import()
    {
        // What a process killed mid-import leaves behind is the database file with its write-ahead log as they are at
        // that moment; copying them while the import's transaction is open and opening the copy is that crash.
        using SqliteObservationStore store = SqliteObservationStore.Open(DbPath);
        store.Import(Sample, January);
        string crashed = Path.Combine(_directory, "crashed");
        Directory.CreateDirectory(crashed);
        Dataset revision = new(Sample.Observations.Select(o => o with { Provenance = new Provenance("revised file") }));
        store.Import(revision, March, "killed", p =>
        {
            if (p.Stage == ImportStage.Merged)
            {
                foreach (string file in Directory.GetFiles(_directory, "store.db*"))
                {
                    File.Copy(file, Path.Combine(crashed, Path.GetFileName(file)));
                }
            }
        });
        using SqliteObservationStore afterCrash = SqliteObservationStore.Open(Path.Combine(crashed, "store.db"));
        afterCrash.Latest().Should().Be(Sample);
        afterCrash.ImportLog().Should().HaveCount(1);
        store.Latest().Should().Be(revision, "the original, whose import committed, has the revision");
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_an_error_naming_it()
    {
        File.WriteAllText(DbPath, "unit,indicator\n11,A\n");
        Action act = () => SqliteObservationStore.Open(DbPath);
        act.Should().Throw<SqliteException>().WithMessage("*not a database*");
    }

    [Fact]
    public void The_schema_version_table_records_each_migration()
    {
        using (SqliteObservationStore.Open(DbPath))
        {
        }

        using var connection = new SqliteConnection($"Data Source={DbPath};Pooling=false");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(version, ',') FROM (SELECT version FROM dx_schema_version ORDER BY version)";
        command.ExecuteScalar().Should().Be("1,2,3");
    }
}
