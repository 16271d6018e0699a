using System.Text.Json.Serialization;
using DxIndicators.Model;
using NodaTime;

namespace DxIndicators.Serialization;

// The DTOs mirror the JSON format one to one. Every property is nullable so that a missing value is visible after
// reading; [JsonRequired] marks what the format requires, and JsonSchemaChecker reads that metadata (through the
// source-generated context) to report every missing field, unknown property and wrong type before anything is bound.
// Property declaration order is the order written.

/// <summary>The top-level framework document.</summary>
internal sealed class FrameworkDto
{
    [JsonRequired]
    public int? FormatVersion { get; set; }

    [JsonRequired]
    public string? Id { get; set; }

    [JsonRequired]
    public string? Version { get; set; }

    [JsonRequired]
    public LocalizedTextDto? Name { get; set; }

    public string? Description { get; set; }

    [JsonRequired]
    public string? MethodologySource { get; set; }

    [JsonRequired]
    public LocalDate? EffectiveFrom { get; set; }

    public LocalDate? EffectiveTo { get; set; }

    public int? ComponentCount { get; set; }

    [JsonRequired]
    public ScaleDto? Scale { get; set; }

    public Data.IndexCombination? MergerRule { get; set; }

    public string? UnitRegistry { get; set; }

    [JsonRequired]
    public string? Root { get; set; }

    [JsonRequired]
    public List<NodeDto>? Nodes { get; set; }

    [JsonRequired]
    public List<IndicatorDto>? Indicators { get; set; }

    public List<TargetDto>? Targets { get; set; }
}

/// <summary>The top-level target-catalogue document.</summary>
internal sealed class TargetCatalogDto
{
    [JsonRequired]
    public int? FormatVersion { get; set; }

    [JsonRequired]
    public string? Id { get; set; }

    [JsonRequired]
    public LocalizedTextDto? Name { get; set; }

    public string? Unit { get; set; }

    [JsonRequired]
    public List<IndicatorDto>? Indicators { get; set; }

    [JsonRequired]
    public List<TargetDto>? Targets { get; set; }
}

/// <summary>A bilingual text; a missing language is read as empty.</summary>
internal sealed class LocalizedTextDto
{
    public string? Vi { get; set; }

    public string? En { get; set; }
}

/// <summary>The output scale.</summary>
internal sealed class ScaleDto
{
    [JsonRequired]
    public double? Min { get; set; }

    [JsonRequired]
    public double? Max { get; set; }
}

/// <summary>An aggregate node.</summary>
internal sealed class NodeDto
{
    [JsonRequired]
    public string? Code { get; set; }

    [JsonRequired]
    public NodeKind? Kind { get; set; }

    public Pillar? Pillar { get; set; }

    public FoundationGroup? Foundation { get; set; }

    [JsonRequired]
    public LocalizedTextDto? Name { get; set; }

    public AggregationMethod? Aggregation { get; set; }

    public double? Power { get; set; }

    public double? MinShare { get; set; }

    public double? MaxPoints { get; set; }

    public DefinitionStatus? Status { get; set; }

    public string? StatusNote { get; set; }

    [JsonRequired]
    public List<LinkDto>? Children { get; set; }
}

/// <summary>A parent → child link.</summary>
internal sealed class LinkDto
{
    [JsonRequired]
    public string? Code { get; set; }

    public double? Weight { get; set; }

    public double? MaxPoints { get; set; }
}

/// <summary>An indicator definition.</summary>
internal sealed class IndicatorDto
{
    [JsonRequired]
    public string? Code { get; set; }

    [JsonRequired]
    public LocalizedTextDto? Name { get; set; }

    [JsonRequired]
    public MeasureKind? Measure { get; set; }

    [JsonRequired]
    public string? Unit { get; set; }

    [JsonRequired]
    public Polarity? Polarity { get; set; }

    public RangeDto? ValidRange { get; set; }

    public PointsDto? Points { get; set; }

    public string? Source { get; set; }

    public AdminLevel? ReportingLevel { get; set; }

    public Frequency? Frequency { get; set; }

