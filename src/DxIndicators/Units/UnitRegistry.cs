using System.Collections.Frozen;
using System.Globalization;
using NodaTime;

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
public sealed class UnitRegistry : IEquatable<UnitRegistry>
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
        foreach (AdministrativeUnit unit in Units)
        {
            ArgumentNullException.ThrowIfNull(unit, nameof(units));
        }

        foreach (UnitSuccession link in Successions)
        {
            ArgumentNullException.ThrowIfNull(link, nameof(successions));
        }

        List<RegistryProblem> problems = Check(Units, Successions, out Dictionary<string, AdministrativeUnit> byId);
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Unit registry is invalid: {problems.Count} problem(s).{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems.Select(p => p.Message)), nameof(units));
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

    /// <summary>Returns a registry with more units and lineage links added to this one's.</summary>
    /// <param name="units">The units to add (for example a province's communes, with parents such as <c>11@2025</c>).</param>
    /// <param name="successions">The lineage links to add; null for none.</param>
    /// <returns>A new registry with this registry's units and links followed by the given ones.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="units"/> is null.</exception>
    /// <exception cref="ArgumentException">The combined registry breaks a rule; every problem is listed (see the constructor).</exception>
    public UnitRegistry With(IEnumerable<AdministrativeUnit> units, IEnumerable<UnitSuccession>? successions = null)
    {
        ArgumentNullException.ThrowIfNull(units);
        return new UnitRegistry(Units.Concat(units), Successions.Concat(successions ?? []));
    }

    /// <inheritdoc/>
    /// <remarks>Two registries are equal when they hold equal units and links in the same order.</remarks>
    public bool Equals(UnitRegistry? other) => other is not null && Units == other.Units && Successions == other.Successions;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as UnitRegistry);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Units, Successions);

    /// <summary>Compares two registries by content.</summary>
    /// <param name="left">The first registry.</param>
    /// <param name="right">The second registry.</param>
    /// <returns><see langword="true"/> when they hold equal units and links in the same order.</returns>
    public static bool operator ==(UnitRegistry? left, UnitRegistry? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two registries by content.</summary>
    /// <param name="left">The first registry.</param>
    /// <param name="right">The second registry.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(UnitRegistry? left, UnitRegistry? right) => !(left == right);

    /// <summary>One broken registry rule, located by the index of the unit or link it concerns.</summary>
    /// <param name="Rule">The <see cref="ProblemRules"/> name.</param>
    /// <param name="Message">What is wrong.</param>
    /// <param name="UnitIndex">The index in the unit list of the unit at fault (the later one of a pair), or null.</param>
    /// <param name="LinkIndex">The index in the link list of the link at fault, or null.</param>
    /// <param name="Field">The field at fault: id, code, parent, predecessor, successor or effective.</param>
    internal sealed record RegistryProblem(string Rule, string Message, int? UnitIndex, int? LinkIndex, string Field);

    /// <summary>Checks units and links against every registry rule; the one place these rules live (the constructor and
    /// <c>Data.UnitRegistryCsv</c> both use it).</summary>
    // Long: every registry rule (ids, codes per day, parents, parent cycles, links) over one index of the units.
    internal static List<RegistryProblem> Check(IReadOnlyList<AdministrativeUnit> units, IReadOnlyList<UnitSuccession> links, out Dictionary<string, AdministrativeUnit> byId)
    {
        var problems = new List<RegistryProblem>();
        byId = new Dictionary<string, AdministrativeUnit>(StringComparer.Ordinal);
        for (int i = 0; i < units.Count; i++)
        {
            if (!byId.TryAdd(units[i].Id, units[i]))
            {
                problems.Add(new(ProblemRules.DuplicateId, $"Unit id '{units[i].Id}' appears more than once.", i, null, "id"));
            }
        }

        var byCode = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < units.Count; i++)
        {
            if (!byCode.TryGetValue(units[i].Code, out List<int>? same))
            {
                byCode[units[i].Code] = same = [];
            }

            foreach (int j in same)
            {
                AdministrativeUnit a = units[j];
                AdministrativeUnit b = units[i];
                if (Overlap(a, b))
                {
                    problems.Add(new(ProblemRules.CodeOverlap, $"Code '{b.Code}' is valid for both '{a.Id}' ({a.NameVi}) and '{b.Id}' ({b.NameVi}) on some day; codes must be unique at every date.", i, null, "code"));
                }
            }

            same.Add(i);
        }

        for (int i = 0; i < units.Count; i++)
        {
            if (units[i].ParentId is { } parent && !byId.ContainsKey(parent))
            {
                problems.Add(new(ProblemRules.UnknownParent, $"Unit '{units[i].Id}' names parent '{parent}', which is not in the registry.", i, null, "parent"));
            }
        }

        CheckParentCycles(units, byId, problems);
        for (int k = 0; k < links.Count; k++)
        {
            UnitSuccession link = links[k];
            if (!byId.TryGetValue(link.PredecessorId, out AdministrativeUnit? from))
            {
                problems.Add(new(ProblemRules.UnknownLinkUnit, $"Lineage link {link.PredecessorId} → {link.SuccessorId}: predecessor '{link.PredecessorId}' is not in the registry.", null, k, "predecessor"));
                continue;
            }

            if (!byId.TryGetValue(link.SuccessorId, out AdministrativeUnit? to))
            {
                problems.Add(new(ProblemRules.UnknownLinkUnit, $"Lineage link {link.PredecessorId} → {link.SuccessorId}: successor '{link.SuccessorId}' is not in the registry.", null, k, "successor"));
                continue;
            }

            if (from.ValidTo is { } end && (end == LocalDate.MaxIsoValue || end.PlusDays(1) != link.Effective))
            {
                problems.Add(new(ProblemRules.BadLinkDate, string.Create(CultureInfo.InvariantCulture, $"Lineage link {link.PredecessorId} → {link.SuccessorId}: effective date {link.Effective:uuuu-MM-dd} must be the day after the predecessor's last day {end:uuuu-MM-dd}."), null, k, "effective"));
            }

            if (!to.IsValidOn(link.Effective))
            {
                problems.Add(new(ProblemRules.BadLinkDate, string.Create(CultureInfo.InvariantCulture, $"Lineage link {link.PredecessorId} → {link.SuccessorId}: the successor is not valid on the effective date {link.Effective:uuuu-MM-dd}."), null, k, "effective"));
            }
        }

        return problems;
    }

    private static void CheckParentCycles(IReadOnlyList<AdministrativeUnit> units, Dictionary<string, AdministrativeUnit> byId, List<RegistryProblem> problems)
    {
        // Walks each parent chain once (0 = unseen, 1 = on the current walk, 2 = known to end at a root), so the
        // check is linear and a chain of any length cannot overflow the stack. A loop is reported once, at the unit
        // of the list that first reaches it.
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < units.Count; i++)
        {
            index.TryAdd(units[i].Id, i);
        }

        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var walk = new List<string>();
        for (int i = 0; i < units.Count; i++)
        {
            walk.Clear();
            string? id = units[i].Id;
            while (id is not null && state.GetValueOrDefault(id) == 0)
            {
                state[id] = 1;
                walk.Add(id);
                id = byId.TryGetValue(id, out AdministrativeUnit? unit) ? unit.ParentId : null;
            }

            if (id is not null && state.GetValueOrDefault(id) == 1)
            {
                int from = walk.IndexOf(id);
                string loop = string.Join(" → ", walk.Skip(from).Append(id));
                problems.Add(new(ProblemRules.ParentCycle, $"Unit '{id}' is its own ancestor: {loop}; parents must lead up to a unit without a parent.", index.GetValueOrDefault(id, i), null, "parent"));
            }

            foreach (string done in walk)
            {
                state[done] = 2;
            }
        }
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
