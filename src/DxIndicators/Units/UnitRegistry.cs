using System.Collections.Frozen;
using System.Globalization;
using DxIndicators.Data;
using NodaTime;
using Period = DxIndicators.Data.Period;

namespace DxIndicators.Units;

/// <summary>
/// An immutable registry of administrative units across code-list vintages, with lineage (which unit continued into
/// which, from when) and name lookup that accepts the usual spelling variants.
/// </summary>
/// <remarks>
/// Immutable; safe to share between threads. Codes are unique only together with a date: <see cref="Resolve"/> takes
/// both. Names are matched after normalisation (NFC/NFD, tone-mark placement, đ → d, case, punctuation, a
/// "Tỉnh"/"Thành phố"/"TP." prefix and a "City" suffix are ignored), against the Vietnamese, English and ASCII names and
/// every alias.
/// </remarks>
public sealed class UnitRegistry
{
    private readonly FrozenDictionary<string, AdministrativeUnit> _byId;
    private readonly FrozenDictionary<string, AdministrativeUnit[]> _byCode;
    private readonly FrozenDictionary<string, AdministrativeUnit[]> _byName;
    private readonly FrozenDictionary<string, UnitSuccession[]> _successors;
    private readonly FrozenDictionary<string, UnitSuccession[]> _predecessors;
    private readonly FrozenDictionary<string, AdministrativeUnit[]> _children;

