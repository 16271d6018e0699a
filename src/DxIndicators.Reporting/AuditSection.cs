using System.Globalization;
using System.Text;
using DxIndicators.Analysis;
using DxIndicators.Reporting.Charts;
using DxIndicators.Reporting.Sections;

namespace DxIndicators.Reporting;

/// <summary>
/// A report section on a statistical audit (<see cref="StatisticalAudit.Run"/>): Cronbach's α per node as a bar chart
/// and table, the raw statistics of every flagged indicator with its flags in words, collinear and near-duplicate
/// pairs, and the units whose data are too sparse. The report's correlation heat map then shows this audit's
/// Pearson coefficients (<see cref="AuditReport.Pearson"/>) instead of computing its own.
/// </summary>
/// <remarks>Immutable. Add it with <see cref="DxReport.WithSection"/>. With fewer than three units the section says that
/// an audit needs three.</remarks>
public sealed class AuditSection : ReportSection
{
    /// <summary>Creates the section.</summary>
    /// <param name="audit">The audit of the report's scoring.</param>
    /// <param name="thresholds">The thresholds the audit used (null: COINr's defaults), quoted in the text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="audit"/> is null.</exception>
    public AuditSection(AuditReport audit, AuditThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(audit);
        Audit = audit;
        Thresholds = thresholds ?? AuditThresholds.Default;
    }

    /// <summary>Gets the audit shown.</summary>
    public AuditReport Audit { get; }

    /// <summary>Gets the thresholds quoted.</summary>
    public AuditThresholds Thresholds { get; }

    /// <inheritdoc/>
    public override string Id => "audit";

    /// <inheritdoc/>
    public override string Title(ReportLanguage language) => Labels.Get("section.audit", language);

    /// <inheritdoc/>
    public override string ToHtml(DxReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (TooFew(report) is { } few)
        {
            return $"<p class=\"lead\">{Text.Html(few)}</p>";
        }

        ReportLanguage lang = report.Language;
        var sb = new StringBuilder();
        sb.Append("<h3>").Append(Text.Html(report.L("section.audit.alpha"))).Append("</h3><p class=\"lead\">").Append(Text.Html(report.L("section.audit.alpha.lead"))).Append("</p>");
        var rows = Audit.Consistency.Select(c => new IntervalBarChart.Row(report.NodeName(c.Node), [new IntervalBarChart.Bar(c.CronbachAlpha, double.NaN, double.NaN)])).ToList();
        sb.Append(IntervalBarChart.Render("cronbach-alpha", report.L("section.audit.alpha"), [report.L("alpha")], ["#8250df"], rows, lang, 0.7, "α = " + Text.Number(0.7, 1, lang, trim: false)));
        sb.Append(AlphaTable(report).ToHtml("alpha"));
        foreach ((string heading, string lead, Tables? table) in Parts(report))
        {
            sb.Append("<h3>").Append(Text.Html(heading)).Append("</h3><p class=\"lead\">").Append(Text.Html(lead)).Append("</p>");
            if (table is not null)
            {
                sb.Append(table.ToHtml("audit"));
            }
        }

        return sb.ToString();
    }

    /// <inheritdoc/>
    public override string ToMarkdown(DxReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (TooFew(report) is { } few)
        {
            return few + Environment.NewLine;
        }

        var sb = new StringBuilder();
        sb.Append("### ").AppendLine(report.L("section.audit.alpha")).AppendLine().AppendLine(report.L("section.audit.alpha.lead")).AppendLine().Append(AlphaTable(report).ToMarkdown());
        foreach ((string heading, string lead, Tables? table) in Parts(report))
        {
            sb.AppendLine().Append("### ").AppendLine(heading).AppendLine().AppendLine(lead);
            if (table is not null)
            {
                sb.AppendLine().Append(table.ToMarkdown());
            }
        }

        return sb.ToString();
    }

    private static string? TooFew(DxReport report) => report.Scores.Units.Count < CorrelationSection.MinimumUnits
        ? string.Format(CultureInfo.InvariantCulture, report.L("section.audit.few"), report.Scores.Units.Count)
        : null;

    private Tables AlphaTable(DxReport report)
    {
        var table = new Tables((report.L("node"), false), (report.L("children"), true), (report.L("alpha"), true));
        foreach (NodeConsistency c in Audit.Consistency)
        {
            table.Add([report.NodeName(c.Node), Text.Value(c.Children, report.Language, 0), Text.Number(c.CronbachAlpha, 2, report.Language, trim: false)]);
        }

        return table;
    }

    private IEnumerable<(string Heading, string Lead, Tables? Table)> Parts(DxReport report)
    {
        yield return FlaggedPart(report);
        yield return PairsPart(report);
        yield return ScreeningPart(report);
    }

