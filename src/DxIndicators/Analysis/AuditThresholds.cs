namespace DxIndicators.Analysis;

/// <summary>The thresholds of an audit; defaults are COINr's (<c>get_stats</c>, <c>get_corr_flags</c>, <c>get_statistics</c>, <c>Screen</c>).</summary>
/// <param name="Skew">|skew| above which (with kurtosis) a column is flagged for outliers (2).</param>
/// <param name="Kurtosis">Excess kurtosis above which (with skew) a column is flagged for outliers (3.5).</param>
/// <param name="Availability">Share of units with a value below which a column is flagged (0.65).</param>
/// <param name="NonZero">Share of units with a non-zero value below which a column is flagged (0.5).</param>
/// <param name="Unique">Share of units with distinct values below which a column is flagged (0.5).</param>
/// <param name="Collinear">Pearson r above which two indicators of the same parent are flagged collinear (0.9).</param>
/// <param name="NearDuplicate">Pearson r above which any two indicators are flagged near-duplicates (0.92).</param>
/// <param name="UnitAvailability">Share of indicators a unit needs to pass screening (2/3).</param>
public sealed record AuditThresholds(double Skew = 2, double Kurtosis = 3.5, double Availability = 0.65, double NonZero = 0.5, double Unique = 0.5, double Collinear = 0.9, double NearDuplicate = 0.92, double UnitAvailability = 2.0 / 3)
{
    /// <summary>Gets COINr's defaults.</summary>
    public static AuditThresholds Default { get; } = new();
}
