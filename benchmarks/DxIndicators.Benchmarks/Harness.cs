using System.Runtime.InteropServices;

namespace DxIndicators.Benchmarks;

/// <summary>
/// The in-process timing of the CI guard and of <c>--limits</c>, made for a noisy shared machine: two workloads are
/// timed in alternation (A, B, A, B, …) in short batches by the thread's own CPU time (CLOCK_THREAD_CPUTIME_ID, which
/// time spent descheduled does not inflate), and the median of the per-round ratios is reported. A burst of load
/// then hits both sides of a round or spoils only that round.
/// </summary>
internal static partial class Harness
{
    /// <summary>A value every timed call feeds, so that no call is optimised away.</summary>
    public static double Sink { get; private set; }

    /// <summary>Gets the calling thread's CPU time in seconds.</summary>
    public static double ThreadSeconds()
    {
        if (OperatingSystem.IsLinux() && clock_gettime(3, out TimeSpec ts) == 0)
        {
            return ts.Seconds + (ts.Nanoseconds * 1e-9);
        }

        return System.Diagnostics.Stopwatch.GetTimestamp() / (double)System.Diagnostics.Stopwatch.Frequency;
    }

    /// <summary>Warms <paramref name="f"/> up and chooses how many calls make one batch of at least <paramref name="seconds"/>.</summary>
    public static int Calibrate(Func<double> f, double seconds)
    {
        // Warm up past tiered compilation: calls until 0.25 s of CPU or 300 calls, a pause for the background tier-1
        // compile, then a few more calls.
        double t0 = ThreadSeconds();
        for (int w = 0; w < 300 && ThreadSeconds() - t0 < 0.25; w++)
        {
            Sink += f();
        }

        Thread.Sleep(150);
        Sink += f();
        Sink += f();
        int calls = 1;
        while (true)
        {
            double t = Batch(f, calls) * calls;
            if (t >= seconds || calls >= 1 << 20)
            {
                return calls;
            }

            calls = t <= 0 ? calls * 16 : Math.Max(calls * 2, (int)Math.Ceiling(calls * seconds / t * 1.1));
        }
    }

    /// <summary>Runs <paramref name="calls"/> calls and returns the thread CPU seconds per call.</summary>
    public static double Batch(Func<double> f, int calls)
    {
        double t0 = ThreadSeconds();
        double s = 0;
        for (int i = 0; i < calls; i++)
        {
            s += f();
        }

        double t = ThreadSeconds() - t0;
        Sink += s;
        return t / calls;
    }

    /// <summary>
    /// Times <paramref name="a"/> and <paramref name="b"/> alternately for <paramref name="rounds"/> rounds of batches
    /// of about <paramref name="batchSeconds"/> each; returns the median of the per-round ratios b/a and the median
    /// seconds per call of each.
    /// </summary>
    public static Pair Interleaved(Func<double> a, Func<double> b, int rounds, double batchSeconds)
    {
        int ca = Calibrate(a, batchSeconds), cb = Calibrate(b, batchSeconds);
        var ta = new double[rounds];
        var tb = new double[rounds];
        var ratio = new double[rounds];
        for (int r = 0; r < rounds; r++)
        {
            // Alternate which side goes first, so a slow start of a round is shared.
            if (r % 2 == 0)
            {
                ta[r] = Batch(a, ca);
                tb[r] = Batch(b, cb);
            }
            else
            {
                tb[r] = Batch(b, cb);
                ta[r] = Batch(a, ca);
            }

            ratio[r] = tb[r] / ta[r];
        }

        return new Pair(Median(ratio), Median(ta), Median(tb), ratio.Min(), ratio.Max());
    }

    /// <summary>Times one workload: median seconds per call over <paramref name="rounds"/> batches.</summary>
    public static double Single(Func<double> f, int rounds, double batchSeconds)
    {
        int calls = Calibrate(f, batchSeconds);
        var t = new double[rounds];
        for (int r = 0; r < rounds; r++)
        {
            t[r] = Batch(f, calls);
        }

        return Median(t);
    }

    public static double Median(double[] x)
    {
        double[] s = [.. x.Order()];
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[(s.Length / 2) - 1] + s[s.Length / 2]) / 2;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int clock_gettime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    /// <summary>The result of <see cref="Interleaved"/>: median ratio b/a, median seconds per call of a and b, and the ratio's range.</summary>
    public readonly record struct Pair(double Ratio, double A, double B, double RatioMin, double RatioMax);
}
