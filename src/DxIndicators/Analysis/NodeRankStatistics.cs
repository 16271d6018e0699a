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
