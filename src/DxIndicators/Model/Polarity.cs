namespace DxIndicators.Model;

/// <summary>Which direction of an indicator is better.</summary>
public enum Polarity
{
    /// <summary>Higher values are better.</summary>
    HigherIsBetter,

    /// <summary>Lower values are better.</summary>
    LowerIsBetter,
}
