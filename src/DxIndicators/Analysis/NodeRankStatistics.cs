namespace DxIndicators.Analysis;

/// <summary>The rank distributions of all units at one node, and the per-run mean absolute rank shift (COINr's y_r).</summary>
/// <remarks>Immutable; safe to share.</remarks>
public sealed class NodeRankStatistics
{
    internal NodeRankStatistics(string node, ValueList<UnitRankStatistics> units, ValueList<double> meanAbsoluteRankShift, RunShiftSummary? summary = null)
    {
        Node = node;
        Units = units;
        MeanAbsoluteRankShift = meanAbsoluteRankShift;
        ShiftSummary = summary ?? RunShiftSummary.Of(meanAbsoluteRankShift.AsSpan());
    }

    /// <summary>Gets the summary of the per-run mean absolute rank shift y_r (available even when the series itself was not kept).</summary>
    public RunShiftSummary ShiftSummary { get; }

    /// <summary>Gets the node code.</summary>
    public string Node { get; }

    /// <summary>Gets one entry per unit, in matrix row order.</summary>
    public ValueList<UnitRankStatistics> Units { get; }

    /// <summary>Gets, for each run in run order (empty when an <see cref="UncertaintyAnalysis"/> did not keep the series), the mean over units of |rank in the run − nominal rank| (COINr <c>get_sensitivity</c>'s y_r).</summary>
    /// <remarks>Units unranked in the run or in the nominal scoring are left out; NaN when no unit is left.</remarks>
    public ValueList<double> MeanAbsoluteRankShift { get; }

    /// <summary>Gets the statistics of one unit.</summary>
    /// <param name="unit">The unit code.</param>
    /// <returns>The unit's rank statistics.</returns>
    /// <exception cref="KeyNotFoundException">The unit is not in the result.</exception>
    public UnitRankStatistics Unit(string unit)
    {
        foreach (UnitRankStatistics s in Units)
        {
            if (string.Equals(s.Unit, unit, StringComparison.Ordinal))
            {
                return s;
            }
        }

        throw new KeyNotFoundException($"Node '{Node}' has no statistics for unit '{unit}'.");
    }
}

/// <summary>Mean, standard deviation (n − 1), minimum and maximum of the per-run mean absolute rank shift y_r over the runs where it is defined.</summary>
/// <param name="Runs">The number of runs with a defined y_r.</param>
/// <param name="Mean">The mean of y_r.</param>
/// <param name="StandardDeviation">The sample standard deviation of y_r (NaN below two runs).</param>
/// <param name="Minimum">The smallest y_r.</param>
/// <param name="Maximum">The largest y_r.</param>
public readonly record struct RunShiftSummary(int Runs, double Mean, double StandardDeviation, double Minimum, double Maximum)
{
    internal static RunShiftSummary Of(ReadOnlySpan<double> values)
    {
        int n = 0;
        double sum = 0, sq = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in values)
        {
            if (!double.IsNaN(v))
            {
                n++;
                sum += v;
                sq += v * v;
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }

        return From(n, sum, sq, min, max);
    }

    internal static RunShiftSummary From(int n, double sum, double sumSquares, double min, double max)
    {
        if (n == 0)
        {
            return new RunShiftSummary(0, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        double mean = sum / n;
        double sd = n < 2 ? double.NaN : Math.Sqrt(Math.Max(0, (sumSquares - (n * mean * mean)) / (n - 1)));
        return new RunShiftSummary(n, mean, sd, min, max);
    }
}
