using DxIndicators.Data;
using DxIndicators.Units;

namespace DxIndicators.Catalog;

/// <summary>Built-in unit registries beyond the provinces of <see cref="BuiltIn.VietnamProvinces"/>, read from embedded
/// unit files (<c>Catalog/Resources/units/</c>, format of <see cref="UnitRegistryCsv"/>).</summary>
public static class UnitCatalog
{
    internal const string DienBienCommunesResource = "DxIndicators.Catalog.units/vn-dien-bien-communes-2025.csv";

    internal const string DienBienSuccessionsResource = "DxIndicators.Catalog.units/vn-dien-bien-successions-2025.csv";

    private static readonly Lazy<UnitRegistry> s_dienBienCommunes = new(LoadDienBienCommunes);

    /// <summary>Gets <see cref="BuiltIn.VietnamProvinces"/> extended by Điện Biên's 45 commune-level units valid from
    /// 2025-07-01 (Resolution 1661/NQ-UBTVQH15: 42 communes and 3 wards, parent <c>11@2025</c>) and the former communes,
    /// wards and townships whose succession is confirmed in public sources (valid to 2025-06-30, parent
    /// <c>11@2004</c>), with those lineage links effective 2025-07-01.</summary>
    /// <value>The registry (built once from the embedded <c>vn-dien-bien-communes-2025.csv</c> and
    /// <c>vn-dien-bien-successions-2025.csv</c>; see docs/units.md).</value>
    /// <remarks>Codes are project keys (<c>11-</c> and the ASCII name; ids <c>key@2025</c> and <c>key@2004</c>), not
    /// the GSO codes of Decision 19/2025/QĐ-TTg, which were not read. Of the 45 units, 23 are named from public sources
    /// and 22 are slots named "Xã chưa xác định n/45" (not found in the sources read); 9 have confirmed predecessors (33
    /// former units). The per-unit status and source are in <c>vn-dien-bien-communes-2025-sources.csv</c>.</remarks>
    public static UnitRegistry DienBienCommunes => s_dienBienCommunes.Value;

    private static UnitRegistry LoadDienBienCommunes()
    {
        using var units = new StreamReader(Open(DienBienCommunesResource));
        using var links = new StreamReader(Open(DienBienSuccessionsResource));
        return UnitRegistryCsv.Read(units, DienBienCommunesResource, links, DienBienSuccessionsResource, BuiltIn.VietnamProvinces).GetValueOrThrow();
    }

    private static Stream Open(string name) =>
        typeof(UnitCatalog).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource '{name}' is missing from {typeof(UnitCatalog).Assembly.GetName().Name}.");
}
