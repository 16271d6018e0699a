using System.Globalization;
using DxIndicators.Data;
using DxIndicators.Formats;
using DxIndicators.Scoring;
using NodaTime;
using NodaTime.Text;

namespace DxIndicators.Catalog;

/// <summary>
/// The published provincial DTI results 2020–2024 built into the package (embedded <c>Catalog/Resources/published/dti-provinces.csv</c>):
/// overall, pillar and main-index values and ranks as printed in public pages, each row with its source.
/// </summary>
/// <remarks>
/// Ranks keep their universe: rounds 2020–2023 rank 63 units; the 2024 round was published twice, over the 63 units
/// that existed in 2024 and over the 34 units after the 2025 merger (a merged unit's value is the unweighted mean of its
/// predecessors' main indices). Unit ids carry the code-list vintage, so old and new Đà Nẵng (48@2004, 48@2025) stay
/// distinct. Provincial means are rows of their own (<see cref="PublishedRowKind.ProvincialMean"/>); when two sources
/// print different means, both rows are kept. Read once, thread-safe. See docs/data.md.
/// </remarks>
public static class PublishedDti
{
    internal const string ResourceName = "DxIndicators.Catalog.published/dti-provinces.csv";

    private static readonly string[] s_mainIndexCodes = ["AWR", "INS", "INF", "HRD", "SEC", "GOV", "ECO", "SOC"];
    private static readonly Lazy<IReadOnlyList<PublishedDtiResult>> s_results = new(Load);

    /// <summary>Gets every published row, in file order (by year, then rank).</summary>
    public static IReadOnlyList<PublishedDtiResult> Results => s_results.Value;

    /// <summary>Gets a unit's published history: the rows of both code-list vintages with the given code, by year then universe (largest first).</summary>
    /// <param name="unitCode">The unit code without vintage (<c>11</c>) or a full id (<c>11@2025</c>, only that vintage).</param>
    /// <returns>The rows; empty when none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="unitCode"/> is null.</exception>
    public static IReadOnlyList<PublishedDtiResult> History(string unitCode)
    {
        ArgumentNullException.ThrowIfNull(unitCode);
        bool exact = unitCode.Contains('@', StringComparison.Ordinal);
        return [.. Results
            .Where(r => r.Kind == PublishedRowKind.Province &&
                        (exact ? string.Equals(r.Unit, unitCode, StringComparison.Ordinal) : string.Equals(r.UnitCode, unitCode, StringComparison.Ordinal)))
            .OrderBy(r => r.Year)
            .ThenByDescending(r => r.Rank?.UniverseSize ?? 0)];
    }

    /// <summary>Gets the published rows of one round and ranking universe, best rank first (the peers a unit is ranked among, as far as published).</summary>
    /// <param name="year">The DTI round.</param>
    /// <param name="universe">The number of units ranked (63 or 34).</param>
    /// <returns>The rows with a rank in that universe, by rank; empty when none.</returns>
    public static IReadOnlyList<PublishedDtiResult> Ranking(int year, int universe) =>
        [.. Results.Where(r => r.Year == year && r.Rank is { } rank && rank.UniverseSize == universe).OrderBy(r => r.Rank!.Value.Rank)];

    /// <summary>Gets the published provincial means of a round (several when sources disagree).</summary>
    /// <param name="year">The DTI round.</param>
    /// <returns>The rows; empty when none.</returns>
    public static IReadOnlyList<PublishedDtiResult> ProvincialMeans(int year) =>
        [.. Results.Where(r => r.Year == year && r.Kind == PublishedRowKind.ProvincialMean)];

    /// <summary>
    /// Recomputes a published row's DTI (and, where the framework defines them, pillar values) from its published parts
    /// with the row's built-in framework and the scoring engine: from the main-index values (2021+ method) or from the
    /// three pillar values (2020 method). Published values are rounded to 4 decimals after aggregation, so agreement is
    /// expected within about 1e-4.
    /// </summary>
    /// <param name="row">The published row.</param>
    /// <returns>The recomputed values, or null when the row does not print every part its framework scores from.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="row"/> is null.</exception>
    public static RecomputedDti? Recompute(PublishedDtiResult row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!FrameworkCatalog.TryGet(row.FrameworkId, out Model.Framework? framework))
        {
            return null;
        }

        var pillarInputs = new Dictionary<string, double?>(StringComparer.Ordinal)
        {
            ["CQS"] = row.Government,
            ["KTS"] = row.Economy,
            ["XHS"] = row.Society,
        };
        var values = new double[framework.Indicators.Count];
        for (int i = 0; i < values.Length; i++)
        {
            string code = framework.Indicators[i].Code;
            bool informational = framework.Nodes.SelectMany(n => n.Children).Where(l => string.Equals(l.Code, code, StringComparison.Ordinal)).All(l => l.MaxPoints is 0);
            double? value = row.MainIndices.TryGetValue(code, out double v) ? v : pillarInputs.GetValueOrDefault(code);
            if (value is null && !informational)
            {
                return null;
            }

            values[i] = value ?? double.NaN;
        }