    /// <summary>The indicators with an audit flag (availability, zeros, unique values, outliers).</summary>
    private (string Heading, string Lead, Tables? Table) FlaggedPart(DxReport report)
    {
        ReportLanguage lang = report.Language;
        AuditThresholds t = Thresholds;
        string N(double v) => Text.Value(v, lang);

        var flagged = Audit.Statistics.Where(s => s.LowAvailability || s.ManyZeros || s.FewUnique || s.Outliers).ToList();
        if (flagged.Count == 0)
        {
            return (report.L("section.audit.flagged"), Format(report.L("section.audit.flagged.none"), Text.Value(Audit.Statistics.Count, lang, 0)), null);
        }
        else
        {
            var table = new Tables((report.L("indicator"), false), (report.L("available"), true), (report.L("min"), true), (report.L("max"), true), (report.L("mean"), true), (report.L("skew"), true), (report.L("kurtosis"), true), (report.L("flags"), false));
            foreach (ColumnStatistics s in flagged)
            {
                var flags = new List<string>();
                if (s.LowAvailability)
                {
                    flags.Add(report.L("flag.LowAvailability"));
                }

                if (s.ManyZeros)
                {
                    flags.Add(report.L("flag.ManyZeros"));
                }

                if (s.FewUnique)
                {
                    flags.Add(report.L("flag.FewUnique"));
                }

                if (s.Outliers)
                {
                    flags.Add(report.L("flag.Outliers"));
                }

                table.Add([report.IndicatorName(s.Code), $"{Text.Value(s.Available, lang, 0)}/{Text.Value(s.Units, lang, 0)}", N(s.Min), N(s.Max), N(s.Mean), Text.Number(s.Skew, 2, lang, trim: false), Text.Number(s.Kurtosis, 2, lang, trim: false), string.Join(", ", flags)]);
            }

            return (report.L("section.audit.flagged"), Format(report.L("section.audit.flagged.lead"), N(t.Availability), N(t.NonZero), N(t.Unique), N(t.Skew), N(t.Kurtosis)), table);
        }
    }

    /// <summary>The collinear or near-duplicate indicator pairs.</summary>
    private (string Heading, string Lead, Tables? Table) PairsPart(DxReport report)
    {
        ReportLanguage lang = report.Language;
        AuditThresholds t = Thresholds;
        string N(double v) => Text.Value(v, lang);

        if (Audit.Flags.Count == 0)
        {
            return (report.L("section.audit.pairs"), Format(report.L("section.audit.pairs.none"), N(t.Collinear), N(t.NearDuplicate)), null);
        }
        else
        {
            var table = new Tables((report.L("indicator-a"), false), (report.L("indicator-b"), false), (report.L("pearson"), true), (report.L("parent"), false), (report.L("flags"), false));
            foreach (PairFlag p in Audit.Flags)
            {
                var words = new List<string>();
                if (p.Collinear)
                {
                    words.Add(report.L("pair.collinear"));
                }

                if (p.NearDuplicate)
                {
                    words.Add(report.L("pair.duplicate"));
                }

                table.Add([report.IndicatorName(p.A), report.IndicatorName(p.B), Text.Number(p.Pearson, 2, lang, trim: false), p.SameParent is null ? Text.Missing : report.NodeName(p.SameParent), string.Join(", ", words)]);
            }

            return (report.L("section.audit.pairs"), Format(report.L("section.audit.pairs.lead"), N(t.Collinear), N(t.NearDuplicate)), table);
        }
    }

    /// <summary>The units below the availability share of the screening.</summary>
    private (string Heading, string Lead, Tables? Table) ScreeningPart(DxReport report)
    {
        ReportLanguage lang = report.Language;
        AuditThresholds t = Thresholds;

        string share = ContributionsSection.Percent(t.UnitAvailability, lang);
        var excluded = Audit.Screening.Where(s => !s.Included).ToList();
        if (excluded.Count == 0)
        {
            return (report.L("section.audit.screening"), Format(report.L("section.audit.screening.all"), share, Text.Value(Audit.Screening.Count, lang, 0)), null);
        }
        else
        {
            var table = new Tables((report.L("unit"), false), (report.L("available"), true), (report.L("share"), true));
            foreach (UnitScreening s in excluded)
            {
                table.Add([report.UnitName(s.Unit), $"{Text.Value(s.Available, lang, 0)}/{Text.Value(s.Indicators, lang, 0)}", ContributionsSection.Percent(s.AvailableShare, lang)]);
            }

            return (report.L("section.audit.screening"), Format(report.L("section.audit.screening.some"), share), table);
        }
    }

    private static string Format(string template, params object[] args) => string.Format(CultureInfo.InvariantCulture, template, args);
}
