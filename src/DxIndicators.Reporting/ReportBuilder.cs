using DxIndicators.Catalog;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Scoring;
using DxIndicators.Targets;
using DxIndicators.Units;
using NodaTime;

namespace DxIndicators.Reporting;

/// <summary>Builds a complete <see cref="DxReport"/> from a framework and observations: scores as of a date, the change since the year before, targets and their series.</summary>
public static class ReportBuilder
{
    /// <summary>The id of the built-in Điện Biên sample framework and data set.</summary>
    public const string SampleId = "dien-bien-sample";

    /// <summary>The id of the built-in national target catalogue used for the sample.</summary>
    public const string NationalTargetsId = "vn-national-dx-targets";

    /// <summary>Builds the report of the built-in Điện Biên sample against the national targets and the province's own catalogue, as <c>dx targets</c> evaluates them.</summary>
    /// <param name="asOf">The evaluation date (the CLI passes today).</param>
    /// <param name="language">The label language.</param>
    /// <param name="sections">Builds extra sections from the compiled plan and the scored matrix (e.g.
    /// <c>(plan, m) =&gt; [ContributionsSection.Compute(plan, m)]</c>), added after the built-in ones; null for none.</param>
    /// <returns>The report.</returns>
    public static DxReport Sample(LocalDate asOf, ReportLanguage language = ReportLanguage.English, Func<ScoringPlan, IndicatorMatrix, IEnumerable<ReportSection>>? sections = null) =>
        Sample(FrameworkCatalog.GetDataset(SampleId), asOf, language, sections);

    /// <summary>Builds the sample's report (the Điện Biên framework, the national targets and the units' own catalogues) from other figures for its indicators, e.g. an observation store's as known on a day.</summary>
    /// <param name="data">The observations.</param>
    /// <param name="asOf">The evaluation date.</param>
    /// <param name="language">The label language.</param>
    /// <param name="sections">Builds extra sections from the compiled plan and the scored matrix, added after the built-in ones; null for none.</param>
    /// <returns>The report.</returns>
    public static DxReport Sample(Dataset data, LocalDate asOf, ReportLanguage language = ReportLanguage.English, Func<ScoringPlan, IndicatorMatrix, IEnumerable<ReportSection>>? sections = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        Framework framework = FrameworkCatalog.Get(SampleId);
        TargetCatalog national = FrameworkCatalog.GetTargets(NationalTargetsId);
        IEnumerable<TargetRule> targets = national.Targets.Where(t => data.Indicators.Contains(t.Indicator));
        DxReport report = FromDataset(framework, data, asOf, targets, national.Indicators, ScoringOptions.Default, BuiltIn.VietnamProvinces, language, sections: sections);

        // A unit's own catalogue (Điện Biên's plans for unit 11) is evaluated for that unit only, with its own definitions.
        var evaluations = new List<TargetEvaluation>(report.Targets);
        var extra = new List<IndicatorDefinition>(national.Indicators);
        foreach (TargetCatalog own in FrameworkCatalog.TargetIds.Select(FrameworkCatalog.GetTargets).Where(c => c.Unit is { } u && data.Units.Contains(u)))
        {
            var definitions = new Dictionary<string, IndicatorDefinition>(StringComparer.Ordinal);
            foreach (IndicatorDefinition d in framework.Indicators.Concat(national.Indicators).Concat(own.Indicators))
            {
                definitions[d.Code] = d;
            }

            evaluations.AddRange(TargetEvaluator.Default.EvaluateAll(own.Targets, definitions, data.Observations, asOf, [own.Unit!]));
            extra.AddRange(own.Indicators);
        }

        return report.WithTargets(evaluations, data, extra);
    }

