using DxIndicators.Analysis;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Scoring;
using static DxIndicators.Tests.Analysis.AnalysisFrameworks;
using TF = DxIndicators.Tests.TestFrameworks;

namespace DxIndicators.Tests.Analysis;

/// <summary>Contributions, strengths, improvements, comparisons and the statistical audit, against hand-computed values.</summary>
public sealed class AuditAndContributionTests
{
    // x = (1, 2, 3, 4, 5), y = (2, 4, 5, 4, 5), z = (5, NaN, 3, 2, 1) for units U0…U4.
    private static IndicatorMatrix Small() => TF.Matrix(TF.Units(5), ("X", [1, 2, 3, 4, 5]), ("Y", [2, 4, 5, 4, 5]), ("Z", [5, double.NaN, 3, 2, 1]));

    private static ScoringPlan SmallPlan(ScoringOptions? options = null) => ScoringPlan.Compile(
        TF.Build("I", [TF.Node("I", NodeKind.Index, ("P", 2), ("Z", 1)), TF.Node("P", NodeKind.Pillar, ("X", 1), ("Y", 1))], [TF.Ind("X"), TF.Ind("Y"), TF.Ind("Z")]),
        options ?? ScoringOptions.Default.WithNormaliser(Normaliser.None));

    [Fact]
    public void Correlations_PairwiseComplete_MatchHandComputation()
    {
        ScoringPlan plan = SmallPlan();
        ScoreTable table = plan.Score(Small());

        CorrelationMatrix pearson = StatisticalAudit.Correlations(plan, table, CorrelationMethod.Pearson);
        CorrelationMatrix spearman = StatisticalAudit.Correlations(plan, table, CorrelationMethod.Spearman);

        // Pearson(x, y): deviations (−2, −1, 0, 1, 2) and (−2, 0, 1, 0, 1): Σ = 6, Σdx² = 10, Σdy² = 6 → 6/√60.
        pearson["X", "Y"].Should().BeApproximately(6 / Math.Sqrt(60), 1e-15);
        pearson["X", "X"].Should().BeApproximately(1, 1e-15);

        // Spearman: y's average ranks (1, 2.5, 4.5, 2.5, 4.5) against 1…5: Σ = 7, Σ = 10 and 9 → 7/√90.
        spearman["X", "Y"].Should().BeApproximately(7 / Math.Sqrt(90), 1e-15);

        // x and z on the 4 complete rows (1, 3, 4, 5) vs (5, 3, 2, 1): z = 6 − x exactly → r = −1.
        pearson["X", "Z"].Should().BeApproximately(-1, 1e-15);
        pearson.Pairs[pearson.Codes.AsSpan().IndexOf("X") * pearson.Codes.Count + pearson.Codes.AsSpan().IndexOf("Z")].Should().Be(4);
        pearson.Levels.Should().Equal(1, 1, 1, 2, 3);
        pearson.Codes.Should().Equal("X", "Y", "Z", "P", "I");

        // P = (x + y)/2 = (1.5, 3, 4, 4, 5); Pearson(P, x): deviations (−2, −.5, .5, .5, 1.5) vs (−2, −1, 0, 1, 2): Σ = 8, Σ = 7 and 10 → 8/√70.
        pearson["P", "X"].Should().BeApproximately(8 / Math.Sqrt(70), 1e-14);
    }

    [Fact]
    public void CronbachAlpha_MatchesHandComputation()
    {
        // cov(x, x) = 10/4, cov(y, y) = 6/4, cov(x, y) = 6/4; Σ = 7; mean off-diagonal 1.5; α = 2²·1.5/7 = 6/7.
        StatisticalAudit.CronbachAlpha([[1, 2, 3, 4, 5], [2, 4, 5, 4, 5]]).Should().BeApproximately(6.0 / 7, 1e-15);
        StatisticalAudit.CronbachAlpha([[1, 2, 3]]).Should().Be(double.NaN);

        ScoringPlan plan = SmallPlan();
        ValueList<NodeConsistency> rows = StatisticalAudit.Consistency(plan, plan.Score(Small()));
        rows.Single(r => r.Node == "P").CronbachAlpha.Should().BeApproximately(6.0 / 7, 1e-15);
    }

