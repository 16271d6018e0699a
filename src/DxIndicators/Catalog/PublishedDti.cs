using System.Globalization;
using CsvHelper;
using DxIndicators.Data;
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
        var badData = new List<string>();
        using var csv = new CsvReader(text, CsvDialect.Reading(badData));
        var results = new List<PublishedDtiResult>();
        var problems = new List<string>();
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            int line = csv.Parser.RawRow;
            string Field(string name) => csv.GetField(name) ?? string.Empty;
            double? Number(string name)
            {
                string raw = Field(name);
                if (raw.Length == 0)
                {
                    return null;
                }

                if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value) && value is >= 0 and <= 1)
                {
                    return value;
                }

                problems.Add($"{sourceName}:{line}: column '{name}': '{raw}' is not a value in [0, 1]");
                return null;
            }

            if (!int.TryParse(Field("year"), NumberStyles.None, CultureInfo.InvariantCulture, out int year))
            {
                problems.Add($"{sourceName}:{line}: column 'year': '{Field("year")}' is not a year");
            }

            PublishedRowKind kind = Field("kind") switch
            {
                "province" => PublishedRowKind.Province,
                "provincialMean" => PublishedRowKind.ProvincialMean,
                string other => Bad(PublishedRowKind.Province, $"column 'kind': '{other}' is not province or provincialMean"),
            };
            PublishedDerivation derivation = Field("derived") switch
            {
                "no" => PublishedDerivation.Printed,
                "yes" => PublishedDerivation.Derived,
                "inferredYear" => PublishedDerivation.InferredYear,
                string other => Bad(PublishedDerivation.Printed, $"column 'derived': '{other}' is not no, yes or inferredYear"),
            };
            UnitRank? rank = null;
            if (Field("rank").Length > 0 || Field("universe").Length > 0)
            {
                if (int.TryParse(Field("rank"), NumberStyles.None, CultureInfo.InvariantCulture, out int r) &&
                    int.TryParse(Field("universe"), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && r >= 1 && r <= n)
                {
                    rank = new UnitRank(r, n);
                }
                else
                {
                    problems.Add($"{sourceName}:{line}: columns 'rank'/'universe': '{Field("rank")}/{Field("universe")}' is not a rank 1 ≤ r ≤ N");
                }
            }

            LocalDate? date = null;
            if (Field("source_date").Length > 0)
            {
                ParseResult<LocalDate> parsed = LocalDatePattern.Iso.Parse(Field("source_date"));
                if (parsed.Success)
                {
                    date = parsed.Value;
                }
                else
                {
                    problems.Add($"{sourceName}:{line}: column 'source_date': '{Field("source_date")}' is not an ISO date");
                }
            }

            if (!Field("source_url").StartsWith("http", StringComparison.Ordinal) || Field("source_publisher").Length == 0)
            {
                problems.Add($"{sourceName}:{line}: every row needs a source_url (http…) and a source_publisher");
            }

            if (Field("unit").Length == 0 || Field("framework").Length == 0)
            {
                problems.Add($"{sourceName}:{line}: every row needs a unit and a framework");
            }

            var mainIndices = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (string code in s_mainIndexCodes)
            {
                if (Number(code) is { } v)
                {
                    mainIndices[code] = v;
                }
            }

            string? Optional(string name) => Field(name) is { Length: > 0 } value ? value : null;
            results.Add(new PublishedDtiResult(
                year,
                Field("unit"),
                Field("name"),
                kind,
                Field("framework"),
                new PublishedSource(Field("source_url"), Field("source_publisher"), Optional("source_title"), date))
            {
                Overall = Number("overall"),
                Rank = rank,
                Government = Number("government"),
                Economy = Number("economy"),
                Society = Number("society"),
                MainIndices = mainIndices,
                PillarRanks = Optional("pillar_ranks"),
                Derivation = derivation,
                Note = Optional("note"),
            });

            T Bad<T>(T fallback, string message)
            {
                problems.Add($"{sourceName}:{line}: {message}");
                return fallback;
            }
        }

        problems.AddRange(badData.Select(field => $"{sourceName}: badly quoted field {field}"));
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"{sourceName} has {problems.Count} problem(s):{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        }

        return results;
    }
}
