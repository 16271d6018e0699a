using System.Collections.Concurrent;
using DxIndicators.Catalog;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Storage;
using NodaTime;

namespace DxIndicators.Tests.Storage;

/// <summary>
/// The behaviour every <see cref="IObservationStore"/> back end must have. Compiled into each back end's test project
/// (SQLite, PostgreSQL) with a fixture that opens a fresh store per test.
/// </summary>
/// <remarks>
/// The revision used throughout follows the Điện Biên seed (seed 002: the share of records processed online "is
/// estimated to reach over 78%"): the sample holds 78, lowerBound, provisional. The final 79.4 is an illustrative
/// revision, not a published figure.
/// </remarks>
public abstract class ObservationStoreSuite : IDisposable
{
    protected static readonly LocalDate January = new(2025, 1, 10);
    protected static readonly LocalDate March = new(2025, 3, 1);
    protected static readonly ReportingPeriod Year2025 = ReportingPeriod.FromYear(2025);

    /// <summary>Opens the test's store (the same one on every call; a new instance is a new writer).</summary>
    protected abstract IObservationStore OpenStore();

    /// <summary>Opens the test's store migrated only to <paramref name="version"/>.</summary>
    protected abstract IObservationStore OpenStoreAt(int version);

    /// <summary>Runs SQL against the test's store directly (to simulate other writers and old versions).</summary>
    protected abstract void ExecuteSql(string sql);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    protected static Dataset Sample => FrameworkCatalog.GetDataset("dien-bien-sample");

    protected static Observation Revised => new("11", "GOV-ONLINE-PROC", Year2025, 79.4)
    {
        Provenance = new Provenance("provincial report (illustrative final figure)", new LocalDate(2025, 2, 28)),
    };

    /// <summary>Every kind of field a dataset carries, including −0.0 and an empty source with a date.</summary>
    protected static Dataset EdgeData => new(
    [
        new Observation("01", "A", ReportingPeriod.FromYear(2024), -0.0),
        new Observation("01", "A", ReportingPeriod.FromHalfYear(2024, 2), double.Epsilon) { Qualifier = Qualifier.UpperBound },
        new Observation("01", "A", ReportingPeriod.FromQuarter(2024, 3), 1e308) { Qualifier = Qualifier.Estimate, Status = ObservationStatus.Provisional },
        new Observation("01", "A", ReportingPeriod.FromMonth(new YearMonth(2024, 7)), 0.1 + 0.2) { Restated = true },
        new Observation("01", "R", ReportingPeriod.FromDate(new LocalDate(2024, 7, 15)), 89.3) { Numerator = 2410, Denominator = 2699, Qualifier = Qualifier.LowerBound },
        new Observation("01", "S", ReportingPeriod.FromYear(2024), 5) { Provenance = new Provenance(string.Empty, new LocalDate(2024, 12, 31)) },
        new Observation("Ä-02", "S", ReportingPeriod.FromYear(2024), 6) { Provenance = new Provenance("tiếng Việt, \"quoted\"; semi") },
    ]);

    [SkippableFact]
    public void A_new_store_is_empty_and_at_the_current_schema_version()
    {
        using IObservationStore store = OpenStore();
        store.SchemaVersion.Should().Be(RelationalObservationStore.CurrentSchemaVersion);
        store.Latest().Count.Should().Be(0);
        store.ImportLog().Should().BeEmpty();
        store.Results().Should().BeEmpty();
    }

    [SkippableFact]
    public void Import_then_latest_returns_the_same_dataset_bit_for_bit()
    {
        using IObservationStore store = OpenStore();
        ImportSummary summary = store.Import(Sample, January, "sample");
        summary.Should().BeEquivalentTo(new { Added = (long)Sample.Count, Revised = 0L, Unchanged = 0L, KnownFrom = January, Note = "sample" });
        store.Latest().Should().Be(Sample);
        store.AsKnownOn(January).Should().Be(Sample);
        store.AsKnownOn(January.PlusDays(-1)).Count.Should().Be(0, "nothing was known before the first import");
    }

