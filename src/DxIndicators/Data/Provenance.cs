using NodaTime;

namespace DxIndicators.Data;

/// <summary>Where a figure comes from.</summary>
/// <param name="Source">The source (document, article file, URL).</param>
/// <param name="Published">The date it was published, if known.</param>
public sealed record Provenance(string Source, LocalDate? Published = null);
