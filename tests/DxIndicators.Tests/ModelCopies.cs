using DxIndicators.Data;
using DxIndicators.Model;
using NodaTime;

namespace DxIndicators.Tests;

/// <summary>Test-side copies of model values with one member changed (the model types have no <c>with</c>): a test
/// breaks one thing this way and lets the framework checks report it.</summary>
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
        new(id ?? m.Id, version ?? m.Version, name ?? m.Name, methodologySource ?? m.MethodologySource, m.EffectiveFrom, scale ?? m.Scale)
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
        return new FrameworkNode(d.Code, d.Name, d.Kind, d.Children)
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
}
