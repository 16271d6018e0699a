using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Targets;
using NodaTime;
using static DxIndicators.Tests.Targets.Fixtures;

namespace DxIndicators.Tests.Targets;

// Time convention (docs/targets.md): years = days between dates / 365.25. Year periods end on 31 December, and
// 2020-12-31 → 2024-12-31 is 1461 days = exactly 4 years, 2020-12-31 → 2028-12-31 is 2922 days = exactly 8 years,
// which keeps the hand computations below exact.
public class TargetEvaluatorTests
{
    private static readonly TargetEvaluator s_evaluator = TargetEvaluator.Default;

    private static TargetEvaluation Eval(TargetRule target, LocalDate asOf, params Observation[] observations) =>
        s_evaluator.Evaluate(target, Indicator(), Unit, observations, asOf);

    [Fact]
    public void Evaluate_MetAheadOfDeadline_ReturnsAchievedWithFirstPeriodAndDaysAhead()
    {
        // "100% of officials sign digitally by 30 June 2025": met in 2024-Q3 (ends 2024-09-30), still met in 2024.
        TargetRule target = Target(Comparator.AtLeast, 100, D(2025, 6, 30));
        TargetEvaluation e = Eval(target, D(2025, 3, 1), Obs("2023", 80), Obs("2024", 100), Obs("2024-Q3", 100));

        e.Status.Should().Be(TargetStatus.Achieved);
        e.LatestPeriod.Should().Be(ReportingPeriod.Parse("2024"));
        e.LatestValue.Should().Be(100);
        e.Gap.Should().Be(0); // 100 − 100
        e.FirstAchieved.Should().Be(ReportingPeriod.Parse("2024-Q3"));
        // 2024-09-30 → 2024-12-31: 31 + 30 + 31 = 92; → 2025-06-30: + 31 + 28 + 31 + 30 + 31 + 30 = 273 days.
        e.DaysAheadOfDeadline.Should().Be(273);
        e.MetAheadOfDeadline.Should().BeTrue();
        e.Relapsed.Should().BeFalse();
        e.ProjectedLinear.Should().BeNull();
        e.ProjectedCompound.Should().BeNull();
        e.LinearProjectionNote.Should().Contain("already achieved");
    }

    [Fact]
    public void Evaluate_MetAfterDeadline_ReturnsAchievedWithNegativeDaysAhead()
    {
        // Year 2024 ends 2024-12-31, 184 days after a 2024-06-30 deadline (Jul 31 + Aug 31 + Sep 30 + Oct 31 + Nov 30 + Dec 31).
        TargetEvaluation e = Eval(Target(Comparator.AtLeast, 100, D(2024, 6, 30)), D(2025, 3, 1), Obs("2023", 90), Obs("2024", 100));
        e.Status.Should().Be(TargetStatus.Achieved);
        e.DaysAheadOfDeadline.Should().Be(-184);
        e.MetAheadOfDeadline.Should().BeFalse();
    }

    [Fact]
    public void Evaluate_ValueBeyondTargetSinglePoint_ReturnsAchievedWithNegativeGap()
    {
        // One data point, already beyond: gap = 80 − 85 = −5 (negative = surplus).
        TargetEvaluation e = Eval(Target(Comparator.AtLeast, 80, D(2025, 12, 31)), D(2025, 1, 1), Obs("2024", 85));
        e.Status.Should().Be(TargetStatus.Achieved);
        e.Gap.Should().Be(-5);
    }

