using DxIndicators.Catalog;
using DxIndicators.Data;
using DxIndicators.Storage;
using NodaTime;

namespace DxIndicators.Tests.Storage;

public class VintageTests
{
    private static readonly Observation Figure = new("11", "GOV-ONLINE-PROC", ReportingPeriod.FromYear(2025), 78) { Qualifier = Qualifier.LowerBound };

    [Fact]
    public void A_vintage_is_known_from_its_first_day_until_the_day_before_it_was_replaced()
    {
        var closed = new Vintage(Figure, new LocalDate(2026, 1, 10), new LocalDate(2026, 3, 1), 1);
        closed.IsOpen.Should().BeFalse();
        closed.IsKnownOn(new LocalDate(2026, 1, 9)).Should().BeFalse();
        closed.IsKnownOn(new LocalDate(2026, 1, 10)).Should().BeTrue();
        closed.IsKnownOn(new LocalDate(2026, 2, 28)).Should().BeTrue();
        closed.IsKnownOn(new LocalDate(2026, 3, 1)).Should().BeFalse("on the revision day the new figure is the known one");
    }

    [Fact]
    public void An_open_vintage_is_known_on_every_later_day_and_an_empty_one_on_none()
    {
        var open = new Vintage(Figure, new LocalDate(2026, 1, 10), null, 1);
        open.IsOpen.Should().BeTrue();
        open.IsKnownOn(new LocalDate(9999, 12, 31)).Should().BeTrue();
        var empty = new Vintage(Figure, new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 1), 2);
        empty.IsKnownOn(new LocalDate(2026, 3, 1)).Should().BeFalse();
    }

    [Fact]
    public void A_stored_result_carries_the_framework_and_the_sha256_of_what_it_holds()
    {
        var framework = FrameworkCatalog.Get("dien-bien-sample");
        StoredResult result = StoredResult.Create("score", new LocalDate(2026, 2, 1), framework, null, "score", "abc");

        // SHA-256("abc") from FIPS 180-2, appendix B.1.
        result.OutputSha256.Should().Be("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        result.FrameworkVersion.Should().Be(framework.Metadata.Version);
        result.ReadFramework().Should().Be(framework);
        result.TargetsSha256.Should().BeNull();
        result.ReadTargets().Should().BeNull();
    }
}
