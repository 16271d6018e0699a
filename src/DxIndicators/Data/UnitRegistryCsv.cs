using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using DxIndicators.Formats;
using DxIndicators.Model;
using DxIndicators.Units;
using NodaTime;
using NodaTime.Text;

namespace DxIndicators.Data;

/// <summary>Reads and writes a unit registry as CSV: one file of units and an optional file of lineage links.</summary>
/// <remarks>
/// <para>Units: <c>id,code,vintage,level,kind,name_vi,name_en,parent,valid_from,valid_to</c>, optionally
/// <c>name_ascii</c> (default: <c>name_vi</c> without diacritics) and <c>aliases</c> (separated by <c>;</c>). Required:
/// <c>id</c>, <c>code</c>, <c>level</c>, <c>kind</c>, <c>name_vi</c>; <c>id</c> must be <c>code@vintage</c>, or the
/// code when <c>vintage</c> is empty. Levels and kinds are the enum names in camelCase (<c>commune</c>,
/// <c>specialZone</c>), matched case-insensitively. Dates are ISO <c>uuuu-MM-dd</c>, inclusive; empty means open.</para>
/// <para>Successions: <c>predecessor,successor,effective_date</c> (unit ids and the successor's first day).</para>
/// <para>UTF-8, header row, invariant culture, RFC-4180 quoting; columns matched by header name (case-insensitive).
/// Every problem is reported, with <c>file:line</c> (line 1 is the header), the column and the rule; the registry
/// rules (duplicate id, a code valid for two units on one day, unknown parent or succession unit, link dates) are
/// those of <see cref="UnitRegistry"/>, checked once over the base registry and the files together. Nothing is loaded
/// when there is any problem.</para>
/// </remarks>
public static class UnitRegistryCsv
{
    /// <summary>Gets the unit columns, in the order written.</summary>
    public static ValueList<string> Columns { get; } = ValueList.Of("id", "code", "vintage", "level", "kind", "name_vi", "name_en", "parent", "valid_from", "valid_to", "name_ascii", "aliases");

    /// <summary>Gets the succession columns, in the order written.</summary>
    public static ValueList<string> SuccessionColumns { get; } = ValueList.Of("predecessor", "successor", "effective_date");

    private const char AliasSeparator = ';';

    private static readonly string[] s_requiredUnitColumns = ["id", "code", "level", "kind", "name_vi"];