    [Fact]
    public void Evaluate_CompoundPaceEqualsRequired_ReturnsOnTrackWithProjections()
    {
        // ≥ 1600 by 2028-12-31; 100 (2020) → 400 (2024).
        // Observed CAGR = (400/100)^(1/4) − 1 = √2 − 1; required = (1600/100)^(1/8) − 1 = √2 − 1; ratio = 1 → on track.
        // Linear: +75 a year, 1200 to go → 16 years = 5844 days → 2040-12-31.
        // Compound: ln(1600/400) / ln(√2) = 4 years = 1461 days → 2028-12-31.
        TargetRule target = Target(Comparator.AtLeast, 1600, D(2028, 12, 31));
        TargetEvaluation e = s_evaluator.Evaluate(target, Indicator(measure: MeasureKind.Count, unit: "enterprises"), Unit,
            [Obs("2024", 400), Obs("2020", 100)], D(2025, 1, 15));

        e.Status.Should().Be(TargetStatus.OnTrack);
        e.BaseValue.Should().Be(100);
        e.BaseDate.Should().Be(D(2020, 12, 31));
        e.ObservedGrowth.Should().BeApproximately(Math.Sqrt(2) - 1, 1e-12);
        e.RequiredGrowth.Should().BeApproximately(Math.Sqrt(2) - 1, 1e-12);
        e.ProgressRatio.Should().BeApproximately(1, 1e-12);
        e.Gap.Should().Be(1200);
        e.ProjectedLinear.Should().Be(D(2040, 12, 31));
        e.ProjectedCompound.Should().Be(D(2028, 12, 31));
        e.LinearProjectionNote.Should().BeNull();
        e.CompoundProjectionNote.Should().BeNull();
    }

    [Fact]
    public void Evaluate_RatioBetweenThresholds_ReturnsNeedsAcceleration()
    {
        // 100 → 300 over 4 years: observed (3^(1/4) − 1) = 0.316074; required √2 − 1 = 0.414214; ratio = 0.763070.
        TargetEvaluation e = Eval(Target(Comparator.AtLeast, 1600, D(2028, 12, 31)), D(2025, 1, 1), Obs("2020", 100), Obs("2024", 300));
        e.Status.Should().Be(TargetStatus.NeedsAcceleration);
        e.ProgressRatio.Should().BeApproximately(0.763070, 1e-6);
    }

    [Fact]
    public void Evaluate_CustomThresholds_ClassifiesByThem()
    {
        // Same ratio 0.763070, but on track from 0.7.
        var evaluator = new TargetEvaluator(new ProgressThresholds(0.7, 0.5, 0));
        TargetEvaluation e = evaluator.Evaluate(Target(Comparator.AtLeast, 1600, D(2028, 12, 31)), Indicator(), Unit, [Obs("2020", 100), Obs("2024", 300)], D(2025, 1, 1));
        e.Status.Should().Be(TargetStatus.OnTrack);
    }

    [Fact]
    public void Evaluate_SlowGrowth_ReturnsLimitedProgress()
    {
        // 100 → 150 over 4 years: (1.5^(1/4) − 1) / (√2 − 1) = 0.106682 / 0.414214 = 0.257553.
        TargetEvaluation e = Eval(Target(Comparator.AtLeast, 1600, D(2028, 12, 31)), D(2025, 1, 1), Obs("2020", 100), Obs("2024", 150));
        e.Status.Should().Be(TargetStatus.LimitedProgress);
        e.ProgressRatio.Should().BeApproximately(0.257553, 1e-6);
    }

    [Fact]
    public void Evaluate_Falling_ReturnsDeteriorationAndNoProjection()
    {
        // 100 → 90: observed growth negative, required positive → ratio < 0.
        TargetEvaluation e = Eval(Target(Comparator.AtLeast, 1600, D(2028, 12, 31)), D(2025, 1, 1), Obs("2020", 100), Obs("2024", 90));
        e.Status.Should().Be(TargetStatus.Deterioration);
        e.ProgressRatio.Should().BeNegative();
        e.ProjectedLinear.Should().BeNull();
        e.ProjectedCompound.Should().BeNull();
        e.LinearProjectionNote.Should().Contain("moving away");
        e.CompoundProjectionNote.Should().Contain("moving away");
    }

    [Fact]
    public void Evaluate_NoChange_ReturnsLimitedProgressAndNotAtCurrentPace()
    {
        // Equal values: observed growth 0 (not a CAGR artefact), ratio 0 → limited progress (≥ 0 low threshold).
        TargetEvaluation e = Eval(Target(Comparator.AtLeast, 90, D(2028, 12, 31)), D(2025, 1, 1), Obs("2020", 50), Obs("2024", 50));
        e.Status.Should().Be(TargetStatus.LimitedProgress);
        e.ProgressRatio.Should().Be(0);
        e.ProjectedLinear.Should().BeNull();
        e.LinearProjectionNote.Should().Contain("not changed");
        e.ProjectedCompound.Should().BeNull();
    }

