namespace DxIndicators.Analysis;

/// <summary>The smallest change of one indicator's raw value that lifts a unit at least one rank at a node, all else unchanged.</summary>
/// <param name="Unit">The unit code.</param>
/// <param name="Node">The node code.</param>
/// <param name="Indicator">The indicator code.</param>
/// <param name="CurrentRaw">The unit's raw value now.</param>
/// <param name="RequiredRaw">The raw value found (NaN when no value within the indicator's valid range lifts the unit).</param>
/// <param name="CurrentRank">The unit's rank now.</param>
/// <param name="NewRank">The rank with <paramref name="RequiredRaw"/>.</param>
public readonly record struct Improvement(string Unit, string Node, string Indicator, double CurrentRaw, double RequiredRaw, double CurrentRank, double NewRank)
{
    /// <summary>Gets the change in raw units, RequiredRaw − CurrentRaw (positive for higher-is-better indicators).</summary>
    public double Change => RequiredRaw - CurrentRaw;
}
