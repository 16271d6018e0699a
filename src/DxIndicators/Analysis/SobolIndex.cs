namespace DxIndicators.Analysis;

/// <summary>First-order and total Sobol indices of one input, with bootstrap confidence bounds.</summary>
/// <param name="Input">The input's name.</param>
/// <param name="First">The first-order index S_i (Saltelli 2010 estimator).</param>
/// <param name="FirstLow">The lower bootstrap bound of S_i.</param>
/// <param name="FirstHigh">The upper bootstrap bound of S_i.</param>
/// <param name="Total">The total index ST_i (Jansen estimator).</param>
/// <param name="TotalLow">The lower bootstrap bound of ST_i.</param>
/// <param name="TotalHigh">The upper bootstrap bound of ST_i.</param>
public readonly record struct SobolIndex(string Input, double First, double FirstLow, double FirstHigh, double Total, double TotalLow, double TotalHigh);