    [Fact]
    public void Evaluate_LowerIsBetter_UsesDecreasingDirection()
    {
        // ≤ 5 by 2028-12-31; 80 (2020) → 20 (2024).
        // Observed (20/80)^(1/4) − 1 = 1/√2 − 1; required (5/80)^(1/8) − 1 = 1/√2 − 1;
        // ratio = sign(+1) · direction(−1) · (1/√2 − 1) / |1/√2 − 1| = 1 → on track.
        // Gap = 20 − 5 = 15. Linear: −15 a year, −15 to go → 1 year = 365.25 days → 365 → 2025-12-31.
        // Compound: ln(5/20) / ln(1/√2) = 4 years → 2028-12-31.
        TargetRule target = Target(Comparator.AtMost, 5, D(2028, 12, 31));
        TargetEvaluation e = s_evaluator.Evaluate(target, Indicator(polarity: Polarity.LowerIsBetter), Unit, [Obs("2020", 80), Obs("2024", 20)], D(2025, 1, 1));
        e.Status.Should().Be(TargetStatus.OnTrack);
        e.ProgressRatio.Should().BeApproximately(1, 1e-12);
        e.Gap.Should().Be(15);
        e.ProjectedLinear.Should().Be(D(2025, 12, 31));
        e.ProjectedCompound.Should().Be(D(2028, 12, 31));
    }

    [Fact]
    public void Evaluate_RankTarget_ComparesRanksLowerIsBetter()
    {
        // EGDI rank ≤ 50 by 2030-12-31; 86 (2020) → 71 (2024). 2020-12-31 → 2030-12-31 = 120 calendar months = 10 years.
        // Observed (71/86)^(1/4) − 1 = −0.0467870; required (50/86)^(1/10) − 1 = −0.0527881;
        // ratio = −1 · (−0.0467870) / 0.0527881 = 0.886317 → needs acceleration. Gap = 71 − 50 = 21 places.
        TargetRule target = Target(Comparator.RankAtMost, 50, D(2030, 12, 31), indicator: "EGDI-RANK");
        IndicatorDefinition rank = Indicator("EGDI-RANK", MeasureKind.Rank, Polarity.LowerIsBetter, "rank");
        TargetEvaluation e = s_evaluator.Evaluate(target, rank, "VN",
            [Obs("2020", 86, indicator: "EGDI-RANK", unit: "VN"), Obs("2024", 71, indicator: "EGDI-RANK", unit: "VN")], D(2025, 1, 1));
        e.Status.Should().Be(TargetStatus.NeedsAcceleration);
        e.ProgressRatio.Should().BeApproximately(0.886317, 1e-6);
        e.Gap.Should().Be(21);

        TargetEvaluation met = s_evaluator.Evaluate(target, rank, "VN", [Obs("2024", 45, indicator: "EGDI-RANK", unit: "VN")], D(2025, 1, 1));
        met.Status.Should().Be(TargetStatus.Achieved);
        met.Gap.Should().Be(-5); // 45 − 50
    }

    [Fact]
    public void Evaluate_DeadlinePassedNotMet_ReturnsMissed()
    {
        // Digital economy ≥ 20% of GDP by 2025-12-31; 18.3% in 2025, evaluated in 2026.
        TargetEvaluation e = Eval(Target(Comparator.AtLeast, 20, D(2025, 12, 31)), D(2026, 6, 1), Obs("2023", 16.5), Obs("2025", 18.3));
        e.Status.Should().Be(TargetStatus.Missed);
        e.Gap.Should().BeApproximately(1.7, 1e-12); // 20 − 18.3
        e.Note.Should().BeNull();
    }

    [Fact]
    public void Evaluate_DeadlinePassedLatestDataOlder_ReturnsMissedWithNote()
    {
        TargetEvaluation e = Eval(Target(Comparator.AtLeast, 20, D(2025, 6, 30)), D(2025, 7, 1), Obs("2023", 16.5), Obs("2024", 18.3));
        e.Status.Should().Be(TargetStatus.Missed);
        e.Note.Should().Contain("predate");
    }

