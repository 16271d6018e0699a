using System.Globalization;
using DxIndicators.Model;
using DxIndicators.Units;

namespace DxIndicators.Data;

/// <summary>
/// Rolls observations up the administrative tree (commune → province → nation) or onto any grouping of units,
/// by each indicator's <see cref="MeasureKind"/>.
/// </summary>
/// <remarks>
/// <para>Rules, per (target unit, period, indicator):</para>
/// <list type="bullet">
/// <item><see cref="MeasureKind.Count"/>, <see cref="MeasureKind.Money"/>: the sum Σ vᵢ.</item>
/// <item><see cref="MeasureKind.Rate"/>, <see cref="MeasureKind.Percentage"/>: re-derived from summed counts,
/// 100·Σ nᵢ / Σ dᵢ (with Σ nᵢ and Σ dᵢ kept as the aggregate's counts) — never an average of rates. When a child has
/// no counts, a weight indicator from <see cref="RollupOptions.Weights"/> gives Σ vᵢ·wᵢ / Σ wᵢ; with neither, the
/// aggregate is an error (rule <c>rollup-needs-counts</c>) naming the indicator.</item>
/// <item><see cref="MeasureKind.PerPopulation"/>: Σ vᵢ·popᵢ / Σ popᵢ with the population indicator (the indicator's
/// <see cref="IndicatorDefinition.Denominator"/>, else <see cref="RollupOptions.PopulationIndicator"/>); none → error
/// <c>rollup-needs-population</c>.</item>
/// <item><see cref="MeasureKind.IndexScore"/>: a weighted mean with a weight indicator, or the unweighted mean when
/// the caller's <see cref="IndexCombination"/> allows it (restatement of the DTI); otherwise error
/// <c>rollup-needs-weight</c>.</item>
/// <item><see cref="MeasureKind.Rank"/>, <see cref="MeasureKind.Categorical"/>, <see cref="MeasureKind.YesNo"/>:
/// never combined (error <c>rollup-not-combinable</c>).</item>
/// </list>
/// <para>Qualifiers propagate through these monotone combinations (<see cref="Combine"/>): all exact → exact; any
/// estimate → estimate; exact with lower bounds → lower bound (a sum or positive-weighted mean involving a lower bound
/// is a lower bound); exact with upper bounds → upper bound; lower and upper bounds mixed → estimate. A non-exact
/// weight or population makes the result at least an estimate. The status is provisional when any input is.</para>
/// </remarks>
public static class AdminRollup
{
    /// <summary>Combines the qualifiers of the inputs of a sum or positive-weighted mean.</summary>
    /// <param name="qualifiers">The inputs' qualifiers.</param>
    /// <returns>The qualifier of the result (rules in the type remarks); exact for no inputs.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="qualifiers"/> is null.</exception>
    public static Qualifier Combine(IEnumerable<Qualifier> qualifiers)
    {
        ArgumentNullException.ThrowIfNull(qualifiers);
        bool lower = false;
        bool upper = false;
        foreach (Qualifier q in qualifiers)
        {
            switch (q)
            {
                case Qualifier.Estimate:
                    return Qualifier.Estimate;
                case Qualifier.LowerBound:
                    lower = true;
                    break;
                case Qualifier.UpperBound:
                    upper = true;
                    break;
                default:
                    break;
            }
        }

        return (lower, upper) switch
        {
            (true, true) => Qualifier.Estimate,
            (true, false) => Qualifier.LowerBound,
            (false, true) => Qualifier.UpperBound,
            _ => Qualifier.Exact,
        };
    }

