using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using DxIndicators.Data;
using DxIndicators.Storage;
using DxIndicators.Storage.PostgreSql;
using DxIndicators.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using NodaTime;
using Npgsql;

namespace DxIndicators.Benchmarks.Storage;

/// <summary>
/// Bulk import of 3,321 communes × 100 indicators × 10 years = 3,321,000 observations (fixed seed; a tenth carry a
/// source) into an empty store, and reading them back as known on a day, on SQLite (a file in the temp folder) and
/// PostgreSQL (the server in <c>DX_POSTGRES</c>, a fresh schema per iteration); and importing them again a month later
/// with one in ten revised. Each import is one transaction.
/// Run: <c>DX_POSTGRES=… dotnet run -c Release --project benchmarks/DxIndicators.Benchmarks -- --filter '*StoreImport*'</c>.
/// </summary>
[Config(typeof(StoreJob))]
[MemoryDiagnoser]
public class StoreImportBenchmarks
{
    private const int Units = 3321;
    private const int Indicators = 100;
    private const int Years = 10;
    private static readonly LocalDate KnownFrom = new(2026, 1, 10);

    private Dataset _data = Dataset.Empty;
    private Dataset _revision = Dataset.Empty;
    private IObservationStore? _store;
    private IObservationStore? _filled;
    private readonly List<Action> _cleanup = [];

    /// <summary>Gets or sets the back end.</summary>
    [Params("Sqlite", "PostgreSql")]
    public string Backend { get; set; } = "Sqlite";

    /// <summary>Generates the observations and fills one store for the read benchmark.</summary>
    [GlobalSetup]
    public void Setup()
    {
        (_data, _revision) = Generate();
        _filled = NewStore();
        _filled.Import(_data, KnownFrom);
    }

    /// <summary>Makes the 3,321,000 observations and their revision a month later (one figure in ten moved by 0.5).</summary>
    /// <returns>The data and the revision.</returns>
    internal static (Dataset Data, Dataset Revision) Generate()
    {
        var random = new Random(42);
        var rows = new List<Observation>(Units * Indicators * Years);
        for (int u = 0; u < Units; u++)
        {
            string unit = "C" + u.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
            for (int i = 0; i < Indicators; i++)
            {
                string indicator = "IND-" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
                for (int y = 0; y < Years; y++)
                {
                    var o = new Observation(unit, indicator, ReportingPeriod.FromYear(2016 + y), Math.Round(random.NextDouble() * 100, 2));
                    rows.Add(random.Next(10) == 0 ? o with { Provenance = new Provenance("commune report " + y) } : o);
                }
            }
        }

        return (new Dataset(rows), new Dataset(rows.Select((o, i) => i % 10 == 3 ? o with { Value = o.Value + 0.5 } : o)));
    }

    /// <summary>Gives each import iteration an empty store.</summary>
    [IterationSetup(Target = nameof(ImportNew))]
    public void NewEmptyStore() => _store = NewStore();

    /// <summary>Closes the iteration's store.</summary>
    [IterationCleanup(Target = nameof(ImportNew))]
    public void CloseStore() => _store?.Dispose();

    /// <summary>Gives each revision iteration a store holding the 3,321,000 observations.</summary>
    [IterationSetup(Target = nameof(ImportRevision))]
    public void NewFilledStore()
    {
        _store = NewStore();
        _store.Import(_data, KnownFrom);
    }

    /// <summary>Closes the iteration's store.</summary>
    [IterationCleanup(Target = nameof(ImportRevision))]
    public void CloseFilledStore() => _store?.Dispose();

    /// <summary>Imports the 3,321,000 observations again a month later, 332,100 of them revised, in one transaction.</summary>
    /// <returns>The number revised.</returns>
    [Benchmark]
    public long ImportRevision() => _store!.Import(_revision, KnownFrom.PlusDays(30)).Revised;

    /// <summary>Imports 3,321,000 observations into an empty store in one transaction.</summary>
    /// <returns>The number added.</returns>
    [Benchmark]
    public long ImportNew() => _store!.Import(_data, KnownFrom).Added;

    /// <summary>Reads the 3,321,000 observations back as known on a day.</summary>
    /// <returns>The count read.</returns>
    [Benchmark]
    public int ReadAsKnownOn() => _filled!.AsKnownOn(KnownFrom.PlusDays(30)).Count;

    /// <summary>Removes the stores.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _filled?.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (Action action in _cleanup)
        {
            action();
        }
    }

    /// <summary>In-process (each operation takes seconds, so a separate build buys nothing; no 5-minute limit), no warm-up, 3 measured iterations.</summary>
    private sealed class StoreJob : ManualConfig
    {
        public StoreJob() => AddJob(Job.Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(1), logOutput: true)).WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(0).WithIterationCount(3));
    }

    /// <summary>Opens an empty store of a back end (the PostgreSQL one in a fresh schema); cleanups are queued.</summary>
    internal static IObservationStore NewStore(string backend, List<Action> cleanup)
    {
        if (backend == "Sqlite")
        {
            string dir = Directory.CreateTempSubdirectory("dx-bench-").FullName;
            cleanup.Add(() => Directory.Delete(dir, recursive: true));
            return SqliteObservationStore.Open(Path.Combine(dir, "store.db"));
        }

        string server = Environment.GetEnvironmentVariable("DX_POSTGRES") is { Length: > 0 } s
            ? s
            : throw new InvalidOperationException("Set DX_POSTGRES to an Npgsql connection string to benchmark the PostgreSQL store.");
        string schema = "dx_bench_" + Guid.NewGuid().ToString("N")[..12];
        Sql(server, $"CREATE SCHEMA {schema}");
        cleanup.Add(() => Sql(server, $"DROP SCHEMA {schema} CASCADE"));
        return PostgreSqlObservationStore.Open(new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ToString());
    }

    private IObservationStore NewStore() => NewStore(Backend, _cleanup);

    private static void Sql(string server, string sql)
    {
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
