namespace DxIndicators.Analysis;

/// <summary>A flagged pair of indicators.</summary>
/// <param name="A">The first indicator.</param>
/// <param name="B">The second indicator.</param>
/// <param name="Pearson">Their Pearson correlation (normalised values, pairwise complete).</param>
/// <param name="SameParent">The common parent when they share one, else null.</param>
/// <param name="Collinear">Same parent and r above the collinearity threshold.</param>
/// <param name="NearDuplicate">r above the near-duplicate threshold.</param>
public readonly record struct PairFlag(string A, string B, double Pearson, string? SameParent, bool Collinear, bool NearDuplicate);
