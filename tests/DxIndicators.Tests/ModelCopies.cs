using DxIndicators.Data;
using DxIndicators.Model;
using NodaTime;

namespace DxIndicators.Tests;

/// <summary>Test-side copies of model values with one member changed (the model types have no <c>with</c>): a test
/// breaks one thing this way and lets the framework checks report it. The copies are built on the readers' deferred
/// path (<c>FieldRules.Mode.Deferred</c>), as a framework file with that one value would be read: the public
/// constructors would throw at the broken field instead of letting the validator report it with its JSON path.</summary>
internal static class ModelCopies
{
    /// <summary>Copies metadata, replacing the members given.</summary>
    public static FrameworkMetadata Changed(
        this FrameworkMetadata m,
        string? id = null,
        string? version = null,
        LocalizedText? name = null,
        string? methodologySource = null,
        OutputScale? scale = null,
        LocalDate? effectiveTo = null,
        IndexCombination? mergerRule = null,
        string? unitRegistry = null,
        int? componentCount = null) =>
        new(id ?? m.Id, version ?? m.Version, name ?? m.Name, methodologySource ?? m.MethodologySource, m.EffectiveFrom, scale ?? m.Scale, FieldRules.Mode.Deferred)
        {
            EffectiveTo = effectiveTo ?? m.EffectiveTo,
            Description = m.Description,
            MergerRule = mergerRule ?? m.MergerRule,
            UnitRegistry = unitRegistry ?? m.UnitRegistry,
            ComponentCount = componentCount ?? m.ComponentCount,
        };

    /// <summary>Copies a node, applying <paramref name="change"/> to a mutable draft of it.</summary>
    public static FrameworkNode Changed(this FrameworkNode n, Action<NodeDraft> change)
    {
        var d = new NodeDraft
        {
            Code = n.Code, Name = n.Name, Kind = n.Kind, Children = n.Children, Aggregation = n.Aggregation, Power = n.Power,
            MinShare = n.MinShare, MaxPoints = n.MaxPoints, Pillar = n.Pillar, Foundation = n.Foundation, Status = n.Status, StatusNote = n.StatusNote,
        };
        change(d);
        return new FrameworkNode(d.Code, d.Name, d.Kind, d.Children, FieldRules.Mode.Deferred)
        {
            Aggregation = d.Aggregation, Power = d.Power, MinShare = d.MinShare, MaxPoints = d.MaxPoints,
            Pillar = d.Pillar, Foundation = d.Foundation, Status = d.Status, StatusNote = d.StatusNote,
        };
    }

    /// <summary>A mutable copy of a node's members.</summary>
    internal sealed class NodeDraft
    {
        public required string Code { get; set; }
        public required LocalizedText Name { get; set; }
        public NodeKind Kind { get; set; }
        public required ValueList<NodeLink> Children { get; set; }
        public AggregationMethod Aggregation { get; set; }
        public double? Power { get; set; }
        public double? MinShare { get; set; }
        public double? MaxPoints { get; set; }
        public Pillar? Pillar { get; set; }
        public FoundationGroup? Foundation { get; set; }
        public DefinitionStatus Status { get; set; }
        public string? StatusNote { get; set; }
    }

    /// <summary>Copies an indicator, applying <paramref name="change"/> to a mutable draft of it.</summary>
    public static IndicatorDefinition Changed(this IndicatorDefinition i, Action<IndicatorDraft> change)
    {
        var d = new IndicatorDraft
        {
            Code = i.Code, Name = i.Name, Measure = i.Measure, Unit = i.Unit, Polarity = i.Polarity, ValidRange = i.ValidRange,
            Points = i.Points, Source = i.Source, ReportingLevel = i.ReportingLevel, Frequency = i.Frequency, Denominator = i.Denominator,
            PerPopulation = i.PerPopulation, Goalposts = i.Goalposts, ReferenceTarget = i.ReferenceTarget, Pillar = i.Pillar,
            Foundation = i.Foundation, Notes = i.Notes, Status = i.Status, StatusNote = i.StatusNote,
        };
        change(d);
        return new IndicatorDefinition(d.Code, d.Name, d.Measure, d.Unit, d.Polarity, d.ValidRange, FieldRules.Mode.Deferred)
        {
            Points = d.Points, Source = d.Source, ReportingLevel = d.ReportingLevel, Frequency = d.Frequency, Denominator = d.Denominator,
            PerPopulation = d.PerPopulation, Goalposts = d.Goalposts, ReferenceTarget = d.ReferenceTarget, Pillar = d.Pillar,
            Foundation = d.Foundation, Notes = d.Notes, Status = d.Status, StatusNote = d.StatusNote,
        };
    }

