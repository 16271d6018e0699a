namespace DxIndicators.Model;

/// <summary>Defines one indicator: what it measures, its unit, polarity, valid range, scoring rule and source.</summary>
/// <remarks>Immutable, compared by value. Not a positional record: there is no <c>with</c> to copy one past the checks.
/// The constructor and the init accessors check the rules on their values (a non-blank code, a name, an ordered valid
/// range, a positive per-population N, finite ordered goalposts, a finite reference target, a defined status; a points
/// rule checks its own) and throw <see cref="ArgumentException"/> naming the parameter, the rule and the value. Rules
/// between members (a status note iff provisional, per-population needs N, steps ordered for the polarity) and across
/// definitions (duplicate codes, the denominator) are checked with their JSON paths when a <see cref="Framework"/> is
/// built (docs/framework-format.md).</remarks>
public sealed class IndicatorDefinition : IEquatable<IndicatorDefinition>
{
    // True for the public constructor; false on the readers' path, whose values the validator checks.
    private readonly bool _checked;

    /// <summary>Initializes a new instance of the <see cref="IndicatorDefinition"/> class.</summary>
    /// <param name="code">The indicator code, unique within its framework.</param>
    /// <param name="name">The bilingual name.</param>
    /// <param name="measure">What the indicator measures.</param>
    /// <param name="unit">The unit label ("%", "stations", "per 100 people").</param>
    /// <param name="polarity">Whether higher or lower is better.</param>
    /// <param name="validRange">The range a raw value must lie in (inclusive).</param>
    /// <exception cref="ArgumentNullException">A reference argument is null.</exception>
    /// <exception cref="ArgumentException">The code is blank, the name has no text, or the range has min &gt; max or a NaN end.</exception>
    public IndicatorDefinition(string code, LocalizedText name, MeasureKind measure, string unit, Polarity polarity, NumericRange validRange)
        : this(code, name, measure, unit, polarity, validRange, FieldRules.Mode.Checked)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="IndicatorDefinition"/> class, checking its fields or not.</summary>
    /// <param name="code">The indicator code.</param>
    /// <param name="name">The bilingual name.</param>
    /// <param name="measure">What the indicator measures.</param>
    /// <param name="unit">The unit label.</param>
    /// <param name="polarity">Whether higher or lower is better.</param>
    /// <param name="validRange">The valid range.</param>
    /// <param name="mode"><see cref="FieldRules.Mode.Deferred"/> for readers, whose input the validator checks.</param>
    internal IndicatorDefinition(string code, LocalizedText name, MeasureKind measure, string unit, Polarity polarity, NumericRange validRange, FieldRules.Mode mode)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(unit);
        _checked = mode == FieldRules.Mode.Checked;
        if (_checked)
        {
            FieldRules.Require(FieldRules.Text(code), nameof(code), code);
            FieldRules.Require(FieldRules.Name(name), nameof(name), name);
            FieldRules.Require(FieldRules.Range(validRange), nameof(validRange), validRange);
        }

