using System.Text;
using DxIndicators.Catalog;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Serialization;
using DxIndicators.Targets;
using DxIndicators.Units;

namespace DxIndicators.Tests.Robustness;

/// <summary>
/// Mutation ("poor man's fuzz") tests for every reader: valid files are damaged in seeded random ways (bytes flipped,
/// characters inserted or deleted, lines dropped, duplicated, swapped or truncated) and each reader must either load
/// or report problems through its documented channel — never crash with another exception, hang or load silently wrong
/// data. A real coverage-guided fuzzer is future work; these cases keep the readers total functions meanwhile.
/// </summary>
public class ReaderMutationTests
{
    private const int Mutations = 400;

    private static readonly string SampleCsv = WriteCsv(FrameworkCatalog.GetDataset("dien-bien-sample"));
    private static readonly string FrameworkText = FrameworkJson.Write(FrameworkCatalog.Get("dien-bien-sample"));
    private static readonly string TargetCatalogText = TargetCatalogJson.Write(FrameworkCatalog.GetTargets("vn-national-dx-targets"));

    [Fact]
    public void FrameworkJson_MutatedInput_ReportsProblemsOrLoads()
    {
        foreach ((int seed, string text) in Mutate(FrameworkText, 1))
        {
            var read = FrameworkJson.Read(text, "m.json");
            bool ok = read.IsSuccess;
            Framework? framework = read.Value;
            IReadOnlyList<Problem> errors = read.Problems;
            if (ok)
            {
                framework.Should().NotBeNull();
                Framework? again = FrameworkJson.Read(FrameworkJson.Write(framework!), "again.json").Value;
                again.Should().NotBeNull($"seed {seed}: what loads must round-trip");
                again.Should().Be(framework);
            }
            else
            {
                errors.Should().NotBeEmpty($"seed {seed}: a failed read must say why");
                errors.Should().OnlyContain(e => e.Location.StartsWith('$') && e.Message.Length > 0);
            }
        }
    }

    [Fact]
    public void TargetCatalogJson_MutatedInput_ThrowsOnlyValidationErrors()
    {
        foreach ((int seed, string text) in Mutate(TargetCatalogText, 2))
        {
            try
            {
                TargetCatalogJson.Read(text, "t.json").GetValueOrThrow().Targets.Should().NotBeNull();
            }
            catch (FrameworkValidationException ex)
            {
                ex.Errors.Should().NotBeEmpty($"seed {seed}");
            }
        }
    }

    [Fact]
    public void ObservationCsv_MutatedInput_ReportsProblemsOrLoads()
    {
        var options = new ReadOptions { Registry = BuiltIn.VietnamProvinces, Framework = FrameworkCatalog.Get("dien-bien-sample") };
        foreach ((int seed, string text) in Mutate(SampleCsv, 3))
        {
            ReadResult<Dataset> result = ObservationCsv.Read(new StringReader(text), "m.csv", options);
            if (result.Problems.Count == 0)
            {
                result.Value.Should().NotBeNull($"seed {seed}: no problems means loaded");
                ObservationCsv.Read(new StringReader(WriteCsv(result.Value!)), "again.csv", options).Value.Should().Be(result.Value, $"seed {seed}: what loads must round-trip");
            }
            else
            {
                result.Value.Should().BeNull($"seed {seed}: nothing loads when a row is bad");
                result.Problems.Should().OnlyContain(p => p.Message.Length > 0);
            }

            ReadResult<Dataset> skipping = ObservationCsv.Read(new StringReader(text), "m.csv", new ReadOptions { Registry = options.Registry, Framework = options.Framework, SkipBadRows = true });
            if (skipping.Value is { } kept)
            {
                (kept.Count + skipping.SkippedRows.Count).Should().BeLessThanOrEqualTo(skipping.RowCount, $"seed {seed}: loaded + skipped rows cannot exceed the rows read");
            }
        }
    }

