using DxIndicators.Catalog;
using DxIndicators.Cli.Commands;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Targets;
using NodaTime;

namespace DxIndicators.Cli.Tests.Commands;

/// <summary>
/// The CLI writes a status with the registry's words (<see cref="TargetStatusInfo"/>, <see cref="TrendStatusInfo"/>)
/// and adds only what its kind of status calls for (deadline, progress ratio, when it was met).
/// </summary>
public sealed class StatusWordsTests
{
    private static readonly LocalDate s_asOf = new(2025, 1, 1);

    // GOV-ONLINE-PROC of unit 11 rises 60 → 70 (2023 → 2024); one target per status (thresholds and deadlines chosen so
    // that the progress ratio falls in each band), unit 12 has one observation and unit 13 none.
    private const string Data = "unit,indicator,period,value,qualifier,numerator,denominator,source\n" +
        "11,GOV-ONLINE-PROC,2023,60,,,,test\n11,GOV-ONLINE-PROC,2024,70,,,,test\n12,GOV-ONLINE-PROC,2024,70,,,,test\n";

    private const string Targets = "code,indicator,comparator,threshold,deadline,source\n" +
        "ACH,GOV-ONLINE-PROC,>=,65,2026-12-31,Plan\n" +
        "ON,GOV-ONLINE-PROC,>=,90,2026-12-31,Plan\n" +
        "ACC,GOV-ONLINE-PROC,>=,90,2026-03-31,Plan\n" +
        "LIM,GOV-ONLINE-PROC,>=,90,2025-06-30,Plan\n" +
        "DET,GOV-ONLINE-PROC,<=,50,2026-12-31,Plan\n" +
        "MISS,GOV-ONLINE-PROC,>=,90,2024-12-31,Plan\n";

    [Fact]
    public void TargetsDescribe_StartsWithTheRegistrysWords_AndAddsItsKindsDetail()
    {
        List<TargetEvaluation> evaluations = Evaluations();
        evaluations.Select(e => e.Status).Distinct().Should().BeEquivalentTo(Enum.GetValues<TargetStatus>(), "the fixture reaches every status");
        foreach (TargetEvaluation e in evaluations)
        {
            TargetStatusInfo status = TargetStatusInfo.Of(e.Status);
            string text = TargetsCommand.Describe(e);
            text.Should().StartWith(status.Label.En);
            text.Contains("(progress ", StringComparison.Ordinal).Should().Be(status.GradesProgress, text);
            if (e.Status is TargetStatus.Deterioration or TargetStatus.Indeterminate or TargetStatus.NoData)
            {
                text.Should().Be(status.Label.En);
            }
            else if (e.Status == TargetStatus.Missed)
            {
                text.Should().Be(status.Label.En + " (deadline " + NodaTime.Text.LocalDatePattern.Iso.Format(e.Target.Deadline) + ")");
            }
            else if (e.Status == TargetStatus.Achieved)
            {
                text.Should().StartWith(status.Label.En + " in 2024, ").And.EndWith(" days ahead of the 2026-12-31 deadline");
            }
        }
    }

    [Fact]
    public void DataArrow_IsTheRegistrysSymbolAndWords()
    {
        foreach (TrendStatusInfo status in TrendStatusInfo.All)
        {
            DataCommand.Arrow(status.Status).Should().Be(status.Symbol + " " + status.Label.En);
        }

        DataCommand.Arrow(TrendStatus.Improving).Should().Be("↑ improving");
    }

    private static List<TargetEvaluation> Evaluations()
    {
        Dataset data = ObservationCsv.Read(new StringReader(Data), "d.csv").GetValueOrThrow();
        IReadOnlyList<TargetRule> targets = TargetCsv.Read(new StringReader(Targets), "t.csv").GetValueOrThrow();
        FrameworkCatalog.Get("dien-bien-sample").TryGetIndicator("GOV-ONLINE-PROC", out IndicatorDefinition? indicator).Should().BeTrue();
        var evaluations = new List<TargetEvaluation>();
        foreach (string unit in new[] { "11", "12", "13" })
        {
            IEnumerable<Observation> series = data.Units.Contains(unit) ? data.Series(unit, "GOV-ONLINE-PROC") : [];
            evaluations.AddRange(targets.Select(t => TargetEvaluator.Default.Evaluate(t, indicator!, unit, series, s_asOf)));
        }

        return evaluations;
    }
}
