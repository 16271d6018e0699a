namespace DxIndicators.Analysis;

/// <summary>One unit in a comparison of two scorings of the same data (COINr <c>compare_coins</c>).</summary>
/// <param name="Unit">The unit code.</param>
/// <param name="ScoreA">The score in the first scoring.</param>
/// <param name="ScoreB">The score in the second scoring.</param>
/// <param name="RankA">The rank in the first scoring.</param>
/// <param name="RankB">The rank in the second scoring.</param>
public readonly record struct ScoringDifference(string Unit, double ScoreA, double ScoreB, double RankA, double RankB)
{
    /// <summary>Gets RankB − RankA (negative: the unit moved up).</summary>
    public double RankChange => RankB - RankA;

    /// <summary>Gets ScoreB − ScoreA.</summary>
    public double ScoreChange => ScoreB - ScoreA;
}
