using System.Diagnostics;
using System.Globalization;
using DxIndicators.Data;
using DxIndicators.Storage;
using Microsoft.Data.Sqlite;
using NodaTime;
using Npgsql;

namespace DxIndicators.Benchmarks.Storage;

/// <summary>
/// <c>-- --store-cpu</c>: a supplement to <see cref="StoreImportBenchmarks"/> for a heavily shared machine. It imports
/// the same 3,321,000 observations into an empty store and then their revision, once per back end after a warm-up,
/// and prints the wall time next to the CPU time the import consumed: the benchmark process's own, and for
/// PostgreSQL also the server's (every child of the postmaster, from <c>/proc</c>). Other jobs' load inflates the
/// wall time but not the CPU time, so on a quiet machine the wall time tends to the larger of the two.
/// </summary>
internal static class StoreImportCpuTime
{
    private static readonly LocalDate KnownFrom = new(2026, 1, 10);

    public static int Run()
    {
        (Dataset data, Dataset revision) = StoreImportBenchmarks.Generate();
        Dataset warm = new(data.Observations.Take(100_000));
        var cleanup = new List<Action>();
        try
        {
            foreach (string backend in new[] { "Sqlite", "PostgreSql" })
            {
                if (backend == "PostgreSql" && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DX_POSTGRES")))
                {
                    Console.WriteLine("PostgreSql: skipped (set DX_POSTGRES)");
                    continue;
                }

                using (IObservationStore w = StoreImportBenchmarks.NewStore(backend, cleanup))
                {
                    w.Import(warm, KnownFrom);
                    w.Import(warm, KnownFrom.PlusDays(1));
                }

                using IObservationStore store = StoreImportBenchmarks.NewStore(backend, cleanup);
                Measure(backend, "import 3,321,000 into an empty store", () => store.Import(data, KnownFrom).Added);
                Measure(backend, "import them again, 332,100 revised", () => store.Import(revision, KnownFrom.PlusDays(30)).Revised);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (Action action in cleanup)
            {
                action();
            }
        }

        return 0;
    }

    private static void Measure(string backend, string what, Func<long> import)
    {
        using Process self = Process.GetCurrentProcess();
        TimeSpan clientBefore = self.TotalProcessorTime;
        double serverBefore = backend == "PostgreSql" ? ServerCpuSeconds() : 0;
        string loadBefore = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        var wall = Stopwatch.StartNew();
        long rows = import();
        wall.Stop();
        self.Refresh();
        double client = (self.TotalProcessorTime - clientBefore).TotalSeconds;
        double server = backend == "PostgreSql" ? ServerCpuSeconds() - serverBefore : 0;
        string loadAfter = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{backend}: {what}: {rows:N0} rows; wall {wall.Elapsed.TotalSeconds:F1} s; CPU client {client:F1} s + server {server:F1} s = {client + server:F1} s ({3_321_000 / (client + server):N0} obs per CPU-second); load {loadBefore} → {loadAfter}"));
    }

    // The postmaster's children (backends, WAL writer, checkpointer): utime + stime from /proc/PID/stat, in clock ticks.
    private static double ServerCpuSeconds()
    {
        using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("DX_POSTGRES"));
        connection.Open();
        using var command = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
        int backend = (int)command.ExecuteScalar()!;
        string postmaster = Stat(backend.ToString(CultureInfo.InvariantCulture))![1];
        long ticks = 0;
        foreach (string dir in Directory.GetDirectories("/proc"))
        {
            string[]? stat = Stat(Path.GetFileName(dir));
            if (stat is not null && stat[1] == postmaster)
            {
                ticks += long.Parse(stat[11], CultureInfo.InvariantCulture) + long.Parse(stat[12], CultureInfo.InvariantCulture);
            }
        }

        return ticks / 100.0; // USER_HZ is 100 on Linux
    }

    // Fields after the command name: state, ppid, …, utime (index 11), stime (12).
    private static string[]? Stat(string pid)
    {
        if (!pid.All(char.IsAsciiDigit))
        {
            return null;
        }

        try
        {
            string text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }
}