    [Fact]
    public void Evaluate_AsOfOnDeadline_IsNotMissed()
    {
        TargetEvaluation e = Eval(Target(Comparator.AtLeast, 1600, D(2024, 12, 31)), D(2024, 12, 31), Obs("2020", 100), Obs("2024", 150));
        e.Status.Should().NotBe(TargetStatus.Missed);
    }

    [Fact]
    public void Evaluate_LowerBoundCannotDecide_ReturnsIndeterminate()
    {
        // "over 90%" against "≥ 95%": undecided, even after the deadline (it may have been met).
        TargetRule target = Target(Comparator.AtLeast, 95, D(2025, 12, 31));
        TargetEvaluation e = Eval(target, D(2026, 3, 1), Obs("2024", 85), Obs("2025", 90, Qualifier.LowerBound));
        e.Status.Should().Be(TargetStatus.Indeterminate);
        e.LatestQualifier.Should().Be(Qualifier.LowerBound);
        e.LatestIsQualified.Should().BeTrue();
        e.Note.Should().Contain("over 90").And.Contain("≥ 95");
    }

    [Fact]
    public void Evaluate_LowerBoundDecides_ReturnsAchieved()
    {
        TargetEvaluation e = Eval(Target(Comparator.AtLeast, 90, D(2025, 12, 31)), D(2025, 3, 1), Obs("2024", 90, Qualifier.LowerBound));
        e.Status.Should().Be(TargetStatus.Achieved);
        e.FirstAchieved.Should().Be(ReportingPeriod.Parse("2024"));
    }

    [Fact]
    public void Evaluate_EstimateMeetsTarget_ReturnsAchievedFlagged()
    {
        TargetEvaluation e = Eval(Target(Comparator.AtLeast, 90, D(2025, 12, 31)), D(2025, 3, 1), Obs("2024", 91, Qualifier.Estimate));
        e.Status.Should().Be(TargetStatus.Achieved);
        e.LatestIsQualified.Should().BeTrue();
    }

    [Fact]
    public void Evaluate_OnePointNotMetNoBaseline_ReturnsIndeterminate()
    {
        TargetEvaluation e = Eval(Target(Comparator.AtLeast, 90, D(2028, 12, 31)), D(2025, 1, 1), Obs("2024", 60));
        e.Status.Should().Be(TargetStatus.Indeterminate);
        e.ProgressRatio.Should().BeNull();
        e.ProgressNote.Should().Contain("only one observation");
        e.Gap.Should().Be(30);
        e.ProjectedLinear.Should().BeNull();
        e.ProjectedCompound.Should().BeNull();
    }

    [Fact]
    public void Evaluate_OnePointWithBaseline_MeasuresFromBaseline()
    {
        // Baseline 100 on 2020-12-31, one observation 400 (2024): same numbers as the on-track case, ratio 1.
        TargetRule target = Target(Comparator.AtLeast, 1600, D(2028, 12, 31), baseline: new TargetBaseline(100, D(2020, 12, 31)));
        TargetEvaluation e = Eval(target, D(2025, 1, 1), Obs("2024", 400));
        e.Status.Should().Be(TargetStatus.OnTrack);
        e.BaseValue.Should().Be(100);
        e.ProgressRatio.Should().BeApproximately(1, 1e-12);
    }

    [Fact]
    public void Evaluate_BaselineOverridesEarliestObservation()
    {
        // Baseline 100 (2020-12-31) wins over the 2016 observation: 100 → 300 gives ratio 0.763070 as above.
        TargetRule target = Target(Comparator.AtLeast, 1600, D(2028, 12, 31), baseline: new TargetBaseline(100, D(2020, 12, 31)));
        TargetEvaluation e = Eval(target, D(2025, 1, 1), Obs("2016", 10), Obs("2024", 300));
        e.BaseValue.Should().Be(100);
        e.ProgressRatio.Should().BeApproximately(0.763070, 1e-6);
    }

