namespace DxIndicators.Data;

/// <summary>How exact a published figure is ("over 80%" is a lower bound).</summary>
public enum Qualifier
{
    /// <summary>The value is exact as published.</summary>
    Exact,

    /// <summary>The value is an estimate ("about", "approximately").</summary>
    Estimate,

    /// <summary>The true value is above the stated one ("over", "exceeds", "more than").</summary>
    LowerBound,

    /// <summary>The true value is below the stated one ("under", "less than").</summary>
    UpperBound,
}