        Code = code;
        Name = name;
        Measure = measure;
        Unit = unit;
        Polarity = polarity;
        ValidRange = validRange;
    }

    /// <summary>Gets the indicator code, unique within its framework.</summary>
    public string Code { get; }

    /// <summary>Gets the bilingual name.</summary>
    public LocalizedText Name { get; }

    /// <summary>Gets what the indicator measures.</summary>
    public MeasureKind Measure { get; }

    /// <summary>Gets the unit label ("%", "stations", "per 100 people").</summary>
    public string Unit { get; }

    /// <summary>Gets whether higher or lower is better.</summary>
    public Polarity Polarity { get; }

    /// <summary>Gets the range a raw value must lie in (inclusive).</summary>
    public NumericRange ValidRange { get; }

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
    /// <exception cref="ArgumentException">Set to a value that is not a finite number &gt; 0.</exception>
    public double? PerPopulation
    {
        get;
        init => field = FieldRules.Checked(_checked, value, FieldRules.Positive, nameof(PerPopulation));
    }

    /// <summary>Gets goalposts in raw units, used by the goalposts normaliser.</summary>
    /// <exception cref="ArgumentException">Set to goalposts with an end that is not finite, or lower ≥ upper.</exception>
    public Goalposts? Goalposts
    {
        get;
        init
        {
            if (_checked && value is not null)
            {
                FieldRules.Require(FieldRules.Finite(value.Lower), nameof(Goalposts), value.Lower);
                FieldRules.Require(FieldRules.Finite(value.Upper), nameof(Goalposts), value.Upper);
                FieldRules.Require(FieldRules.GoalpostOrder(value.Lower, value.Upper), nameof(Goalposts), value);
            }

            field = value;
        }
    }

    /// <summary>Gets the value treated as full achievement by distance-to-target normalisation (raw units).</summary>
    /// <exception cref="ArgumentException">Set to a value that is not finite.</exception>
    public double? ReferenceTarget
    {
        get;
        init => field = FieldRules.Checked(_checked, value, FieldRules.Finite, nameof(ReferenceTarget));
    }

    /// <summary>Gets the pillar the indicator belongs to, if it is tagged with one.</summary>
    public Pillar? Pillar { get; init; }

    /// <summary>Gets the foundation group the indicator belongs to, if any.</summary>
    public FoundationGroup? Foundation { get; init; }

    /// <summary>Gets free-text notes (definitions, caveats).</summary>
    public string? Notes { get; init; }

    /// <summary>Gets whether the indicator is stated in its source or provisional (modelled from what is public).</summary>
    /// <exception cref="ArgumentException">Set to an undefined status.</exception>
    public DefinitionStatus Status
    {
        get;
        init => field = FieldRules.Checked(_checked, value, FieldRules.Status, nameof(Status));
    } = DefinitionStatus.Confirmed;

    /// <summary>Gets what is missing and where the model comes from; required when <see cref="Status"/> is
    /// <see cref="DefinitionStatus.Provisional"/>, not allowed otherwise.</summary>
    public string? StatusNote { get; init; }

    /// <summary>Returns a copy of this definition with other goalposts (a scoring run's goalposts file).</summary>
    /// <param name="goalposts">The goalposts, or null for none.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentException">The goalposts have an end that is not finite, or lower ≥ upper.</exception>
    public IndicatorDefinition WithGoalposts(Goalposts? goalposts) => new(Code, Name, Measure, Unit, Polarity, ValidRange)
    {
        Points = Points, Source = Source, ReportingLevel = ReportingLevel, Frequency = Frequency, Denominator = Denominator,
        PerPopulation = PerPopulation, Goalposts = goalposts, ReferenceTarget = ReferenceTarget, Pillar = Pillar,
        Foundation = Foundation, Notes = Notes, Status = Status, StatusNote = StatusNote,
    };

    /// <summary>Compares two definitions by value.</summary>
    /// <param name="left">The first definition.</param>
    /// <param name="right">The second definition.</param>
    /// <returns>True when both are null or every member is equal.</returns>
    public static bool operator ==(IndicatorDefinition? left, IndicatorDefinition? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two definitions by value.</summary>
    /// <param name="left">The first definition.</param>
    /// <param name="right">The second definition.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(IndicatorDefinition? left, IndicatorDefinition? right) => !(left == right);

    /// <inheritdoc/>
    public bool Equals(IndicatorDefinition? other) =>
        other is not null
        && string.Equals(Code, other.Code, StringComparison.Ordinal)
        && Name == other.Name
        && Measure == other.Measure
        && string.Equals(Unit, other.Unit, StringComparison.Ordinal)
        && Polarity == other.Polarity
        && ValidRange.Equals(other.ValidRange)
        && Points == other.Points
        && string.Equals(Source, other.Source, StringComparison.Ordinal)
        && ReportingLevel == other.ReportingLevel
        && Frequency == other.Frequency
        && string.Equals(Denominator, other.Denominator, StringComparison.Ordinal)
        && Nullable.Equals(PerPopulation, other.PerPopulation)
        && Goalposts == other.Goalposts
        && Nullable.Equals(ReferenceTarget, other.ReferenceTarget)
        && Pillar == other.Pillar
        && Foundation == other.Foundation
        && string.Equals(Notes, other.Notes, StringComparison.Ordinal)
        && Status == other.Status
        && string.Equals(StatusNote, other.StatusNote, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as IndicatorDefinition);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Code), Name, Measure, Polarity, ValidRange);

    /// <inheritdoc/>
    public override string ToString() => Code;
}
