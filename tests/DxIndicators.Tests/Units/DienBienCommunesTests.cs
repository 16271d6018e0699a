using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using DxIndicators.Catalog;
using DxIndicators.Data;
using DxIndicators.Units;
using DxIndicators.Model;
using NodaTime;

namespace DxIndicators.Tests.Units;

public class DienBienCommunesTests
{
    private static readonly LocalDate FirstDay = new(2025, 7, 1);
    private static readonly LocalDate LastOldDay = new(2025, 6, 30);
    private const string SourcesResource = "DxIndicators.Catalog.units/vn-dien-bien-communes-2025-sources.csv";

    private static readonly string[] Statuses = ["confirmed", "proposal", "name-only", "unconfirmed", "unnamed"];

    private sealed record SourceRow(string Id, string NameVi, string Kind, string Status, string[] Predecessors, string Source, string Note);

    private static List<SourceRow> ReadSources()
    {
        using Stream stream = typeof(BuiltIn).Assembly.GetManifestResourceStream(SourcesResource)!;
        using var reader = new StreamReader(stream);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        csv.Read();
        csv.ReadHeader();
        var rows = new List<SourceRow>();
        while (csv.Read())
        {
            string preds = csv.GetField("predecessors")!;
            rows.Add(new SourceRow(csv.GetField("id")!, csv.GetField("name_vi")!, csv.GetField("kind")!, csv.GetField("status")!,
                preds.Length == 0 ? [] : preds.Split(';'), csv.GetField("source")!, csv.GetField("note")!));
        }

        return rows;
    }

    private static List<AdministrativeUnit> NewUnits(UnitRegistry registry) =>
        [.. registry.Children(registry.Get("11@2025")).Where(u => u.Level == AdminLevel.Commune && u.IsValidOn(FirstDay))];

    [Fact]
    public void Registry_HasTheFortyFiveUnitsOfResolution1661_FortyTwoCommunesAndThreeWards()
    {
        // Resolution 1661/NQ-UBTVQH15 (2025-06-16): from 2025-07-01 Điện Biên has 45 commune-level units, 42 communes and
        // 3 wards (TTXVN, https://lite.baomoi.com/45-don-vi-hanh-chinh-cap-xa-cua-tinh-dien-bien-nam-2025-c52554752.epi).
        UnitRegistry registry = UnitCatalog.DienBienCommunes;
        List<AdministrativeUnit> units = NewUnits(registry);

        units.Should().HaveCount(45);
        units.Count(u => u.Kind == UnitKind.Commune).Should().Be(42);
        units.Where(u => u.Kind == UnitKind.Ward).Select(u => u.NameVi).Should().BeEquivalentTo("Điện Biên Phủ", "Mường Thanh", "Mường Lay");
        units.Should().OnlyContain(u => u.ValidFrom == FirstDay && u.ValidTo == null && u.Vintage == BuiltIn.Vintage2025);
        registry.Units.Take(BuiltIn.VietnamProvinces.Units.Count).Should().Equal(BuiltIn.VietnamProvinces.Units);
    }

    [Fact]
    public void Lineage_DienBienPhuWard_FormedFromFiveWardsAndThanhMinhCommune()
    {
        // Resolution 1661/NQ-UBTVQH15 as quoted by https://en.wikipedia.org/wiki/Him_Lam (article "Điện Biên Phủ"): the ward
        // is formed from Him Lam, Mường Thanh, Tân Thanh, Thanh Bình and Thanh Trường wards and Thanh Minh commune.
        UnitRegistry registry = UnitCatalog.DienBienCommunes;
        AdministrativeUnit ward = registry.Get("11-dien-bien-phu@2025");

        registry.Predecessors(ward).Should().OnlyContain(l => l.Effective == FirstDay);
        registry.Predecessors(ward).Select(l => registry.Get(l.PredecessorId).NameVi)
            .Should().BeEquivalentTo("Him Lam", "Mường Thanh", "Tân Thanh", "Thanh Bình", "Thanh Trường", "Thanh Minh");
        AdministrativeUnit himLam = registry.Resolve("11-him-lam", LastOldDay);
        himLam.Kind.Should().Be(UnitKind.Ward);
        registry.TryResolve("11-him-lam", FirstDay, out _).Should().BeFalse();
        registry.SuccessorOn(himLam, FirstDay).Should().Be(ward);

        // The same resolution (https://en.wikipedia.org/wiki/M%C6%B0%E1%BB%9Dng_Thanh): the new Mường Thanh ward is formed from
        // Noong Bua and Nam Thanh wards and Thanh Xương commune, not from the former Mường Thanh ward.
        AdministrativeUnit muongThanh = registry.Get("11-muong-thanh@2025");
        registry.Predecessors(muongThanh).Select(l => registry.Get(l.PredecessorId).NameVi).Should().BeEquivalentTo("Noong Bua", "Nam Thanh", "Thanh Xương");
        registry.SuccessorOn(registry.Get("11-muong-thanh@2004"), FirstDay).Should().Be(ward);
    }