    [Fact]
    public void ObservationJson_MutatedInput_ReportsProblemsOrLoads()
    {
        using var writer = new StringWriter();
        ObservationJson.Write(writer, FrameworkCatalog.GetDataset("dien-bien-sample"));
        foreach ((int seed, string text) in Mutate(writer.ToString(), 4))
        {
            ReadResult<Dataset> result = ObservationJson.Read(new StringReader(text), "m.json");
            (result.Value is not null || result.Problems.Count > 0).Should().BeTrue($"seed {seed}: either loaded or told why not");
        }
    }

    [Fact]
    public void TargetCsv_MutatedInput_ReportsProblemsOrLoads()
    {
        const string Valid = """
            code,indicator,comparator,threshold,deadline,baseline_date,baseline_value,source
            A,GOV-ONLINE-PROC,>=,80,2025-12-31,2020-12-31,50,Decision 942/QĐ-TTg
            B,ECO-GRDP-SHARE,>=,20,2025-12-31,,,Decision 411/QĐ-TTg
            C,SOC-EHR-SHARE,>,90,2030-12-31,,,Decision 411/QĐ-TTg
            """;
        foreach ((int seed, string text) in Mutate(Valid, 5))
        {
            var read = TargetCsv.Read(new StringReader(text), "t.csv");
            bool ok = read.IsSuccess;
            IReadOnlyList<TargetRule>? targets = read.Value;
            IReadOnlyList<Problem> errors = read.Problems;
            (ok ? targets!.Count >= 0 : errors.Count > 0).Should().BeTrue($"seed {seed}");
        }
    }

    [Fact]
    public void UnitRegistryCsv_MutatedInput_ReportsProblemsOrLoads()
    {
        using var writer = new StringWriter();
        UnitRegistryCsv.WriteUnits(writer, BuiltIn.VietnamProvinces.Units);
        string units = string.Join('\n', writer.ToString().Split('\n').Take(40));
        foreach ((int seed, string text) in Mutate(units, 6))
        {
            ReadResult<UnitRegistry> result = UnitRegistryCsv.Read(new StringReader(text), "u.csv");
            (result.IsSuccess || result.Problems.Count > 0).Should().BeTrue($"seed {seed}");
        }
    }

    private static IEnumerable<(int Seed, string Text)> Mutate(string valid, int stream)
    {
        for (int i = 0; i < Mutations; i++)
        {
            int seed = (stream * 100_000) + i;
            var random = new Random(seed);
            string text = valid;
            int steps = 1 + random.Next(3);
            for (int s = 0; s < steps; s++)
            {
                text = MutateOnce(text, random);
            }

            yield return (seed, text);
        }
    }

    private static string MutateOnce(string text, Random random)
    {
        if (text.Length == 0)
        {
            return "\"";
        }

        string[] lines = text.Split('\n');
        int at = random.Next(text.Length);
        const string Nasty = "\",;{}[]:\\\n\r\0-e.9NaN∞Đ\uFEFF ";
        switch (random.Next(8))
        {
            case 0:
                return text.Remove(at, 1);
            case 1:
                return text.Insert(at, Nasty[random.Next(Nasty.Length)].ToString());
            case 2:
                char[] chars = text.ToCharArray();
                chars[at] = (char)(chars[at] ^ (1 << random.Next(7)));
                return new string(chars);
            case 3:
                return text[..at];
            case 4:
                int drop = random.Next(lines.Length);
                return string.Join('\n', lines.Where((_, k) => k != drop));
            case 5:
                int dup = random.Next(lines.Length);
                return string.Join('\n', lines.Take(dup + 1).Append(lines[dup]).Concat(lines.Skip(dup + 1)));
            case 6:
                int a = random.Next(lines.Length), b = random.Next(lines.Length);
                (lines[a], lines[b]) = (lines[b], lines[a]);
                return string.Join('\n', lines);
            default:
                var sb = new StringBuilder(text);
                sb.Insert(at, random.Next(2) == 0 ? "1e999" : "-0");
                return sb.ToString();
        }
    }

    private static string WriteCsv(Dataset dataset)
    {
        using var writer = new StringWriter();
        ObservationCsv.Write(writer, dataset);
        return writer.ToString();
    }
}
