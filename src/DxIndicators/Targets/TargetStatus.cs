namespace DxIndicators.Targets;

/// <summary>The status of a unit against a dated target, as of a date (see docs/targets.md for the decision order).</summary>
public enum TargetStatus
{
    /// <summary>The latest value meets the target.</summary>
    Achieved,

    /// <summary>Not met yet; observed growth is at least 95% (configurable) of the growth the deadline requires.</summary>
    OnTrack,

    /// <summary>Not met; observed growth is 60–95% of the required growth.</summary>
    NeedsAcceleration,

    /// <summary>Not met; observed growth is below 60% of the required growth but not backwards.</summary>
    LimitedProgress,

    /// <summary>Not met; the value moves away from the target.</summary>
    Deterioration,

    /// <summary>The deadline has passed and the latest value does not meet the target.</summary>
    Missed,

    /// <summary>The data cannot decide: a bound that does not settle the comparison, a single observation with no baseline, or a pace that cannot be computed.</summary>
    Indeterminate,

    /// <summary>No observation with a period ending on or before the as-of date.</summary>
    NoData,
}