    /// <summary>Reads units (and optionally lineage links), on their own or added to a base registry.</summary>
    /// <param name="units">The units CSV.</param>
    /// <param name="unitsFileName">The name used in problem locations for the units file.</param>
    /// <param name="successions">The successions CSV, or null for none.</param>
    /// <param name="successionsFileName">The name used in problem locations for the successions file (default "successions").</param>
    /// <param name="baseRegistry">A registry the file extends (for example <see cref="BuiltIn.VietnamProvinces"/>, so that
    /// communes can name <c>11@2025</c> as parent); its units and links come first in the result. Null for none.</param>
    /// <returns>The registry, or every problem found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="units"/> or <paramref name="unitsFileName"/> is null.</exception>
    /// <param name="limits">The limits (<see cref="InputLimits.MaxUnits"/> counts the base registry's units and the
    /// file's); null means <see cref="InputLimits.Default"/>. An exceeded limit throws <see cref="InvalidDataException"/> naming it.</param>
    public static ReadResult<UnitRegistry> Read(TextReader units, string unitsFileName, TextReader? successions = null, string? successionsFileName = null, UnitRegistry? baseRegistry = null, InputLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(unitsFileName);
        string linksFile = successionsFileName ?? "successions";
        var unitProblems = new List<Problem>();
        var linkProblems = new List<Problem>();
        var parsedUnits = new List<(AdministrativeUnit Unit, int Line)>();
        var parsedLinks = new List<(UnitSuccession Link, int Line)>();
        var failedIds = new HashSet<string>(StringComparer.Ordinal);

        int maxUnits = (limits ?? InputLimits.Default).MaxUnits - (baseRegistry?.Units.Count ?? 0);
        foreach (Row row in ReadRows(units, unitsFileName, Columns, s_requiredUnitColumns, unitProblems))
        {
            if (parsedUnits.Count + failedIds.Count >= maxUnits)
            {
                throw InputLimits.Exceeded(nameof(InputLimits.MaxUnits), (limits ?? InputLimits.Default).MaxUnits, string.Create(CultureInfo.InvariantCulture, $"'{unitsFileName}' line {row.Line} (the registry's units)"));
            }

            if (ParseUnit(row, unitProblems) is { } unit)
            {
                parsedUnits.Add((unit, row.Line));
            }
            else if (row.Get("id") is { Length: > 0 } id)
            {
                failedIds.Add(id);
            }
        }

        if (successions is not null)
        {
            foreach (Row row in ReadRows(successions, linksFile, SuccessionColumns, SuccessionColumns, linkProblems))
            {
                if (ParseLink(row, linkProblems) is { } link)
                {
                    parsedLinks.Add((link, row.Line));
                }
            }
        }

        AdministrativeUnit[] baseUnits = baseRegistry is null ? [] : [.. baseRegistry.Units];
        UnitSuccession[] baseLinks = baseRegistry is null ? [] : [.. baseRegistry.Successions];
        AdministrativeUnit[] allUnits = [.. baseUnits, .. parsedUnits.Select(u => u.Unit)];
        UnitSuccession[] allLinks = [.. baseLinks, .. parsedLinks.Select(l => l.Link)];
        AddRegistryProblems(allUnits, allLinks, baseUnits.Length, baseLinks.Length, [.. parsedUnits.Select(u => u.Line)], [.. parsedLinks.Select(l => l.Line)], failedIds, (unitsFileName, linksFile), unitProblems, linkProblems);

        Problem[] problems = [.. unitProblems.OrderBy(p => p.Line ?? 0), .. linkProblems.OrderBy(p => p.Line ?? 0)];
        return problems.Length > 0
            ? new ReadResult<UnitRegistry>(unitsFileName, null, problems)
            : new ReadResult<UnitRegistry>(unitsFileName, new UnitRegistry(allUnits, allLinks), []);
    }

    /// <summary>Checks the registry rules over the base registry and the files together and reports each problem at
    /// its file line (a unit or link of the base registry has none).</summary>
    private static void AddRegistryProblems(
        AdministrativeUnit[] allUnits,
        UnitSuccession[] allLinks,
        int baseUnitCount,
        int baseLinkCount,
        int[] unitLines,
        int[] linkLines,
        HashSet<string> failedIds,
        (string Units, string Links) files,
        List<Problem> unitProblems,
        List<Problem> linkProblems)
    {
        foreach (UnitRegistry.RegistryProblem problem in UnitRegistry.Check(allUnits, allLinks, out _))
        {
            if (problem.UnitIndex is { } u)
            {
                AdministrativeUnit unit = allUnits[u];
                if (problem.Rule == ProblemRules.UnknownParent && failedIds.Contains(unit.ParentId!))
                {
                    // The parent's own row is already reported; naming it again as unknown would mislead.
                    continue;
                }

                int? line = u >= baseUnitCount ? unitLines[u - baseUnitCount] : null;
                unitProblems.Add(Located(files.Units, line, UnitColumn(problem.Field), problem.Rule, problem.Message, unit.Id));
            }
            else if (problem.LinkIndex is { } k)
            {
                UnitSuccession link = allLinks[k];
                if (problem.Rule == ProblemRules.UnknownLinkUnit && (failedIds.Contains(link.PredecessorId) || failedIds.Contains(link.SuccessorId)))
                {
                    continue;
                }

                int? line = k >= baseLinkCount ? linkLines[k - baseLinkCount] : null;
                linkProblems.Add(Located(files.Links, line, problem.Field == "effective" ? "effective_date" : problem.Field, problem.Rule, problem.Message, null));
            }
        }
    }

