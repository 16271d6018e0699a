namespace DxIndicators.Data;

/// <summary>How index scores are combined when units are merged or rolled up without weights.</summary>
public enum IndexCombination
{
    /// <summary>Index scores cannot be combined without a weight indicator (an error is reported).</summary>
    NotAllowed,

    /// <summary>The unweighted arithmetic mean of the children's scores (the published DTI rule for merged provinces).</summary>
    UnweightedMean,
}
