using System.Globalization;
using DxIndicators.Model;
using DxIndicators.Targets;
using static DxIndicators.Tests.Targets.Fixtures;

namespace DxIndicators.Tests.Targets;

public class TargetCsvTests
{
    private const string Header = "code,indicator,comparator,threshold,deadline,baseline_date,baseline_value,source";

    [Fact]
    public void Read_ValidRows_ReturnsTargets()
    {
        string text = Header + "\n" +
            "T-SIGN,GOV-ESIGN,>=,100,2025-06-30,,,Resolution 57-NQ/TW\n" +
            "T-DE,DE-GDP,>,20.5,2025-12-31,2020-12-31,12.5,\"Decision 1437/QĐ-TTg, 2024\"\n" +
            "T-LATE,LATE,<=,5e0,2030-12-31,,,Decision 942/QĐ-TTg\n";
        IReadOnlyList<TargetRule> targets = TargetCsv.Read(new StringReader(text), "T.csv").GetValueOrThrow();

        targets.Should().HaveCount(3);
        targets[0].Should().Be(new TargetRule("T-SIGN", "GOV-ESIGN", Comparator.AtLeast, 100, D(2025, 6, 30), "Resolution 57-NQ/TW"));
        targets[1].Comparator.Should().Be(Comparator.GreaterThan);
        targets[1].Threshold.Should().Be(20.5);
        targets[1].Baseline.Should().Be(new TargetBaseline(12.5, D(2020, 12, 31)));
        targets[1].LegalSource.Should().Be("Decision 1437/QĐ-TTg, 2024");
        targets[2].Comparator.Should().Be(Comparator.AtMost);
        targets[2].Threshold.Should().Be(5);
    }

    [Fact]
    public void Read_WithoutBaselineColumns_IsAccepted()
    {
        string text = "code,indicator,comparator,threshold,deadline,source\nT1,X,<,3,2026-01-01,src\n";
        TargetCsv.Read(new StringReader(text), "T.csv").GetValueOrThrow().Single().Comparator.Should().Be(Comparator.LessThan);
    }

    [Fact]
    public void TryRead_BadRows_ReportsEveryProblemWithLine()
    {
        string text = Header + "\n" +                                   // line 1
            "T1,X,=>,90,2025-12-31,,,src\n" +                           // line 2: bad comparator
            "T2,X,>=,9O,2025-12-31,,,src\n" +                           // line 3: letter O in number
            "T3,X,>=,90,31/12/2025,,,src\n" +                           // line 4: not ISO date
            "T4,X,>=,90,2025-12-31,2020-12-31,,src\n" +                 // line 5: baseline value missing
            "T5,X,>=,90,2025-12-31,,,src\n" +                           // line 6: fine
            "T5,X,>=,91,2026-12-31,,,src\n" +                           // line 7: duplicate code
            "T6,X,>=,90,2025-12-31,,,\"multi\nline source\"\n" +        // lines 8–9: fine (quoted line break)
            "T7,,>=,NaN,2025-12-31,2026-01-01,1,\n" +                   // line 10: no indicator, NaN, baseline after deadline, no source
            "T8,X,>=,90,2020-12-31,2021-12-31,50,src\n" +               // line 11: deadline before baseline
            "T9,X,>=,90\n";                                             // line 12: too few fields
        var read = TargetCsv.Read(new StringReader(text), "T.csv");
        bool ok = read.IsSuccess;
        IReadOnlyList<TargetRule>? targets = read.Value;
        IReadOnlyList<Problem> errors = read.Problems;

        ok.Should().BeFalse();
        targets.Should().BeNull();
        errors.Select(e => (e.Location, e.Rule)).Should().Equal(
            ("T.csv:2 comparator", "invalid-comparator"),
            ("T.csv:3 threshold", "bad-number"),
            ("T.csv:4 deadline", "bad-date"),
            ("T.csv:5 baseline_value", "incomplete-baseline"),
            ("T.csv:7", "duplicate-code"),
            ("T.csv:10 indicator", "missing-field"),
            ("T.csv:10 threshold", "not-finite"),
            ("T.csv:10 deadline", "deadline-before-baseline"),
            ("T.csv:10 source", "missing-field"),
            ("T.csv:11 deadline", "deadline-before-baseline"),
            ("T.csv:12", "missing-fields"));
        errors[0].Message.Should().Contain("'=>'").And.Contain(">=, >, <=, <, =");
        errors[4].Message.Should().Contain("line 6");
    }

