using System.Diagnostics;
using System.Globalization;
using DxIndicators.Analysis;
using DxIndicators.Benchmarks.Limits;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Scoring;
using DxIndicators.Scoring.Kernels;

namespace DxIndicators.Benchmarks.Analysis;

/// <summary>
/// <c>-- --cpu-ratios</c>: a supplement to the BenchmarkDotNet classes for a heavily shared machine. It alternates the
/// FMA-peak probe, the 63 × 100 product step, the whole 63 × 100 run and the ASEM run on one thread, timing each by
/// the thread's own CPU time (CLOCK_THREAD_CPUTIME_ID), which other jobs' load does not inflate the way wall time is,
/// and prints medians of 15 rounds (after 2 warm-up rounds) and the ratios between them.
/// </summary>
internal static class CpuTimeRatios
{
    // Medians of 15 rounds after 2 warm-up rounds: on a shared machine single rounds vary by ±30 %.
    private const int Rounds = 15;
    private const int WarmUp = 2;

    public static int Run()
    {
        var bench = new WeightProductBenchmarks();
        bench.Setup();
        var asem = new AsemUncertaintyBenchmarks();
        asem.Setup();
        const long Fma = 5_000_000;
        var probe = new List<double>();
        var product = new List<double>();
        var whole = new List<double>();
        var asemSample = new List<double>();
        // Tiered compilation optimises a method after 30 calls: the whole run's set-up (scoring the nominal plan, the
        // evaluator) is called once per run, so it is run 40 times first, as BenchmarkDotNet's warm-up would.
        for (int i = 0; i < 40; i++)
        {
            bench.Whole_63x100_1T();
        }

        for (int round = 0; round < Rounds + WarmUp; round++)
        {
            double t = Cpu(() => MachineLimits.Fma(Fma));
            double p = Cpu(() => bench.Product_63x100_S10k());
            double w = Cpu(() => bench.Whole_63x100_1T());
            double a = Cpu(() => asem.Uncertainty_PerSample_1T());
            if (round < WarmUp)
            {
                continue; // warm-up (JIT tiers, caches)
            }

            probe.Add(MachineLimits.FmaFlops(Fma, MachineLimits.WidestBits) / t / 1e9);
            product.Add(2.0 * 10_240 * 64 * 100 / p / 1e9);
            whole.Add(w * 1e3);
            asemSample.Add(a / 100_000 * 1e6);
        }

        var sobol = new List<double>();
        for (int round = 0; round < 4; round++)
        {
            TimeSpan c0 = Process.GetCurrentProcess().TotalProcessorTime;
            asem.Sobol_3Inputs_N10k();
            double cpu = (Process.GetCurrentProcess().TotalProcessorTime - c0).TotalSeconds;
            if (round > 0)
            {
                sobol.Add(cpu);
            }
        }

        double peak = Median(probe), prod = Median(product);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"FMA probe (1 thread, thread CPU time, {MachineLimits.WidestBits} bits): {peak:F1} GFLOP/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"product 63x100, S=10k: {prod:F1} GFLOP/s = {100 * prod / peak:F0} % of the probe"));
        double floor = 2.0 * 10_000 * 63 * 100 / (peak * 1e9) * 1e3;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"whole 63x100 run, 1 thread: {Median(whole):F1} ms CPU = {Median(whole) / floor:F1}x the FMA floor ({floor:F2} ms)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ASEM uncertainty, noise 0.25 on levels 2,3, N=100k, 1 thread: {Median(asemSample):F2} us CPU per sample"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ASEM Sobol, 3 inputs, N=10k (50k runs + 1000 bootstrap), both threads: {Median(sobol):F2} s of process CPU time"));
        NumpyPeer(Median(whole), Median(product));
        return 0;
    }

    /// <summary>
    /// Runs benchmarks/numpy/w2_uncertainty.py --cpu (the same work, timed by the thread's CPU time) when /usr/bin/python3
    /// has numpy, with glibc told to keep freed memory (numpy's steady state; perf.md §2), and prints the ratios.
    /// LD_LIBRARY_PATH is passed on, so an unpacked OpenBLAS can be measured without changing the system's BLAS.
    /// </summary>
    private static void NumpyPeer(double wholeMs, double productGflops)
    {
        foreach ((string label, bool keep) in new[] { ("default", false), ("glibc keeps freed memory", true) })
        {
            Peers.NumpyPeer.Result? r = Peers.NumpyPeer.Run("w2_uncertainty.py", ["--cpu", "--quiet", "--repeats", "9"], "numpy-ms", keep, out string problem);
            if (r is null || !r.Values.TryGetValue("whole", out double npWhole) || !r.Values.TryGetValue("product", out double npProduct))
            {
                Console.WriteLine($"numpy peer ({label}): {(r is null ? problem : "no whole/product figures")}");
                return;
            }

            double csProductMs = 2.0 * 10_000 * 63 * 100 / (productGflops * 1e9) * 1e3;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"numpy peer ({label}, thread CPU time): whole {npWhole:F1} ms = {npWhole / wholeMs:F1}x the C# whole run; product {npProduct:F2} ms = {npProduct / csProductMs:F1}x the C# product ({r.FirstLine})"));
        }
    }

    private static double Median(List<double> x)
    {
        var s = x.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[(s.Count / 2) - 1] + s[s.Count / 2]) / 2;
    }

    private static double Cpu(Func<double> f)
    {
        double t0 = Harness.ThreadSeconds();
        f();
        return Harness.ThreadSeconds() - t0;
    }
}
