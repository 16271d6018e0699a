using System.Globalization;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Units;
using NodaTime;

namespace DxIndicators.Tests.Units;

public class UnitRegistryCsvTests
{
    private const string Header = "id,code,vintage,level,kind,name_vi,name_en,parent,valid_from,valid_to";

    // Điện Biên's three wards from 2025-07-01 (Resolution 1661/NQ-UBTVQH15; shared/data/vn-admin-2025/README.md:
    // 42 xã and 3 phường). The five-digit codes are illustrative, not the official GSO codes.
    private const string DienBienWards = Header + ",aliases\n" +
        "03127@2025,03127,2025,commune,ward,Điện Biên Phủ,Dien Bien Phu,11@2025,2025-07-01,,Phường Điện Biên Phủ\n" +
        "03128@2025,03128,2025,commune,ward,Mường Thanh,Muong Thanh,11@2025,2025-07-01,,\n" +
        "03151@2025,03151,2025,commune,ward,Mường Lay,Muong Lay,11@2025,2025-07-01,,Thị xã Mường Lay;Muong Lay Town\n";

    private static readonly LocalDate s_firstNew = new(2025, 7, 1);

    private static ReadResult<UnitRegistry> Read(string units, string? successions = null, UnitRegistry? baseRegistry = null) =>
        UnitRegistryCsv.Read(new StringReader(units), "units.csv", successions is null ? null : new StringReader(successions), "succ.csv", baseRegistry);

    [Fact]
    public void Read_EveryKindOfError_ReportsAllAtOnceWithLineColumnAndRule()
    {
        string units = Header + "\n" +
            "03127@2025,03127,2025,commune,ward,Điện Biên Phủ,,11@2025,2025-07-01,\n" +        // 2 good
            "X1@2025,X1,2025,hamlet,commune,A,,11@2025,2025-07-01,\n" +                        // 3 unknown level
            "X2@2025,X2,2025,commune,village,B,,11@2025,2025-07-01,\n" +                       // 4 unknown kind
            "X3@2025,X3,2025,commune,commune,C,,11@2025,2025-13-01,\n" +                       // 5 bad date
            "X4@2025,X4,2025,commune,commune,D,,11@2025,2025-07-02,2025-07-01\n" +             // 6 valid_to < valid_from
            "03127@2025,03127,2025,commune,ward,Trùng,,11@2025,,2020-01-01\n" +                // 7 duplicate id (no overlap)
            "X5@2025,X5,2025,commune,commune,E,,99@2025,2025-07-01,\n" +                       // 8 unknown parent
            "03127@2026,03127,2026,commune,ward,F,,11@2025,2025-08-01,\n" +                    // 9 code valid twice on a day
            "WRONG,X7,2025,commune,commune,G,,11@2025,2025-07-01,\n" +                         // 10 id not code@vintage
            "X8@2025,X8,2025,commune,commune,,,11@2025,2025-07-01,\n" +                        // 11 name_vi missing
            "11@x,11,x,province,province,Giả,,VN,2025-07-01,\n";                               // 12 code 11 = Điện Biên on 2025-07-01
        string successions = "predecessor,successor,effective_date\n" +
            "NOPE@2004,03127@2025,2025-07-01\n" +                                              // 2 unknown predecessor
            "03127@2025,03127@2026,2025-02-30\n" +                                             // 3 bad date
            "11@2004,03127@2025,2025-08-01\n";                                                 // 4 not the day after 11@2004 ends

        ReadResult<UnitRegistry> result = Read(units, successions, BuiltIn.VietnamProvinces);

        result.IsSuccess.Should().BeFalse();
        result.Value.Should().BeNull();
        result.Problems.Select(p => (p.Location, p.Field, p.Rule)).Should().Equal(
            ("units.csv:3", "level", ProblemRules.UnknownLevel),
            ("units.csv:4", "kind", ProblemRules.UnknownKind),
            ("units.csv:5", "valid_from", ProblemRules.BadDate),
            ("units.csv:6", "valid_to", ProblemRules.InvertedValidity),
            ("units.csv:7", "id", ProblemRules.DuplicateId),
            ("units.csv:8", "parent", ProblemRules.UnknownParent),
            ("units.csv:9", "code", ProblemRules.CodeOverlap),
            ("units.csv:10", "id", ProblemRules.BadId),
            ("units.csv:11", "name_vi", ProblemRules.MissingField),
            ("units.csv:12", "code", ProblemRules.CodeOverlap),
            ("succ.csv:2", "predecessor", ProblemRules.UnknownLinkUnit),
            ("succ.csv:3", "effective_date", ProblemRules.BadDate),
            ("succ.csv:4", "effective_date", ProblemRules.BadLinkDate));
        result.Problems[0].Message.Should().Contain("'hamlet'").And.Contain("commune");
        result.Problems[3].Message.Should().Contain("2025-07-01 is before validFrom 2025-07-02");
        result.Problems[9].Message.Should().Contain("'11@2025' (Điện Biên)").And.Contain("'11@x'");
        result.Problems[12].Message.Should().Contain("must be the day after the predecessor's last day 2025-06-30");
        result.Problems[0].ToString().Should().StartWith("units.csv:3, column 'level':");
        FluentActions.Invoking(result.GetValueOrThrow).Should().Throw<InvalidDataException>().WithMessage("*13 problem(s)*units.csv:8*99@2025*");
    }

