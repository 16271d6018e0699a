using System.Globalization;
using System.Text.RegularExpressions;
using DxIndicators.Analysis;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Reporting.Tests.TestSupport;
using DxIndicators.Scoring;
using NodaTime;

namespace DxIndicators.Reporting.Tests;

/// <summary>The sensitivity, contributions and audit sections, on the sample and on the 63-province report.</summary>
public sealed class AnalysisSectionsTests
{
    private static readonly LocalDate s_asOf = new(2026, 1, 15);

    private static readonly Lazy<(DxReport Report, ScoringPlan Plan, IndicatorMatrix Matrix)> s_provinces = new(() =>
    {
        ScoringPlan? plan = null;
        IndicatorMatrix? matrix = null;
        DxReport report = ProvinceReport.Build(runs: 50, sections: (p, m) =>
        {
            plan = p;
            matrix = m;
            return ProvinceReport.Sections(p, m, sobolSamples: 64);
        });
        return (report, plan!, matrix!);
    });

    [Fact]
    public void Sample_Contributions_PartsAddUpToTheScore()
    {
        DxReport report = ReportBuilder.Sample(s_asOf, ReportLanguage.English, (plan, m) => [ContributionsSection.Compute(plan, m)]);
        report.Sections.Select(s => s.Id).Should().EndWith("contributions");
        string md = report.ToMarkdown();
        // The stack table: unit, index, then one column per weighted component of the index.
        string row = md[md.IndexOf("## Contributions to the score", StringComparison.Ordinal)..].Split('\n').First(l => l.StartsWith("|Dien Bien|0.6854|", StringComparison.Ordinal));
        double[] parts = [.. row.Trim('|', '\r').Split('|').Skip(2).Select(c => double.Parse(c, CultureInfo.InvariantCulture))];
        parts.Should().HaveCount(4, "the sample's four weighted components (the published ranks under the root have weight 0)");
        parts.Sum().Should().BeApproximately(report.Scores.GetScore("11", report.Scores.Root), 4 * 0.00005, "each part is rounded to 4 decimals");

        string html = report.ToHtml();
        string chart = Regex.Match(html, "<svg[^>]*data-chart=\"contributions\".*?</svg>", RegexOptions.Singleline).Value;
        Regex.Count(chart, "class=\"segment\"").Should().Be(4);
        Check.Contains(html, "Indicator contributions — Dien Bien", "Strongest and weakest indicators", "more indicators have weight 0");
        // The detail table's total is the index score and the shares add up to 100 %.
        Check.Contains(md, "|Total|1.0000||0.6854|100.0 %|");
    }

    [Fact]
    public void Provinces_Contributions_OneStackPerUnitSummingToItsScore()
    {
        DxReport report = s_provinces.Value.Report;
        var section = report.ExtraSections.OfType<ContributionsSection>().Single();
        foreach (string unit in report.Scores.Units)
        {
            section.Contributions.Where(c => c.Unit == unit).Sum(c => c.Value).Should().BeApproximately(report.Scores.GetScore(unit, report.Scores.Root), 1e-12);
        }

        string chart = Regex.Match(report.ToHtml(), "<svg[^>]*data-chart=\"contributions\".*?</svg>", RegexOptions.Singleline).Value;
        Regex.Matches(chart, "data-unit=\"([^\"]+)\"").Select(m => m.Groups[1].Value).Distinct().Should().HaveCount(63);
        // Strengths are ranks among the 63 provinces.
        Check.Contains(report.ToMarkdown(), "/63)");
    }

    [Fact]
    public void Provinces_Sensitivity_ShowsEachInputWithItsInterval()
    {
        DxReport report = s_provinces.Value.Report;
        SobolResult result = report.ExtraSections.OfType<SensitivitySection>().Single().Result;
        result.Indices.Should().HaveCount(2, "weights and outlier treatment are varied");
        result.Variance.Should().BePositive();
        string html = report.ToHtml();
        string chart = Regex.Match(html, "<svg[^>]*data-chart=\"sensitivity\".*?</svg>", RegexOptions.Singleline).Value;
        Regex.Count(chart, "class=\"bar\"").Should().Be(4, "first-order and total bars per input");
        Regex.Count(chart, "class=\"whisker\"").Should().Be(4);
        string md = report.ToMarkdown();
        foreach (SobolIndex s in result.Indices)
        {
            string name = SensitivitySection.InputName(s.Input, ReportLanguage.English);
            Check.Contains(md, $"|{name}|{Text.Number(s.First, 3, ReportLanguage.English, trim: false)}|{Text.Number(s.FirstLow, 3, ReportLanguage.English, trim: false)} – {Text.Number(s.FirstHigh, 3, ReportLanguage.English, trim: false)}|");
        }

        Check.Contains(md, $"Output: mean absolute rank shift of “{report.NodeName(report.Scores.Root)}” against the nominal ranks.");
    }

    [Fact]
    public void Sample_Sensitivity_OneUnit_SaysTheIndicesAreUndefined()
    {
        DxReport report = ReportBuilder.Sample(s_asOf, ReportLanguage.English, (plan, m) =>
            [new SensitivitySection(SobolSensitivity.Create(UncertainInputs.For(plan.Framework).WithWeightNoise(0.25), 16, 1).Run(m))]);
        string html = report.ToHtml();
        Check.Contains(html, "The output does not vary over the runs (variance 0)");
        Check.DoesNotContain(html, "data-chart=\"sensitivity\"");
    }