        ScoreTable table = ScoringPlan.Compile(framework).Score(new IndicatorMatrix([row.Unit], framework.Indicators.Select(i => i.Code), values));
        double? Node(string code) => framework.TryGetNode(code, out _) ? table.GetScore(row.Unit, code) : null;
        return new RecomputedDti(framework.Id, table.GetScore(row.Unit, framework.Root), Node("CQS"), Node("KTS"), Node("XHS"));
    }

    private static List<PublishedDtiResult> Load()
    {
        using Stream stream = typeof(PublishedDti).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{ResourceName}' is missing.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        return Parse(reader, ResourceName);
    }

    /// <summary>Parses the published-results CSV; every malformed row is reported, naming line and column.</summary>
    internal static List<PublishedDtiResult> Parse(TextReader text, string sourceName)
    {
        CsvTable table = CsvTable.Read(text, sourceName);
        var problems = new List<string>();
        var results = new List<PublishedDtiResult>();
        foreach (CsvRow row in table.Rows)
        {
            results.Add(ParseRow(new Fields(table, row), problems));
        }

        problems.InsertRange(0, table.Issues.Select(i => $"{table.At(i.Line)}: {i.Message} [{i.Rule}]"));
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"{sourceName} has {problems.Count} problem(s):{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        }

        return results;
    }

    private static PublishedDtiResult ParseRow(Fields f, List<string> problems)
    {
        if (!int.TryParse(f["year"], NumberStyles.None, CultureInfo.InvariantCulture, out int year))
        {
            f.Problem(problems, $"column 'year': '{f["year"]}' is not a year");
        }

        PublishedRowKind kind = f["kind"] switch
        {
            "province" => PublishedRowKind.Province,
            "provincialMean" => PublishedRowKind.ProvincialMean,
            string other => f.Problem(problems, PublishedRowKind.Province, $"column 'kind': '{other}' is not province or provincialMean"),
        };
        PublishedDerivation derivation = f["derived"] switch
        {
            "no" => PublishedDerivation.Printed,
            "yes" => PublishedDerivation.Derived,
            "inferredYear" => PublishedDerivation.InferredYear,
            string other => f.Problem(problems, PublishedDerivation.Printed, $"column 'derived': '{other}' is not no, yes or inferredYear"),
        };
        if (!f["source_url"].StartsWith("http", StringComparison.Ordinal) || f["source_publisher"].Length == 0)
        {
            f.Problem(problems, "every row needs a source_url (http…) and a source_publisher");
        }

        if (f["unit"].Length == 0 || f["framework"].Length == 0)
        {
            f.Problem(problems, "every row needs a unit and a framework");
        }

        var mainIndices = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (string code in s_mainIndexCodes)
        {
            if (f.Number(code, problems) is { } v)
            {
                mainIndices[code] = v;
            }
        }

        return new PublishedDtiResult(
            year,
            f["unit"],
            f["name"],
            kind,
            f["framework"],
            new PublishedSource(f["source_url"], f["source_publisher"], f.Optional("source_title"), SourceDate(f, problems)))
        {
            Overall = f.Number("overall", problems),
            Rank = Rank(f, problems),
            Government = f.Number("government", problems),
            Economy = f.Number("economy", problems),
            Society = f.Number("society", problems),
            MainIndices = mainIndices,
            PillarRanks = f.Optional("pillar_ranks"),
            Derivation = derivation,
            Note = f.Optional("note"),
        };
    }

    private static UnitRank? Rank(Fields f, List<string> problems)
    {
        if (f["rank"].Length == 0 && f["universe"].Length == 0)
        {
            return null;
        }

        if (int.TryParse(f["rank"], NumberStyles.None, CultureInfo.InvariantCulture, out int r) &&
            int.TryParse(f["universe"], NumberStyles.None, CultureInfo.InvariantCulture, out int n) && r >= 1 && r <= n)
        {
            return new UnitRank(r, n);
        }

        f.Problem(problems, $"columns 'rank'/'universe': '{f["rank"]}/{f["universe"]}' is not a rank 1 ≤ r ≤ N");
        return null;
    }

    private static LocalDate? SourceDate(Fields f, List<string> problems)
    {
        if (f["source_date"].Length == 0)
        {
            return null;
        }

        ParseResult<LocalDate> parsed = LocalDatePattern.Iso.Parse(f["source_date"]);
        if (parsed.Success)
        {
            return parsed.Value;
        }

        f.Problem(problems, $"column 'source_date': '{f["source_date"]}' is not an ISO date");
        return null;
    }

    /// <summary>One row's fields by header name (a column the header lacks reads as empty).</summary>
    private readonly struct Fields(CsvTable table, CsvRow row)
    {
        public string this[string name] => table.IndexOf(name) is int i and >= 0 ? row.Fields[i] : string.Empty;

        public string? Optional(string name) => this[name] is { Length: > 0 } value ? value : null;

        public double? Number(string name, List<string> problems)
        {
            string raw = this[name];
            if (raw.Length == 0)
            {
                return null;
            }

            if (NumberText.TryParse(raw, out double value) && value is >= 0 and <= 1)
            {
                return value;
            }

            Problem(problems, $"column '{name}': '{raw}' is not a value in [0, 1]");
            return null;
        }

        public void Problem(List<string> problems, string message) => problems.Add($"{table.At(row.Line)}: {message}");

        public T Problem<T>(List<string> problems, T fallback, string message)
        {
            Problem(problems, message);
            return fallback;
        }
    }
}