    /// <summary>Writes units as CSV with a header row (all <see cref="Columns"/>).</summary>
    /// <param name="writer">The destination.</param>
    /// <param name="units">The units, written in the order given (for a whole registry, <see cref="UnitRegistry.Units"/>;
    /// for an extension, the units not in the base).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">An alias contains ';', which separates aliases in the file.</exception>
    public static void WriteUnits(TextWriter writer, IEnumerable<AdministrativeUnit> units)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(units);
        using CsvWriter csv = NewWriter(writer, Columns);
        foreach (AdministrativeUnit unit in units)
        {
            if (unit.Aliases.FirstOrDefault(a => a.Contains(AliasSeparator, StringComparison.Ordinal)) is { } bad)
            {
                throw new ArgumentException($"Unit '{unit.Id}': alias '{bad}' contains '{AliasSeparator}', which separates aliases in the CSV format.", nameof(units));
            }

            csv.WriteField(unit.Id);
            csv.WriteField(unit.Code);
            csv.WriteField(unit.Vintage ?? string.Empty);
            csv.WriteField(EnumNames.AdminLevel.Format(unit.Level));
            csv.WriteField(EnumNames.UnitKind.Format(unit.Kind));
            csv.WriteField(unit.NameVi);
            csv.WriteField(unit.NameEn);
            csv.WriteField(unit.ParentId ?? string.Empty);
            csv.WriteField(DateText(unit.ValidFrom));
            csv.WriteField(DateText(unit.ValidTo));
            csv.WriteField(unit.NameAscii);
            csv.WriteField(string.Join(AliasSeparator, unit.Aliases));
            csv.NextRecord();
        }

