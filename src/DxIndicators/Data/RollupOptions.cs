using DxIndicators.Model;

namespace DxIndicators.Data;

/// <summary>Options for rolling observations up the administrative tree or onto successor units.</summary>
/// <remarks>Immutable after initialisation.</remarks>
public sealed class RollupOptions
{
    /// <summary>Gets the default options.</summary>
    public static RollupOptions Default { get; } = new();

    /// <summary>Gets the population indicator used to weight per-population indicators that name no
    /// <see cref="IndicatorDefinition.Denominator"/> of their own.</summary>
    public string? PopulationIndicator { get; init; }

    /// <summary>Gets weight indicators for percentages and index scores without counts (indicator code → weight
    /// indicator code); such values are rolled up as Σ value·weight / Σ weight.</summary>
    public IReadOnlyDictionary<string, string>? Weights { get; init; }

    /// <summary>Gets the indicators to roll up; null means every framework indicator that has data.</summary>
    public IReadOnlyList<string>? Indicators { get; init; }

    /// <summary>Gets a value indicating whether an aggregate may be formed when some children have no value
    /// (default false: such aggregates are not formed and are reported with rule <c>incomplete-children</c>).</summary>
    /// <remarks>When allowed, the aggregate lists the missing children, and its qualifier becomes a lower bound for
    /// non-negative counts and money (the missing parts can only add), or an estimate otherwise.</remarks>
    public bool AllowMissingChildren { get; init; }
}