    /// <summary>Builds a report: each indicator's latest value on or before <paramref name="asOf"/> is scored, and so is the state at the end of the year before the latest observation, for the change.</summary>
    /// <param name="framework">The framework.</param>
    /// <param name="data">The observations.</param>
    /// <param name="asOf">The evaluation date.</param>
    /// <param name="targets">The targets to evaluate (each against every unit of <paramref name="data"/>).</param>
    /// <param name="extraIndicators">Definitions of target indicators that the framework lacks (e.g. a catalogue's), or null.</param>
    /// <param name="options">The scoring options (null = <see cref="ScoringOptions.Default"/>).</param>
    /// <param name="registry">A unit registry giving the units' names at <paramref name="asOf"/>, or null to show codes.</param>
    /// <param name="language">The label language.</param>
    /// <param name="uncertainty">Runs an uncertainty analysis on the compiled plan and the scored matrix (e.g.
    /// <c>(plan, m) =&gt; WeightUncertainty.FromNoise(plan, 1000, 0.25, 1).Run(m)</c>), or null for none.</param>
    /// <param name="sections">Builds extra sections from the compiled plan and the scored matrix (e.g.
    /// <c>(plan, m) =&gt; [ContributionsSection.Compute(plan, m), new AuditSection(StatisticalAudit.Run(plan, m))]</c>),
    /// added after the built-in ones in the order given; null for none.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    /// <exception cref="ArgumentException">No observation lies on or before <paramref name="asOf"/>, or a target's indicator has no definition (every such target is named).</exception>
    public static DxReport FromDataset(
        Framework framework,
        Dataset data,
        LocalDate asOf,
        IEnumerable<TargetRule> targets,
        IEnumerable<IndicatorDefinition>? extraIndicators = null,
        ScoringOptions? options = null,
        UnitRegistry? registry = null,
        ReportLanguage language = ReportLanguage.English,
        Func<ScoringPlan, IndicatorMatrix, Analysis.UncertaintyResult>? uncertainty = null,
        Func<ScoringPlan, IndicatorMatrix, IEnumerable<ReportSection>>? sections = null)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(targets);
        List<IndicatorDefinition> extra = extraIndicators?.ToList() ?? [];
        LocalDate latestEnd = LatestPeriodEnd(data, asOf);
        ScoringPlan plan = ScoringPlan.Compile(framework, options ?? ScoringOptions.Default);
        IndicatorMatrix matrix = data.CrossSectionAsOf(framework, asOf, data.Units);
        DxReport report = Scored(framework, data, asOf, new(latestEnd.Year - 1, 12, 31), plan, matrix, language);
        IReadOnlyList<TargetEvaluation> evaluations = TargetEvaluator.Default.EvaluateAll(targets, Definitions(extra, framework), data.Observations, asOf, data.Units);
        report = report.WithTargets(evaluations, data, extra);
        if (uncertainty is not null)
        {
            report = report.WithUncertainty(uncertainty(plan, matrix));
        }

        if (sections is not null)
        {
            foreach (ReportSection section in sections(plan, matrix))
            {
                report = report.WithSection(section);
            }
        }

        return registry is null ? report : report.WithUnitNames(UnitNames(registry, data.Units, asOf));
    }

    /// <summary>The latest end of a period of <paramref name="data"/> on or before <paramref name="asOf"/>.</summary>
    /// <exception cref="ArgumentException">No period ends on or before <paramref name="asOf"/>.</exception>
    private static LocalDate LatestPeriodEnd(Dataset data, LocalDate asOf)
    {
        List<ReportingPeriod> earlier = data.Periods.Where(p => p.End <= asOf).ToList();
        if (earlier.Count == 0)
        {
            throw new ArgumentException($"No observation has a period ending on or before {Text.Date(asOf)}; the data's periods start at {(data.Periods.Count > 0 ? data.Periods.Min().ToString() : "(none)")}.", nameof(data));
        }

        return earlier.Max(p => p.End);
    }

    /// <summary>The report of the scores as of <paramref name="asOf"/>, with the change since the latest values as of
    /// <paramref name="previousDate"/> when some period ends by then.</summary>
    private static DxReport Scored(Framework framework, Dataset data, LocalDate asOf, LocalDate previousDate, ScoringPlan plan, IndicatorMatrix matrix, ReportLanguage language)
    {
        ScoreTable now = plan.Score(matrix);
        bool vi = language == ReportLanguage.Vietnamese;
        string basis = vi ? $"giá trị mới nhất của từng chỉ số tính đến {Text.Date(asOf)}" : $"latest value of each indicator as of {Text.Date(asOf)}";
        DxReport report = DxReport.Create(framework, now).WithLanguage(language).WithContext(null, asOf, basis);
        if (data.Periods.Any(p => p.End <= previousDate))
        {
            report = report.WithPrevious(plan.Score(data.CrossSectionAsOf(framework, previousDate, data.Units)), vi ? $"giá trị mới nhất tính đến {Text.Date(previousDate)}" : $"the latest values as of {Text.Date(previousDate)}");
        }

        return report;
    }

    /// <summary>The indicator definitions by code: the extra ones, then the framework's, which win over an extra one of the same code.</summary>
    private static Dictionary<string, IndicatorDefinition> Definitions(List<IndicatorDefinition> extra, Framework framework)
    {
        var definitions = new Dictionary<string, IndicatorDefinition>(StringComparer.Ordinal);
        foreach (IndicatorDefinition d in extra)
        {
            definitions[d.Code] = d;
        }

        foreach (IndicatorDefinition d in framework.Indicators)
        {
            definitions[d.Code] = d;
        }

        return definitions;
    }

    /// <summary>The names at <paramref name="asOf"/> of the units the registry resolves (the others keep their codes).</summary>
    private static List<KeyValuePair<string, LocalizedText>> UnitNames(UnitRegistry registry, ValueList<string> units, LocalDate asOf)
    {
        var names = new List<KeyValuePair<string, LocalizedText>>();
        foreach (string unit in units)
        {
            if (registry.TryResolve(unit, asOf, out AdministrativeUnit? u))
            {
                names.Add(new(unit, new LocalizedText(u.NameVi, u.NameEn)));
            }
        }

        return names;
    }
}