    [SkippableFact]
    public void Every_field_round_trips_exactly()
    {
        using IObservationStore store = OpenStore();
        store.Import(EdgeData, January);
        Dataset back = store.Latest();
        back.Should().Be(EdgeData);
        BitConverter.DoubleToInt64Bits(back.ValueOrNaN("01", "A", ReportingPeriod.FromYear(2024))).Should().Be(BitConverter.DoubleToInt64Bits(-0.0));
        back.TryGet("01", "S", ReportingPeriod.FromYear(2024), out Observation? s).Should().BeTrue();
        s!.Provenance.Should().Be(new Provenance(string.Empty, new LocalDate(2024, 12, 31)));
    }

    [SkippableFact]
    public void Importing_the_same_figures_again_changes_nothing()
    {
        using IObservationStore store = OpenStore();
        store.Import(Sample, January);
        ImportSummary again = store.Import(Sample, March);
        again.Should().BeEquivalentTo(new { Added = 0L, Revised = 0L, Unchanged = (long)Sample.Count });
        store.ChangedSince(March).Should().BeEmpty();
        store.History("11", "GOV-ONLINE-PROC").Where(v => v.Observation.Period == Year2025).ToList().Should().ContainSingle().Which.KnownFrom.Should().Be(January);
    }

    [SkippableFact]
    public void A_revision_closes_the_old_vintage_and_both_stay_queryable()
    {
        using IObservationStore store = OpenStore();
        store.Import(Sample, January);
        ImportSummary revision = store.Import(new Dataset([Revised]), March, "final figures");
        revision.Should().BeEquivalentTo(new { Added = 0L, Revised = 1L, Unchanged = 0L });

        IReadOnlyList<Vintage> history = store.History("11", "GOV-ONLINE-PROC").Where(v => v.Observation.Period == Year2025).ToList();
        history.Should().HaveCount(2);
        history[0].Observation.Should().Be(Sample.Series("11", "GOV-ONLINE-PROC").Single(o => o.Period == Year2025));
        history[0].KnownFrom.Should().Be(January);
        history[0].KnownTo.Should().Be(March);
        history[1].Observation.Should().Be(Revised);
        history[1].KnownFrom.Should().Be(March);
        history[1].IsOpen.Should().BeTrue();
        history[1].ImportId.Should().BeGreaterThan(history[0].ImportId);

        store.AsKnownOn(March.PlusDays(-1)).Should().Be(Sample, "the day before the revision shows what was known then");
        Dataset now = store.AsKnownOn(March);
        now.Should().Be(store.Latest());
        now.Count.Should().Be(Sample.Count);
        now.TryGet("11", "GOV-ONLINE-PROC", Year2025, out Observation? final).Should().BeTrue();
        final.Should().Be(Revised);
        store.ChangedSince(March).Select(v => v.Observation).Should().Equal(Revised);
        store.ChangedSince(January).Should().HaveCount(Sample.Count + 1);
    }

    [SkippableFact]
    public void A_revision_dated_before_the_figure_it_replaces_is_refused_and_nothing_is_imported()
    {
        using IObservationStore store = OpenStore();
        store.Import(Sample, March);
        var mixed = new Dataset([Revised, new Observation("11", "NEW-INDICATOR", Year2025, 1)]);
        Action act = () => store.Import(mixed, January);
        act.Should().Throw<ObservationStoreException>()
            .WithMessage("*known from 2025-01-10*unit '11', indicator 'GOV-ONLINE-PROC', period 2025 (known from 2025-03-01)*");
        store.Latest().Should().Be(Sample);
        store.ImportLog().Should().HaveCount(1);
    }

