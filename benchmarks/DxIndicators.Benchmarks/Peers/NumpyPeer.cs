using System.Diagnostics;
using System.Globalization;

namespace DxIndicators.Benchmarks.Peers;

/// <summary>
/// Runs a numpy peer script of <c>benchmarks/numpy/</c> with Debian's <c>/usr/bin/python3</c> (which has numpy after
/// <c>apt-get install python3-numpy</c>) and reads its machine-readable last line, <c>PREFIX key=value …</c>. BLAS is
/// held to one thread (<c>OPENBLAS_NUM_THREADS=1</c>), so the peer's thread CPU time compares with the C# thread's.
/// </summary>
internal static class NumpyPeer
{
    private const string Python = "/usr/bin/python3";

    /// <summary>One run of a peer script.</summary>
    /// <param name="Values">The numeric <c>key=value</c> pairs of the machine-readable line.</param>
    /// <param name="FirstLine">The script's first output line (numpy's version and the workload).</param>
    internal sealed record Result(IReadOnlyDictionary<string, double> Values, string FirstLine);

    /// <summary>Runs <paramref name="script"/> (a file name under benchmarks/numpy) with <paramref name="args"/>.</summary>
    /// <param name="script">The script's file name.</param>
    /// <param name="args">Its arguments.</param>
    /// <param name="prefix">The first word of the machine-readable line (e.g. <c>numpy-us</c>).</param>
    /// <param name="keepFreedMemory">Tells glibc to keep freed memory (numpy's steady state; perf.md §2).</param>
    /// <param name="problem">Why the peer was not measured, when the result is null.</param>
    /// <returns>The values, or null with <paramref name="problem"/> set.</returns>
    public static Result? Run(string script, IReadOnlyList<string> args, string prefix, bool keepFreedMemory, out string problem)
    {
        string? path = Find(script);
        if (path is null || !File.Exists(Python))
        {
            problem = $"not run (benchmarks/numpy/{script} or {Python} not found)";
            return null;
        }

        var start = new ProcessStartInfo(Python, [path, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["OPENBLAS_NUM_THREADS"] = "1";
        if (keepFreedMemory)
        {
            start.Environment["MALLOC_MMAP_THRESHOLD_"] = "33554432";
            start.Environment["MALLOC_TRIM_THRESHOLD_"] = "2000000000";
        }

        using Process? p = Process.Start(start);
        if (p is null)
        {
            problem = "python3 did not start";
            return null;
        }

        string output = p.StandardOutput.ReadToEnd();
        string error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        string? line = output.Split('\n').LastOrDefault(l => l.StartsWith(prefix + " ", StringComparison.Ordinal));
        if (p.ExitCode != 0 || line is null)
        {
            problem = $"not measured (exit {p.ExitCode}): {error.Trim().Split('\n').LastOrDefault()}";
            return null;
        }

        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (string pair in line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            string[] kv = pair.Split('=', 2);
            if (kv.Length == 2 && double.TryParse(kv[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
            {
                values[kv[0]] = v;
            }
        }

        problem = string.Empty;
        return new Result(values, output.Split('\n')[0].Trim());
    }

    private static string? Find(string script)
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            string candidate = Path.Combine(d.FullName, "benchmarks", "numpy", script);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
