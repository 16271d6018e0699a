namespace DxIndicators.Scoring;

/// <summary>How a panel of several periods is normalised.</summary>
public enum PanelNormalisation
{
    /// <summary>Each period is normalised on its own statistics.</summary>
    PerPeriod,

    /// <summary>Statistics (min, max, mean, sd) are taken over all periods pooled, so scores are comparable across years.</summary>
    Pooled,

    /// <summary>Min and max are fixed raw-unit bounds given per indicator (as the EU's DESI does).</summary>
    FixedBounds,
}
