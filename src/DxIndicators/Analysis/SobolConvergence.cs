namespace DxIndicators.Analysis;

/// <summary>The indices of one input estimated from the first <paramref name="BaseSamples"/> rows of the design (convergence as N grows).</summary>
/// <param name="BaseSamples">The number of base samples N used.</param>
/// <param name="Input">The input's name.</param>
/// <param name="First">S_i from those rows.</param>
/// <param name="Total">ST_i from those rows.</param>
public readonly record struct SobolConvergence(int BaseSamples, string Input, double First, double Total);
