namespace DxIndicators.Model;

/// <summary>Goalposts for an indicator, always in the indicator's raw units (the library applies polarity).</summary>
/// <param name="Lower">The value that scores 0 (for higher-is-better).</param>
/// <param name="Upper">The value that scores 1 (for higher-is-better).</param>
public sealed record Goalposts(double Lower, double Upper);
