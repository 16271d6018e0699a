using DxIndicators.Model;

namespace DxIndicators.Tests.Model;

/// <summary>Points rules evaluated on hand-computed cases (docs: the four rule types of dti.md §1.5).</summary>
public sealed class PointsRuleTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(50, 10)] // 50/100 · 20
    [InlineData(75, 15)] // 75/100 · 20
    [InlineData(100, 20)]
    [InlineData(130, 20)] // 1.3 · 20 = 26, capped at 20
    [InlineData(-10, 0)] // below 0 capped at 0
    public void Evaluate_Ratio_IsShareOfFullTimesMaxCapped(double value, double expected)
    {
        var rule = new RatioPointsRule(20, 100);

        rule.Evaluate(value, Polarity.HigherIsBetter).Should().BeApproximately(expected, 1e-12);
    }

    [Fact]
    public void Evaluate_RatioOfShare_UsesFullAt()
    {
        // 922 main index as a points rule: v = 0.8575 of 200 points → 171.5.
        new RatioPointsRule(200, 1).Evaluate(0.8575, Polarity.HigherIsBetter).Should().BeApproximately(171.5, 1e-9);
    }

    [Fact]
    public void Evaluate_RatioNaN_IsNaN()
    {
        double.IsNaN(new RatioPointsRule(20, 100).Evaluate(double.NaN, Polarity.HigherIsBetter)).Should().BeTrue();
    }

    [Theory]
    [InlineData(0, 0)] // "còn lại: 0"
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 15)]
    [InlineData(4, 20)]
    [InlineData(12, 20)]
    [InlineData(2.5, 10)] // between steps: the best step reached
    public void Evaluate_StepsHigherIsBetter_BestStepReached(double meetings, double expected)
    {
        // "BCĐ họp 4 lần/năm: 20 điểm; 3 lần: 15; 2 lần: 10; 1 lần: 5; còn lại: 0" (dti.md §1.5).
        var rule = new StepPointsRule(20, ValueList.Of(new PointsStep(1, 5), new PointsStep(2, 10), new PointsStep(3, 15), new PointsStep(4, 20)));

        rule.Evaluate(meetings, Polarity.HigherIsBetter).Should().Be(expected);
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(5, 10)] // ≤ 5 reaches the first (best) step
    [InlineData(6, 6)]
    [InlineData(10, 6)]
    [InlineData(20, 2)]
    [InlineData(21, 0)] // worse than every step
    public void Evaluate_StepsLowerIsBetter_BestStepReached(double rank, double expected)
    {
        // Lower is better: thresholds increase, points do not increase; a step is reached when value ≤ threshold.
        var rule = new StepPointsRule(10, ValueList.Of(new PointsStep(5, 10), new PointsStep(10, 6), new PointsStep(20, 2)));

        rule.Evaluate(rank, Polarity.LowerIsBetter).Should().Be(expected);
    }

    [Theory]
    [InlineData(2, 10)] // Chairman: full points
    [InlineData(1, 5)] // Vice-chairman: 1/2 · 10
    [InlineData(0, 0)] // none
    public void Evaluate_Categorical_FractionOfMax(double category, double expected)
    {
        // "Trưởng ban là Bí thư/Chủ tịch: Điểm tối đa; là Phó …: 1/2·Điểm tối đa; chưa có: 0" (dti.md §1.5).
        var rule = new CategoricalPointsRule(10, ValueList.Of(new CategoryFraction(2, 1, "Chairman"), new CategoryFraction(1, 0.5, "Vice-chairman"), new CategoryFraction(0, 0, "none")));

        rule.Evaluate(category, Polarity.HigherIsBetter).Should().Be(expected);
    }

    [Fact]
    public void Evaluate_CategoricalUnknownCode_IsNaN()
    {
        var rule = new CategoricalPointsRule(10, ValueList.Of(new CategoryFraction(1, 1, "yes")));

        double.IsNaN(rule.Evaluate(3, Polarity.HigherIsBetter)).Should().BeTrue();
    }

    [Theory]
    [InlineData(0, 0)] // no part met
    [InlineData(1, 2.5)] // bit 0: 0.25 · 10
    [InlineData(2, 5)] // bit 1: 0.5 · 10
    [InlineData(3, 7.5)] // bits 0+1: 0.75 · 10
    [InlineData(4, 5)] // bit 2: 0.5 · 10
    [InlineData(7, 10)] // all: 1.25 · 10 = 12.5, capped at 10
    public void Evaluate_AdditiveBitSet_SumsFractionsCapped(double bits, double expected)
    {
        var rule = new AdditivePointsRule(10, ValueList.Of(new PointsPart("attends", 0.25), new PointsPart("chairs", 0.5), new PointsPart("reports", 0.5)));

        rule.Evaluate(bits, Polarity.HigherIsBetter).Should().Be(expected);
    }

    [Theory]
    [InlineData(8)] // bit beyond the 3 parts
    [InlineData(-1)]
    [InlineData(1.5)]
    public void Evaluate_AdditiveInvalidBitSet_IsNaN(double bits)
    {
        var rule = new AdditivePointsRule(10, ValueList.Of(new PointsPart("a", 0.25), new PointsPart("b", 0.5), new PointsPart("c", 0.5)));

        double.IsNaN(rule.Evaluate(bits, Polarity.HigherIsBetter)).Should().BeTrue();
    }
}