    [Fact]
    public void Sources_EveryNewUnitHasAStatusAndSource_OnlyConfirmedOnesCarryLineage()
    {
        UnitRegistry registry = UnitCatalog.DienBienCommunes;
        List<SourceRow> rows = ReadSources();
        List<AdministrativeUnit> units = NewUnits(registry);

        rows.Select(r => r.Id).Should().BeEquivalentTo(units.Select(u => u.Id));
        rows.Should().OnlyContain(r => Statuses.Contains(r.Status) && r.Source.Length > 0);
        rows.Count(r => r.Status == "unnamed").Should().Be(22);
        rows.Where(r => r.Status == "unnamed").Should().OnlyContain(r => r.NameVi.Length == 0 && r.Predecessors.Length == 0);
        rows.Where(r => r.Status != "unnamed").Should().OnlyContain(r => registry.Get(r.Id).NameVi == r.NameVi
            && (r.Source.Contains("https://", StringComparison.Ordinal) || r.Source.Contains("search returned no URL", StringComparison.Ordinal)));

        foreach (SourceRow row in rows)
        {
            var linked = registry.Predecessors(registry.Get(row.Id)).Select(l => registry.Get(l.PredecessorId).NameVi).ToList();
            if (row.Status == "confirmed")
            {
                linked.Should().BeEquivalentTo(row.Predecessors, row.Id);
            }
            else
            {
                linked.Should().BeEmpty($"{row.Id} is {row.Status}: its lineage is not confirmed, so the registry has no links for it");
            }
        }

        // 9 units with confirmed lineage, 33 former units; each former unit goes whole into one new unit.
        rows.Count(r => r.Status == "confirmed").Should().Be(9);
        var old = registry.Units.Where(u => u.Vintage == BuiltIn.Vintage2004 && u.Level == AdminLevel.Commune).ToList();
        old.Should().HaveCount(33).And.OnlyContain(u => u.ValidTo == LastOldDay && u.ParentId == "11@2004");
        old.Should().OnlyContain(u => registry.Successors(u).Count == 1);
    }

    [Fact]
    public void Rollup_CommuneSample_ReDerivesTheProvinceRates()
    {
        // Article 002 of the sample (Điện Biên Phủ Newspaper, 2025): fibre and 4G reach "100% of commune and ward
        // centres". Each of the 45 units has one centre, reached (1 of 1); summing the counts gives 45 / 45 = 100 %, the
        // province value of the sample.
        Dataset communes = FrameworkCatalog.GetDataset("dien-bien-communes-sample");
        communes.Units.Should().HaveCount(45);
        RollupResult result = AdminRollup.ToParents(communes, FrameworkCatalog.Get("dien-bien-sample"), UnitCatalog.DienBienCommunes);

        result.Problems.Should().BeEmpty();
        Dataset province = FrameworkCatalog.GetDataset("dien-bien-sample");
        foreach (string indicator in new[] { "INF-FIBRE-COMMUNE", "INF-4G-COMMUNE-CENTRE" })
        {
            RolledUpObservation rolled = result.Details.Should().ContainSingle(d => d.Observation.Indicator == indicator).Subject;
            rolled.IsComplete.Should().BeTrue();
            rolled.Children.Should().HaveCount(45);
            rolled.Observation.Unit.Should().Be("11");
            rolled.Observation.Numerator.Should().Be(45);
            rolled.Observation.Denominator.Should().Be(45);
            Observation published = province.Series("11", indicator).Should().ContainSingle(o => o.Period == ReportingPeriod.FromYear(2025)).Subject;
            rolled.Observation.Value.Should().Be(published.Value).And.Be(100);
        }
    }
}