    [Fact]
    public void Statistics_MatchHandComputation_AndCoinrFlags()
    {
        ColumnStatistics z = StatisticalAudit.Statistics(Small(), ["Z"]).Single();

        // z present = (5, 3, 2, 1): mean 2.75, median 2.5, Σd² = 8.75 → sd √(8.75/3); Σd³ = 5.625, Σd⁴ = 35.328125.
        // skew = √4·5.625/8.75^1.5 · √(4·3)/2; kurt: r = 4·35.328125/8.75² → ((5)(r − 3) + 6)·3/(2·1) = 12/35.
        z.Available.Should().Be(4);
        z.Units.Should().Be(5);
        z.Mean.Should().Be(2.75);
        z.Median.Should().Be(2.5);
        z.Min.Should().Be(1);
        z.Max.Should().Be(5);
        z.StandardDeviation.Should().BeApproximately(Math.Sqrt(8.75 / 3), 1e-15);
        z.Skew.Should().BeApproximately(2 * 5.625 / Math.Pow(8.75, 1.5) * Math.Sqrt(12) / 2, 1e-14);
        z.Kurtosis.Should().BeApproximately(12.0 / 35, 1e-14);
        z.Unique.Should().Be(4);
        z.Same.Should().Be(1);
        z.LowAvailability.Should().BeFalse("4/5 = 0.8 ≥ 0.65");
        z.Outliers.Should().BeFalse();

        // A column with 2 of 5 values, 3 zeros out of 5, repeated values, and an outlier-shaped one.
        IndicatorMatrix m = TF.Matrix(TF.Units(11), ("A", [1, 2, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN]), ("B", [0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 2]), ("C", [1, 2, 3, 4, 5, 6, 7, 8, 9, 100, 200]));
        ValueList<ColumnStatistics> s = StatisticalAudit.Statistics(m);
        s[0].LowAvailability.Should().BeTrue();
        s[1].ManyZeros.Should().BeTrue("4 of 11 non-zero < 0.5");
        s[1].FewUnique.Should().BeTrue("3 distinct of 11 < 0.5");
        s[1].Same.Should().Be(7);

        // methods.md §2.7 golden values: z = (1…9, 100, 200) has skew 2.440013229, kurt 5.668603316 → flagged.
        s[2].Skew.Should().BeApproximately(2.440013229, 1e-9);
        s[2].Kurtosis.Should().BeApproximately(5.668603316, 1e-9);
        s[2].Outliers.Should().BeTrue();
    }

    [Fact]
    public void Flags_CollinearWithinParent_AndScreening()
    {
        ScoringPlan plan = SmallPlan();
        IndicatorMatrix twin = TF.Matrix(TF.Units(5), ("X", [1, 2, 3, 4, 5]), ("Y", [1.1, 2, 3.2, 4, 5.1]), ("Z", [5, double.NaN, 3, 2, 1]));
        CorrelationMatrix pearson = StatisticalAudit.Correlations(plan, plan.Score(twin), CorrelationMethod.Pearson);

        ValueList<PairFlag> flags = StatisticalAudit.Flags(plan, pearson);

        flags.Should().ContainSingle();
        flags[0].Should().Be(new PairFlag("X", "Y", pearson["X", "Y"], "P", true, true));

        // Screening: U1 has 2 of 3 (exactly 2/3, kept); a unit with 1 of 3 is dropped.
        IndicatorMatrix gaps = TF.Matrix(TF.Units(2), ("X", [1, 0]), ("Y", [2, double.NaN]), ("Z", [double.NaN, double.NaN]));
        ValueList<UnitScreening> screen = StatisticalAudit.Screen(gaps);
        screen[0].Should().Be(new UnitScreening("U00", 2, 3, 2, true));
        screen[1].Should().Be(new UnitScreening("U01", 1, 3, 0, false));
        StatisticalAudit.Screen(gaps, threshold: 0.3)[1].Included.Should().BeTrue();
    }

