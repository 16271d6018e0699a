using NodaTime;

namespace DxIndicators.Model;

/// <summary>Goalposts for an indicator, always in the indicator's raw units (the library applies polarity).</summary>
/// <param name="Lower">The value that scores 0 (for higher-is-better).</param>
/// <param name="Upper">The value that scores 1 (for higher-is-better).</param>
public sealed record Goalposts(double Lower, double Upper);

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

/// <summary>A parent → child link in the indicator tree, carrying a relative weight and optionally max points.</summary>
/// <param name="Code">The child's code (a node or an indicator).</param>
/// <param name="Weight">The relative weight (≥ 0, finite); ignored when the parent aggregates by points.</param>
/// <param name="MaxPoints">The points the child is worth in this parent, if the parent aggregates by points.</param>
public sealed record NodeLink(string Code, double Weight = 1, double? MaxPoints = null)
{
    /// <summary>Gets the weight the parent uses: max points when given, else <see cref="Weight"/>.</summary>
    public double EffectiveWeight => MaxPoints ?? Weight;
}

/// <summary>An aggregate node of the indicator tree (index, pillar, main index, sub-index, component).</summary>
/// <param name="Code">The node code, unique within the framework (shared with indicator codes).</param>
/// <param name="Name">The bilingual name.</param>
/// <param name="Kind">The level of the node.</param>
/// <param name="Children">The links to children, in order.</param>
public sealed record FrameworkNode(string Code, LocalizedText Name, NodeKind Kind, ValueList<NodeLink> Children)
{
    /// <summary>Gets how the node combines its children (default weighted arithmetic mean).</summary>
    public AggregationMethod Aggregation { get; init; } = AggregationMethod.ArithmeticMean;

    /// <summary>Gets the exponent p of a generalised mean (required, non-zero, for <see cref="AggregationMethod.GeneralisedMean"/>).</summary>
    public double? Power { get; init; }

    /// <summary>Gets the share of children that must be present for the node to have a score (null: any one child suffices).</summary>
    public double? MinShare { get; init; }

    /// <summary>Gets the total points of the node, which its children's max points must add up to.</summary>
    public double? MaxPoints { get; init; }

    /// <summary>Gets the pillar the node represents or belongs to.</summary>
    public Pillar? Pillar { get; init; }

    /// <summary>Gets the foundation group the node represents.</summary>
    public FoundationGroup? Foundation { get; init; }

    /// <summary>Gets whether the node (its children, points and weights) is stated in its source or provisional (modelled from what is public).</summary>
    public DefinitionStatus Status { get; init; } = DefinitionStatus.Confirmed;

    /// <summary>Gets what is missing and where the model comes from; required when <see cref="Status"/> is
    /// <see cref="DefinitionStatus.Provisional"/>, not allowed otherwise.</summary>
    public string? StatusNote { get; init; }
}

/// <summary>The starting point a target is measured from.</summary>
/// <param name="Value">The baseline value, in the indicator's unit.</param>
/// <param name="Date">The date the baseline refers to.</param>
public sealed record TargetBaseline(double Value, LocalDate Date);

/// <summary>A dated target on an indicator, with its legal source ("100% by 30 June 2025", Resolution 57-NQ/TW).</summary>
/// <param name="Code">The target code, unique within its catalogue.</param>
/// <param name="Indicator">The code of the indicator the target applies to.</param>
/// <param name="Comparator">The comparison.</param>
/// <param name="Threshold">The threshold (lower end for <see cref="Comparator.Between"/>; N for <see cref="Comparator.RankAtMost"/>).</param>
/// <param name="Deadline">The date by which the target must be met.</param>
/// <param name="LegalSource">The legal instrument that sets it.</param>
public sealed record TargetRule(string Code, string Indicator, Comparator Comparator, double Threshold, LocalDate Deadline, string LegalSource)
{
    /// <summary>Gets the upper threshold of a <see cref="Comparator.Between"/> target.</summary>
    public double? UpperThreshold { get; init; }

    /// <summary>Gets the optional baseline.</summary>
    public TargetBaseline? Baseline { get; init; }

    /// <summary>Gets an optional bilingual description.</summary>
    public LocalizedText? Name { get; init; }

    /// <summary>Gets where the target is printed: the article or clause of <see cref="LegalSource"/> and a public URL of
    /// its text or of a report quoting it (<c>Điều 1, mục II.2 — https://…</c>); null when not recorded.</summary>
    public string? Reference { get; init; }

    /// <summary>Gets whether the target is stated in its source or provisional (modelled from what is public).</summary>
    public DefinitionStatus Status { get; init; } = DefinitionStatus.Confirmed;

    /// <summary>Gets what is missing and where the model comes from; required when <see cref="Status"/> is
    /// <see cref="DefinitionStatus.Provisional"/>, not allowed otherwise.</summary>
    public string? StatusNote { get; init; }

    /// <summary>Gets the codes of the targets (in the same or another catalogue) this one replaces, for example a
    /// provincial target that raises a national threshold for the province; empty when none.</summary>
    public ValueList<string> Supersedes { get; init; } = ValueList<string>.Empty;
}
