using System.Text;
using DxIndicators.Analysis;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Reporting.Sections;
using DxIndicators.Scoring;
using DxIndicators.Targets;
using NodaTime;

namespace DxIndicators.Reporting;

/// <summary>
/// A report on one scoring: the index and pillars, ranking, targets, change since an earlier scoring, the series
/// behind the targets and the uncertainty of the ranks, rendered as Markdown or as one self-contained HTML page.
/// </summary>
/// <remarks>
/// Immutable: the <c>With…</c> methods return a new report. Sections appear only when their input is present (no
/// targets, no targets section). Every displayed number is rounded once, by <see cref="DisplayRounding"/>: scores to 4
/// decimals (as the DTI is published), raw values to at most 2, changes to 4.
/// </remarks>
public sealed class DxReport
{
    private DxReport(Framework framework, ScoreTable scores)
    {
        Framework = framework;
        Scores = scores;
    }

    /// <summary>Gets the framework the scores belong to.</summary>
    public Framework Framework { get; }

    /// <summary>Gets the scores reported.</summary>
    public ScoreTable Scores { get; }

    /// <summary>Gets the label language (default English).</summary>
    public ReportLanguage Language { get; private init; }

    /// <summary>Gets the report title; null = the framework's name.</summary>
    public string? Title { get; private init; }

    /// <summary>Gets the evaluation date, when known.</summary>
    public LocalDate? AsOf { get; private init; }

    /// <summary>Gets a sentence saying what was scored (a period, or the latest values as of a date).</summary>
    public string? Basis { get; private init; }

    /// <summary>Gets the earlier scoring compared against, if any.</summary>
    public ScoreTable? Previous { get; private init; }

    /// <summary>Gets the label of the earlier scoring (a period or a date).</summary>
    public string? PreviousLabel { get; private init; }

    /// <summary>Gets the target evaluations (empty when none).</summary>
    public IReadOnlyList<TargetEvaluation> Targets { get; private init; } = [];

    /// <summary>Gets the observations behind the targets' time series, if given.</summary>
    public Dataset? Series { get; private init; }

    /// <summary>Gets indicator definitions that the framework lacks (a target catalogue's), used for names and units.</summary>
    public IReadOnlyList<IndicatorDefinition> ExtraIndicators { get; private init; } = [];

    /// <summary>Gets the rank uncertainty analysis, if any.</summary>
    public UncertaintyResult? Uncertainty { get; private init; }