    [SkippableFact]
    public void Two_revisions_on_one_day_keep_both_and_the_later_is_known_that_day()
    {
        using IObservationStore store = OpenStore();
        store.Import(Sample, January);
        store.Import(new Dataset([Revised with { Value = 79.0 }]), March);
        store.Import(new Dataset([Revised]), March);
        IReadOnlyList<Vintage> history = store.History("11", "GOV-ONLINE-PROC").Where(v => v.Observation.Period == Year2025).ToList();
        history.Select(v => v.Observation.Value).Should().Equal(78, 79.0, 79.4);
        history[1].KnownFrom.Should().Be(March);
        history[1].KnownTo.Should().Be(March, "replaced the same day: an empty interval, kept in the history");
        history[1].IsKnownOn(March).Should().BeFalse();
        store.AsKnownOn(March).ValueOrNaN("11", "GOV-ONLINE-PROC", Year2025).Should().Be(79.4);
    }

    [SkippableFact]
    public void New_keys_in_a_later_import_are_added_and_unknown_before_it()
    {
        using IObservationStore store = OpenStore();
        store.Import(Sample, January);
        var extra = new Observation("11", "GOV-ONLINE-PROC", ReportingPeriod.FromYear(2026), 85);
        ImportSummary summary = store.Import(Sample.WithObservations([extra]), March);
        summary.Should().BeEquivalentTo(new { Added = 1L, Revised = 0L, Unchanged = (long)Sample.Count });
        store.AsKnownOn(January).Should().Be(Sample);
        store.Latest().Should().Be(Sample.WithObservations([extra]));
    }

    [SkippableFact]
    public void Concurrent_writers_revising_one_series_lose_nothing()
    {
        const int PerWriter = 15;
        using IObservationStore a = OpenStore();
        using IObservationStore b = OpenStore();
        a.Import(Sample, January);
        var errors = new ConcurrentQueue<Exception>();
        using var start = new Barrier(2);
        void Write(IObservationStore store, double offset)
        {
            try
            {
                start.SignalAndWait();
                for (int i = 0; i < PerWriter; i++)
                {
                    store.Import(new Dataset([Revised with { Value = offset + i }]), March);
                }
            }
            catch (Exception ex)
            {
                errors.Enqueue(ex);
            }
        }

        var writers = new[] { new Thread(() => Write(a, 1000)), new Thread(() => Write(b, 2000)) };
        foreach (Thread t in writers)
        {
            t.Start();
        }

        foreach (Thread t in writers)
        {
            t.Join();
        }

        errors.Should().BeEmpty();
        IReadOnlyList<Vintage> history = a.History("11", "GOV-ONLINE-PROC").Where(v => v.Observation.Period == Year2025).ToList();
        history.Should().HaveCount(1 + (2 * PerWriter));
        history.Skip(1).Select(v => v.Observation.Value).Should().BeEquivalentTo(Enumerable.Range(0, PerWriter).SelectMany(i => new double[] { 1000 + i, 2000 + i }));
        history.Count(v => v.IsOpen).Should().Be(1);
        history.Skip(1).Select(v => v.ImportId).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        a.ImportLog().Should().HaveCount(1 + (2 * PerWriter));
        a.Latest().ValueOrNaN("11", "GOV-ONLINE-PROC", Year2025).Should().Be(history[^1].Observation.Value, "the last committed revision is the open one");
        history.Take(history.Count - 1).Should().OnlyContain(v => v.KnownTo == March, "each revision closed the one before it");
    }

    [SkippableTheory]
    [InlineData(ImportStage.Staging)]
    [InlineData(ImportStage.Merged)]
    public void A_crash_mid_import_leaves_the_store_as_before(ImportStage crashAt)
    {
        using IObservationStore store = OpenStore();
        store.Import(Sample, January);
        Dataset revision = Sample.WithObservations([new Observation("11", "NEW", Year2025, 1)]);
        revision = new Dataset(revision.Observations.Select(o => o with { Provenance = new Provenance("revised file") }));
        Action act = () => store.Import(revision, March, "crashing", p =>
        {
            if (p.Stage == crashAt)
            {
                throw new IOException($"simulated crash at {p.Stage} after {p.Rows} rows");
            }
        });
        act.Should().Throw<IOException>().WithMessage("simulated crash*");
        store.Latest().Should().Be(Sample);
        store.ImportLog().Should().HaveCount(1);
        store.ChangedSince(March).Should().BeEmpty();
        store.Import(new Dataset([Revised]), March).Revised.Should().Be(1, "the store still takes imports after the failure");
    }

