namespace DxIndicators.Targets;

/// <summary>The direction of an indicator series without a target, by polarity (an arrow on a dashboard).</summary>
public enum TrendStatus
{
    /// <summary>Moving in the better direction by at least the improving threshold per year.</summary>
    Improving,

    /// <summary>Moving less than the thresholds either way.</summary>
    Stable,

    /// <summary>Moving in the worse direction by at least the worsening threshold per year.</summary>
    Worsening,

    /// <summary>Fewer than two observations with different period ends on or before the as-of date.</summary>
    NotEnoughData,
}
