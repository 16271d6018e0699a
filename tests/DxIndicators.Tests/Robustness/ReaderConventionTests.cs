using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using DxIndicators.Data;
using DxIndicators.Formats;
using DxIndicators.Targets;

namespace DxIndicators.Tests.Robustness;

/// <summary>The one reader convention (docs/reliability.md, "Reader convention") and the one name table of enum texts.</summary>
public class ReaderConventionTests
{
    private static readonly Assembly Library = typeof(ReadResult<>).Assembly;

    private static string Root => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));

    private static IEnumerable<MethodInfo> PublicStaticMethods() =>
        Library.GetExportedTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly));

    private static bool TakesInput(MethodInfo m) =>
        m.GetParameters() is [var first, ..] && (first.ParameterType == typeof(TextReader) || first.ParameterType == typeof(Stream) ||
            (first.ParameterType == typeof(string) && first.Name is "path" or "json" or "metaPath" or "unitsPath"));

    [Fact]
    public void EveryPublicReader_IsReadOrReadFile_ReturningReadResult()
    {
        // Readers: public static methods whose name starts with "Read" and that take text, a stream or a path. The raw
        // text primitive Formats.InputFile.ReadAllText is the only exception (it returns the file's text).
        MethodInfo[] readers = [.. PublicStaticMethods().Where(m => m.Name.StartsWith("Read", StringComparison.Ordinal) && TakesInput(m) && m.DeclaringType != typeof(InputFile))];
        readers.Should().HaveCountGreaterThan(12, "every format has a public reader");
        readers.Where(m => !m.ReturnType.IsGenericType || m.ReturnType.GetGenericTypeDefinition() != typeof(ReadResult<>))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}").Should().BeEmpty("a reader returns ReadResult<T> with every problem; the throwing shortcut is GetValueOrThrow()");
        readers.Select(m => m.DeclaringType!.Name).Should().Contain(["ObservationCsv", "ObservationJson", "UnitRegistryCsv", "FrameworkJson", "TargetCatalogJson", "TargetCsv", "CoinrImport", "ScoringInputsCsv"]);
    }

    [Fact]
    public void NoPublicTryReadOrFileParse_Exists()
    {
        PublicStaticMethods().Where(m => m.Name.StartsWith("TryRead", StringComparison.Ordinal)).Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .Should().BeEmpty("there is one reader shape: Read returning ReadResult<T>");

        // Parse/TryParse are for single values (a period, a number), never for a document or a file.
        PublicStaticMethods().Where(m => m.Name is "Parse" or "TryParse" && TakesInput(m)).Select(m => $"{m.DeclaringType!.Name}.{m.Name}").Should().BeEmpty();
    }

    [Fact]
    public void ConventionIsDocumented()
    {
        string reliability = File.ReadAllText(Path.Combine(Root, "docs", "reliability.md"));
        string architecture = File.ReadAllText(Path.Combine(Root, "docs", "architecture.md"));
        reliability.Should().Contain("## Reader convention");
        architecture.Should().Contain("Reader convention");
    }

    public static TheoryData<string> Tables => new(AllTables().Select(t => t.EnumType.Name));

    private static IReadOnlyList<IEnumNameTable> AllTables() => [.. EnumNames.All, .. TargetNames.All];

    [Fact]
    public void EveryPublicEnum_HasATableOrIsKnownNotToBeInAFormat()
    {
        // Enums that no file format carries (they are options of a library call, or results printed only in words).
        string[] notInAFormat =
        [
            "NormaliserKind", "RankMethod", "ImputationMethod", "PanelNormalisation", "RankScope", "ImportStage", "PublishedRowKind",
            "PublishedDerivation", "DisplayStyle", "CorrelationMethod", "UncertainInput", "PeriodKind", "ChangeDirection",
            "ComparisonOutcome", "TrendStatus", "ProblemSeverity",
        ];
        HashSet<Type> tabled = [.. AllTables().Select(t => t.EnumType)];
        Library.GetExportedTypes().Where(t => t.IsEnum && !tabled.Contains(t) && !notInAFormat.Contains(t.Name)).Select(t => t.FullName)
            .Should().BeEmpty("an enum written to a file or read from one has one name table (Data.EnumNames)");
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void Table_NamesEveryMember_RoundTrips_AndRejectsNumbersAndLists(string enumName)
    {
        IEnumNameTable table = AllTables().Single(t => t.EnumType.Name == enumName);
        Array values = Enum.GetValues(table.EnumType);
        table.Names.Should().HaveCount(values.Length).And.OnlyHaveUniqueItems(n => n.ToUpperInvariant());
        foreach (object value in values)
        {
            string name = Format(table, value);
            ((bool)TryParse(table, name.ToUpperInvariant(), out object? back)).Should().BeTrue($"CSV and CLI match '{name}' case-insensitively");
            back.Should().Be(value);
        }

        TryParse(table, "0", out _).Should().BeFalse("a number is not a name");
        TryParse(table, $"{table.Names[0]},{table.Names[^1]}", out _).Should().BeFalse("a comma-joined list is not a name");
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void Table_NamesAreDocumented(string enumName)
    {
        string docs = string.Join("\n", Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md").Select(File.ReadAllText));
        IEnumNameTable table = AllTables().Single(t => t.EnumType.Name == enumName);
        table.Names.Where(n => !docs.Contains($"`{n}`", StringComparison.Ordinal)).Should().BeEmpty($"docs name every {enumName} text");
    }

    [Fact]
    public void JsonConverters_WriteAndReadTheTableTexts()
    {
        Type[] converters = [.. Library.GetTypes().Where(t => !t.IsAbstract && t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition().Name.StartsWith("EnumNameConverter", StringComparison.Ordinal))];
        converters.Should().HaveCountGreaterThan(10);
        foreach (Type converterType in converters)
        {
            Type enumType = converterType.BaseType!.GetGenericArguments()[0];
            if (AllTables().FirstOrDefault(t => t.EnumType == enumType) is not { } table)
            {
                continue; // a JSON-only internal enum (point-rule types)
            }

            var options = new JsonSerializerOptions();
            options.Converters.Add((JsonConverter)Activator.CreateInstance(converterType)!);
            foreach (object value in Enum.GetValues(enumType))
            {
                string json = JsonSerializer.Serialize(value, enumType, options);
                string name = Format(table, value);
                json.Should().Be(JsonSerializer.Serialize(name), $"{enumType.Name}.{value} is written with the table's text");
                JsonSerializer.Deserialize(json, enumType, options).Should().Be(value);
            }
        }
    }

    [Fact]
    public void ObservationWriters_UseTheTableTexts()
    {
        Observation[] rows =
        [
            new("11", "X", ReportingPeriod.FromYear(2024), 1) { Qualifier = Qualifier.Estimate, Status = ObservationStatus.Provisional },
            new("11", "Y", ReportingPeriod.FromYear(2024), 2) { Qualifier = Qualifier.LowerBound },
            new("11", "Z", ReportingPeriod.FromYear(2024), 3) { Qualifier = Qualifier.UpperBound },
        ];
        var dataset = new Dataset(rows);
        using var csv = new StringWriter();
        ObservationCsv.Write(csv, dataset);
        using var json = new StringWriter();
        ObservationJson.Write(json, dataset);
        foreach (string text in new[] { "estimate", "lowerBound", "upperBound", "provisional" })
        {
            EnumNames.Qualifier.Names.Concat(EnumNames.Status.Names).Should().Contain(text);
            csv.ToString().Split('\n').SelectMany(l => l.Split(',')).Should().Contain(text);
            csv.ToString().Should().NotContain("\r", "CSV writers end lines with LF");
            json.ToString().Should().Contain($"\"{text}\"");
        }

        ObservationCsv.Read(new StringReader(csv.ToString().ToUpperInvariant().Replace("UNIT,INDICATOR", "unit,indicator", StringComparison.Ordinal)), "upper.csv")
            .Problems.Select(p => p.Rule).Should().NotContain([ProblemRules.BadQualifier, ProblemRules.BadStatus], "CSV matches the names case-insensitively");
    }

    private static bool TryParse(IEnumNameTable table, string text, out object? value)
    {
        (bool ok, object? v) = ((bool, object?))Typed(nameof(TryParseTyped), table).Invoke(null, [table, text])!;
        value = v;
        return ok;
    }

    private static string Format(IEnumNameTable table, object value) => (string)Typed(nameof(FormatTyped), table).Invoke(null, [table, value])!;

    private static MethodInfo Typed(string name, IEnumNameTable table) =>
        typeof(ReaderConventionTests).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(table.EnumType);

    private static (bool, object?) TryParseTyped<T>(IEnumNameTable table, string text)
        where T : struct, Enum
    {
        bool ok = ((EnumNameTable<T>)table).TryParse(text, out T value);
        return (ok, ok ? value : null);
    }

    private static string FormatTyped<T>(IEnumNameTable table, object value)
        where T : struct, Enum => ((EnumNameTable<T>)table).Format((T)value);
}
