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
public readonly record struct UnitRankStatistics(string Unit, double Nominal, double Mean, double Median, double Percentile5, double Percentile95, int RankedRuns);