    [SkippableTheory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_store_at_an_older_schema_version_is_migrated_with_its_vintages(int version)
    {
        using (IObservationStore old = OpenStoreAt(version))
        {
            old.SchemaVersion.Should().Be(version);
            old.Import(Sample, January);
            old.Import(new Dataset([Revised]), March);
        }

        using IObservationStore store = OpenStore();
        store.SchemaVersion.Should().Be(RelationalObservationStore.CurrentSchemaVersion);
        store.AsKnownOn(January).Should().Be(Sample);
        store.Latest().Should().Be(new Dataset(Sample.Observations.Select(o => o.Unit == "11" && o.Indicator == "GOV-ONLINE-PROC" && o.Period == Year2025 ? Revised : o)));
        IReadOnlyList<Vintage> history = store.History("11", "GOV-ONLINE-PROC").Where(v => v.Observation.Period == Year2025).ToList();
        history.Select(v => (v.KnownFrom, v.KnownTo, v.ImportId)).Should().Equal((January, (LocalDate?)March, 1L), (March, (LocalDate?)null, 2L));
        store.Import(new Dataset([Revised with { Value = 80 }]), March.PlusDays(1)).Revised.Should().Be(1, "the migrated store takes revisions");
        store.SaveResult(StoredResult.Create("score", January, FrameworkCatalog.Get("dien-bien-sample"), null, "score", "output")).Id.Should().BePositive();
    }

    [SkippableFact]
    public void A_store_written_by_a_newer_library_is_refused()
    {
        using (OpenStore())
        {
        }

        ExecuteSql("INSERT INTO dx_schema_version (version, description, applied_at) VALUES (99, 'future', '2030-01-01T00:00:00Z')");
        Action act = () => OpenStore().Dispose();
        act.Should().Throw<ObservationStoreException>().WithMessage($"*version 99, newer than this library's {RelationalObservationStore.CurrentSchemaVersion}*");
    }

    [SkippableFact]
    public void A_result_is_stored_with_its_framework_and_catalogue_and_reads_back_identically()
    {
        using IObservationStore store = OpenStore();
        Framework framework = FrameworkCatalog.Get("dien-bien-sample");
        TargetCatalog targets = FrameworkCatalog.GetTargets("vn-national-dx-targets");
        StoredResult saved = store.SaveResult(StoredResult.Create("score", March, framework, targets, "score --known-on 2025-03-01", "scorecard text\nline 2\n"));
        StoredResult back = store.Results().Should().ContainSingle().Subject;
        back.Should().Be(saved);
        back.FrameworkVersion.Should().Be(framework.Metadata.Version);
        back.FrameworkSha256.Should().HaveLength(64);
        back.ReadFramework().Should().Be(framework);
        back.ReadTargets().Should().Be(targets);
    }

    [SkippableFact]
    public void A_stored_result_altered_outside_the_library_is_detected()
    {
        using IObservationStore store = OpenStore();
        store.SaveResult(StoredResult.Create("score", March, FrameworkCatalog.Get("dien-bien-sample"), null, "score", "original"));
        ExecuteSql("UPDATE dx_results SET output = 'tampered'");
        Action act = () => store.Results();
        act.Should().Throw<ObservationStoreException>().WithMessage("*SHA-256*");
    }

    [SkippableFact]
    public void A_vintage_altered_to_an_unknown_qualifier_is_an_error_not_a_silent_default()
    {
        using IObservationStore store = OpenStore();
        store.Import(Sample, January);
        ExecuteSql("UPDATE dx_vintages SET qualifier = 'roughly' WHERE indicator = 'GOV-ONLINE-PROC'");
        Action act = () => store.Latest();
        act.Should().Throw<ObservationStoreException>().WithMessage("*'roughly'*");
    }
}
