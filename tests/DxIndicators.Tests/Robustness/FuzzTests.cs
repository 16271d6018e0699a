using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using DxIndicators.Catalog;
using DxIndicators.Data;
using DxIndicators.Formats;
using DxIndicators.Model;
using DxIndicators.Scoring.Interop;
using DxIndicators.Serialization;
using DxIndicators.Targets;
using DxIndicators.Units;

namespace DxIndicators.Tests.Robustness;

/// <summary>
/// The CI fuzz run: <see cref="Fuzzer"/> over every reader, 1,000 mutated inputs each (10,000 in all) by default;
/// <c>DX_FUZZ_CASES=N</c> sets the cases per reader and <c>DX_FUZZ_SEED=S</c> the seed for a longer run
/// (docs/reliability.md). Every case must end within <see cref="CaseBound"/>; only the documented exception types
/// (<see cref="InvalidDataException"/>, <see cref="FrameworkValidationException"/>) may escape; every rule name reported
/// must be one of <see cref="ProblemRules.All"/>; what loads must round-trip exactly.
/// </summary>
[Trait("Category", "Fuzz")]
public partial class FuzzTests
{
    private static readonly TimeSpan CaseBound = TimeSpan.FromSeconds(10);
    private static readonly Framework Sample = FrameworkCatalog.Get("dien-bien-sample");
    private static readonly HashSet<string> KnownRules = [.. ProblemRules.All];

    /// <summary>A small seed for the observation readers: every 40th row of the Điện Biên sample (with provenance,
    /// counts and several units and periods), so a case costs little and the mutations still reach every column.</summary>
    private static readonly Dataset SampleRows = new(FrameworkCatalog.GetDataset("dien-bien-sample").Observations.Where((_, i) => i % 40 == 0));

    private static readonly string[] ReaderNames =
    [
        "framework-json", "target-catalogue-json", "observations-csv", "observations-json", "units-csv", "targets-csv",
        "coinr-import", "weights-csv", "goalposts-csv", "groups-csv",
    ];

    public static TheoryData<string> Readers => new(ReaderNames);

