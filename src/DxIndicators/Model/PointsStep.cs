namespace DxIndicators.Model;

/// <summary>One row of a step table.</summary>
/// <param name="Threshold">The value the step starts at (reached when value ≥ threshold for higher-is-better, ≤ for lower-is-better).</param>
/// <param name="Points">The points the step earns.</param>
public sealed record PointsStep(double Threshold, double Points);
