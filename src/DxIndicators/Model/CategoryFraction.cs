namespace DxIndicators.Model;

/// <summary>One category of a categorical rule.</summary>
/// <param name="Value">The numeric code the observation carries.</param>
/// <param name="Fraction">The share of max points it earns, in [0, 1].</param>
/// <param name="Label">A short label ("Chairman", "Vice-chairman", "none").</param>
public sealed record CategoryFraction(double Value, double Fraction, string Label);
