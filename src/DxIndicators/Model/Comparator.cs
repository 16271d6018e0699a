namespace DxIndicators.Model;

/// <summary>The comparison a target makes.</summary>
public enum Comparator
{
    /// <summary>Value ≥ threshold.</summary>
    AtLeast,

    /// <summary>Value &gt; threshold.</summary>
    GreaterThan,

    /// <summary>Value ≤ threshold.</summary>
    AtMost,

    /// <summary>Value &lt; threshold.</summary>
    LessThan,

    /// <summary>Value = threshold.</summary>
    EqualTo,

    /// <summary>Threshold ≤ value ≤ upper threshold.</summary>
    Between,

    /// <summary>Rank ≤ N (1 is best).</summary>
    RankAtMost,
}