    [Fact]
    public void Evaluate_NoObservations_ReturnsNoData()
    {
        TargetEvaluation e = Eval(Target(Comparator.AtLeast, 90, D(2025, 12, 31)), D(2025, 1, 1));
        e.Status.Should().Be(TargetStatus.NoData);
        e.LatestValue.Should().BeNull();
        e.Gap.Should().BeNull();
        e.Note.Should().Contain("2025-01-01");
    }

    [Fact]
    public void Evaluate_AsOfBeforeAnyData_ReturnsNoData()
    {
        // The 2024 figure ends 2024-12-31, after the as-of date, so it does not count.
        TargetEvaluation e = Eval(Target(Comparator.AtLeast, 90, D(2025, 12, 31)), D(2024, 6, 30), Obs("2024", 95));
        e.Status.Should().Be(TargetStatus.NoData);
    }

    [Fact]
    public void Evaluate_BaselineZero_SubstitutesOneThousandth()
    {
        // ≥ 50 by 2028-12-31, baseline 0 on 2020-12-31, 10 in 2024. Base 0 → 0.001 (Open SDG).
        // Observed (10/0.001)^(1/4) − 1 = 10 − 1 = 9; required (50/0.001)^(1/8) − 1 = 50000^0.125 − 1 = 2.866974;
        // ratio = 9 / 2.866974 = 3.139198 → on track.
        // Linear uses the stated base 0: +2.5 a year, 40 to go → 16 years → 2040-12-31.
        // Compound: ln(50/10) / ln(1 + 9) = 0.698970 years = 255.30 days → 255 → 2025-09-12.
        TargetRule target = Target(Comparator.AtLeast, 50, D(2028, 12, 31), baseline: new TargetBaseline(0, D(2020, 12, 31)));
        TargetEvaluation e = Eval(target, D(2025, 1, 1), Obs("2024", 10));
        e.Status.Should().Be(TargetStatus.OnTrack);
        e.BaseValue.Should().Be(0);
        e.ObservedGrowth.Should().BeApproximately(9, 1e-9);
        e.ProgressRatio.Should().BeApproximately(3.139198, 1e-6);
        e.ProjectedLinear.Should().Be(D(2040, 12, 31));
        e.ProjectedCompound.Should().Be(D(2025, 9, 12));
    }

    [Fact]
    public void Evaluate_TargetZero_SubstitutesOneThousandth()
    {
        // ≤ 0 (for example overdue dossiers) by 2028-12-31; 100 (2020) → 25 (2024). Target 0 → 0.001.
        // Observed 0.25^(1/4) − 1 = −0.292893; required (0.001/100)^(1/8) − 1 = 10^−0.625 − 1 = −0.762863;
        // ratio = −1 · (−0.292893) / 0.762863 = 0.383940 → limited progress.
        // Linear: −18.75 a year, −25 to go → 4/3 year = 487 days → 2026-05-02.
        TargetRule target = Target(Comparator.AtMost, 0, D(2028, 12, 31));
        TargetEvaluation e = s_evaluator.Evaluate(target, Indicator(measure: MeasureKind.Count, polarity: Polarity.LowerIsBetter), Unit,
            [Obs("2020", 100), Obs("2024", 25)], D(2025, 1, 1));
        e.Status.Should().Be(TargetStatus.LimitedProgress);
        e.RequiredGrowth.Should().BeApproximately(-0.762863, 1e-6);
        e.ProgressRatio.Should().BeApproximately(0.383940, 1e-6);
        e.ProjectedLinear.Should().Be(D(2026, 5, 2));
        e.Gap.Should().Be(25);
    }