    public string? Denominator { get; set; }

    public double? PerPopulation { get; set; }

    public GoalpostsDto? Goalposts { get; set; }

    public double? ReferenceTarget { get; set; }

    public Pillar? Pillar { get; set; }

    public FoundationGroup? Foundation { get; set; }

    public string? Notes { get; set; }

    public DefinitionStatus? Status { get; set; }

    public string? StatusNote { get; set; }
}

/// <summary>A valid range; a missing or null end is unbounded.</summary>
internal sealed class RangeDto
{
    public double? Min { get; set; }

    public double? Max { get; set; }
}

/// <summary>Goalposts in raw units.</summary>
internal sealed class GoalpostsDto
{
    [JsonRequired]
    public double? Lower { get; set; }

    [JsonRequired]
    public double? Upper { get; set; }
}

/// <summary>The type of a points rule (the <c>type</c> discriminator).</summary>
internal enum PointsRuleType
{
    Ratio,
    Steps,
    Categorical,
    Additive,
}

/// <summary>A points rule: one flat object whose <c>type</c> decides which of the specific fields apply.</summary>
internal sealed class PointsDto
{
    [JsonRequired]
    public PointsRuleType? Type { get; set; }

    [JsonRequired]
    public double? MaxPoints { get; set; }

    public double? FullAt { get; set; }

    public List<StepDto>? Steps { get; set; }

    public List<CategoryDto>? Categories { get; set; }

    public List<PartDto>? Parts { get; set; }
}

/// <summary>One step of a step table.</summary>
internal sealed class StepDto
{
    [JsonRequired]
    public double? Threshold { get; set; }

    [JsonRequired]
    public double? Points { get; set; }
}

/// <summary>One category of a categorical rule.</summary>
internal sealed class CategoryDto
{
    [JsonRequired]
    public double? Value { get; set; }

    [JsonRequired]
    public double? Fraction { get; set; }

    [JsonRequired]
    public string? Label { get; set; }
}

/// <summary>One part of an additive rule.</summary>
internal sealed class PartDto
{
    [JsonRequired]
    public string? Label { get; set; }

    [JsonRequired]
    public double? Fraction { get; set; }
}

/// <summary>A dated target.</summary>
internal sealed class TargetDto
{
    [JsonRequired]
    public string? Code { get; set; }

    [JsonRequired]
    public string? Indicator { get; set; }

    [JsonRequired]
    public Comparator? Comparator { get; set; }

    [JsonRequired]
    public double? Threshold { get; set; }

    public double? UpperThreshold { get; set; }

    [JsonRequired]
    public LocalDate? Deadline { get; set; }

    public BaselineDto? Baseline { get; set; }

    [JsonRequired]
    public string? LegalSource { get; set; }

    public LocalizedTextDto? Name { get; set; }

    public string? Reference { get; set; }

    public DefinitionStatus? Status { get; set; }

    public string? StatusNote { get; set; }

    public List<string>? Supersedes { get; set; }
}

/// <summary>A target's baseline.</summary>
internal sealed class BaselineDto
{
    [JsonRequired]
    public double? Value { get; set; }

    [JsonRequired]
    public LocalDate? Date { get; set; }
}

/// <summary>The source-generated serialization context of the framework and target-catalogue formats.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true,
    Converters = new[]
    {
        typeof(LocalDateIsoConverter),
        typeof(NodeKindNameConverter),
        typeof(PillarNameConverter),
        typeof(FoundationGroupNameConverter),
        typeof(AggregationMethodNameConverter),
        typeof(MeasureKindNameConverter),
        typeof(PolarityNameConverter),
        typeof(AdminLevelNameConverter),
        typeof(FrequencyNameConverter),
        typeof(ComparatorNameConverter),
        typeof(PointsRuleTypeNameConverter),
        typeof(IndexCombinationNameConverter),
        typeof(DefinitionStatusNameConverter),
    })]
[JsonSerializable(typeof(FrameworkDto))]
[JsonSerializable(typeof(TargetCatalogDto))]
internal sealed partial class FormatJsonContext : JsonSerializerContext;