    [Fact]
    public void Provinces_Audit_ShowsAlphaFlagsAndScreening()
    {
        (DxReport report, ScoringPlan plan, IndicatorMatrix matrix) = s_provinces.Value;
        AuditReport audit = report.ExtraSections.OfType<AuditSection>().Single().Audit;
        string md = report.ToMarkdown();
        foreach (NodeConsistency c in audit.Consistency)
        {
            Check.Contains(md, $"|{report.NodeName(c.Node)}|{c.Children}|{Text.Number(c.CronbachAlpha, 2, ReportLanguage.English, trim: false)}|");
        }

        string html = report.ToHtml();
        Regex.Count(Regex.Match(html, "<svg[^>]*data-chart=\"cronbach-alpha\".*?</svg>", RegexOptions.Singleline).Value, "class=\"bar\"").Should().Be(audit.Consistency.Count);
        // The seeded data are uniform: no indicator is flagged, every province has all values.
        audit.Statistics.Should().NotContain(s => s.LowAvailability || s.ManyZeros || s.FewUnique || s.Outliers);
        Check.Contains(md, $"No indicator is flagged: {plan.IndicatorCodes.Count} indicators checked.", "Every unit has values for at least 66.7 % of the indicators (63 units).");
        matrix.RowCount.Should().Be(63);
    }

    [Fact]
    public void Audit_FlaggedIndicators_AreListedWithTheirFlagsInWords()
    {
        // Three provinces, one indicator missing for two of them (availability 1/3 < 0.65) and one constant (1 distinct value of 3 < 0.5).
        (Framework dti, Dataset data, _, _) = ProvinceReport.Inputs();
        string[] three = ["01", "48", "79"];
        string sparse = dti.Indicators[0].Code, constant = dti.Indicators[1].Code;
        var observations = data.Observations.Where(o => three.Contains(o.Unit) && dti.TryGetIndicator(o.Indicator, out _))
            .Where(o => !(o.Indicator == sparse && o.Unit != "01"))
            .Select(o => o.Indicator == constant ? o with { Value = 0.5 } : o);
        DxReport report = ReportBuilder.FromDataset(dti, new Dataset(observations), ProvinceReport.AsOf, [], sections: (p, m) => [new AuditSection(StatisticalAudit.Run(p, m))]);
        string md = report.ToMarkdown();
        Check.Contains(md, $"|{report.IndicatorName(sparse)}|1/3|", "|low availability, many zeros, few distinct values|", $"|{report.IndicatorName(constant)}|3/3|0.5|0.5|0.5|");
    }

    [Fact]
    public void Audit_TooFewUnits_SaysWhy()
    {
        DxReport report = ReportBuilder.Sample(s_asOf, ReportLanguage.Vietnamese, (plan, m) => [new AuditSection(StatisticalAudit.Run(plan, m))]);
        Check.Contains(report.ToMarkdown(), "Kiểm định thống kê cần ít nhất ba đơn vị; báo cáo này có 1.");
    }

    [Fact]
    public void CorrelationHeatMap_ShowsTheAuditsCoefficients()
    {
        // The heat map takes its numbers from the audit section when there is one: an audit of other data (seed 8)
        // shows through, which it could not if the section recomputed the coefficients from the report's scores.
        (Framework dti, Dataset other, _, _) = ProvinceReport.Inputs(seed: 8);
        ScoringPlan plan = ScoringPlan.Compile(dti, ScoringOptions.Default);
        AuditReport foreign = StatisticalAudit.Run(plan, other.CrossSectionAsOf(dti, ProvinceReport.AsOf, other.Units));
        DxReport report = ProvinceReport.Build(runs: 0).WithSection(new AuditSection(foreign));
        (List<string> _, double[,] r) = Sections.CorrelationSection.Matrix(report);
        List<string> nodes = [report.Scores.Root, .. report.ProfileNodes()];
        r[0, 1].Should().Be(foreign.Pearson[nodes[0], nodes[1]]);

        // Without an audit section the library's correlation gives the same numbers as an audit of the report's own scores.
        DxReport plain = ProvinceReport.Build(runs: 0);
        AuditReport own = StatisticalAudit.Run(plan, ProvinceReport.Inputs().Data.CrossSectionAsOf(dti, ProvinceReport.AsOf, ProvinceReport.Inputs().Data.Units));
        (_, double[,] p) = Sections.CorrelationSection.Matrix(plain);
        for (int i = 0; i < nodes.Count; i++)
        {
            for (int j = 0; j < nodes.Count; j++)
            {
                p[i, j].Should().BeApproximately(own.Pearson[nodes[i], nodes[j]], 1e-12);
            }
        }
    }

    [Fact]
    public void CorrelationHeatMap_PairsUnderThreeUnits_AreMissing()
    {
        // x = 1..5, y = 2, 4, 5, 4, 5: r = 6 / sqrt(10 · 6) = 0.7745966692414834 (hand computation).
        StatisticalAudit.Correlations(["x", "y"], [1, 1], [[1, 2, 3, 4, 5], [2, 4, 5, 4, 5]], CorrelationMethod.Pearson)["x", "y"].Should().BeApproximately(0.7745966692414834, 1e-15);
        DxReport sample = ReportBuilder.Sample(s_asOf);
        Check.Contains(sample.ToMarkdown(), "Correlations need at least three units with scores; this report has 1.");
    }
}