    /// <summary>Rolls each unit's observations up to its parent in a registry, for every period in the data.</summary>
    /// <param name="data">The observations of the child units.</param>
    /// <param name="framework">The framework giving each indicator's measure kind.</param>
    /// <param name="registry">The registry giving parents (each code resolved at the period's date).</param>
    /// <param name="options">Population, weights, indicator subset and missing-children policy; null for defaults.</param>
    /// <returns>The parents' observations (coded by the parent's code), their children, and every problem.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="data"/>, <paramref name="framework"/> or <paramref name="registry"/> is null.</exception>
    /// <remarks>A parent's expected children are its children in the registry valid on the period's last day (or, when
    /// none is valid then, on its first day); those without a value are listed as missing.</remarks>
    public static RollupResult ToParents(Dataset data, Framework framework, UnitRegistry registry, RollupOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(registry);
        var problems = new List<Problem>();
        var tasks = new List<Group>();
        foreach (ReportingPeriod period in data.Periods)
        {
            var parents = new Dictionary<string, AdministrativeUnit>(StringComparer.Ordinal);
            var dataChildren = new Dictionary<string, List<AdministrativeUnit>>(StringComparer.Ordinal);
            foreach (string code in data.Units)
            {
                if (!registry.TryResolve(code, period, out AdministrativeUnit? unit))
                {
                    problems.Add(new Problem($"{code} {period}", ProblemRules.UnknownUnit, $"Unit '{code}' is not in the registry for period {period}, so it has no parent to roll up to.") { Unit = code });
                    continue;
                }

                if (unit.ParentId is { } parentId && registry.TryGet(parentId, out AdministrativeUnit? parent))
                {
                    parents.TryAdd(parent.Id, parent);
                    if (data.Indicators.Any(ind => data.TryGet(code, ind, period, out _)))
                    {
                        (dataChildren.TryGetValue(parent.Id, out List<AdministrativeUnit>? list) ? list : dataChildren[parent.Id] = []).Add(unit);
                    }
                }
            }

            foreach (AdministrativeUnit parent in parents.Values.OrderBy(p => p.Code, StringComparer.Ordinal))
            {
                // Expected children are those valid on the period's last day — the same date a code in the data resolves
                // at first — so a year spanning the 2025 merger expects the 34 new provinces, not 63 + 34. Only when no
                // child is valid then (a parent retired during the period) are those valid on its first day expected.
                IReadOnlyList<AdministrativeUnit> all = registry.Children(parent);
                IEnumerable<AdministrativeUnit> valid = all.Any(c => c.IsValidOn(period.End)) ? all.Where(c => c.IsValidOn(period.End)) : all.Where(c => c.IsValidOn(period.Start));
                string[] children = [.. valid.Select(c => c.Code).Distinct(StringComparer.Ordinal)];
                foreach (AdministrativeUnit orphan in dataChildren.GetValueOrDefault(parent.Id, []).Where(u => !children.Contains(u.Code, StringComparer.Ordinal)))
                {
                    // A unit retired during the period (valid on its first day only) has data but is not an expected
                    // child; leaving its value out of the total without a word would be a silent drop.
                    problems.Add(new Problem($"{orphan.Code} {period}", ProblemRules.RetiredChild, $"Unit '{orphan.Code}' ({orphan.Id}) has data for {period} but is no longer a child of '{parent.Code}' on {period.End:uuuu-MM-dd}; its value cannot be part of that total. Restate the series onto the units valid then (dx restate) or roll up a period that ends before the change.") { Unit = orphan.Code });
                }

                tasks.Add(new Group(parent.Code, period, children));
            }
        }

        return Run(data, framework, tasks, RollupRun.Rollup(options ?? RollupOptions.Default), problems);
    }

    /// <summary>Aggregates observations onto given groups of units, for every period in the data.</summary>
    /// <param name="data">The observations.</param>
    /// <param name="framework">The framework giving each indicator's measure kind.</param>
    /// <param name="groups">Target code → the codes of the units it is formed from.</param>
    /// <param name="options">Population, weights, indicator subset and missing-children policy; null for defaults.</param>
    /// <returns>The aggregates, their children and every problem.</returns>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException">A group lists a child twice (it would be counted twice); every such group is named.</exception>
    public static RollupResult Aggregate(Dataset data, Framework framework, IReadOnlyDictionary<string, IReadOnlyList<string>> groups, RollupOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(groups);
        string[] doubled = groups
            .Select(g => (g.Key, Repeated: g.Value.GroupBy(c => c, StringComparer.Ordinal).Where(c => c.Count() > 1).Select(c => c.Key).ToArray()))
            .Where(g => g.Repeated.Length > 0)
            .Select(g => $"'{g.Key}' lists {string.Join(", ", g.Repeated.Select(c => "'" + c + "'"))} more than once")
            .ToArray();
        if (doubled.Length > 0)
        {
            throw new ArgumentException($"A child listed twice would be counted twice: {string.Join("; ", doubled)}.", nameof(groups));
        }

        var tasks = new List<Group>();
        foreach (ReportingPeriod period in data.Periods)
        {
            foreach (KeyValuePair<string, IReadOnlyList<string>> group in groups.OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                tasks.Add(new Group(group.Key, period, [.. group.Value]));
            }
        }

        return Run(data, framework, tasks, RollupRun.Rollup(options ?? RollupOptions.Default), []);
    }

