using DxIndicators.Model;
using DxIndicators.Units;
using NodaTime;

namespace DxIndicators.Tests.Units;

// Expected facts come from shared/data/vn-admin-2025/README.md (merge table, pitfalls 1, 4 and 6) and provinces.csv.
public class UnitRegistryTests
{
    private static readonly LocalDate s_lastOld = new(2025, 6, 30);
    private static readonly LocalDate s_firstNew = new(2025, 7, 1);
    private static UnitRegistry Vn => BuiltIn.VietnamProvinces;

    [Fact]
    public void VietnamProvinces_BeforeAndAfterMerger_Has63Then34Provinces()
    {
        Vn.Units.Count(u => u.Level == AdminLevel.Province && u.IsValidOn(s_lastOld)).Should().Be(63);
        Vn.Units.Count(u => u.Level == AdminLevel.Province && u.IsValidOn(s_firstNew)).Should().Be(34);
        Vn.Units.Should().ContainSingle(u => u.Level == AdminLevel.Nation).Which.Id.Should().Be("VN");
        Vn.Successions.Should().HaveCount(63).And.OnlyContain(s => s.Effective == s_firstNew);
    }

    [Fact]
    public void VietnamProvinces_After_HasSixMunicipalities()
    {
        Vn.Units.Where(u => u.IsValidOn(s_firstNew) && u.Kind == UnitKind.Municipality).Select(u => u.Code)
            .Should().BeEquivalentTo("01", "31", "46", "48", "79", "92");
    }

    [Fact]
    public void Resolve_Code24_IsBacGiangBeforeAndBacNinhAfter()
    {
        AdministrativeUnit before = Vn.Resolve("24", s_lastOld);
        AdministrativeUnit after = Vn.Resolve("24", s_firstNew);
        before.NameVi.Should().Be("Bắc Giang");
        before.Id.Should().Be("24@2004");
        after.NameVi.Should().Be("Bắc Ninh");
        after.Id.Should().Be("24@2025");
        before.Should().NotBe(after);
    }

    [Theory]
    [InlineData("15", "Yên Bái", "Lào Cai")]
    [InlineData("44", "Quảng Bình", "Quảng Trị")]
    [InlineData("52", "Bình Định", "Gia Lai")]
    [InlineData("80", "Long An", "Tây Ninh")]
    [InlineData("82", "Tiền Giang", "Đồng Tháp")]
    [InlineData("91", "Kiên Giang", "An Giang")]
    public void Resolve_ReassignedCodes_DependOnDate(string code, string before, string after)
    {
        Vn.Resolve(code, s_lastOld).NameVi.Should().Be(before);
        Vn.Resolve(code, s_firstNew).NameVi.Should().Be(after);
    }

    [Fact]
    public void Resolve_RetiredCodeAfterMerger_ThrowsNamingValidity()
    {
        Action act = () => Vn.Resolve("49", s_firstNew);
        act.Should().Throw<KeyNotFoundException>().WithMessage("*'49'*2025-07-01*49@2004 Quảng Nam*2025-06-30*");
    }

    [Fact]
    public void Successors_QuangNam_IsDaNangFrom20250701()
    {
        AdministrativeUnit quangNam = Vn.Resolve("49", s_lastOld);
        UnitSuccession link = Vn.Successors(quangNam).Should().ContainSingle().Subject;
        link.SuccessorId.Should().Be("48@2025");
        link.Effective.Should().Be(s_firstNew);
        Vn.Get(link.SuccessorId).NameVi.Should().Be("Đà Nẵng");
    }

    [Fact]
    public void Predecessors_NewDaNang_AreOldDaNangAndQuangNam()
    {
        Vn.Predecessors(Vn.Resolve("48", s_firstNew)).Select(l => l.PredecessorId).Should().BeEquivalentTo("48@2004", "49@2004");
        Vn.Predecessors(Vn.Resolve("79", s_firstNew)).Select(l => l.PredecessorId).Should().BeEquivalentTo("74@2004", "77@2004", "79@2004");
    }

    [Fact]
    public void DienBien_Unchanged_ContinuesUnderSameCodeAndName()
    {
        AdministrativeUnit old = Vn.Resolve("11", s_lastOld);
        AdministrativeUnit current = Vn.Resolve("11", s_firstNew);
        old.Id.Should().Be("11@2004");
        current.Id.Should().Be("11@2025");
        current.NameVi.Should().Be("Điện Biên");
        Vn.Successors(old).Should().ContainSingle().Which.SuccessorId.Should().Be("11@2025");
        Vn.Predecessors(current).Should().ContainSingle().Which.PredecessorId.Should().Be("11@2004");
    }

    [Fact]
    public void SuccessorOn_BeforeEffectiveDate_IsUnitItself()
    {
        AdministrativeUnit bacGiang = Vn.Resolve("24", new LocalDate(2024, 12, 31));
        Vn.SuccessorOn(bacGiang, s_lastOld).Should().BeSameAs(bacGiang);
        Vn.SuccessorOn(bacGiang, s_firstNew)!.Id.Should().Be("24@2025");
        Vn.SuccessorOn(Vn.Resolve("27", s_lastOld), s_firstNew)!.Id.Should().Be("24@2025");
    }

    [Fact]
    public void Children_Nation_AreAllProvincesOfBothVintages()
    {
        Vn.Children(Vn.Get("VN")).Should().HaveCount(63 + 34);
    }

