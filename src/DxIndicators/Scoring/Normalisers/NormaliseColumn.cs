using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Scoring.Kernels;

namespace DxIndicators.Scoring;

/// <summary>
/// What a normaliser sees of one column: the raw values x, the polarity sign d (x' = d·x is COINr's
/// direction-adjusted space), statistics fixed from outside (pooled panel or fixed bounds), the kernel path, and
/// the indicator with its raw-unit goalposts, target and points rule.
/// </summary>
internal readonly ref struct NormaliseColumn
{
    public NormaliseColumn(ReadOnlySpan<double> x, IndicatorDefinition indicator, ColumnStats? fixedStats, IndicatorMatrix matrix, ScoringWorkspace workspace, KernelPath path)
    {
        X = x;
        Indicator = indicator;
        Sign = indicator.Polarity == Polarity.LowerIsBetter ? -1 : 1;
        FixedStats = fixedStats;
        Matrix = matrix;
        Workspace = workspace;
        Path = path;
    }

    /// <summary>Gets the raw values.</summary>
    public ReadOnlySpan<double> X { get; }

    /// <summary>Gets the indicator.</summary>
    public IndicatorDefinition Indicator { get; }

    /// <summary>Gets d: 1 for higher-is-better, −1 for lower-is-better.</summary>
    public double Sign { get; }

    /// <summary>Gets statistics fixed from outside, or null to read them from x.</summary>
    public ColumnStats? FixedStats { get; }

    /// <summary>Gets the matrix (reference units are its rows).</summary>
    public IndicatorMatrix Matrix { get; }

    /// <summary>Gets the workspace (scratch for rank-based methods).</summary>
    public ScoringWorkspace Workspace { get; }

    /// <summary>Gets the kernel path.</summary>
    public KernelPath Path { get; }

    /// <summary>Returns (min', max') of x' = d·x: (min, max) for d = 1, (−max, −min) for d = −1.</summary>
    public (double Min, double Max) FlippedMinMax()
    {
        (double min, double max) = FixedStats is { } s ? (s.Min, s.Max) : ColumnStatistics.MinMax(X, Path);
        return Sign > 0 ? (min, max) : (-max, -min);
    }

    /// <summary>Returns raw-unit bounds (lower, upper) in the x' space: (−upper, −lower) for d = −1.</summary>
    public (double Lower, double Upper) Flipped(double lower, double upper) => Sign > 0 ? (lower, upper) : (-upper, -lower);

    /// <summary>Throws when the column's statistics are fixed from outside, which rank-based methods cannot use.</summary>
    public void RequirePerPeriod()
    {
        if (FixedStats is not null)
        {
            throw new InvalidOperationException($"Indicator '{Indicator.Code}': rank-based normalisers cannot use pooled or fixed bounds; normalise panels per period.");
        }
    }
}