    internal sealed record Group(string Target, ReportingPeriod Period, string[] Children);

    internal static RollupResult Run(
        Dataset data,
        Framework framework,
        IEnumerable<Group> groups,
        RollupRun run,
        List<Problem> problems,
        IEnumerable<Observation>? passThrough = null)
    {
        IndicatorDefinition[] indicators = run.Options.Indicators is { } subset
            ? [.. subset.Select(code => framework.TryGetIndicator(code, out IndicatorDefinition? d) ? d : throw new ArgumentException($"Indicator '{code}' is not in framework '{framework.Id}'.", nameof(run)))]
            : [.. framework.Indicators.Where(d => data.Indicators.Contains(d.Code)), .. NodeScores(framework, data)];
        var details = new List<RolledUpObservation>();
        foreach (Group group in groups)
        {
            foreach (IndicatorDefinition indicator in indicators)
            {
                RolledUpObservation? result = AggregateOne(data, indicator, group, run, problems);
                if (result is not null)
                {
                    details.Add(result);
                }
            }
        }

        IEnumerable<Observation> all = details.Select(d => d.Observation).Concat(passThrough ?? []);
        if (!Dataset.TryCreate(all, out Dataset? dataset, out IReadOnlyList<Problem> conflicts))
        {
            problems.AddRange(conflicts);
            dataset = Dataset.Empty;
        }

        return new RollupResult(dataset, details, problems);
    }

    /// <summary>Published node scores in the data (the overall DTI, a pillar): index scores on the framework's scale.</summary>
    private static IEnumerable<IndicatorDefinition> NodeScores(Framework framework, Dataset data) =>
        framework.Nodes.Where(n => data.Indicators.Contains(n.Code)).Select(n =>
            new IndicatorDefinition(n.Code, n.Name, MeasureKind.IndexScore, string.Empty, Polarity.HigherIsBetter, new NumericRange(framework.Metadata.Scale.Min, framework.Metadata.Scale.Max)));

    private static RolledUpObservation? AggregateOne(Dataset data, IndicatorDefinition indicator, Group group, RollupRun run, List<Problem> problems)
    {
        var present = new List<Observation>(group.Children.Length);
        var missing = new List<string>();
        foreach (string child in group.Children)
        {
            if (data.TryGet(child, indicator.Code, group.Period, out Observation? o))
            {
                present.Add(o);
            }
            else
            {
                missing.Add(child);
            }
        }

        if (present.Count == 0)
        {
            return null;
        }

        var children = new RollupChildren(data, indicator, group, run, present, missing, problems);
        if (missing.Count > 0 && !run.Options.AllowMissingChildren)
        {
            children.Fail(ProblemRules.IncompleteChildren, string.Empty, $"children {string.Join(", ", missing)} have no value (of {group.Children.Length}). Rule: a parent is formed only when every child has a value, unless missing children are allowed (then it is a lower bound or an estimate).");
            return null;
        }

        if (MeasureRollup.For(indicator.Measure).Combine(children) is not { } combined)
        {
            return null;
        }

        var observation = new Observation(group.Target, indicator.Code, group.Period, combined.Value)
        {
            Qualifier = Combine(children.Qualifiers),
            Numerator = combined.Numerator,
            Denominator = combined.Denominator,
            Status = present.Any(o => o.Status == ObservationStatus.Provisional) ? ObservationStatus.Provisional : ObservationStatus.Official,
            Restated = run.Restated,
            Provenance = new Provenance($"{run.Noun} of {string.Join(", ", present.Select(o => o.Unit))}" + (missing.Count > 0 ? $" (missing {string.Join(", ", missing)})" : string.Empty)),
        };
        return new RolledUpObservation(observation, present.Select(o => o.Unit).ToValueList(), missing.ToValueList());
    }
}
