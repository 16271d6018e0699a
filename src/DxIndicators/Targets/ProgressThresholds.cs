using System.Globalization;

namespace DxIndicators.Targets;

/// <summary>
/// The cut-offs of the progress ratio (observed growth ÷ required growth) that separate on-track, needs-acceleration,
/// limited-progress and deterioration (Open SDG / Statistics Canada defaults 0.95, 0.6, 0).
/// </summary>
/// <remarks>Immutable; safe to share. A ratio r is <c>OnTrack</c> when r ≥ <see cref="OnTrack"/>, <c>NeedsAcceleration</c>
/// when r ≥ <see cref="NeedsAcceleration"/>, <c>LimitedProgress</c> when r ≥ <see cref="LimitedProgress"/>, else
/// <c>Deterioration</c> (all comparisons inclusive, as in Open SDG's <c>get_progress_status</c>).</remarks>
public sealed record ProgressThresholds
{
    /// <summary>Initializes the thresholds.</summary>
    /// <param name="onTrack">The smallest ratio that is on track (default 0.95).</param>
    /// <param name="needsAcceleration">The smallest ratio that needs acceleration rather than counting as limited (default 0.6).</param>
    /// <param name="limitedProgress">The smallest ratio that is limited progress rather than deterioration (default 0).</param>
    /// <exception cref="ArgumentException">A threshold is NaN or infinite, or they are not in the order onTrack ≥ needsAcceleration ≥ limitedProgress.</exception>
    public ProgressThresholds(double onTrack = 0.95, double needsAcceleration = 0.6, double limitedProgress = 0)
    {
        if (!double.IsFinite(onTrack) || !double.IsFinite(needsAcceleration) || !double.IsFinite(limitedProgress))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Progress thresholds must be finite, were {onTrack}, {needsAcceleration}, {limitedProgress}."));
        }

        if (!(onTrack >= needsAcceleration && needsAcceleration >= limitedProgress))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Progress thresholds must satisfy onTrack ≥ needsAcceleration ≥ limitedProgress, were {onTrack}, {needsAcceleration}, {limitedProgress}."));
        }

        OnTrack = onTrack;
        NeedsAcceleration = needsAcceleration;
        LimitedProgress = limitedProgress;
    }

    /// <summary>Gets the defaults 0.95 / 0.6 / 0.</summary>
    public static ProgressThresholds Default { get; } = new();

    /// <summary>Gets the smallest ratio that is on track.</summary>
    public double OnTrack { get; }

    /// <summary>Gets the smallest ratio that needs acceleration.</summary>
    public double NeedsAcceleration { get; }

    /// <summary>Gets the smallest ratio that is limited progress.</summary>
    public double LimitedProgress { get; }

    /// <summary>Classifies a progress ratio.</summary>
    /// <param name="ratio">The ratio (finite).</param>
    /// <returns>OnTrack, NeedsAcceleration, LimitedProgress or Deterioration.</returns>
    public TargetStatus Classify(double ratio) =>
        ratio >= OnTrack ? TargetStatus.OnTrack
        : ratio >= NeedsAcceleration ? TargetStatus.NeedsAcceleration
        : ratio >= LimitedProgress ? TargetStatus.LimitedProgress
        : TargetStatus.Deterioration;
}
