using DxIndicators.Scoring;

namespace DxIndicators.Analysis;

/// <summary>The drawn parameters of one sample: everything needed to rebuild its model.</summary>
/// <param name="Index">The sample's index (its row in the design).</param>
/// <param name="LinkWeights">The link weights, in the order of <see cref="WeightUncertainty.Links"/> (an excluded indicator's links are 0).</param>
/// <param name="Normaliser">The normaliser, or null when not varied.</param>
/// <param name="Aggregator">The aggregator of the varied levels, or null when not varied.</param>
/// <param name="Imputation">The imputation method, or null when not varied.</param>
/// <param name="Treated">Whether outliers are treated, or null when not varied.</param>
/// <param name="Excluded">The excluded indicator, or null when none is.</param>
/// <remarks>Immutable. <see cref="UncertainInputs.OptionsFor"/> turns it into the scoring options of a rebuild.</remarks>
public sealed record SampleParameters(long Index, ValueList<double> LinkWeights, Normaliser? Normaliser, Aggregator? Aggregator, ImputationMethod? Imputation, bool? Treated, string? Excluded)
{
    /// <summary>Gets the drawn aggregator of every aggregator choice, in the order of <see cref="UncertainInputs.AggregatorChoices"/> (empty when not varied; <see cref="Aggregator"/> is the first).</summary>
    public ValueList<Aggregator> Aggregators { get; init; } = ValueList<Aggregator>.Empty;
}