    /// <summary>Gets display names of units by code (units without one are shown by code).</summary>
    public IReadOnlyDictionary<string, LocalizedText> UnitNames { get; private init; } = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);

    /// <summary>Gets the sections added with <see cref="WithSection"/>, after the built-in ones.</summary>
    public IReadOnlyList<ReportSection> ExtraSections { get; private init; } = [];

    /// <summary>Gets the sections in page order: the built-in ones whose input is present, then the added ones.</summary>
    public IReadOnlyList<ReportSection> Sections
    {
        get
        {
            var list = new List<ReportSection> { new IndexSection() };
            if (Scores.Units.Count > 1)
            {
                list.Add(new RankingSection());
            }

            if (Targets.Count > 0)
            {
                list.Add(new TargetsSection());
            }

            if (Previous is not null)
            {
                list.Add(new ChangeSection());
            }

            if (Targets.Count > 0 && Series is not null)
            {
                list.Add(new TimeSeriesSection());
            }

            if (Uncertainty is not null)
            {
                list.Add(new UncertaintySection());
            }

            list.Add(new TreeSection());
            list.Add(new CorrelationSection());
            list.AddRange(ExtraSections);
            return list;
        }
    }

    /// <summary>Creates a report of a scoring.</summary>
    /// <param name="framework">The framework scored against.</param>
    /// <param name="scores">The scores.</param>
    /// <returns>The report (English; add content with the <c>With…</c> methods).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The scores belong to another framework.</exception>
    public static DxReport Create(Framework framework, ScoreTable scores)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(scores);
        if (!string.Equals(framework.Id, scores.FrameworkId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The scores are for framework '{scores.FrameworkId}' but the report's framework is '{framework.Id}'.", nameof(scores));
        }

        return new DxReport(framework, scores);
    }

    /// <summary>Returns a copy in another language.</summary>
    /// <param name="language">The language.</param>
    /// <returns>The new report.</returns>
    public DxReport WithLanguage(ReportLanguage language) => Clone(language: language);

    /// <summary>Returns a copy with a title, evaluation date and a sentence on what was scored.</summary>
    /// <param name="title">The title (null = the framework's name).</param>
    /// <param name="asOf">The evaluation date.</param>
    /// <param name="basis">What was scored, e.g. "latest value of each indicator as of 2025-12-31".</param>
    /// <returns>The new report.</returns>
    public DxReport WithContext(string? title, LocalDate? asOf, string? basis) => Clone(title: title, asOf: asOf, basis: basis, setContext: true);

    /// <summary>Returns a copy that compares the scores with an earlier scoring of the same framework.</summary>
    /// <param name="previous">The earlier scores.</param>
    /// <param name="label">What the earlier scoring was (a period or a date).</param>
    /// <returns>The new report.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The earlier scores belong to another framework.</exception>
    public DxReport WithPrevious(ScoreTable previous, string label)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(label);
        if (!string.Equals(previous.FrameworkId, Framework.Id, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The earlier scores are for framework '{previous.FrameworkId}', not '{Framework.Id}'.", nameof(previous));
        }

        return Clone(previous: previous, previousLabel: label);
    }

    /// <summary>Returns a copy with target evaluations and, optionally, the observations behind them.</summary>
    /// <param name="evaluations">The evaluations (any units and targets).</param>
    /// <param name="series">The observations whose series are drawn against the targets, or null.</param>
    /// <param name="extraIndicators">Definitions of target indicators that the framework lacks (a catalogue's), or null.</param>
    /// <returns>The new report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="evaluations"/> is null.</exception>
    public DxReport WithTargets(IEnumerable<TargetEvaluation> evaluations, Dataset? series = null, IEnumerable<IndicatorDefinition>? extraIndicators = null)
    {
        ArgumentNullException.ThrowIfNull(evaluations);
        TargetEvaluation[] list = [.. evaluations];
        IndicatorDefinition[] extra = extraIndicators is null ? [] : [.. extraIndicators];
        return Clone(targets: list, series: series, extra: extra, setTargets: true);
    }

    /// <summary>Returns a copy with a rank uncertainty analysis of the same framework.</summary>
    /// <param name="uncertainty">The analysis.</param>
    /// <returns>The new report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="uncertainty"/> is null.</exception>
    public DxReport WithUncertainty(UncertaintyResult uncertainty)
    {
        ArgumentNullException.ThrowIfNull(uncertainty);
        return Clone(uncertainty: uncertainty);
    }

    /// <summary>Returns a copy that shows units by name.</summary>
    /// <param name="names">Names by unit code (e.g. from a unit registry resolved at the as-of date).</param>
    /// <returns>The new report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="names"/> is null.</exception>
    public DxReport WithUnitNames(IEnumerable<KeyValuePair<string, LocalizedText>> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var map = new Dictionary<string, LocalizedText>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, LocalizedText> pair in names)
        {
            map[pair.Key] = pair.Value;
        }

        return Clone(unitNames: map);
    }

    /// <summary>Returns a copy with one more section after the existing ones (e.g. a sensitivity or audit section).</summary>
    /// <param name="section">The section.</param>
    /// <returns>The new report.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="section"/> is null.</exception>
    public DxReport WithSection(ReportSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        ReportSection[] sections = [.. ExtraSections, section];
        return Clone(sections: sections);
    }

    /// <summary>Renders the report as one self-contained HTML page: inline CSS and SVG, no script, font or network access.</summary>
    /// <returns>The HTML document.</returns>
    public string ToHtml() => HtmlPage.Render(this);

    /// <summary>Renders the report as one HTML element with its own scoped style, to embed in a notebook cell or another page.</summary>
    /// <returns>A <c>div class="dx-report"</c> fragment (no script, no external resources).</returns>
    public string ToHtmlFragment() => HtmlPage.RenderFragment(this);

    /// <summary>Renders the report as Markdown (tables; charts are left out).</summary>
    /// <returns>The Markdown text.</returns>
    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.Append("# ").AppendLine(DisplayTitle).AppendLine();
        foreach (string line in HeaderLines())
        {
            sb.Append("- ").AppendLine(line);
        }

        foreach (ReportSection section in Sections)
        {
            sb.AppendLine().Append("## ").AppendLine(section.Title(Language)).AppendLine();
            sb.Append(section.ToMarkdown(this));
        }

        return sb.ToString();
    }

    /// <summary>Describes the report: title, units, sections.</summary>
    /// <returns>One line.</returns>
    public override string ToString() =>
        $"DxReport '{DisplayTitle}' ({Language.Code()}): {Scores.Units.Count} units, {Targets.Count} target evaluations, sections {string.Join(", ", Sections.Select(s => s.Id))}";

    internal string DisplayTitle => Title ?? Framework.Metadata.Name.In(Language.Code());

    internal string L(string key) => Labels.Get(key, Language);

    internal IEnumerable<string> HeaderLines()
    {
        yield return $"{L("framework")}: {Framework.Metadata.Name.In(Language.Code())} ({Framework.Id}, {L("version")} {Framework.Metadata.Version})";
        if (AsOf is { } asOf)
        {
            yield return $"{L("as-of")}: {Text.Date(asOf)}";
        }

        if (Basis is not null)
        {
            yield return $"{L("basis")}: {Basis}";
        }

        yield return $"{L("method")}: {Vi(Scores.MethodDescription, Vietnamese.Method)}";
    }

    /// <summary>A text the core writes in English only, in the report's language (<see cref="Vietnamese"/>).</summary>
    internal string Vi(string text, Func<string, string> translate) => Language == ReportLanguage.Vietnamese ? translate(text) : text;

    internal string IndicatorUnit(string unit) => Vi(unit, Vietnamese.Unit);

    internal string LegalSource(string source) => Vi(source, Vietnamese.LegalSource);

    internal string Note(string note) => Vi(note, Vietnamese.Note);

    internal string UnitName(string code) => UnitNames.TryGetValue(code, out LocalizedText? name) ? name.In(Language.Code()) : code;

    internal string NodeName(string code) =>
        Framework.TryGetNode(code, out FrameworkNode? node) ? node.Name.In(Language.Code())
        : IndicatorName(code);

    internal string IndicatorName(string code)
    {
        if (Framework.TryGetIndicator(code, out IndicatorDefinition? own))
        {
            return own.Name.In(Language.Code());
        }

        IndicatorDefinition? extra = ExtraIndicators.FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.Ordinal));
        return extra?.Name.In(Language.Code()) ?? code;
    }

    internal IndicatorDefinition? Indicator(string code) =>
        Framework.TryGetIndicator(code, out IndicatorDefinition? own) ? own
        : ExtraIndicators.FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.Ordinal));

    internal string TargetName(TargetRule target) => target.Name?.In(Language.Code()) ?? IndicatorName(target.Indicator);

    /// <summary>The nodes of the profile: the root's child nodes, then pillar nodes not among them.</summary>
    internal IReadOnlyList<string> ProfileNodes()
    {
        FrameworkNode root = Framework.GetNode(Framework.Root);
        var list = root.Children.Select(c => c.Code).Where(c => Framework.TryGetNode(c, out _)).ToList();
        foreach (FrameworkNode n in Framework.Nodes)
        {
            if (n.Kind == NodeKind.Pillar && !list.Contains(n.Code) && n.Code != Framework.Root)
            {
                list.Add(n.Code);
            }
        }

        return list;
    }

    internal (double Min, double Max) Scale => (Framework.Metadata.Scale.Min, Framework.Metadata.Scale.Max);

    // Every copy goes through here, so a new property cannot be forgotten by one With method.
    private DxReport Clone(
        ReportLanguage? language = null, string? title = null, LocalDate? asOf = null, string? basis = null, bool setContext = false,
        ScoreTable? previous = null, string? previousLabel = null, TargetEvaluation[]? targets = null, Dataset? series = null,
        IndicatorDefinition[]? extra = null, bool setTargets = false, UncertaintyResult? uncertainty = null, ReportSection[]? sections = null,
        Dictionary<string, LocalizedText>? unitNames = null) =>
        new(Framework, Scores)
        {
            Language = language ?? Language,
            Title = setContext ? title : Title,
            AsOf = setContext ? asOf : AsOf,
            Basis = setContext ? basis : Basis,
            Previous = previous ?? Previous,
            PreviousLabel = previous is null ? PreviousLabel : previousLabel,
            Targets = setTargets ? targets! : Targets,
            Series = setTargets ? series : Series,
            ExtraIndicators = setTargets ? extra! : ExtraIndicators,
            Uncertainty = uncertainty ?? Uncertainty,
            ExtraSections = sections ?? ExtraSections,
            UnitNames = unitNames ?? UnitNames,
        };
}
