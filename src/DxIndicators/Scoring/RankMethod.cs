namespace DxIndicators.Scoring;

/// <summary>How tied scores are ranked (rank 1 is the best score).</summary>
public enum RankMethod
{
    /// <summary>Competition ("sport") ranking, "1, 2, 2, 4": ties share the best rank of the tied block (the DTI and COINr rule; the default).</summary>
    Competition,

    /// <summary>Dense ranking, "1, 2, 2, 3": ties share a rank and the next distinct score gets the next rank.</summary>
    Dense,

    /// <summary>Fractional ranking, "1, 2.5, 2.5, 4": ties share the mean of the ranks they span.</summary>
    Fractional,
}
