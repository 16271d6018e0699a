using CsvHelper;

namespace DxIndicators.Catalog;

/// <summary>A DTI recomputed from published parts by <see cref="PublishedDti.Recompute"/>.</summary>
/// <param name="FrameworkId">The framework used.</param>
/// <param name="Overall">The recomputed DTI.</param>
/// <param name="Government">The recomputed digital-government pillar, when the framework scores pillars from the inputs.</param>
/// <param name="Economy">The recomputed digital-economy pillar, likewise.</param>
/// <param name="Society">The recomputed digital-society pillar, likewise.</param>
public sealed record RecomputedDti(string FrameworkId, double Overall, double? Government, double? Economy, double? Society);
