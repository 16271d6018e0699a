namespace DxIndicators.Analysis;

/// <summary>One indicator's share of one unit's score at one node: effective weight × normalised value.</summary>
/// <param name="Unit">The unit code.</param>
/// <param name="Node">The node code.</param>
/// <param name="Indicator">The indicator code.</param>
/// <param name="EffectiveWeight">The indicator's weight in the node's score for this unit (weights re-normalised over the children present, multiplied down the tree).</param>
/// <param name="Normalised">The indicator's normalised value.</param>
/// <param name="Value">The contribution, <paramref name="EffectiveWeight"/> × <paramref name="Normalised"/>; a node's contributions add up to its score.</param>
public readonly record struct IndicatorContribution(string Unit, string Node, string Indicator, double EffectiveWeight, double Normalised, double Value);
