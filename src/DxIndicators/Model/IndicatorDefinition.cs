namespace DxIndicators.Model;

/// <summary>Defines one indicator: what it measures, its unit, polarity, valid range, scoring rule and source.</summary>
/// <param name="Code">The indicator code, unique within its framework.</param>
/// <param name="Name">The bilingual name.</param>
/// <param name="Measure">What the indicator measures.</param>
/// <param name="Unit">The unit label ("%", "stations", "per 100 people").</param>
/// <param name="Polarity">Whether higher or lower is better.</param>
/// <param name="ValidRange">The range a raw value must lie in (inclusive).</param>
public sealed record IndicatorDefinition(
    string Code,
    LocalizedText Name,
    MeasureKind Measure,
    string Unit,
    Polarity Polarity,
    NumericRange ValidRange)
{
    /// <summary>Gets the optional points rule (official DTI-style scoring).</summary>
    public PointsRule? Points { get; init; }

    /// <summary>Gets the data source ("Sở KH&amp;CN report", a seed article).</summary>
    public string? Source { get; init; }

    /// <summary>Gets the administrative level the indicator is reported at.</summary>
    public AdminLevel ReportingLevel { get; init; } = AdminLevel.Province;

    /// <summary>Gets how often the indicator is reported.</summary>
    public Frequency Frequency { get; init; } = Frequency.Annual;

    /// <summary>Gets the code of the indicator this one is divided by when denominating (for example population), if any.</summary>
    public string? Denominator { get; init; }

    /// <summary>Gets N for a per-N-population indicator (100 for "per 100 people").</summary>
    public double? PerPopulation { get; init; }

    /// <summary>Gets goalposts in raw units, used by the goalposts normaliser.</summary>
    public Goalposts? Goalposts { get; init; }

    /// <summary>Gets the value treated as full achievement by distance-to-target normalisation (raw units).</summary>
    public double? ReferenceTarget { get; init; }

    /// <summary>Gets the pillar the indicator belongs to, if it is tagged with one.</summary>
    public Pillar? Pillar { get; init; }

    /// <summary>Gets the foundation group the indicator belongs to, if any.</summary>
    public FoundationGroup? Foundation { get; init; }

    /// <summary>Gets free-text notes (definitions, caveats).</summary>
    public string? Notes { get; init; }

    /// <summary>Gets whether the indicator is stated in its source or provisional (modelled from what is public).</summary>
    public DefinitionStatus Status { get; init; } = DefinitionStatus.Confirmed;

    /// <summary>Gets what is missing and where the model comes from; required when <see cref="Status"/> is
    /// <see cref="DefinitionStatus.Provisional"/>, not allowed otherwise.</summary>
    public string? StatusNote { get; init; }
}
