using CsvHelper;

namespace DxIndicators.Catalog;

/// <summary>What a published row describes.</summary>
public enum PublishedRowKind
{
    /// <summary>One provincial-level unit's published result.</summary>
    Province,

    /// <summary>The published average over all provinces of a round (a different measure from any province's value).</summary>
    ProvincialMean,
}
