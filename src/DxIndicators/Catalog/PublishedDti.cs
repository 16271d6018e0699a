using System.Globalization;
using DxIndicators.Data;
using DxIndicators.Formats;
using DxIndicators.Scoring;
using NodaTime;
using NodaTime.Text;

namespace DxIndicators.Catalog;

/// <summary>A public source of a published figure: who published it, where, and (when recorded) its title and date.</summary>
/// <param name="Url">The public address.</param>
/// <param name="Publisher">The publisher (a newspaper, a provincial portal, the ministry's dti.gov.vn).</param>
/// <param name="Title">The page title, when recorded.</param>
/// <param name="Date">The publication date, when recorded.</param>
public sealed record PublishedSource(string Url, string Publisher, string? Title, LocalDate? Date)
{
    /// <summary>Formats the citation: publisher, title and date where recorded, then the address.</summary>
    /// <returns>For example <c>Dân trí, "Hà Nội dẫn đầu …", 2025-10-21, https://dantri.com.vn/…</c>.</returns>
    public override string ToString()
    {
        var parts = new List<string> { Publisher };
        if (Title is { } title)
        {
            parts.Add($"\"{title}\"");
        }

        if (Date is { } date)
        {
            parts.Add(LocalDatePattern.Iso.Format(date));
        }

        parts.Add(Url);
        return string.Join(", ", parts);
    }
}

/// <summary>What a published row describes.</summary>
public enum PublishedRowKind
{
    /// <summary>One provincial-level unit's published result.</summary>
    Province,

    /// <summary>The published average over all provinces of a round (a different measure from any province's value).</summary>
    ProvincialMean,
}

/// <summary>How a published row's figures were obtained.</summary>
public enum PublishedDerivation
{
    /// <summary>Printed as such in the source.</summary>
    Printed,

    /// <summary>Derived from a printed figure and a printed change (a later value minus an increase, a rank ± places); approximate.</summary>
    Derived,

    /// <summary>Printed, but the source's wording leaves the round (year) ambiguous; the year is inferred (see the note).</summary>
    InferredYear,
}

/// <summary>One published provincial DTI result (or provincial mean) of one round, with its public source.</summary>
/// <param name="Year">The DTI round (the year assessed, published the following year).</param>
/// <param name="Unit">The unit id in <see cref="Units.BuiltIn.VietnamProvinces"/> (<c>11@2004</c>, <c>48@2025</c>), or <c>VN</c> for a provincial mean.</param>
/// <param name="Name">The unit's name as the source prints it (merged units marked "(new)" / "(old)").</param>
/// <param name="Kind">A province's result or the provincial mean.</param>
/// <param name="FrameworkId">The built-in framework of the method the round used.</param>
/// <param name="Source">The public source.</param>
public sealed record PublishedDtiResult(int Year, string Unit, string Name, PublishedRowKind Kind, string FrameworkId, PublishedSource Source)
{
    /// <summary>Gets the published DTI value (0–1), when printed.</summary>
    public double? Overall { get; init; }

    /// <summary>Gets the published rank and its ranking universe (63 units before the 2025 merger, 34 after), when printed.</summary>
    public UnitRank? Rank { get; init; }

    /// <summary>Gets the published digital-government pillar value (chính quyền số), when printed.</summary>
    public double? Government { get; init; }

    /// <summary>Gets the published digital-economy pillar value (kinh tế số), when printed.</summary>
    public double? Economy { get; init; }

    /// <summary>Gets the published digital-society pillar value (xã hội số), when printed.</summary>
    public double? Society { get; init; }

    /// <summary>Gets the published main-index values by framework indicator code (AWR … SOC); empty when not printed.</summary>
    public IReadOnlyDictionary<string, double> MainIndices { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>Gets the published pillar ranks as printed (<c>government/economy/society</c>), when printed.</summary>
    public string? PillarRanks { get; init; }

    /// <summary>Gets how the figures were obtained.</summary>
    public PublishedDerivation Derivation { get; init; } = PublishedDerivation.Printed;

    /// <summary>Gets caveats (arithmetic checks, disagreements between sources).</summary>
    public string? Note { get; init; }

    /// <summary>Gets the unit code without its vintage (<c>11</c> for <c>11@2004</c> and <c>11@2025</c>).</summary>
    public string UnitCode => Unit.Split('@')[0];
}

/// <summary>A DTI recomputed from published parts by <see cref="PublishedDti.Recompute"/>.</summary>
/// <param name="FrameworkId">The framework used.</param>
/// <param name="Overall">The recomputed DTI.</param>
/// <param name="Government">The recomputed digital-government pillar, when the framework scores pillars from the inputs.</param>
/// <param name="Economy">The recomputed digital-economy pillar, likewise.</param>
/// <param name="Society">The recomputed digital-society pillar, likewise.</param>
public sealed record RecomputedDti(string FrameworkId, double Overall, double? Government, double? Economy, double? Society);

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
