using System.Diagnostics;
using System.Globalization;
using System.Text;
using DxIndicators.Data;

namespace DxIndicators.Benchmarks.Data;

/// <summary>
/// <c>-- --csv-load</c>: the 3,321,000-row observation CSV of <see cref="DatasetLoadBenchmarks"/> read by the library
/// (<see cref="ObservationCsv.Read"/>) and by a plain hand loop written here (line by line, split at commas, unit and
/// indicator interned, period and value parsed, no quoting, no checks), alternated in one run; prints wall and thread
/// CPU seconds of each, their ratio (issue 11 item 3: library / hand loop ≤ 1.5), the bytes each allocates and the
/// retained size of the loaded dataset (goal: library allocations ≤ 2 × that size).
/// </summary>
internal static class CsvLoadRatio
{
    public static int Run()
    {
        byte[] csv = DatasetLoadBenchmarks.Csv();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CSV {csv.Length / 1e6:F0} MB, 3,321,000 rows; load average {File.ReadAllText("/proc/loadavg").Trim()}"));

        // The retained size of one loaded dataset.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long before = GC.GetTotalMemory(true);
        Dataset kept = Library(csv);
        long retained = GC.GetTotalMemory(true) - before;
        GC.KeepAlive(kept);
        kept = Dataset.Empty;

        var lib = new List<(double Wall, double Cpu, long Bytes)>();
        var hand = new List<(double Wall, double Cpu, long Bytes)>();
        const int Rounds = 4;
        for (int r = 0; r < Rounds; r++)
        {
            if (r % 2 == 0)
            {
                lib.Add(Time(() => Library(csv).Count));
                hand.Add(Time(() => HandLoop(csv)));
            }
            else
            {
                hand.Add(Time(() => HandLoop(csv)));
                lib.Add(Time(() => Library(csv).Count));
            }
        }

        // Round 0 is the warm-up (JIT tiers).
        double libWall = Median(lib.Skip(1).Select(x => x.Wall)), handWall = Median(hand.Skip(1).Select(x => x.Wall));
        double libCpu = Median(lib.Skip(1).Select(x => x.Cpu)), handCpu = Median(hand.Skip(1).Select(x => x.Cpu));
        long libBytes = lib[^1].Bytes, handBytes = hand[^1].Bytes;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"library   wall {libWall:F2} s, thread CPU {libCpu:F2} s, allocated {libBytes / 1e6:F0} MB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"hand loop wall {handWall:F2} s, thread CPU {handCpu:F2} s, allocated {handBytes / 1e6:F0} MB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"library / hand loop: wall {libWall / handWall:F2}, CPU {libCpu / handCpu:F2} (goal ≤ 1.5)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dataset retained {retained / 1e6:F0} MB; library allocated / retained {libBytes / (double)retained:F2} (goal ≤ 2)"));
        if (Environment.GetEnvironmentVariable("DX_CSV_PARTS") is not null)
        {
            (double w, double c, long by) = Time(() => CursorOnly(csv));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cursor only wall {w:F2} s, allocated {by / 1e6:F0} MB"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load average after {File.ReadAllText("/proc/loadavg").Trim()}"));
        return 0;
    }

    private static Dataset Library(byte[] csv)
    {
        using var reader = new StreamReader(new MemoryStream(csv, writable: false));
        return ObservationCsv.Read(reader, "bench.csv").GetValueOrThrow();
    }

    /// <summary>The plain loop: what a one-off script does for this file (no quoting, no validation).</summary>
    private static int HandLoop(byte[] csv)
    {
        using var reader = new StreamReader(new MemoryStream(csv, writable: false));
        var units = new Dictionary<string, int>(StringComparer.Ordinal);
        var indicators = new Dictionary<string, int>(StringComparer.Ordinal);
        var unit = new List<int>(1 << 20);
        var indicator = new List<int>(1 << 20);
        var year = new List<int>(1 << 20);
        var value = new List<double>(1 << 20);
        _ = reader.ReadLine();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            ReadOnlySpan<char> s = line;
            int a = s.IndexOf(',');
            int b = a + 1 + s[(a + 1)..].IndexOf(',');
            int c = b + 1 + s[(b + 1)..].IndexOf(',');
            int d = c + 1 + s[(c + 1)..].IndexOf(',');
            string u = line[..a];
            if (!units.TryGetValue(u, out int ui))
            {
                units[u] = ui = units.Count;
            }

            string ind = line[(a + 1)..b];
            if (!indicators.TryGetValue(ind, out int ii))
            {
                indicators[ind] = ii = indicators.Count;
            }

            unit.Add(ui);
            indicator.Add(ii);
            year.Add(int.Parse(s[(b + 1)..c], CultureInfo.InvariantCulture));
            value.Add(double.Parse(s[(c + 1)..d], CultureInfo.InvariantCulture));
        }

        return value.Count;
    }

    private static int CursorOnly(byte[] csv)
    {
        using var reader = new StreamReader(new MemoryStream(csv, writable: false));
        using var cursor = new DxIndicators.Formats.CsvCursor(reader, "bench.csv", null);
        cursor.ReadHeader();
        double s = 0;
        while (cursor.Read())
        {
            s += cursor.Field(3).Length;
        }

        return s > 0 ? cursor.RecordCount : 0;
    }

    private static (double Wall, double Cpu, long Bytes) Time(Func<int> f)
    {
        GC.Collect();
        long b0 = GC.GetAllocatedBytesForCurrentThread();
        double c0 = Harness.ThreadSeconds();
        var sw = Stopwatch.StartNew();
        int n = f();
        double wall = sw.Elapsed.TotalSeconds;
        double cpu = Harness.ThreadSeconds() - c0;
        long bytes = GC.GetAllocatedBytesForCurrentThread() - b0;
        if (n != 3_321_000)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{n} rows loaded, expected 3,321,000"));
        }

        return (wall, cpu, bytes);
    }

    private static double Median(IEnumerable<double> x) => Harness.Median([.. x]);
}