    [Theory]
    [InlineData("Thừa Thiên Huế", "46@2004")]
    [InlineData("Thừa Thiên - Huế", "46@2004")]
    [InlineData("Hoà Bình", "17@2004")]
    [InlineData("Hòa Bình", "17@2004")]
    [InlineData("Tỉnh Thanh Hoá", "38@2004")]
    [InlineData("TP. Hồ Chí Minh", "79@2004")]
    [InlineData("TPHCM", "79@2004")]
    [InlineData("Thành phố Hồ Chí Minh", "79@2004")]
    [InlineData("Ho Chi Minh City", "79@2004")]
    [InlineData("Hanoi", "01@2004")]
    [InlineData("Haiphong", "31@2004")]
    [InlineData("Đăk Nông", "67@2004")]
    [InlineData("Đắc Nông", "67@2004")]
    [InlineData("Đăk Lăk", "66@2004")]
    [InlineData("Bà Rịa–Vũng Tàu", "77@2004")]
    [InlineData("Bà Rịa-Vũng Tàu", "77@2004")]
    [InlineData("ba ria - vung tau", "77@2004")]
    [InlineData("Bắc Ninh", "27@2004")]
    public void FindByName_SpellingVariantsBeforeMerger_FindUnit(string name, string id)
    {
        Vn.FindByName(name, new LocalDate(2024, 6, 1))!.Id.Should().Be(id);
    }

    [Fact]
    public void FindByName_NfdText_FindsUnit()
    {
        // Written out by hand: string.Normalize is a no-op under InvariantGlobalization.
        const string nfd = "Ho\u0300a Bi\u0300nh";
        nfd.Should().NotBe("Hòa Bình");
        Vn.FindByName(nfd, new LocalDate(2024, 6, 1))!.Id.Should().Be("17@2004");
        Vn.FindByName("\u0110ie\u0302\u0323n Bie\u0302n", s_firstNew)!.Id.Should().Be("11@2025");
    }

    [Fact]
    public void FindByName_AfterMerger_UsesNewUnits()
    {
        Vn.FindByName("Bắc Ninh", s_firstNew)!.Id.Should().Be("24@2025");
        Vn.FindByName("Bắc Giang", s_firstNew).Should().BeNull();
        Vn.FindByName("Huế", s_firstNew)!.Id.Should().Be("46@2025");
        Vn.FindByName("Nowhere", s_firstNew).Should().BeNull();
    }

    [Fact]
    public void Constructor_CodeValidTwiceOnSameDay_ThrowsListingEveryProblem()
    {
        AdministrativeUnit a = new("24", "a", "A", "A", "A", AdminLevel.Province, UnitKind.Province, null, null, new LocalDate(2025, 6, 30));
        AdministrativeUnit b = new("24", "b", "B", "B", "B", AdminLevel.Province, UnitKind.Province, "NOPE", new LocalDate(2025, 6, 1), null);
        Action act = () => _ = new UnitRegistry([a, b], [new UnitSuccession("24@a", "24@zzz", new LocalDate(2025, 7, 1))]);
        act.Should().Throw<ArgumentException>()
            .WithMessage("*3 problem(s)*Code '24' is valid for both '24@a'*parent 'NOPE'*successor '24@zzz'*");
    }

    [Fact]
    public void Constructor_LinkNotTheDayAfterPredecessorEnds_Throws()
    {
        AdministrativeUnit a = new("1", "x", "A", "A", "A", AdminLevel.Province, UnitKind.Province, null, null, new LocalDate(2025, 6, 30));
        AdministrativeUnit b = new("1", "y", "B", "B", "B", AdminLevel.Province, UnitKind.Province, null, new LocalDate(2025, 7, 1), null);
        Action act = () => _ = new UnitRegistry([a, b], [new UnitSuccession("1@x", "1@y", new LocalDate(2025, 8, 1))]);
        act.Should().Throw<ArgumentException>().WithMessage("*effective date 2025-08-01 must be the day after*2025-06-30*");
    }

    [Fact]
    public void AdministrativeUnit_InvertedDates_Throws()
    {
        Action act = () => _ = new AdministrativeUnit("1", null, "A", "A", "A", AdminLevel.Province, UnitKind.Province, null, new LocalDate(2025, 1, 2), new LocalDate(2025, 1, 1));
        act.Should().Throw<ArgumentException>().WithMessage("*validTo 2025-01-01 is before validFrom 2025-01-02*");
    }

    [Fact]
    public void EmbeddedCsv_MatchesMergeTableOfReadme()
    {
        // README "Merged (52 old units into 23 new ones)" + 11 unchanged.
        int merged = Vn.Units.Count(u => u.IsValidOn(s_firstNew) && u.Level == AdminLevel.Province && Vn.Predecessors(u).Count > 1);
        merged.Should().Be(23);
        Vn.Units.Where(u => u.IsValidOn(s_firstNew) && u.Level == AdminLevel.Province).Sum(u => Vn.Predecessors(u).Count).Should().Be(63);
    }

    [Fact]
    public void Equality_SameOrDifferentUnits_ComparesByContent()
    {
        var a = new AdministrativeUnit("1", null, "A", "A", "A", AdminLevel.Province, UnitKind.Province, null, null, null);
        var b = new AdministrativeUnit("1", null, "B", "B", "B", AdminLevel.Province, UnitKind.Province, null, null, null);
        (new UnitRegistry([a]) == new UnitRegistry([a])).Should().BeTrue();
        (new UnitRegistry([a]) != new UnitRegistry([b])).Should().BeTrue();
    }

    [Fact]
    public void With_UnknownParent_ThrowsListingTheProblem()
    {
        var orphan = new AdministrativeUnit("03127", "2025", "Điện Biên Phủ", "Dien Bien Phu", "Dien Bien Phu", AdminLevel.Commune, UnitKind.Ward, "11@2030", s_firstNew, null);
        FluentActions.Invoking(() => BuiltIn.VietnamProvinces.With([orphan])).Should().Throw<ArgumentException>()
            .WithMessage("*1 problem(s)*'03127@2025' names parent '11@2030'*");
    }
}
