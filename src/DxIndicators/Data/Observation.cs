namespace DxIndicators.Data;

/// <summary>
/// One measured value of an indicator for a unit and period, with its qualifier ("over 90%"), optional counts and provenance.
/// </summary>
/// <param name="Unit">The administrative unit's code.</param>
/// <param name="Indicator">The indicator code.</param>
/// <param name="Period">The period the value refers to.</param>
/// <param name="Value">The value in the indicator's unit.</param>
public sealed record Observation(string Unit, string Indicator, ReportingPeriod Period, double Value)
{
    /// <summary>Gets how exact the value is (default exact).</summary>
    public Qualifier Qualifier { get; init; } = Qualifier.Exact;

    /// <summary>Gets the numerator of a rate (2,410 of 2,699), if published.</summary>
    public double? Numerator { get; init; }

    /// <summary>Gets the denominator of a rate, if published.</summary>
    public double? Denominator { get; init; }

    /// <summary>Gets where the figure comes from.</summary>
    public Provenance? Provenance { get; init; }

    /// <summary>Gets whether the figure is official or provisional.</summary>
    public ObservationStatus Status { get; init; } = ObservationStatus.Official;

    /// <summary>Gets whether the value was restated onto other units (for example after the 2025 merger).</summary>
    public bool Restated { get; init; }
}
