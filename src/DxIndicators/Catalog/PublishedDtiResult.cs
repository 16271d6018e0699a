using CsvHelper;
using DxIndicators.Scoring;

namespace DxIndicators.Catalog;

/// <summary>One published provincial DTI result (or provincial mean) of one round, with its public source.</summary>
/// <param name="Year">The DTI round (the year assessed, published the following year).</param>
/// <param name="Unit">The unit id in <see cref="Units.BuiltIn.VietnamProvinces"/> (<c>11@2004</c>, <c>48@2025</c>), or <c>VN</c> for a provincial mean.</param>
/// <param name="Name">The unit's name as the source prints it (merged units marked "(new)" / "(old)").</param>
/// <param name="Kind">A province's result or the provincial mean.</param>
/// <param name="FrameworkId">The built-in framework of the method the round used.</param>
/// <param name="Source">The public source.</param>
public sealed record PublishedDtiResult(int Year, string Unit, string Name, PublishedRowKind Kind, string FrameworkId, PublishedSource Source)
{
    /// <summary>Gets the published DTI value (0–1), when printed.</summary>
    public double? Overall { get; init; }

    /// <summary>Gets the published rank and its ranking universe (63 units before the 2025 merger, 34 after), when printed.</summary>
    public UnitRank? Rank { get; init; }

    /// <summary>Gets the published digital-government pillar value (chính quyền số), when printed.</summary>
    public double? Government { get; init; }

    /// <summary>Gets the published digital-economy pillar value (kinh tế số), when printed.</summary>
    public double? Economy { get; init; }

    /// <summary>Gets the published digital-society pillar value (xã hội số), when printed.</summary>
    public double? Society { get; init; }

    /// <summary>Gets the published main-index values by framework indicator code (AWR … SOC); empty when not printed.</summary>
    public IReadOnlyDictionary<string, double> MainIndices { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>Gets the published pillar ranks as printed (<c>government/economy/society</c>), when printed.</summary>
    public string? PillarRanks { get; init; }

    /// <summary>Gets how the figures were obtained.</summary>
    public PublishedDerivation Derivation { get; init; } = PublishedDerivation.Printed;

    /// <summary>Gets caveats (arithmetic checks, disagreements between sources).</summary>
    public string? Note { get; init; }

    /// <summary>Gets the unit code without its vintage (<c>11</c> for <c>11@2004</c> and <c>11@2025</c>).</summary>
    public string UnitCode => Unit.Split('@')[0];
}
