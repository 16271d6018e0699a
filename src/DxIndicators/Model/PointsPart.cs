namespace DxIndicators.Model;

/// <summary>One part of an additive rule.</summary>
/// <param name="Label">What the part rewards.</param>
/// <param name="Fraction">The share of max points it earns, in [0, 1].</param>
public sealed record PointsPart(string Label, double Fraction);
