using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Targets;
using static DxIndicators.Tests.Targets.Fixtures;

namespace DxIndicators.Tests.Targets;

// 2020-12-31 → 2024-12-31 is exactly 4 years (1461 days / 365.25).
public class TrendEvaluatorTests
{
    private static TrendEvaluation Eval(Polarity polarity, params Observation[] observations) =>
        TrendEvaluator.Default.Evaluate(Indicator(polarity: polarity), Unit, observations, D(2025, 6, 30));

    [Fact]
    public void Evaluate_Rising_IsImproving()
    {
        // 100 → 146.41 = 100 · 1.1^4 → growth 0.1 ≥ 0.005.
        TrendEvaluation t = Eval(Polarity.HigherIsBetter, Obs("2020", 100), Obs("2022", 105), Obs("2024", 146.41));
        t.Status.Should().Be(TrendStatus.Improving);
        t.Growth.Should().BeApproximately(0.1, 1e-12);
        t.AdjustedGrowth.Should().BeApproximately(0.1, 1e-12);
        t.Base!.Period.Should().Be(ReportingPeriod.Parse("2020"));
    }

    [Fact]
    public void Evaluate_SlowRise_IsStable()
    {
        // 100 → 101: 1.01^(1/4) − 1 = 0.002491 < 0.005.
        TrendEvaluation t = Eval(Polarity.HigherIsBetter, Obs("2020", 100), Obs("2024", 101));
        t.Status.Should().Be(TrendStatus.Stable);
        t.Growth.Should().BeApproximately(0.002491, 1e-6);
    }

    [Fact]
    public void Evaluate_Falling_IsWorsening()
    {
        // 100 → 90: 0.9^(1/4) − 1 = −0.025996 ≤ −0.005.
        TrendEvaluation t = Eval(Polarity.HigherIsBetter, Obs("2020", 100), Obs("2024", 90));
        t.Status.Should().Be(TrendStatus.Worsening);
        t.Growth.Should().BeApproximately(-0.025996, 1e-6);
    }

    [Fact]
    public void Evaluate_FallingLowerIsBetter_IsImproving()
    {
        // 80 → 20: growth 1/√2 − 1 = −0.292893; adjusted by polarity −1 → +0.292893.
        TrendEvaluation t = Eval(Polarity.LowerIsBetter, Obs("2020", 80), Obs("2024", 20));
        t.Status.Should().Be(TrendStatus.Improving);
        t.AdjustedGrowth.Should().BeApproximately(1 - (1 / Math.Sqrt(2)), 1e-12);
    }

    [Fact]
    public void Evaluate_NegativeValuesRising_IsImproving()
    {
        // −10 → −5: ratio 0.5, growth 0.5^(1/4) − 1 = −0.159104; sign of base −1 → adjusted +0.159104.
        TrendEvaluation t = Eval(Polarity.HigherIsBetter, Obs("2020", -10), Obs("2024", -5));
        t.Status.Should().Be(TrendStatus.Improving);
        t.AdjustedGrowth.Should().BeApproximately(0.159104, 1e-6);
    }

    [Fact]
    public void Evaluate_SignChange_FollowsDirectionOfChange()
    {
        TrendEvaluation t = Eval(Polarity.HigherIsBetter, Obs("2020", -2), Obs("2024", 3));
        t.Status.Should().Be(TrendStatus.Improving);
        t.Growth.Should().BeNull();
        t.Note.Should().Contain("change sign");
    }

    [Fact]
    public void Evaluate_BaseZero_UsesOneThousandth()
    {
        // 0 → 10: (10 / 0.001)^(1/4) − 1 = 9.
        TrendEvaluation t = Eval(Polarity.HigherIsBetter, Obs("2020", 0), Obs("2024", 10));
        t.Status.Should().Be(TrendStatus.Improving);
        t.Growth.Should().BeApproximately(9, 1e-9);
    }

    [Fact]
    public void Evaluate_OnePoint_IsNotEnoughData()
    {
        TrendEvaluation t = Eval(Polarity.HigherIsBetter, Obs("2024", 10), Obs("2025", 50));
        t.Status.Should().Be(TrendStatus.NotEnoughData); // 2025 ends after the as-of date 2025-06-30
        t.Latest!.Value.Should().Be(10);
    }

    [Fact]
    public void Evaluate_NoData_IsNotEnoughData()
    {
        Eval(Polarity.HigherIsBetter).Status.Should().Be(TrendStatus.NotEnoughData);
    }

    [Fact]
    public void Evaluate_CustomThresholds_WidenStableBand()
    {
        // 100 → 110: 1.1^(1/4) − 1 = 0.024114: improving by default, stable within ±0.05.
        Observation[] series = [Obs("2020", 100), Obs("2024", 110)];
        TrendEvaluator.Default.Evaluate(Indicator(), Unit, series, D(2025, 1, 1)).Status.Should().Be(TrendStatus.Improving);
        new TrendEvaluator(new TrendThresholds(0.05, -0.05)).Evaluate(Indicator(), Unit, series, D(2025, 1, 1)).Status.Should().Be(TrendStatus.Stable);
    }

    [Fact]
    public void Evaluate_QualifiedValues_AreFlagged()
    {
        TrendEvaluation t = Eval(Polarity.HigherIsBetter, Obs("2020", 50), Obs("2024", 90, Qualifier.LowerBound));
        t.UsesQualifiedValues.Should().BeTrue();
    }

    [Fact]
    public void TrendThresholds_Invalid_Throws()
    {
        Action act = () => _ = new TrendThresholds(-0.1, -0.2);
        act.Should().Throw<ArgumentException>();
    }
}