    /// <summary>Copies a target, applying <paramref name="change"/> to a mutable draft of it.</summary>
    public static TargetRule Changed(this TargetRule t, Action<TargetDraft> change)
    {
        var d = new TargetDraft
        {
            Code = t.Code, Indicator = t.Indicator, Comparator = t.Comparator, Threshold = t.Threshold, Deadline = t.Deadline,
            LegalSource = t.LegalSource, UpperThreshold = t.UpperThreshold, Baseline = t.Baseline, Name = t.Name, Reference = t.Reference,
            Status = t.Status, StatusNote = t.StatusNote, Supersedes = t.Supersedes,
        };
        change(d);
        return new TargetRule(d.Code, d.Indicator, d.Comparator, d.Threshold, d.Deadline, d.LegalSource, FieldRules.Mode.Deferred)
        {
            UpperThreshold = d.UpperThreshold, Baseline = d.Baseline, Name = d.Name, Reference = d.Reference,
            Status = d.Status, StatusNote = d.StatusNote, Supersedes = d.Supersedes,
        };
    }

    /// <summary>A link the validator checks (weight or points may break a rule).</summary>
    public static NodeLink Link(string code, double weight = 1, double? maxPoints = null) => new(code, weight, maxPoints, FieldRules.Mode.Deferred);

    /// <summary>A ratio rule the validator checks.</summary>
    public static RatioPointsRule Ratio(double maxPoints, double fullAt) => new(maxPoints, fullAt, FieldRules.Mode.Deferred);

    /// <summary>A step rule the validator checks.</summary>
    public static StepPointsRule Steps(double maxPoints, ValueList<PointsStep> steps) => new(maxPoints, steps, FieldRules.Mode.Deferred);

    /// <summary>A categorical rule the validator checks.</summary>
    public static CategoricalPointsRule Categories(double maxPoints, ValueList<CategoryFraction> categories) => new(maxPoints, categories, FieldRules.Mode.Deferred);

    /// <summary>An additive rule the validator checks.</summary>
    public static AdditivePointsRule Parts(double maxPoints, ValueList<PointsPart> parts) => new(maxPoints, parts, FieldRules.Mode.Deferred);

    /// <summary>A mutable copy of an indicator's members.</summary>
    internal sealed class IndicatorDraft
    {
        public required string Code { get; set; }
        public required LocalizedText Name { get; set; }
        public MeasureKind Measure { get; set; }
        public required string Unit { get; set; }
        public Polarity Polarity { get; set; }
        public NumericRange ValidRange { get; set; }
        public PointsRule? Points { get; set; }
        public string? Source { get; set; }
        public AdminLevel ReportingLevel { get; set; }
        public Frequency Frequency { get; set; }
        public string? Denominator { get; set; }
        public double? PerPopulation { get; set; }
        public Goalposts? Goalposts { get; set; }
        public double? ReferenceTarget { get; set; }
        public Pillar? Pillar { get; set; }
        public FoundationGroup? Foundation { get; set; }
        public string? Notes { get; set; }
        public DefinitionStatus Status { get; set; }
        public string? StatusNote { get; set; }
    }

    /// <summary>A mutable copy of a target's members.</summary>
    internal sealed class TargetDraft
    {
        public required string Code { get; set; }
        public required string Indicator { get; set; }
        public Comparator Comparator { get; set; }
        public double Threshold { get; set; }
        public LocalDate Deadline { get; set; }
        public required string LegalSource { get; set; }
        public double? UpperThreshold { get; set; }
        public TargetBaseline? Baseline { get; set; }
        public LocalizedText? Name { get; set; }
        public string? Reference { get; set; }
        public DefinitionStatus Status { get; set; }
        public string? StatusNote { get; set; }
        public required ValueList<string> Supersedes { get; set; }
    }
}
