using System.Globalization;
using DxIndicators.Formats;
using DxIndicators.Model;
using NodaTime;
using NodaTime.Text;

namespace DxIndicators.Units;

/// <summary>Built-in unit registries.</summary>
public static class BuiltIn
{
    /// <summary>The vintage label of the provincial code list of Decision 124/2004/QĐ-TTg (valid up to 2025-06-30).</summary>
    public const string Vintage2004 = "2004";

    /// <summary>The vintage label of the provincial code list of Decision 19/2025/QĐ-TTg (valid from 2025-07-01).</summary>
    public const string Vintage2025 = "2025";

    /// <summary>The resource name of the embedded merge map (a copy of <c>shared/data/vn-admin-2025/provinces.csv</c>).</summary>
    internal const string ProvincesResource = "DxIndicators.Catalog.units/vn-provinces-2025.csv";

    private static readonly Lazy<UnitRegistry> s_vietnamProvinces = new(LoadVietnamProvinces);

    // The six centrally-run cities, the same codes before and after the merger (vn-admin-2025 README, pitfall 4 and
    // units_2025.csv unit_type). Huế became one on 2025-01-01; the 2004-vintage unit is simplified to one kind.
    private static readonly HashSet<string> s_municipalities = new(StringComparer.Ordinal) { "01", "31", "46", "48", "79", "92" };

    private static readonly Dictionary<string, string> s_english = new(StringComparer.Ordinal)
    {
        ["01"] = "Hanoi",
        ["31"] = "Haiphong",
        ["79"] = "Ho Chi Minh City",
    };

    // Spelling variants from the vn-admin-2025 README, pitfall 6 (tone-mark placement, NFD, dashes and case are
    // handled by name normalisation and need no alias).
    private static readonly Dictionary<string, string[]> s_aliases = new(StringComparer.Ordinal)
    {
        ["46"] = ["Thừa Thiên Huế", "Thừa Thiên - Huế", "Thua Thien Hue"],
        ["79"] = ["TPHCM", "TP.HCM", "HCM", "HCMC", "Thành phố Hồ Chí Minh", "Ho Chi Minh City", "Sài Gòn", "Saigon"],
        ["01"] = ["Hanoi", "Hà Nội"],
        ["31"] = ["Haiphong"],
        ["67"] = ["Đăk Nông", "Đắc Nông"],
        ["66"] = ["Đăk Lăk", "Đắc Lắc"],
        ["77"] = ["Bà Rịa–Vũng Tàu", "Bà Rịa-Vũng Tàu", "BRVT"],
    };

    /// <summary>Gets Vietnam's provincial-level units: the nation <c>VN</c>, the 63 units of the 2004 code list
    /// (valid to 2025-06-30, ids <c>code@2004</c>) and the 34 of the 2025 list (valid from 2025-07-01, ids
    /// <c>code@2025</c>), with the merge map of Resolution 202/2025/QH15 as lineage links effective 2025-07-01.</summary>
    /// <value>The registry (built once from the embedded <c>vn-provinces-2025.csv</c>; see docs/units.md).</value>
    /// <remarks>Every 2004-vintage unit, unchanged ones included (Điện Biên 11@2004 → 11@2025), has exactly one
    /// successor. Start dates of 2004-vintage units are left open: earlier changes (Hà Tây into Hà Nội in 2008) are
    /// not modelled.</remarks>
    public static UnitRegistry VietnamProvinces => s_vietnamProvinces.Value;

    private static UnitRegistry LoadVietnamProvinces()
    {
        using Stream stream = typeof(BuiltIn).Assembly.GetManifestResourceStream(ProvincesResource)
            ?? throw new InvalidOperationException($"Embedded resource '{ProvincesResource}' is missing from {typeof(BuiltIn).Assembly.GetName().Name}.");
        using var text = new StreamReader(stream);
        return ParseProvinces(text);
    }

    internal static UnitRegistry ParseProvinces(TextReader text)
    {
        string[] columns = ["old_code", "old_name", "old_name_ascii", "new_code", "new_name", "new_name_ascii", "effective_date"];
        CsvTable table = CsvTable.Read(text, ProvincesResource);
        if (!table.Bind(columns, columns, unknownIsError: false))
        {
            throw new InvalidOperationException($"{ProvincesResource}: " + string.Join("; ", table.Issues.Select(i => $"line {i.Line}: {i.Message}")));
        }

        var lastOld = new LocalDate(2025, 6, 30);
        var firstNew = new LocalDate(2025, 7, 1);
        const string nation = "VN";
        var units = new List<AdministrativeUnit>
        {
            new(nation, null, "Việt Nam", "Vietnam", "Viet Nam", AdminLevel.Nation, UnitKind.Nation, null, null, null, ["Viet Nam", "Vietnam", "Cộng hòa Xã hội chủ nghĩa Việt Nam"]),
        };
        var added = new HashSet<string>(StringComparer.Ordinal);
        var links = new List<UnitSuccession>();
        foreach (CsvRow row in table.Rows)
        {
            string Field(int column) => table.Get(row, column)!;
            string oldCode = Field(0);
            string newCode = Field(3);
            LocalDate effective = LocalDatePattern.Iso.Parse(Field(6)).GetValueOrThrow();
            if (effective != firstNew)
            {
                throw new InvalidOperationException($"{ProvincesResource}: row for old code '{oldCode}' has effective date {effective:uuuu-MM-dd}; expected 2025-07-01.");
            }

            units.Add(Make(oldCode, Vintage2004, Field(1), Field(2), null, lastOld));
            if (added.Add(newCode))
            {
                units.Add(Make(newCode, Vintage2025, Field(4), Field(5), firstNew, null));
            }

            links.Add(new UnitSuccession(oldCode + "@" + Vintage2004, newCode + "@" + Vintage2025, effective));
        }

        return new UnitRegistry(units, links);

        AdministrativeUnit Make(string code, string vintage, string name, string ascii, LocalDate? from, LocalDate? to) => new(
            code,
            vintage,
            name,
            s_english.GetValueOrDefault(code, ascii),
            ascii,
            AdminLevel.Province,
            s_municipalities.Contains(code) ? UnitKind.Municipality : UnitKind.Province,
            nation,
            from,
            to,
            AliasesFor(code));
    }

    // Aliases of retired codes (67, 77) can only reach the 2004 vintage: those codes have no 2025 unit.
    private static string[] AliasesFor(string code) => s_aliases.TryGetValue(code, out string[]? aliases) ? aliases : [];
}