    [Fact]
    public void Evaluate_SignChangeTowardsTarget_ReturnsIndeterminateWithLinearProjectionOnly()
    {
        // ≥ 5 by 2028-12-31; −2 (2020) → 3 (2024): CAGR undefined across zero.
        // Gap narrowed from 7 to 2 → indeterminate (not deterioration).
        // Linear: +1.25 a year, 2 to go → 1.6 years = 584.4 days → 584 → 2026-08-07. Compound: not computable.
        TargetEvaluation e = Eval(Target(Comparator.AtLeast, 5, D(2028, 12, 31)), D(2025, 1, 1), Obs("2020", -2), Obs("2024", 3));
        e.Status.Should().Be(TargetStatus.Indeterminate);
        e.ProgressRatio.Should().BeNull();
        e.ObservedGrowth.Should().BeNull();
        e.ProgressNote.Should().Contain("change sign");
        e.ProjectedLinear.Should().Be(D(2026, 8, 7));
        e.ProjectedCompound.Should().BeNull();
        e.CompoundProjectionNote.Should().Contain("not computable");
    }

    [Fact]
    public void Evaluate_SignChangeAwayFromTarget_ReturnsDeterioration()
    {
        // ≥ 5; 2 → −3: gap widened from 3 to 8.
        TargetEvaluation e = Eval(Target(Comparator.AtLeast, 5, D(2028, 12, 31)), D(2025, 1, 1), Obs("2020", 2), Obs("2024", -3));
        e.Status.Should().Be(TargetStatus.Deterioration);
        e.ProgressRatio.Should().BeNull();
        e.Note.Should().Contain("gap widened");
    }

    [Fact]
    public void Evaluate_MetThenRelapsed_KeepsFirstAchievedButNotAchieved()
    {
        // ≥ 90: 92 (2022) then 88 (2023). Latest decides → not achieved; first achieved stays 2022.
        // Base 92 (earliest): observed growth < 0, required (90/92)^… − 1 < 0 → ratio = −|obs| / |req| < 0 → deterioration.
        TargetEvaluation e = Eval(Target(Comparator.AtLeast, 90, D(2025, 12, 31)), D(2024, 1, 31), Obs("2022", 92), Obs("2023", 88));
        e.Status.Should().Be(TargetStatus.Deterioration);
        e.FirstAchieved.Should().Be(ReportingPeriod.Parse("2022"));
        e.Relapsed.Should().BeTrue();
        e.Note.Should().Contain("2022");
    }

    [Fact]
    public void Evaluate_EqualToTarget_MovesTowardsThreshold()
    {
        // = 100 by 2028-12-31; 25 (2020) → 50 (2024): observed 2^(1/4) − 1, required 4^(1/8) − 1 = 2^(1/4) − 1 → ratio 1.
        TargetEvaluation e = Eval(Target(Comparator.EqualTo, 100, D(2028, 12, 31)), D(2025, 1, 1), Obs("2020", 25), Obs("2024", 50));
        e.Status.Should().Be(TargetStatus.OnTrack);
        e.ProgressRatio.Should().BeApproximately(1, 1e-12);
        e.Gap.Should().Be(50);
    }

    [Fact]
    public void Evaluate_BetweenAboveRange_UsesUpperEndAndDistanceGap()
    {
        // between [10, 20]; 40 → 30 over 4 years: nearer end 20, gap 30 − 20 = 10, direction down.
        // Observed (30/40)^(1/4) − 1 = −0.069395; required (20/40)^(1/8) − 1 = −0.082996; ratio = 0.836127 → needs acceleration.
        TargetEvaluation e = Eval(Target(Comparator.Between, 10, D(2028, 12, 31), upper: 20), D(2025, 1, 1), Obs("2020", 40), Obs("2024", 30));
        e.Gap.Should().Be(10);
        e.ProgressRatio.Should().BeApproximately(0.836127, 1e-6);
        e.Status.Should().Be(TargetStatus.NeedsAcceleration);
    }

    [Fact]
    public void Evaluate_GreaterThanAtThreshold_IsNotAchieved()
    {
        TargetEvaluation e = Eval(Target(Comparator.GreaterThan, 50, D(2028, 12, 31)), D(2025, 1, 1), Obs("2020", 40), Obs("2024", 50));
        e.Status.Should().NotBe(TargetStatus.Achieved);
        e.Gap.Should().Be(0);
    }

