using System.Text;
using DxIndicators.Catalog;
using DxIndicators.Cli.Infrastructure;

namespace DxIndicators.Cli.Commands;

/// <summary>Renders the built-in published DTI results (<see cref="PublishedDti"/>) as text tables with numbered public sources.</summary>
internal static class PublishedTable
{
    public static string Render(string? unit, string format = "table")
    {
        if (format != "table")
        {
            IReadOnlyList<PublishedDtiResult> rows = unit is null ? PublishedDti.Results : PublishedDti.History(unit);
            if (rows.Count == 0)
            {
                throw new UsageException($"no published DTI result for unit '{unit}' (give a code such as 11, or an id such as 11@2025)");
            }

            return format == "json" ? Json(rows) : Csv(rows);
        }

        var sb = new StringBuilder();
        var sources = new List<PublishedSource>();
        if (unit is null)
        {
            sb.AppendLine(Text.Invariant($"Published provincial DTI results ({PublishedDti.Results.Count} rows; ranks carry their universe: 63 units before the 2025 merger, 34 after)"));
            sb.Append(Table(PublishedDti.Results, sources));
        }
        else
        {
            IReadOnlyList<PublishedDtiResult> history = PublishedDti.History(unit);
            if (history.Count == 0)
            {
                throw new UsageException($"no published DTI result for unit '{unit}' (give a code such as 11, or an id such as 11@2025)");
            }

            sb.AppendLine(Text.Invariant($"Published DTI history of {history[^1].Name} ({unit}): {history.Count} result(s)"));
            sb.Append(Table(history, sources));
            foreach (PublishedDtiResult row in history.Where(r => r.Rank is not null))
            {
                IReadOnlyList<PublishedDtiResult> peers = PublishedDti.Ranking(row.Year, row.Rank!.Value.UniverseSize);
                sb.AppendLine();
                sb.AppendLine(Text.Invariant($"DTI {row.Year}, ranking of {row.Rank.Value.UniverseSize} units: {row.Name} is {Text.Num(row.Rank.Value.Rank)}/{row.Rank.Value.UniverseSize}; published peers in that ranking:"));
                sb.Append(Table(peers, sources, highlight: row.Unit));
            }
        }

        sb.AppendLine();
        sb.AppendLine("recomputed = the DTI rebuilt from the published parts with the row's framework (only where every part is published; values are rounded after aggregation).");
        sb.AppendLine("how: printed, derived (from a printed value and a printed change; approximate) or year inferred (the source's wording leaves the round open).");
        sb.AppendLine("Sources");
        for (int i = 0; i < sources.Count; i++)
        {
            sb.AppendLine(Text.Invariant($"[{i + 1}] {sources[i]}"));
        }

        return sb.ToString();
    }

    private static string Table(IEnumerable<PublishedDtiResult> rows, List<PublishedSource> sources, string? highlight = null)
    {
        var table = new TextTable("year", "unit", "name", "DTI", "rank", "gov", "econ", "soc", "recomputed", "framework", "how", "source").AlignRight(3, 4, 5, 6, 7, 8);
        foreach (PublishedDtiResult row in rows)
        {
            int index = sources.IndexOf(row.Source);
            if (index < 0)
            {
                sources.Add(row.Source);
                index = sources.Count - 1;
            }

            string name = row.Kind == PublishedRowKind.ProvincialMean ? "(mean of all provinces)" : row.Name;
            if (string.Equals(row.Unit, highlight, StringComparison.Ordinal))
            {
                name = "► " + name;
            }

            table.Add(
                row.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                row.Unit,
                name,
                Value(row.Overall),
                row.Rank is { } rank ? Text.Invariant($"{Text.Num(rank.Rank)}/{rank.UniverseSize}") : "—",
                Value(row.Government),
                Value(row.Economy),
                Value(row.Society),
                PublishedDti.Recompute(row) is { } computed ? computed.Overall.ToString("F5", System.Globalization.CultureInfo.InvariantCulture) : "—",
                row.FrameworkId,
                row.Derivation switch
                {
                    PublishedDerivation.Derived => "derived",
                    PublishedDerivation.InferredYear => "year inferred",
                    _ => "printed",
                },
                Text.Invariant($"[{index + 1}]"));
        }

        return table.Render();
    }

    private static string Derivation(PublishedDtiResult row) => row.Derivation switch
    {
        PublishedDerivation.Derived => "derived",
        PublishedDerivation.InferredYear => "inferred-year",
        _ => "printed",
    };

    private static string Json(IReadOnlyList<PublishedDtiResult> rows) => JsonOutput.Write(json =>
    {
        json.WriteStartArray();
        foreach (PublishedDtiResult row in rows)
        {
            json.WriteStartObject();
            json.WriteNumber("year", row.Year);
            json.WriteString("unit", row.Unit);
            json.WriteString("name", row.Name);
            json.WriteString("kind", row.Kind == PublishedRowKind.ProvincialMean ? "provincialMean" : "province");
            json.WriteString("framework", row.FrameworkId);
            JsonOutput.Number(json, "dti", row.Overall);
            JsonOutput.Number(json, "rank", row.Rank?.Rank);
            if (row.Rank is { } rank)
            {
                json.WriteNumber("universe", rank.UniverseSize);
            }
            else
            {
                json.WriteNull("universe");
            }

            JsonOutput.Number(json, "government", row.Government);
            JsonOutput.Number(json, "economy", row.Economy);
            JsonOutput.Number(json, "society", row.Society);
            json.WriteString("derivation", Derivation(row));
            json.WriteString("sourceUrl", row.Source.Url);
            json.WriteString("publisher", row.Source.Publisher);
            json.WriteString("note", row.Note);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    });

    private static string Csv(IReadOnlyList<PublishedDtiResult> rows)
    {
        var sb = new StringBuilder("year,unit,name,kind,framework,dti,rank,universe,government,economy,society,derivation,source_url,publisher\n");
        foreach (PublishedDtiResult row in rows)
        {
            sb.AppendJoin(
                ',',
                row.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Infrastructure.Csv.Field(row.Unit),
                Infrastructure.Csv.Field(row.Name),
                row.Kind == PublishedRowKind.ProvincialMean ? "provincialMean" : "province",
                row.FrameworkId,
                Text.RoundTrip(row.Overall ?? double.NaN),
                Text.RoundTrip(row.Rank?.Rank ?? double.NaN),
                row.Rank is { } r ? r.UniverseSize.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty,
                Text.RoundTrip(row.Government ?? double.NaN),
                Text.RoundTrip(row.Economy ?? double.NaN),
                Text.RoundTrip(row.Society ?? double.NaN),
                Derivation(row),
                Infrastructure.Csv.Field(row.Source.Url),
                Infrastructure.Csv.Field(row.Source.Publisher)).Append('\n');
        }

        return sb.ToString();
    }

    private static string Value(double? value) => value is { } v ? v.ToString("F4", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
