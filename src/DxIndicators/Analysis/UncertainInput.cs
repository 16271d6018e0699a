using DxIndicators.Scoring;

namespace DxIndicators.Analysis;

/// <summary>One uncertain modelling choice (one input of a Sobol analysis).</summary>
public enum UncertainInput
{
    /// <summary>Link weights: uniform noise per level, or one of several supplied weight sets.</summary>
    Weights,

    /// <summary>The normaliser, one of a list.</summary>
    Normaliser,

    /// <summary>The aggregator of the chosen levels, one of a list.</summary>
    Aggregator,

    /// <summary>The imputation method, one of a list (may include none).</summary>
    Imputation,

    /// <summary>Outlier treatment on or off.</summary>
    Treatment,

    /// <summary>No indicator excluded, or one of a list excluded (its weight set to 0).</summary>
    Exclusion,
}
