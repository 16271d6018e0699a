using DxIndicators.Scoring.Kernels;

namespace DxIndicators.Analysis;

/// <summary>Statistics of one column with COINr's flags (<c>get_stats</c>).</summary>
/// <param name="Code">The indicator code.</param>
/// <param name="Min">The minimum.</param>
/// <param name="Max">The maximum.</param>
/// <param name="Mean">The mean.</param>
/// <param name="Median">The median.</param>
/// <param name="StandardDeviation">The sample standard deviation (n − 1).</param>
/// <param name="Skew">The skewness (type 2).</param>
/// <param name="Kurtosis">The excess kurtosis (type 2).</param>
/// <param name="Available">Units with a value.</param>
/// <param name="NonZero">Units with a non-zero value.</param>
/// <param name="Unique">Distinct values.</param>
/// <param name="Same">The largest number of units sharing one value.</param>
/// <param name="Units">Units in all.</param>
/// <param name="LowAvailability">Available/Units below the threshold.</param>
/// <param name="ManyZeros">NonZero/Units below the threshold.</param>
/// <param name="FewUnique">Unique/Units below the threshold.</param>
/// <param name="Outliers">|skew| above and kurtosis above their thresholds.</param>
public readonly record struct ColumnStatistics(string Code, double Min, double Max, double Mean, double Median, double StandardDeviation, double Skew, double Kurtosis, int Available, int NonZero, int Unique, int Same, int Units, bool LowAvailability, bool ManyZeros, bool FewUnique, bool Outliers);
