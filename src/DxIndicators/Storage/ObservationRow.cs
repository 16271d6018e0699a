using DxIndicators.Data;
using NodaTime;

namespace DxIndicators.Storage;

/// <summary>
/// One observation as a SQL back end writes it: the columns of <c>dx_vintages</c> that come from the observation, in
/// their stored form (period, qualifier and status as text, the value with its IEEE-754 bits).
/// </summary>
/// <remarks>Made by <see cref="RelationalObservationStore"/> for its back ends' bulk-write path; the texts repeat from
/// row to row as the same string instances, so a back end may cache their encodings by reference.</remarks>
public readonly struct ObservationRow
{
    /// <summary>Initializes a row.</summary>
    /// <param name="observation">The observation.</param>
    /// <param name="period">The period's text (<c>2025</c>, <c>2025-H1</c>, <c>2025-Q3</c>, <c>2025-07</c>, <c>2025-07-15</c>).</param>
    /// <param name="qualifier">The qualifier's text.</param>
    /// <param name="status">The status's text.</param>
    internal ObservationRow(Observation observation, string period, string qualifier, string status)
    {
        Unit = observation.Unit;
        Indicator = observation.Indicator;
        Period = period;
        Value = observation.Value;
        Qualifier = qualifier;
        Numerator = observation.Numerator;
        Denominator = observation.Denominator;
        Status = status;
        Restated = observation.Restated;
        Source = observation.Provenance?.Source;
        Published = observation.Provenance?.Published;
    }

    /// <summary>Gets the unit code (<c>unit</c>).</summary>
    public string Unit { get; }

    /// <summary>Gets the indicator code (<c>indicator</c>).</summary>
    public string Indicator { get; }

    /// <summary>Gets the period's text (<c>period</c>).</summary>
    public string Period { get; }

    /// <summary>Gets the value (<c>value</c>).</summary>
    public double Value { get; }

    /// <summary>Gets the value's IEEE-754 bits (<c>value_bits</c>: what the store compares and reads back).</summary>
    public long ValueBits => BitConverter.DoubleToInt64Bits(Value);

    /// <summary>Gets the qualifier's text (<c>qualifier</c>: exact, estimate, lowerBound, upperBound).</summary>
    public string Qualifier { get; }

    /// <summary>Gets the numerator (<c>numerator</c>), or null.</summary>
    public double? Numerator { get; }

    /// <summary>Gets the denominator (<c>denominator</c>), or null.</summary>
    public double? Denominator { get; }

    /// <summary>Gets the status's text (<c>status</c>: official, provisional).</summary>
    public string Status { get; }

    /// <summary>Gets the restated flag (<c>restated</c>, stored as 0/1).</summary>
    public bool Restated { get; }

    /// <summary>Gets the source (<c>source</c>), or null for no provenance.</summary>
    public string? Source { get; }

    /// <summary>Gets the publication date (<c>published</c>), or null.</summary>
    public LocalDate? Published { get; }
}