    /// <summary>Initializes a registry after checking it is consistent.</summary>
    /// <param name="units">The units of every vintage.</param>
    /// <param name="successions">The lineage links between them (may be empty).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">Lists every problem: duplicate ids, one code valid for two units on the same day, a parent or lineage link naming an unknown unit, or a link whose effective date does not follow the predecessor's end.</exception>
    public UnitRegistry(IEnumerable<AdministrativeUnit> units, IEnumerable<UnitSuccession>? successions = null)
    {
        ArgumentNullException.ThrowIfNull(units);
        Units = units.ToValueList();
        Successions = (successions ?? []).ToValueList();
        var problems = new List<string>();

        var byId = new Dictionary<string, AdministrativeUnit>(StringComparer.Ordinal);
        foreach (AdministrativeUnit unit in Units)
        {
            ArgumentNullException.ThrowIfNull(unit, nameof(units));
            if (!byId.TryAdd(unit.Id, unit))
            {
                problems.Add($"Unit id '{unit.Id}' appears more than once.");
            }
        }

        foreach (IGrouping<string, AdministrativeUnit> group in Units.GroupBy(u => u.Code, StringComparer.Ordinal))
        {
            AdministrativeUnit[] same = [.. group];
            for (int i = 0; i < same.Length; i++)
            {
                for (int j = i + 1; j < same.Length; j++)
                {
                    if (Overlap(same[i], same[j]))
                    {
                        problems.Add($"Code '{group.Key}' is valid for both '{same[i].Id}' ({same[i].NameVi}) and '{same[j].Id}' ({same[j].NameVi}) on some day; codes must be unique at every date.");
                    }
                }
            }
        }

        foreach (AdministrativeUnit unit in Units)
        {
            if (unit.ParentId is { } parent && !byId.ContainsKey(parent))
            {
                problems.Add($"Unit '{unit.Id}' names parent '{parent}', which is not in the registry.");
            }
        }

        foreach (UnitSuccession link in Successions)
        {
            ArgumentNullException.ThrowIfNull(link, nameof(successions));
            if (!byId.TryGetValue(link.PredecessorId, out AdministrativeUnit? from))
            {
                problems.Add($"Lineage link {link.PredecessorId} → {link.SuccessorId}: predecessor '{link.PredecessorId}' is not in the registry.");
                continue;
            }

            if (!byId.TryGetValue(link.SuccessorId, out AdministrativeUnit? to))
            {
                problems.Add($"Lineage link {link.PredecessorId} → {link.SuccessorId}: successor '{link.SuccessorId}' is not in the registry.");
                continue;
            }

            if (from.ValidTo is { } end && end.PlusDays(1) != link.Effective)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"Lineage link {link.PredecessorId} → {link.SuccessorId}: effective date {link.Effective:uuuu-MM-dd} must be the day after the predecessor's last day {end:uuuu-MM-dd}."));
            }

            if (!to.IsValidOn(link.Effective))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"Lineage link {link.PredecessorId} → {link.SuccessorId}: the successor is not valid on the effective date {link.Effective:uuuu-MM-dd}."));
            }
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException($"Unit registry is invalid: {problems.Count} problem(s).{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems), nameof(units));
        }

        _byId = byId.ToFrozenDictionary(StringComparer.Ordinal);
        _byCode = Units.GroupBy(u => u.Code, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        var names = new Dictionary<string, List<AdministrativeUnit>>(StringComparer.Ordinal);
        foreach (AdministrativeUnit unit in Units)
        {
            foreach (string name in new[] { unit.NameVi, unit.NameEn, unit.NameAscii }.Concat(unit.Aliases))
            {
                string key = UnitNames.Key(name);
                if (key.Length == 0)
                {
                    continue;
                }

                if (!names.TryGetValue(key, out List<AdministrativeUnit>? list))
                {
                    names[key] = list = [];
                }

                if (!list.Contains(unit))
                {
                    list.Add(unit);
                }
            }
        }

        _byName = names.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        _successors = Successions.GroupBy(s => s.PredecessorId, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _predecessors = Successions.GroupBy(s => s.SuccessorId, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _children = Units.Where(u => u.ParentId is not null).GroupBy(u => u.ParentId!, StringComparer.Ordinal).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Gets every unit, in the order given.</summary>
    public ValueList<AdministrativeUnit> Units { get; }

    /// <summary>Gets every lineage link, in the order given.</summary>
    public ValueList<UnitSuccession> Successions { get; }

    /// <summary>Gets the unit with an id (<c>code@vintage</c>).</summary>
    /// <param name="id">The id.</param>
    /// <returns>The unit.</returns>
    /// <exception cref="KeyNotFoundException">No unit has that id.</exception>
    public AdministrativeUnit Get(string id) =>
        _byId.TryGetValue(id, out AdministrativeUnit? unit) ? unit : throw new KeyNotFoundException($"No administrative unit has id '{id}'.");

    /// <summary>Tries to get the unit with an id.</summary>
    /// <param name="id">The id (<c>code@vintage</c>).</param>
    /// <param name="unit">The unit, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGet(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AdministrativeUnit? unit) => _byId.TryGetValue(id, out unit);

    /// <summary>Gets the unit a code denotes on a date.</summary>
    /// <param name="code">The code as used in data ("24").</param>
    /// <param name="date">The date (code 24 is Bắc Giang on 2025-06-30 and Bắc Ninh on 2025-07-01).</param>
    /// <returns>The unit.</returns>
    /// <exception cref="KeyNotFoundException">No unit had that code on that date; the message lists when the code was valid.</exception>
    public AdministrativeUnit Resolve(string code, LocalDate date)
    {
        if (TryResolve(code, date, out AdministrativeUnit? unit))
        {
            return unit;
        }

        string known = _byCode.TryGetValue(code, out AdministrativeUnit[]? all)
            ? " It is valid for: " + string.Join("; ", all.Select(u => $"{u.Id} {u.NameVi} {Range(u)}")) + "."
            : string.Empty;
        throw new KeyNotFoundException(string.Create(CultureInfo.InvariantCulture, $"No administrative unit has code '{code}' on {date:uuuu-MM-dd}.{known}"));
    }

    /// <summary>Tries to get the unit a code denotes on a date.</summary>
    /// <param name="code">The code.</param>
    /// <param name="date">The date.</param>
    /// <param name="unit">The unit, when found.</param>
    /// <returns><see langword="true"/> when a unit had that code on that date.</returns>
    public bool TryResolve(string code, LocalDate date, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AdministrativeUnit? unit)
    {
        ArgumentNullException.ThrowIfNull(code);
        unit = null;
        if (!_byCode.TryGetValue(code, out AdministrativeUnit[]? candidates))
        {
            return false;
        }

        foreach (AdministrativeUnit candidate in candidates)
        {
            if (candidate.IsValidOn(date))
            {
                unit = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>Tries to get the unit a code denotes for a data period.</summary>
    /// <param name="code">The code.</param>
    /// <param name="period">The period.</param>
    /// <param name="unit">The unit, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    /// <remarks>
    /// The code is resolved on the period's last day (<see cref="Period.End"/>), the date at which annual figures are
    /// reported; when no unit had the code then, on its first day (<see cref="Period.Start"/>). So code 24 for 2025
    /// is the new Bắc Ninh, code 49 (Quảng Nam, retired on 2025-07-01) for 2025 is still Quảng Nam, and code 24 for
    /// 2025-H1 is Bắc Giang.
    /// </remarks>
    public bool TryResolve(string code, Period period, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AdministrativeUnit? unit) =>
        TryResolve(code, period.End, out unit) || TryResolve(code, period.Start, out unit);

    /// <summary>Finds the unit known by a name on a date.</summary>
    /// <param name="name">A name, in any of the accepted spellings ("Thừa Thiên Huế", "TP. Hồ Chí Minh", "Hanoi", "Hoà Bình", NFD text).</param>
    /// <param name="date">The date.</param>
    /// <returns>The unit, or null when no unit valid on that date has the name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="InvalidOperationException">Several units valid on that date share the name.</exception>
    public AdministrativeUnit? FindByName(string name, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!_byName.TryGetValue(UnitNames.Key(name), out AdministrativeUnit[]? candidates))
        {
            return null;
        }

        AdministrativeUnit[] valid = [.. candidates.Where(u => u.IsValidOn(date))];
        return valid.Length switch
        {
            0 => null,
            1 => valid[0],
            _ => throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The name '{name}' matches several units on {date:uuuu-MM-dd}: {string.Join(", ", valid.Select(u => u.Id))}; use a code.")),
        };
    }

    /// <summary>Gets the units a unit continued into.</summary>
    /// <param name="unit">The unit.</param>
    /// <returns>The links to its successors with their effective dates (empty when it still exists or simply ended).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> is null.</exception>
    public IReadOnlyList<UnitSuccession> Successors(AdministrativeUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return _successors.TryGetValue(unit.Id, out UnitSuccession[]? links) ? links : [];
    }

    /// <summary>Gets the units a unit was formed from.</summary>
    /// <param name="unit">The unit.</param>
    /// <returns>The links from its predecessors with their effective dates.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> is null.</exception>
    public IReadOnlyList<UnitSuccession> Predecessors(AdministrativeUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return _predecessors.TryGetValue(unit.Id, out UnitSuccession[]? links) ? links : [];
    }

    /// <summary>Gets the units whose parent is a unit.</summary>
    /// <param name="unit">The parent.</param>
    /// <returns>Its children of every vintage.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> is null.</exception>
    public IReadOnlyList<AdministrativeUnit> Children(AdministrativeUnit unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return _children.TryGetValue(unit.Id, out AdministrativeUnit[]? children) ? children : [];
    }

    /// <summary>Follows lineage links from a unit to the unit that holds its territory on a later date.</summary>
    /// <param name="unit">The earlier unit.</param>
    /// <param name="date">The later date.</param>
    /// <returns>The unit valid on <paramref name="date"/> (the unit itself when it is still valid), or null when the lineage ends or splits before then.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> is null.</exception>
    public AdministrativeUnit? SuccessorOn(AdministrativeUnit unit, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(unit);
        AdministrativeUnit current = unit;
        for (int guard = 0; guard <= _byId.Count; guard++)
        {
            if (current.IsValidOn(date))
            {
                return current;
            }

            IReadOnlyList<UnitSuccession> next = Successors(current);
            if (next.Count != 1 || next[0].Effective > date)
            {
                return null;
            }

            current = _byId[next[0].SuccessorId];
        }

        return null;
    }

    private static bool Overlap(AdministrativeUnit a, AdministrativeUnit b)
    {
        LocalDate aFrom = a.ValidFrom ?? LocalDate.MinIsoValue;
        LocalDate aTo = a.ValidTo ?? LocalDate.MaxIsoValue;
        LocalDate bFrom = b.ValidFrom ?? LocalDate.MinIsoValue;
        LocalDate bTo = b.ValidTo ?? LocalDate.MaxIsoValue;
        return aFrom <= bTo && bFrom <= aTo;
    }

    private static string Range(AdministrativeUnit u) => string.Create(
        CultureInfo.InvariantCulture,
        $"[{(u.ValidFrom is { } f ? f.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) : "…")}, {(u.ValidTo is { } t ? t.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) : "…")}]");
}