        csv.Flush();
    }

    /// <summary>Writes lineage links as CSV with a header row (<see cref="SuccessionColumns"/>).</summary>
    /// <param name="writer">The destination.</param>
    /// <param name="successions">The links, in the order given.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void WriteSuccessions(TextWriter writer, IEnumerable<UnitSuccession> successions)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(successions);
        using CsvWriter csv = NewWriter(writer, SuccessionColumns);
        foreach (UnitSuccession link in successions)
        {
            csv.WriteField(link.PredecessorId);
            csv.WriteField(link.SuccessorId);
            csv.WriteField(DateText(link.Effective));
            csv.NextRecord();
        }

        csv.Flush();
    }

    private static AdministrativeUnit? ParseUnit(Row row, List<Problem> problems)
    {
        int before = problems.Count;
        string? id = Required(row, "id", problems);
        string? code = Required(row, "code", problems);
        string? nameVi = Required(row, "name_vi", problems);
        string? vintage = row.Get("vintage") is { Length: > 0 } v ? v : null;
        AdminLevel? level = ParseEnum(EnumNames.AdminLevel, row, "level", ProblemRules.UnknownLevel, problems);
        UnitKind? kind = ParseEnum(EnumNames.UnitKind, row, "kind", ProblemRules.UnknownKind, problems);
        LocalDate? from = ParseDate(row, "valid_from", problems);
        LocalDate? to = ParseDate(row, "valid_to", problems);
        if (problems.Count > before || id is null || code is null || nameVi is null || level is null || kind is null)
        {
            return null;
        }

        string nameEn = row.Get("name_en") ?? string.Empty;
        string nameAscii = row.Get("name_ascii") is { Length: > 0 } ascii ? ascii : UnitNames.Ascii(nameVi);
        string[] aliases = (row.Get("aliases") ?? string.Empty).Split(AliasSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        string? parent = row.Get("parent") is { Length: > 0 } p ? p : null;
        AdministrativeUnit unit;
        try
        {
            unit = new AdministrativeUnit(code, vintage, nameVi, nameEn, nameAscii, level.Value, kind.Value, parent, from, to, aliases);
        }
        catch (ArgumentException ex)
        {
            // The unit's own rules live in its constructor; report its message at this row.
            (string rule, string column) = ex.ParamName switch
            {
                "validTo" => (ProblemRules.InvertedValidity, "valid_to"),
                "vintage" => (ProblemRules.InvalidUnit, "vintage"),
                _ => (ProblemRules.InvalidUnit, "code"),
            };
            problems.Add(row.Problem(column, rule, ex.Message.Split(" (Parameter", 2)[0], id));
            return null;
        }

        if (!string.Equals(unit.Id, id, StringComparison.Ordinal))
        {
            problems.Add(row.Problem("id", ProblemRules.BadId, $"Id '{id}' does not match code '{code}' and vintage '{vintage}'; expected '{unit.Id}'.", id));
            return null;
        }

        return unit;
    }

    private static UnitSuccession? ParseLink(Row row, List<Problem> problems)
    {
        int before = problems.Count;
        string? predecessor = Required(row, "predecessor", problems);
        string? successor = Required(row, "successor", problems);
        LocalDate? effective = Required(row, "effective_date", problems) is null ? null : ParseDate(row, "effective_date", problems);
        return problems.Count > before || predecessor is null || successor is null || effective is null
            ? null
            : new UnitSuccession(predecessor, successor, effective.Value);
    }

    private static string? Required(Row row, string column, List<Problem> problems)
    {
        if (row.Get(column) is { Length: > 0 } text)
        {
            return text;
        }

        problems.Add(row.Problem(column, ProblemRules.MissingField, $"Required field '{column}' is empty.", row.Get("id")));
        return null;
    }

    private static T? ParseEnum<T>(EnumNameTable<T> names, Row row, string column, string rule, List<Problem> problems)
        where T : struct, Enum
    {
        string? text = Required(row, column, problems);
        if (text is null)
        {
            return null;
        }

        // A name must match one member exactly (case aside): Enum.TryParse would also take numbers ("1") and
        // comma-joined flag lists ("province,district"), which the format does not.
        if (names.TryParse(text, out T value))
        {
            return value;
        }

        problems.Add(row.Problem(column, rule, $"{column} '{text}' is not one of {names.Allowed}.", row.Get("id")));
        return null;
    }

    private static LocalDate? ParseDate(Row row, string column, List<Problem> problems)
    {
        if (row.Get(column) is not { Length: > 0 } text)
        {
            return null;
        }

        ParseResult<LocalDate> parsed = LocalDatePattern.Iso.Parse(text);
        if (parsed.Success)
        {
            return parsed.Value;
        }

        problems.Add(row.Problem(column, ProblemRules.BadDate, $"{column} '{text}' is not an ISO date (uuuu-MM-dd).", row.Get("id")));
        return null;
    }

    private static IEnumerable<Row> ReadRows(TextReader reader, string fileName, ValueList<string> columns, IReadOnlyList<string> required, List<Problem> problems)
    {
        using var cursor = new CsvCursor(reader, fileName, null);
        if (!cursor.ReadHeader())
        {
            problems.Add(Located(fileName, 1, null, ProblemRules.Malformed, "The file is empty; expected a header row: " + string.Join(",", columns) + ".", null));
            yield break;
        }

        if (!cursor.Bind(columns, required))
        {
            // Without a usable header every row would only repeat the same problem.
            problems.AddRange(cursor.Issues.Select(i => Located(fileName, i.Line, i.Column, i.Rule, i.Message, null)));
            yield break;
        }

        while (cursor.Read())
        {
            var fields = new string?[columns.Count];
            for (int c = 0; c < fields.Length; c++)
            {
                fields[c] = cursor.Has(c) ? cursor.Column(c).Trim().ToString() : null;
            }

            var row = new Row(fileName, cursor.Line, columns, fields);

            // A truncated row would otherwise load with its last columns (parent, validity…) silently empty.
            problems.AddRange(cursor.Issues.Select(i => row.Problem(i.Column, i.Rule, i.Message, i.Rule == ProblemRules.MissingFields ? fields[0] : null)));
            cursor.Issues.Clear();
            if (cursor.WellFormed)
            {
                yield return row;
            }
        }
    }

    private static Problem Located(string fileName, int? line, string? column, string rule, string message, string? unit) =>
        new(line is { } l ? string.Create(CultureInfo.InvariantCulture, $"{fileName}:{l}") : "base registry", rule, message) { Line = line, Field = column, Unit = unit };

    private static string UnitColumn(string field) => field switch
    {
        "id" or "code" or "parent" => field,
        _ => "id",
    };

    private static CsvWriter NewWriter(TextWriter writer, ValueList<string> columns)
    {
        var csv = new CsvWriter(writer, CsvDialect.Writing, leaveOpen: true);
        foreach (string column in columns)
        {
            csv.WriteField(column);
        }

        csv.NextRecord();
        return csv;
    }

    private static string DateText(LocalDate? date) => date is { } d ? LocalDatePattern.Iso.Format(d) : string.Empty;

    private sealed class Row(string fileName, int line, ValueList<string> columns, string?[] fields)
    {
        public int Line => line;

        public string? Get(string column) => columns.AsSpan().IndexOf(column) is int i and >= 0 ? fields[i] : null;

        public Problem Problem(string? column, string rule, string message, string? unit) => Located(fileName, line, column, rule, message, unit);
    }
}
