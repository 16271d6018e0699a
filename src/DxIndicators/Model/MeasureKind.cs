namespace DxIndicators.Model;

/// <summary>What an indicator measures, which decides how it is validated and rolled up.</summary>
public enum MeasureKind
{
    /// <summary>A percentage in [0, 100] with no counts attached.</summary>
    Percentage,

    /// <summary>A count of things (adds up across units).</summary>
    Count,

    /// <summary>A rate derived from a numerator and a denominator (expressed in percent).</summary>
    Rate,

    /// <summary>A value per N population (for example subscribers per 100 people).</summary>
    PerPopulation,

    /// <summary>An amount of money.</summary>
    Money,

    /// <summary>A score on an index scale (for example 0–1 or 0–100).</summary>
    IndexScore,

    /// <summary>A rank in a league table (1 is best).</summary>
    Rank,

    /// <summary>A categorical status, coded as a number (see the indicator's categories).</summary>
    Categorical,

    /// <summary>Yes (1) or no (0).</summary>
    YesNo,
}
