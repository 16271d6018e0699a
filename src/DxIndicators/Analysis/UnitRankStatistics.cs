namespace DxIndicators.Analysis;

/// <summary>The rank distribution of one unit at one node over the runs of a <see cref="WeightUncertainty"/> analysis (COINr <c>RankStats</c>).</summary>
/// <param name="Unit">The unit code.</param>
/// <param name="Nominal">The rank with the plan's own weights (NaN when the unit has no score).</param>
/// <param name="Mean">The mean rank over the runs in which the unit was ranked.</param>
/// <param name="Median">The median rank (the 50 % quantile, same rule as the percentiles).</param>
/// <param name="Percentile5">The 5th percentile of the ranks, R's quantile type 7.</param>
/// <param name="Percentile95">The 95th percentile of the ranks, R's quantile type 7.</param>
/// <param name="RankedRuns">How many runs ranked the unit (runs where its score was NaN are left out of the statistics).</param>
/// <remarks>All statistics are NaN when <paramref name="RankedRuns"/> is 0. Formulas: docs/methodology.md, "Weight uncertainty".</remarks>
public readonly record struct UnitRankStatistics(string Unit, double Nominal, double Mean, double Median, double Percentile5, double Percentile95, int RankedRuns)
{
    /// <summary>Gets the mean over the ranked runs of |rank − nominal rank| (NaN when not computed or no run ranked the unit).</summary>
    public double MeanAbsoluteShift { get; init; } = double.NaN;

    /// <summary>Gets the unit's score in the nominal scoring (NaN when not computed or missing).</summary>
    public double NominalScore { get; init; } = double.NaN;

    /// <summary>Gets the mean of the unit's score over the runs that scored it.</summary>
    public double ScoreMean { get; init; } = double.NaN;

    /// <summary>Gets the sample standard deviation (n − 1) of the unit's score over the runs (NaN below two runs).</summary>
    public double ScoreStandardDeviation { get; init; } = double.NaN;

    /// <summary>Gets the smallest score over the runs.</summary>
    public double ScoreMinimum { get; init; } = double.NaN;

    /// <summary>Gets the largest score over the runs.</summary>
    public double ScoreMaximum { get; init; } = double.NaN;
}
