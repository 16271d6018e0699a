using System.Globalization;
using DxIndicators.Model;
using DxIndicators.Units;
using NodaTime;

namespace DxIndicators.Data;

/// <summary>Carries series of former units onto the units that exist on a later date (for example the 63 pre-merger
/// provinces onto the 34 provinces of 2025-07-01).</summary>
/// <remarks>
/// <para>Each observation's code is resolved in the registry at its period's date, then followed along lineage links
/// to the unit valid on the target date. Observations of units that are already current pass through unchanged.
/// Every target unit's values for a period are formed from all units mapping to it at that date, by the rules of
/// <see cref="AdminRollup"/> (counts and money add, rates are re-derived from summed counts, per-population values
/// are population-weighted), except index scores, which use the framework's restatement rule
/// (<see cref="RuleFor"/>): for the Vietnamese DTI the unweighted mean of the predecessors' values, the method MOST
/// used to publish 2024 results for the 34 new provinces (new Đà Nẵng = (0.8335 + 0.5803)/2 = 0.7069; see
/// research/dti.md §1.6 item 6).</para>
/// <para>Results have <see cref="Observation.Restated"/> = true (also for units whose territory did not change, such
/// as Điện Biên), are coded with the successor's code, and belong to the successor's vintage: do not combine them with
/// unrestated data of the same periods, where the same code can denote the former unit (code 24 in 2024 is Bắc Giang;
/// restated, it is the new Bắc Ninh).</para>
/// </remarks>
public static class Restatement
{
    /// <summary>The day Vietnam's 34 provincial units replaced the 63 (Decision 19/2025/QĐ-TTg).</summary>
    public static readonly LocalDate VietnamMerger2025 = new(2025, 7, 1);

    /// <summary>Gets the rule for combining a framework's index scores when units merge.</summary>
    /// <param name="framework">The framework.</param>
    /// <returns>The framework's declared <see cref="FrameworkMetadata.MergerRule"/> (JSON <c>mergerRule</c>):
    /// <see cref="IndexCombination.UnweightedMean"/> for the built-in Vietnamese DTI frameworks,
    /// <see cref="IndexCombination.NotAllowed"/> when a framework declares none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="framework"/> is null.</exception>
    public static IndexCombination RuleFor(Framework framework)
    {
        ArgumentNullException.ThrowIfNull(framework);
        return framework.Metadata.MergerRule;
    }

    /// <summary>Restates observations onto the units valid on a date.</summary>
    /// <param name="data">The observations (coded by the units valid at each period).</param>
    /// <param name="framework">The framework giving measure kinds and the index rule.</param>
    /// <param name="registry">The registry with lineage (for Vietnam, <see cref="BuiltIn.VietnamProvinces"/>).</param>
    /// <param name="asOf">The date whose units the data is restated onto (for Vietnam, <see cref="VietnamMerger2025"/> or later).</param>
    /// <param name="options">Population, weights, indicator subset and missing-predecessor policy; null for defaults.</param>
    /// <param name="indexRule">Overrides <see cref="RuleFor"/> for index scores.</param>
    /// <returns>The restated dataset (restated aggregates plus current observations passed through), each aggregate's
    /// predecessors, and every problem.</returns>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    public static RollupResult ToUnitsOn(
        Dataset data,
        Framework framework,
        UnitRegistry registry,
        LocalDate asOf,
        RollupOptions? options = null,
        IndexCombination? indexRule = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(registry);
        var problems = new List<Problem>();
        var groups = new List<AdminRollup.Group>();
        var current = new HashSet<(string Code, ReportingPeriod Period)>();
        foreach (ReportingPeriod period in data.Periods)
        {
            // Target unit → every unit valid at this period that maps onto it (the expected predecessors).
            var targets = new Dictionary<string, (AdministrativeUnit Target, SortedSet<string> Children)>(StringComparer.Ordinal);
            foreach (string code in data.Units)
            {
                if (!registry.TryResolve(code, period, out AdministrativeUnit? unit))
                {
                    if (data.Indicators.Any(i => !double.IsNaN(data.ValueOrNaN(code, i, period))))
                    {
                        problems.Add(new Problem($"{code} {period}", ProblemRules.UnknownUnit, $"Unit '{code}' is not in the registry for period {period}; its observations cannot be restated.") { Unit = code });
                    }

                    continue;
                }

                AdministrativeUnit? target = registry.SuccessorOn(unit, asOf);
                if (target is null)
                {
                    problems.Add(new Problem($"{code} {period}", ProblemRules.UnknownUnit, string.Create(CultureInfo.InvariantCulture, $"Unit '{unit.Id}' ({unit.NameVi}) has no single successor valid on {asOf:uuuu-MM-dd}; its observations for {period} cannot be restated.")) { Unit = code });
                    continue;
                }

                if (ReferenceEquals(target, unit))
                {
                    current.Add((code, period));
                    continue;
                }

                if (!targets.TryGetValue(target.Id, out (AdministrativeUnit Target, SortedSet<string> Children) entry))
                {
                    entry = (target, new SortedSet<string>(ExpectedPredecessors(registry, target, period, asOf), StringComparer.Ordinal));
                    targets[target.Id] = entry;
                }
            }

            foreach ((AdministrativeUnit target, SortedSet<string> children) in targets.Values.OrderBy(t => t.Target.Code, StringComparer.Ordinal))
            {
                groups.Add(new AdminRollup.Group(target.Code, period, [.. children]));
            }
        }

        IEnumerable<Observation> passThrough = data.Observations.Where(o => current.Contains((o.Unit, o.Period)));
        return AdminRollup.Run(data, framework, groups, RollupRun.Restatement(options ?? RollupOptions.Default, indexRule ?? RuleFor(framework)), problems, passThrough);
    }

    /// <summary>Restates observations coded by Vietnam's pre-2025 provinces onto the 34 provinces of 2025-07-01.</summary>
    /// <param name="data">The observations.</param>
    /// <param name="framework">The framework giving measure kinds and the index rule.</param>
    /// <param name="options">Population, weights, indicator subset and missing-predecessor policy; null for defaults.</param>
    /// <returns>The restated result; see <see cref="ToUnitsOn"/>.</returns>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    public static RollupResult ToVietnamProvinces2025(Dataset data, Framework framework, RollupOptions? options = null) =>
        ToUnitsOn(data, framework, BuiltIn.VietnamProvinces, VietnamMerger2025, options);

    private static IEnumerable<string> ExpectedPredecessors(UnitRegistry registry, AdministrativeUnit target, ReportingPeriod period, LocalDate asOf)
    {
        foreach (AdministrativeUnit unit in registry.Units)
        {
            if ((unit.IsValidOn(period.End) || unit.IsValidOn(period.Start)) && registry.TryResolve(unit.Code, period, out AdministrativeUnit? resolved) &&
                ReferenceEquals(resolved, unit) && ReferenceEquals(registry.SuccessorOn(unit, asOf), target))
            {
                yield return unit.Code;
            }
        }
    }
}