    [Fact]
    public void Evaluate_HugeGrowthOverOneDay_IsIndeterminateNotOnTrack()
    {
        // 1 → 1000 in one day: (1000)^365.25 overflows to ∞, so no ratio; the gap narrowed → indeterminate.
        TargetEvaluation e = Eval(Target(Comparator.AtLeast, 5000, D(2028, 12, 31)), D(2025, 1, 1), Obs("2024-12-30", 1), Obs("2024-12-31", 1000));
        e.ProgressRatio.Should().BeNull();
        e.ProgressNote.Should().Contain("overflows");
        e.Status.Should().Be(TargetStatus.Indeterminate);
        e.ProjectedCompound.Should().BeNull("an infinite growth rate must not project the target onto the latest date");
        e.CompoundProjectionNote.Should().Contain("overflows");
    }

    [Fact]
    public void Evaluate_BadObservations_ThrowsListingEveryProblem()
    {
        Action act = () => Eval(Target(Comparator.AtLeast, 90, D(2025, 12, 31)), D(2025, 1, 1),
            Obs("2023", 50), Obs("2023", 51), Obs("2024", 60, unit: "12"), Obs("2022", double.NaN));
        act.Should().Throw<ArgumentException>()
            .WithMessage("*3 problem(s)*repeats period 2023*unit '12'*non-finite*");
    }

    [Fact]
    public void Evaluate_RelapsedAndMissedOnStaleData_NoteSaysBoth()
    {
        // Met in 2022 (95 ≥ 90), lost in 2023 (80); deadline 2024-12-31 passed by 2025-06-01 with no newer data.
        TargetEvaluation e = Eval(Target(Comparator.AtLeast, 90, D(2024, 12, 31)), D(2025, 6, 1), Obs("2022", 95), Obs("2023", 80));
        e.Status.Should().Be(TargetStatus.Missed);
        e.Relapsed.Should().BeTrue();
        e.Note.Should().Contain("predate").And.Contain("met in 2022 but the latest value no longer meets it");
    }

    [Fact]
    public void Evaluate_TwoGranularitiesEndingTheSameDay_Throws()
    {
        // 2024 and 2024-Q4 both end on 2024-12-31; choosing one as "latest" would silently drop the other.
        Action act = () => Eval(Target(Comparator.AtLeast, 90, D(2025, 12, 31)), D(2025, 1, 1), Obs("2024", 60), Obs("2024-Q4", 70));
        act.Should().Throw<ArgumentException>().WithMessage("*2024-Q4*ends on the same day as 2024*one granularity*");
    }

    [Fact]
    public void Evaluate_BetweenWithoutUpperThreshold_Throws()
    {
        // The one target rule the evaluator still checks: no single field says a 'between' target lacks its upper end.
        Action act = () => Eval(Target(Comparator.Between, 10, D(2025, 12, 31)), D(2025, 1, 1), Obs("2024", 15));
        act.Should().Throw<ArgumentException>().WithMessage("*'between'*upper threshold ≥ 10, was missing*");
    }

    [Fact]
    public void Target_UnusableThresholds_CannotBeBuiltForTheEvaluator()
    {
        // What the evaluator used to re-check is now refused where the target is made.
        Assert.ThrowsAny<ArgumentException>(() => Target(Comparator.AtLeast, double.NaN, D(2025, 12, 31))).ParamName.Should().Be("threshold");
        Assert.ThrowsAny<ArgumentException>(() => Target(Comparator.Between, 10, D(2025, 12, 31), upper: 5)).ParamName.Should().Be("UpperThreshold");
        Assert.ThrowsAny<ArgumentException>(() => Target(Comparator.AtLeast, 10, D(2025, 12, 31), baseline: new TargetBaseline(double.PositiveInfinity, D(2020, 12, 31)))).ParamName.Should().Be("Baseline");
        Assert.ThrowsAny<ArgumentException>(() => Target((Comparator)99, 10, D(2025, 12, 31))).ParamName.Should().Be("comparator");
    }

    [Fact]
    public void Evaluate_IndicatorMismatch_Throws()
    {
        Action act = () => s_evaluator.Evaluate(Target(Comparator.AtLeast, 90, D(2025, 12, 31)), Indicator("OTHER"), Unit, [], D(2025, 1, 1));
        act.Should().Throw<ArgumentException>().WithMessage("*'IND'*'OTHER'*");
    }

