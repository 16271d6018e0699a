using CsvHelper;

namespace DxIndicators.Catalog;

/// <summary>How a published row's figures were obtained.</summary>
public enum PublishedDerivation
{
    /// <summary>Printed as such in the source.</summary>
    Printed,

    /// <summary>Derived from a printed figure and a printed change (a later value minus an increase, a rank ± places); approximate.</summary>
    Derived,

    /// <summary>Printed, but the source's wording leaves the round (year) ambiguous; the year is inferred (see the note).</summary>
    InferredYear,
}
