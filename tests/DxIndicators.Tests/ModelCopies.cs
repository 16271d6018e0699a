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
}