    [Fact]
    public void Contributions_SumToTheScore_WithMissingValuesReweighted()
    {
        ScoringPlan plan = Plan(ThreePillars());
        IndicatorMatrix matrix = Matrix(plan.Framework);
        ScoreTable table = plan.Score(matrix);

        ValueList<IndicatorContribution> rows = UnitAnalysis.Contributions(plan, matrix);

        foreach (IGrouping<string, IndicatorContribution> unit in rows.GroupBy(r => r.Unit))
        {
            unit.Sum(r => r.Value).Should().BeApproximately(table.GetScore(unit.Key, "I"), 1e-12);
            unit.Sum(r => r.EffectiveWeight).Should().BeApproximately(1, 1e-12);
        }

        rows.Select(r => r.Unit).Distinct().Should().HaveCount(matrix.RowCount);

        // Hand check on the small plan (normaliser none): U1 lacks Z, so I = P; P = (x + y)/2 = (2 + 4)/2 = 3,
        // each of X and Y has effective weight 1/2. U0: I = (2·1.5 + 1·5)/3, X and Y weigh 2/3·1/2 = 1/3, Z 1/3.
        ScoringPlan small = SmallPlan();
        ValueList<IndicatorContribution> c = UnitAnalysis.Contributions(small, Small());
        c.Where(r => r.Unit == "U01").Should().Equal(
            new IndicatorContribution("U01", "I", "X", 0.5, 2, 1),
            new IndicatorContribution("U01", "I", "Y", 0.5, 4, 2));
        c.Where(r => r.Unit == "U00").Select(r => r.EffectiveWeight).Should().Equal(1.0 / 3, 1.0 / 3, 1.0 / 3);
        c.Where(r => r.Unit == "U00").Sum(r => r.Value).Should().BeApproximately((3 + 5) / 3.0, 1e-15);
    }

    [Fact]
    public void Contributions_NonLinearNode_IsRejected()
    {
        ScoringPlan plan = SmallPlan(ScoringOptions.Default.WithNormaliser(Normaliser.None).WithAggregator(NodeKind.Pillar, Aggregator.GeometricMean));

        Action act = () => UnitAnalysis.Contributions(plan, Small());

        act.Should().Throw<InvalidOperationException>().WithMessage("*node 'P' uses GeometricMean*");
    }

    [Fact]
    public void StrengthsAndImprovements_OnTheSmallTable()
    {
        ScoringPlan plan = SmallPlan();
        IndicatorMatrix matrix = Small();
        ScoreTable table = plan.Score(matrix);

        // U3: x = 4 (rank 2 of 5), y = 4 (ranks of y: 5, 5 → 1; 4, 4 → 3), z = 2 (rank 3 of 4).
        ValueList<StrengthOrWeakness> sw = UnitAnalysis.StrengthsAndWeaknesses(table, matrix, "U03", 1);
        sw.Should().Equal(
            new StrengthOrWeakness("U03", "X", 2, 5, 4, 4, true),
            new StrengthOrWeakness("U03", "Y", 3, 5, 4, 4, false));

        // Scores I = (2P + z)/3: U0 (2·1.5 + 5)/3 = 2.667, U1 = P = 3, U2 (8 + 3)/3 = 3.667, U3 (8 + 2)/3 = 3.333, U4 (10 + 1)/3 = 3.667.
        // U3 is 3rd behind U2/U4 (11/3): I = (x + y + z)/3 needs +1/3, i.e. +1 on any one of them (a tie ranks 1st).
        ValueList<Improvement> up = UnitAnalysis.SmallestImprovements(plan, matrix, "U03");
        up.Single(r => r.Indicator == "X").RequiredRaw.Should().BeApproximately(5, 1e-9);
        up.Single(r => r.Indicator == "Y").RequiredRaw.Should().BeApproximately(5, 1e-9);
        up.Single(r => r.Indicator == "Z").RequiredRaw.Should().BeApproximately(3, 1e-9);
        up[^1].Indicator.Should().Be("Y", "+1 is a third of Y's range (3) but a quarter of X's and Z's (4)");
        up.Should().OnlyContain(r => r.CurrentRank == 3 && r.NewRank == 1);
    }

    [Fact]
    public void Compare_TwoScorings_RankAndScoreDifferences()
    {
        ScoringPlan a = SmallPlan();
        ScoringPlan b = SmallPlan(ScoringOptions.Default.WithNormaliser(Normaliser.None).WithWeights([new("Z", 0)]));
        IndicatorMatrix matrix = Small();

        ValueList<ScoringDifference> d = UnitAnalysis.Compare(a.Score(matrix), b.Score(matrix), "I");

        // Without Z, I = P = (1.5, 3, 4, 4, 5) → ranks (5, 4, 2, 2, 1); with Z ranks (5, 4, 1, 3, 1).
        d.Select(r => r.RankA).Should().Equal(5, 4, 1, 3, 1);
        d.Select(r => r.RankB).Should().Equal(5, 4, 2, 2, 1);
        d[3].RankChange.Should().Be(-1);
        d[0].ScoreChange.Should().BeApproximately(1.5 - (8 / 3.0), 1e-15);
    }
}