    [Fact]
    public void Read_BadHeader_ReportsEveryColumnProblemAndNoRows()
    {
        ReadResult<UnitRegistry> result = Read("id,code,level,kind,colour,colour\nA,A,commune,commune,x,y\n");
        result.Problems.Select(p => (p.Location, p.Field, p.Rule)).Should().Equal(
            ("units.csv:1", "colour", ProblemRules.BadHeader),
            ("units.csv:1", "colour", ProblemRules.BadHeader),
            ("units.csv:1", "name_vi", ProblemRules.BadHeader));
    }

    [Fact]
    public void Read_ParentOfABadRow_IsNotAlsoReportedUnknown()
    {
        string units = Header + "\nP,P,,province,realm,Tỉnh,,,,\nC,C,,commune,commune,Xã,,P,,\n";
        ReadResult<UnitRegistry> result = Read(units);
        result.Problems.Should().ContainSingle().Which.Rule.Should().Be(ProblemRules.UnknownKind);
    }

    [Fact]
    public void WriteThenRead_BuiltInProvinces_GivesAnEqualRegistry()
    {
        UnitRegistry vn = BuiltIn.VietnamProvinces;
        (string units, string successions) = Write(vn.Units, vn.Successions);

        ReadResult<UnitRegistry> back = Read(units, successions);

        back.Problems.Should().BeEmpty();
        (back.Value == vn).Should().BeTrue();
        back.Value.Should().Be(vn);
        back.Value!.GetHashCode().Should().Be(vn.GetHashCode());
        // The aliases (README pitfall 6) and the English names that differ from the ASCII ones survive.
        back.Value.Get("79@2025").Aliases.Should().Contain("TPHCM");
        back.Value.Get("01@2025").NameEn.Should().Be("Hanoi");
        back.Value.Get("01@2025").NameAscii.Should().Be("Ha Noi");
    }

    [Fact]
    public void Read_DienBienWardsOnBuiltIn_ExtendsTheProvinceRegistry()
    {
        ReadResult<UnitRegistry> result = Read(DienBienWards, baseRegistry: BuiltIn.VietnamProvinces);

        result.Problems.Should().BeEmpty();
        UnitRegistry registry = result.Value!;
        registry.Units.Should().HaveCount(BuiltIn.VietnamProvinces.Units.Count + 3);
        AdministrativeUnit dienBien = registry.Get("11@2025");
        registry.Children(dienBien).Select(c => c.NameVi).Should().Equal("Điện Biên Phủ", "Mường Thanh", "Mường Lay");
        AdministrativeUnit ward = registry.Resolve("03151", s_firstNew);
        ward.Kind.Should().Be(UnitKind.Ward);
        ward.Level.Should().Be(AdminLevel.Commune);
        ward.NameAscii.Should().Be("Muong Lay"); // derived from name_vi when the column is absent
        registry.FindByName("Thị xã Mường Lay", s_firstNew).Should().Be(ward);
        registry.TryResolve("03127", new LocalDate(2025, 6, 30), out _).Should().BeFalse();
        registry.Resolve("11", s_firstNew).Should().Be(dienBien);
    }

    [Fact]
    public void With_SameUnits_EqualsReadingOnTheBase()
    {
        UnitRegistry read = Read(DienBienWards, baseRegistry: BuiltIn.VietnamProvinces).GetValueOrThrow();
        UnitRegistry wards = Read(DienBienWards.Replace("11@2025", string.Empty, StringComparison.Ordinal)).GetValueOrThrow();
        UnitRegistry with = BuiltIn.VietnamProvinces.With(wards.Units.Select(u => new AdministrativeUnit(
            u.Code, u.Vintage, u.NameVi, u.NameEn, u.NameAscii, u.Level, u.Kind, "11@2025", u.ValidFrom, u.ValidTo, u.Aliases)));
        with.Should().Be(read);
    }

    [Fact]
    public void WriteThenRead_ExtensionOnly_RoundTripsOnTheBase()
    {
        UnitRegistry extended = Read(DienBienWards, baseRegistry: BuiltIn.VietnamProvinces).GetValueOrThrow();
        var added = extended.Units.Skip(BuiltIn.VietnamProvinces.Units.Count).ToList();
        (string units, string successions) = Write(added, []);
        Read(units, successions, BuiltIn.VietnamProvinces).Value.Should().Be(extended);
    }

    [Fact]
    public void WriteUnits_AliasWithSeparator_Throws()
    {
        var unit = new AdministrativeUnit("1", null, "A", "A", "A", AdminLevel.Province, UnitKind.Province, null, null, null, ["x;y"]);
        FluentActions.Invoking(() => UnitRegistryCsv.WriteUnits(new StringWriter(CultureInfo.InvariantCulture), [unit]))
            .Should().Throw<ArgumentException>().WithMessage("*'1'*'x;y'*';'*");
    }

    private static (string Units, string Successions) Write(IEnumerable<AdministrativeUnit> units, IEnumerable<UnitSuccession> successions)
    {
        using var u = new StringWriter(CultureInfo.InvariantCulture);
        using var s = new StringWriter(CultureInfo.InvariantCulture);
        UnitRegistryCsv.WriteUnits(u, units);
        UnitRegistryCsv.WriteSuccessions(s, successions);
        return (u.ToString(), s.ToString());
    }
}
