namespace DxIndicators.Analysis;

/// <summary>An indicator where a unit stands out from its peers (COINr <c>get_str_weak</c>).</summary>
/// <param name="Unit">The unit code.</param>
/// <param name="Indicator">The indicator code.</param>
/// <param name="Rank">The unit's rank on the indicator's normalised value among all units (1 = best, competition ties).</param>
/// <param name="RankedUnits">How many units have a value.</param>
/// <param name="Normalised">The normalised value.</param>
/// <param name="Raw">The raw value.</param>
/// <param name="IsStrength">True for a strength (best ranks), false for a weakness (worst ranks).</param>
public readonly record struct StrengthOrWeakness(string Unit, string Indicator, double Rank, int RankedUnits, double Normalised, double Raw, bool IsStrength);