    [Fact]
    public void Read_BadHeader_ThrowsNamingColumns()
    {
        string text = "code,indicator,comparator,limit,deadline,source\nT1,X,>=,1,2025-01-01,s\n";
        Action act = () => TargetCsv.Read(new StringReader(text), "T.csv").GetValueOrThrow();
        act.Should().Throw<FrameworkValidationException>()
            .Which.Errors.Select(e => e.Rule).Should().Equal("bad-header", "bad-header");
    }

    [Fact]
    public void Read_StrayQuote_ReportsBadQuoting()
    {
        string text = Header + "\nT1,X,>=,90,2025-12-31,,,\"src\"x\n";
        var read = TargetCsv.Read(new StringReader(text), "T.csv");
        read.IsSuccess.Should().BeFalse();
        IReadOnlyList<Problem> errors = read.Problems;
        errors.Single().Should().Match<Problem>(e => e.Location == "T.csv:2" && e.Rule == "malformed");
    }

    [Fact]
    public void Read_Empty_ReportsMissingHeader()
    {
        var read = TargetCsv.Read(new StringReader(""), "T.csv");
        read.IsSuccess.Should().BeFalse();
        IReadOnlyList<Problem> errors = read.Problems;
        errors.Single().Rule.Should().Be("malformed");
    }

    [Fact]
    public void WriteResults_Evaluations_WritesOneRowEachWithEmptyNotApplicable()
    {
        var evaluator = TargetEvaluator.Default;
        TargetRule met = new("T-SIGN", "IND", Comparator.AtLeast, 100, D(2025, 6, 30), "src");
        TargetRule growth = new("T-GROW", "IND", Comparator.AtLeast, 1600, D(2028, 12, 31), "src");
        TargetEvaluation[] evaluations =
        [
            evaluator.Evaluate(met, Indicator(), Unit, [Obs("2024-Q3", 100), Obs("2024", 100.5)], D(2025, 3, 1)),
            evaluator.Evaluate(growth, Indicator(), Unit, [Obs("2020", 100), Obs("2024", 300)], D(2025, 3, 1)),
            evaluator.Evaluate(growth, Indicator(), "12", [], D(2025, 3, 1)),
        ];
        var sw = new StringWriter(CultureInfo.InvariantCulture);
        TargetCsv.WriteResults(sw, evaluations);
        string[] lines = sw.ToString().Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);

        lines.Should().HaveCount(4);
        lines[0].Should().Be("unit,target,status,value,gap,first_achieved,projected_date,progress_ratio");
        lines[1].Should().Be("11,T-SIGN,achieved,100.5,-0.5,2024-Q3,,"); // gap 100 − 100.5
        lines[3].Should().Be("12,T-GROW,noData,,,,,");

        // Row 2: needs acceleration, value 300, gap 1300, no first period; the ratio round-trips exactly.
        string[] row = lines[2].Split(',');
        row[..6].Should().Equal("11", "T-GROW", "needsAcceleration", "300", "1300", "");
        double.Parse(row[7], CultureInfo.InvariantCulture).Should().Be(evaluations[1].ProgressRatio!.Value);
        row[6].Should().Be(evaluations[1].ProjectedCompound!.Value.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(TargetStatus.OnTrack, "onTrack")]
    [InlineData(TargetStatus.NeedsAcceleration, "needsAcceleration")]
    [InlineData(TargetStatus.LimitedProgress, "limitedProgress")]
    [InlineData(TargetStatus.Deterioration, "deterioration")]
    [InlineData(TargetStatus.Missed, "missed")]
    [InlineData(TargetStatus.Indeterminate, "indeterminate")]
    public void StatusText_Status_IsCamelCase(TargetStatus status, string expected)
    {
        TargetCsv.StatusText(status).Should().Be(expected);
    }
}