    [Fact]
    public void EvaluateAll_UnitsAndTargets_OneRowEachInOrder()
    {
        TargetRule a = new("A", "IND", Comparator.AtLeast, 90, D(2025, 12, 31), "src");
        TargetRule b = new("B", "IND", Comparator.AtLeast, 95, D(2025, 12, 31), "src");
        var indicators = new Dictionary<string, IndicatorDefinition> { ["IND"] = Indicator() };
        Observation[] data = [Obs("2024", 92, unit: "12"), Obs("2024", 80, unit: "11"), Obs("2024", 5, indicator: "OTHER", unit: "13")];

        IReadOnlyList<TargetEvaluation> all = s_evaluator.EvaluateAll([a, b], indicators, data, D(2025, 1, 1));

        // Units in ordinal order: 11, 12, 13 (13 has only another indicator → no data).
        all.Select(e => (e.Unit, e.Target.Code, e.Status)).Should().Equal(
            ("11", "A", TargetStatus.Indeterminate),
            ("11", "B", TargetStatus.Indeterminate),
            ("12", "A", TargetStatus.Achieved),
            ("12", "B", TargetStatus.Indeterminate),
            ("13", "A", TargetStatus.NoData),
            ("13", "B", TargetStatus.NoData));
    }

    [Fact]
    public void EvaluateAll_UnknownIndicator_ThrowsNamingTarget()
    {
        TargetRule a = new("A", "MISSING", Comparator.AtLeast, 90, D(2025, 12, 31), "src");
        Action act = () => s_evaluator.EvaluateAll([a], new Dictionary<string, IndicatorDefinition>(), [], D(2025, 1, 1));
        act.Should().Throw<ArgumentException>().WithMessage("*target 'A'*'MISSING'*no definition*");
    }

    [Fact]
    public void EvaluateAll_UnknownIndicatorAndBadSeries_ReportsBoth()
    {
        // Target A has no definition; target B's series repeats 2024 — one exception must list both problems.
        TargetRule a = new("A", "MISSING", Comparator.AtLeast, 90, D(2025, 12, 31), "src");
        TargetRule b = new("B", "IND", Comparator.AtLeast, 90, D(2025, 12, 31), "src");
        var indicators = new Dictionary<string, IndicatorDefinition> { ["IND"] = Indicator() };
        Action act = () => s_evaluator.EvaluateAll([a, b], indicators, [Obs("2024", 80), Obs("2024", 81)], D(2025, 1, 1));
        act.Should().Throw<ArgumentException>().WithMessage("*2 problem(s)*target 'A'*no definition*repeats period 2024*");
    }

    // Gap, positive = still to go: ≥/> t − v; ≤/</rank v − t; = |v − t|; between distance to the nearer end, 0 inside.
    [Theory]
    [InlineData(Comparator.AtLeast, 90, null, 80, 10)]
    [InlineData(Comparator.GreaterThan, 90, null, 95, -5)]
    [InlineData(Comparator.AtMost, 10, null, 14, 4)]
    [InlineData(Comparator.LessThan, 10, null, 6, -4)]
    [InlineData(Comparator.RankAtMost, 50, null, 71, 21)]
    [InlineData(Comparator.EqualTo, 100, null, 97, 3)]
    [InlineData(Comparator.EqualTo, 100, null, 103, 3)]
    [InlineData(Comparator.Between, 10, 20.0, 4, 6)]
    [InlineData(Comparator.Between, 10, 20.0, 15, 0)]
    [InlineData(Comparator.Between, 10, 20.0, 26, 6)]
    public void Gap_Comparator_PositiveMeansStillToGo(Comparator comparator, double threshold, double? upper, double value, double expected)
    {
        TargetEvaluator.Gap(Target(comparator, threshold, D(2030, 1, 1), upper: upper), value).Should().Be(expected);
    }

    [Fact]
    public void ProgressThresholds_OutOfOrder_Throws()
    {
        Action act = () => _ = new ProgressThresholds(0.5, 0.6, 0);
        act.Should().Throw<ArgumentException>().WithMessage("*onTrack ≥ needsAcceleration*");
    }
}
