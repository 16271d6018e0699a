using DxIndicators.Catalog;
using DxIndicators.Scoring;

namespace DxIndicators.Tests.Catalog;

/// <summary>
/// The built-in published DTI results (PublishedDti). Reference figures are the published values printed by the sources
/// each row cites (dti.gov.vn/xep-hang-2022 for 2022 main indices; dantri.com.vn 2025-10-21 and vtcnews.vn for 2024;
/// en.dangcongsan.vn for Bắc Ninh 2020; uongbi.gov.vn for Quảng Ninh 2020; vietnamnet.vn for Quảng Ninh 2022 pillars).
/// </summary>
public sealed class PublishedDtiDataTests
{
    [Fact]
    public void Results_EveryRowCitesAPublicSource_NeverAFileOfOurs()
    {
        PublishedDti.Results.Should().HaveCount(55);
        foreach (PublishedDtiResult row in PublishedDti.Results)
        {
            row.Source.Url.Should().StartWith("http", "row {0} {1}", row.Year, row.Name);
            row.Source.Publisher.Should().NotBeNullOrWhiteSpace();
            row.Source.ToString().Should().NotContainAny(".txt", "research/", "seed ", "dti.md");
        }
    }

    [Fact]
    public void Recompute_EveryRowWithPublicParts_MatchesThePublishedValuesWithin1e4()
    {
        var checkedRows = new List<string>();
        int pillarChecks = 0;
        foreach (PublishedDtiResult row in PublishedDti.Results)
        {
            if (PublishedDti.Recompute(row) is not { } computed || row.Overall is not { } published)
            {
                continue;
            }

            computed.Overall.Should().BeApproximately(published, 1e-4, "{0} {1} ({2})", row.Year, row.Name, row.FrameworkId);
            foreach ((double? p, double? c) in new[] { (row.Government, computed.Government), (row.Economy, computed.Economy), (row.Society, computed.Society) })
            {
                if (p is { } pv && c is { } cv)
                {
                    cv.Should().BeApproximately(pv, 1e-4, "pillar of {0} {1}", row.Year, row.Name);
                    pillarChecks++;
                }
            }

            checkedRows.Add($"{row.Year} {row.Unit}");
        }

        // 2020: Bắc Ninh, Quảng Ninh (pillar method); 2022: the five rows with published main indices.
        checkedRows.Should().BeEquivalentTo(["2020 27@2004", "2020 22@2004", "2022 48@2004", "2022 79@2004", "2022 22@2004", "2022 46@2004", "2022 92@2004"]);
        pillarChecks.Should().Be(3, "Quảng Ninh 2022 publishes its three pillars (0.7804 / 0.7187 / 0.6864) and its main indices");
    }

    [Fact]
    public void Recompute_RowWithoutItsParts_IsNull()
    {
        PublishedDtiResult dienBien2024 = PublishedDti.History("11").Single(r => r.Year == 2024);
        PublishedDti.Recompute(dienBien2024).Should().BeNull("Điện Biên's 2024 value and main indices are not published");
    }

    [Fact]
    public void History_DienBien_KeepsEachRankWithItsUniverse()
    {
        IReadOnlyList<PublishedDtiResult> history = PublishedDti.History("11");

        history.Select(r => (r.Year, r.Unit, r.Rank)).Should().Equal(
            (2022, "11@2004", new UnitRank(35, 63)),
            (2023, "11@2004", new UnitRank(24, 63)),
            (2024, "11@2025", new UnitRank(6, 34)));
        history[1].Derivation.Should().Be(PublishedDerivation.InferredYear, "the source's wording leaves DTI 2023 vs 2024 open");
        history.Should().OnlyContain(r => r.Overall == null, "no Điện Biên DTI value is printed in the sources");
    }

    [Fact]
    public void History_ExactId_SelectsOneVintage()
    {
        PublishedDti.History("48@2025").Select(r => (r.Year, r.Overall)).Should().Equal((2024, 0.7069));
        PublishedDti.History("48").Should().HaveCount(6, "old Đà Nẵng in the five rounds 2020–2024 (2024 in the 63-unit table) plus new Đà Nẵng 2024");
    }

    [Fact]
    public void Ranking_2024_IsPublishedInBothUniverses()
    {
        IReadOnlyList<PublishedDtiResult> after = PublishedDti.Ranking(2024, 34);
        IReadOnlyList<PublishedDtiResult> before = PublishedDti.Ranking(2024, 63);

        after.Select(r => r.Rank!.Value.Rank).Should().BeInAscendingOrder();
        after[0].Unit.Should().Be("01@2025");
        after.Should().Contain(r => r.Unit == "11@2025" && r.Rank == new UnitRank(6, 34));
        before.Should().Contain(r => r.Unit == "48@2004" && r.Overall == 0.8335);
        before.Should().OnlyContain(r => r.Unit.EndsWith("@2004", StringComparison.Ordinal));
        after.Should().OnlyContain(r => r.Unit.EndsWith("@2025", StringComparison.Ordinal));
    }

    [Fact]
    public void MergedDaNang2024_IsTheUnweightedMeanOfItsPredecessors()
    {
        // dantri.com.vn 2025-10-21: a merged unit's DTI is the unweighted mean of its predecessors' main indices, hence of their DTIs.
        double oldDaNang = PublishedDti.Ranking(2024, 63).Single(r => r.Unit == "48@2004").Overall!.Value;
        double quangNam = PublishedDti.Ranking(2024, 63).Single(r => r.Unit == "49@2004").Overall!.Value;
        double newDaNang = PublishedDti.Ranking(2024, 34).Single(r => r.Unit == "48@2025").Overall!.Value;

        ((oldDaNang + quangNam) / 2).Should().BeApproximately(newDaNang, 1e-4);
    }

    [Fact]
    public void ProvincialMeans_AreRowsOfTheirOwn_AndDisagreeingSourcesAreBothKept()
    {
        PublishedDti.ProvincialMeans(2022).Select(r => r.Overall).Should().BeEquivalentTo(new double?[] { 0.5786, 0.5763 });
        PublishedDti.ProvincialMeans(2024).Single().Should().Match<PublishedDtiResult>(r => r.Overall == 0.6961 && r.Government == 0.7582 && r.Rank == null);
        PublishedDti.History("VN").Should().BeEmpty("a provincial mean is not a province's result");
    }

    [Fact]
    public void Parse_BadRows_ReportsEveryProblemWithLineAndColumn()
    {
        string csv = string.Join('\n',
            "year,unit,name,kind,universe,rank,framework,overall,government,economy,society,AWR,INS,INF,HRD,SEC,GOV,ECO,SOC,derived,pillar_ranks,source_url,source_publisher,source_title,source_date,note",
            "2022,11@2004,Điện Biên,province,63,70,vn-dti-province-2022,1.5,,,,,,,,,,,,no,,https://dti.gov.vn/xep-hang-2022,MIC,,,",
            "20x2,11@2004,Điện Biên,region,63,1,vn-dti-province-2022,,,,,,,,,,,,,maybe,,notes.txt,,,2022-02-30,");

        Action act = () => PublishedDti.Parse(new StringReader(csv), "t.csv");

        act.Should().Throw<InvalidDataException>().Which.Message.Should().ContainAll(
            "t.csv:2: column 'overall': '1.5' is not a value in [0, 1]",
            "t.csv:2: columns 'rank'/'universe': '70/63'",
            "t.csv:3: column 'year'",
            "t.csv:3: column 'kind': 'region'",
            "t.csv:3: column 'derived': 'maybe'",
            "t.csv:3: column 'source_date'",
            "t.csv:3: every row needs a source_url");
    }
}
