using System.Globalization;

namespace DxIndicators.Targets;

/// <summary>
/// Cut-offs on the polarity-adjusted compound annual growth rate that separate improving, stable and worsening trends.
/// </summary>
/// <remarks>
/// Immutable; safe to share. Defaults: improving at ≥ +0.005 (0.5% a year), worsening at ≤ −0.005. The 0.005 is Open SDG's
/// "moderate progress" cut-off for indicators without a target (its scale is 0.015 / 0.005 / 0); a symmetric band is used so
/// that a tiny fall is "stable" rather than "deterioration". See docs/targets.md §Trends.
/// </remarks>
public sealed record TrendThresholds
{
    /// <summary>Initializes the thresholds.</summary>
    /// <param name="improving">The smallest adjusted growth that counts as improving (default 0.005, must be ≥ 0).</param>
    /// <param name="worsening">The largest adjusted growth that counts as worsening (default −0.005, must be ≤ 0).</param>
    /// <exception cref="ArgumentException">A threshold is not finite, <paramref name="improving"/> is negative, <paramref name="worsening"/> is positive, or both are 0.</exception>
    public TrendThresholds(double improving = 0.005, double worsening = -0.005)
    {
        if (!double.IsFinite(improving) || !double.IsFinite(worsening) || improving < 0 || worsening > 0 || (improving == 0 && worsening == 0))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Trend thresholds must be finite with improving ≥ 0 ≥ worsening and not both 0, were {improving} and {worsening}."));
        }

        Improving = improving;
        Worsening = worsening;
    }

    /// <summary>Gets the defaults +0.005 / −0.005.</summary>
    public static TrendThresholds Default { get; } = new();

    /// <summary>Gets the smallest adjusted growth that counts as improving.</summary>
    public double Improving { get; }

    /// <summary>Gets the largest adjusted growth that counts as worsening.</summary>
    public double Worsening { get; }

    /// <summary>Classifies a polarity-adjusted growth rate.</summary>
    /// <param name="adjustedGrowth">The growth rate, positive = better.</param>
    /// <returns>Improving, Stable or Worsening.</returns>
    public TrendStatus Classify(double adjustedGrowth) =>
        adjustedGrowth >= Improving ? TrendStatus.Improving
        : adjustedGrowth <= Worsening ? TrendStatus.Worsening
        : TrendStatus.Stable;
}