    [Fact]
    public void Readers_EveryReaderHasAFuzzClass()
    {
        // Each reader's run is its own test class (FuzzReaders.cs), so xunit runs them in parallel collections.
        string[] classes = [.. typeof(FuzzTests).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(ReaderFuzz))).Select(t => ((ReaderFuzz)Activator.CreateInstance(t)!).Reader)];
        classes.Should().BeEquivalentTo(ReaderNames);
    }

    /// <summary>Runs one reader's cases (see the class summary).</summary>
    /// <param name="reader">One of <see cref="ReaderNames"/>.</param>
    /// <returns>The run.</returns>
    internal static async Task Reader_MutatedInputs_OnlyDocumentedOutcomes(string reader)
    {
        int cases = int.TryParse(Environment.GetEnvironmentVariable("DX_FUZZ_CASES"), NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : 1000;
        int seed = int.TryParse(Environment.GetEnvironmentVariable("DX_FUZZ_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out int s) ? s : 9;
        (byte[][] seeds, Func<byte[], string> run) = Target(reader);
        var fuzzer = new Fuzzer((seed * 1000) + Array.IndexOf(ReaderNames, reader), seeds);
        var failures = new List<string>();

        // The cases run one after another on one worker (no thread hop per case); a watchdog checks that the case in
        // progress has not run longer than CaseBound, so a hang fails the test naming the case instead of stalling it.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        long caseStarted = 0;
        int current = 0;
        byte[] currentInput = [];
        Task worker = Task.Run(() =>
        {
            for (int i = 0; i < cases && failures.Count < 5; i++)
            {
                byte[] input = fuzzer.Next();
                Volatile.Write(ref currentInput, input);
                Volatile.Write(ref current, i);
                Volatile.Write(ref caseStarted, clock.ElapsedTicks);
                (string? signature, Exception? unexpected) = RunCase(run, input);
                if (unexpected is not null)
                {
                    failures.Add($"case {i} ({input.Length} bytes, starts '{Preview(input)}'): {unexpected.GetType().Name}: {unexpected.Message}\n{unexpected.StackTrace}");
                }
                else
                {
                    fuzzer.Observe(input, signature!);
                }
            }
        });
        while (!worker.IsCompleted)
        {
            await Task.WhenAny(worker, Task.Delay(100));
            long running = clock.ElapsedTicks - Volatile.Read(ref caseStarted);
            if (!worker.IsCompleted && running > CaseBound.TotalSeconds * System.Diagnostics.Stopwatch.Frequency)
            {
                failures.Add($"case {Volatile.Read(ref current)}: did not end within {CaseBound.TotalSeconds} s (input {Volatile.Read(ref currentInput).Length} bytes)");
                break;
            }
        }

        failures.Should().BeEmpty($"{reader}: seed {seed}, {cases} cases, corpus grew to {fuzzer.CorpusSize}");
        fuzzer.Signatures.Should().BeGreaterThan(3, "the mutations reach several different checks");
    }

    /// <summary>Runs one case: its outcome signature, or the unexpected exception (anything but the documented types,
    /// or a documented type naming an unknown rule).</summary>
    private static (string? Signature, Exception? Unexpected) RunCase(Func<byte[], string> run, byte[] input)
    {
        try
        {
            return (run(input), null);
        }
        catch (Exception ex) when (ex is InvalidDataException or FrameworkValidationException)
        {
            string[] rules = [.. RulesIn(ex.Message).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
            string? unknown = rules.FirstOrDefault(r => !KnownRules.Contains(r));
            return unknown is null
                ? (ex.GetType().Name + ":" + string.Join(",", rules), null)
                : (null, new InvalidOperationException($"unknown rule name '{unknown}' in: {ex.Message}"));
        }
        catch (Exception ex)
        {
            return (null, ex);
        }
    }

    private static (byte[][] Seeds, Func<byte[], string> Run) Target(string reader) => reader switch
    {
        "framework-json" => ([Utf8(FrameworkJson.Write(Sample)), Utf8(FrameworkJson.Write(FrameworkCatalog.Get("vn-dti-province-2022")))], FrameworkCase),
        "target-catalogue-json" => ([Utf8(TargetCatalogJson.Write(CatalogueSeed()))], bytes =>
        {
            TargetCatalog catalog = TargetCatalogJson.Read(new MemoryStream(bytes), "t.json").GetValueOrThrow();
            TargetCatalogJson.Read(TargetCatalogJson.Write(catalog), "again.json").GetValueOrThrow().Should().Be(catalog);
            return "loaded";
        }),
        "observations-csv" => ([Utf8(Csv(SampleRows))], ObservationCsvCase),
        "observations-json" => ([Utf8(Json(SampleRows))], ObservationJsonCase),
        "units-csv" => ([Utf8(UnitsCsv)], UnitsCase),
        "targets-csv" => ([Utf8(TargetsCsv)], bytes =>
        {
            var read = TargetCsv.Read(Decode(bytes), "t.csv");
            bool ok = read.IsSuccess;
            IReadOnlyList<TargetRule>? targets = read.Value;
            IReadOnlyList<Problem> errors = read.Problems;
            (ok ? targets!.Count > 0 || errors.Count == 0 : errors.Count > 0).Should().BeTrue();
            return Signature(errors.Select(e => e.Rule));
        }),
        "coinr-import" => ([Utf8(CoinrMeta), Utf8(CoinrData)], bytes =>
        {
            // Mutants of either file are read as iMeta when they look like one, else as iData.
            bool isMeta = Encoding.UTF8.GetString(bytes).Contains("iCode", StringComparison.Ordinal);
            CoinrImport import = isMeta
                ? CoinrImport.Read(Decode(bytes), new StringReader(CoinrData)).GetValueOrThrow()
                : CoinrImport.Read(new StringReader(CoinrMeta), Decode(bytes)).GetValueOrThrow();
            import.Data.AsSpan().ToArray().Should().NotContain(x => double.IsInfinity(x));
            return "loaded";
        }),
        "weights-csv" => ([Utf8("code,weight\n" + string.Join("\n", Sample.Indicators.Take(5).Select((i, k) => $"{i.Code},{k + 1}")) + "\n")], bytes =>
        {
            IReadOnlyList<KeyValuePair<string, double>> weights = ScoringInputsCsv.ReadWeights(Decode(bytes), "w.csv", Sample).GetValueOrThrow();
            weights.Where(w => !double.IsFinite(w.Value) || w.Value < 0).Should().BeEmpty();
            return "loaded";
        }),
        "goalposts-csv" => ([Utf8("code,lower,upper,scale,truncate\n" + string.Join("\n", Sample.Indicators.Take(5).Select((i, k) => $"{i.Code},{k},{k + 10},100,true")) + "\n")], bytes =>
        {
            ScoringInputsCsv.ReadGoalposts(Decode(bytes), "g.csv", Sample).GetValueOrThrow().Where(g => !(g.Goalposts.Lower < g.Goalposts.Upper)).Should().BeEmpty();
            return "loaded";
        }),
        _ => ([Utf8("unit,size,region\n11,small,north\n12,\"big, very\",north\n14,,south\n")], bytes =>
        {
            ScoringInputsCsv.ReadGroups(Decode(bytes), "g.csv").GetValueOrThrow().Should().NotBeNull();
            return "loaded";
        }),
    };

    /// <summary>A small seed for the catalogue reader: a dozen targets of the national catalogue (both comparator
    /// families, baselines, statuses) and their indicators, a sixth of its 78 KB, so a case costs little.</summary>
    private static TargetCatalog CatalogueSeed()
    {
        TargetCatalog national = FrameworkCatalog.GetTargets("vn-national-dx-targets");
        TargetRule[] targets =
        [
            .. national.Targets.Where(t => t.Comparator != Comparator.RankAtMost).Take(9),
            .. national.Targets.Where(t => t.Comparator == Comparator.RankAtMost).Take(3),
        ];
        HashSet<string> used = [.. targets.Select(t => t.Indicator)];
        return new TargetCatalog(national.Id, national.Name, national.Indicators.Where(i => used.Contains(i.Code)), targets, national.Unit);
    }

    private static string FrameworkCase(byte[] bytes)
    {
        Framework framework = FrameworkJson.Read(new MemoryStream(bytes), "f.json").GetValueOrThrow();
        FrameworkJson.Read(FrameworkJson.Write(framework), "again.json").GetValueOrThrow().Should().Be(framework, "what loads must round-trip");
        return "loaded:" + Signature(framework.Warnings.Select(w => w.Rule));
    }

    private static string ObservationCsvCase(byte[] bytes)
    {
        var options = new ReadOptions { Registry = BuiltIn.VietnamProvinces, Framework = Sample };
        ReadResult<Dataset> result = ObservationCsv.Read(Decode(bytes), "o.csv", options);
        CheckObservations(result, dataset => ObservationCsv.Read(new StringReader(Csv(dataset)), "again.csv", options));
        ReadResult<Dataset> skipping = ObservationCsv.Read(Decode(bytes), "o.csv", new ReadOptions { Registry = options.Registry, Framework = Sample, SkipBadRows = true });
        if (skipping.Value is { } kept)
        {
            // Nothing lost: every row read is loaded, skipped (and reported) or an exact repeat of a loaded row.
            (kept.Count + skipping.SkippedRows.Count).Should().BeLessThanOrEqualTo(skipping.RowCount);
            (skipping.SkippedRows.Count > 0).Should().Be(skipping.Problems.Count > 0);
        }

        return Signature(result.Problems.Select(p => p.Rule));
    }

    private static string ObservationJsonCase(byte[] bytes)
    {
        ReadResult<Dataset> result = ObservationJson.Read(Decode(bytes), "o.json", new ReadOptions { Framework = Sample });
        CheckObservations(result, dataset => ObservationJson.Read(new StringReader(Json(dataset)), "again.json", new ReadOptions { Framework = Sample }));
        return Signature(result.Problems.Select(p => p.Rule));
    }

    private static void CheckObservations(ReadResult<Dataset> result, Func<Dataset, ReadResult<Dataset>> reread)
    {
        result.Problems.Select(p => p.Rule).Where(r => !KnownRules.Contains(r)).Should().BeEmpty();
        if (result.Problems.Count == 0)
        {
            result.Value.Should().NotBeNull("no problems means loaded");
            reread(result.Value!).Value.Should().Be(result.Value, "what loads must round-trip exactly");
        }
        else
        {
            result.Value.Should().BeNull("nothing loads when a row is bad");
        }
    }

    private static string UnitsCase(byte[] bytes)
    {
        ReadResult<UnitRegistry> result = UnitRegistryCsv.Read(Decode(bytes), "u.csv", baseRegistry: BuiltIn.VietnamProvinces);
        result.Problems.Select(p => p.Rule).Where(r => !KnownRules.Contains(r)).Should().BeEmpty();
        (result.IsSuccess == (result.Problems.Count == 0)).Should().BeTrue();
        if (result.Value is { } registry)
        {
            var added = registry.Units.Skip(BuiltIn.VietnamProvinces.Units.Count).ToList();
            using var writer = new StringWriter();
            UnitRegistryCsv.WriteUnits(writer, added);
            UnitRegistryCsv.Read(new StringReader(writer.ToString()), "again.csv", baseRegistry: BuiltIn.VietnamProvinces).Value.Should().Be(registry);
        }

        return Signature(result.Problems.Select(p => p.Rule));
    }

    private static TextReader Decode(byte[] bytes) => new LimitedTextReader(new MemoryStream(bytes), "fuzz", InputLimits.Default.MaxLineLength);

    private static string Signature(IEnumerable<string> rules)
    {
        string[] distinct = [.. rules.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        distinct.Where(r => !KnownRules.Contains(r)).Should().BeEmpty("every rule name is one of ProblemRules.All");
        return string.Join(",", distinct);
    }

    private static IEnumerable<string> RulesIn(string message) => RuleTag().Matches(message).Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"\[([a-z]+(?:-[a-z0-9]+)*)\]")]
    private static partial Regex RuleTag();

    private static string Preview(byte[] input) => Encoding.UTF8.GetString(input.AsSpan(0, Math.Min(40, input.Length))).ReplaceLineEndings("⏎");

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Csv(Dataset dataset)
    {
        using var writer = new StringWriter();
        ObservationCsv.Write(writer, dataset);
        return writer.ToString();
    }

    private static string Json(Dataset dataset)
    {
        using var writer = new StringWriter();
        ObservationJson.Write(writer, dataset);
        return writer.ToString();
    }

    private const string UnitsCsv = """
        id,code,vintage,level,kind,name_vi,name_en,parent,valid_from,valid_to,name_ascii,aliases
        03151@2025,03151,2025,commune,ward,Mường Lay,Muong Lay,11@2025,2025-07-01,,,Thị xã Mường Lay;Muong Lay Town
        03152@2025,03152,2025,commune,commune,Xã Nà Tấu,Na Tau,11@2025,2025-07-01,,,
        03153@2025,03153,2025,commune,commune,Xã Mường Phăng,Muong Phang,03151@2025,2025-07-01,2030-12-31,,
        """;

    private const string TargetsCsv = """
        code,indicator,comparator,threshold,deadline,baseline_date,baseline_value,source
        A,GOV-ONLINE-PROC,>=,80,2025-12-31,2020-12-31,50,Decision 942/QĐ-TTg
        B,ECO-GRDP-SHARE,>=,20,2025-12-31,,,"Decision 411/QĐ-TTg, 2022"
        C,SOC-EHR-SHARE,>,90,2030-12-31,,,Decision 411/QĐ-TTg
        """;

    private const string CoinrMeta = """
        "Level","iCode","iName","Direction","Weight","Unit","Target","Denominator","Parent","Type"
        1,"A","Ind A",1,1,"u",10,NA,"P","Indicator"
        1,"B","Ind B",-1,0.5,"u",NA,"Pop","P","Indicator"
        1,"C","Ind C",1,2,"u",NA,NA,"Q","Indicator"
        2,"P","Pillar P",1,1,"Score",NA,NA,"Index","Aggregate"
        2,"Q","Pillar Q",1,1,"Score",NA,NA,"Index","Aggregate"
        3,"Index","Index",1,1,"Score",NA,NA,NA,"Aggregate"
        NA,"G","Group",NA,NA,NA,NA,NA,NA,"Group"
        NA,"Pop","Population",NA,NA,"Thousands",NA,NA,NA,"Denominator"
        """;

    private const string CoinrData = """
        "uName","uCode","G","Time","Pop","A","B","C"
        "Xland","XXX","big, very",2018,1200.5,1,2,NA
        "Yland","YYY",NA,2018,800,3,4,5.5
        "Zland","ZZZ","small",2018,15,0.25,-1,7
        """;
}
