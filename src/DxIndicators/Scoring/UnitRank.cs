using System.Collections.Frozen;

namespace DxIndicators.Scoring;

/// <summary>A rank with the number of units it was ranked among.</summary>
/// <param name="Rank">The rank (1 = best; fractional ranks may end in .5); NaN when the unit has no score.</param>
/// <param name="UniverseSize">The number of units ranked (those with a score, in the whole set or in the unit's group).</param>
public readonly record struct UnitRank(double Rank, int UniverseSize)
{
    /// <summary>Gets whether the unit has a rank.</summary>
    public bool IsRanked => !double.IsNaN(Rank);
}
