using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Scoring;
using static DxIndicators.Tests.TestFrameworks;

namespace DxIndicators.Tests.Analysis;

/// <summary>A seeded three-pillar framework and matrix for the analysis tests.</summary>
internal static class AnalysisFrameworks
{
    public const int UnitCount = 40;
    public const int IndicatorCount = 12;

    /// <summary>12 indicators in 3 pillars of 4 (weights 1, 2, 3, 1), pillars weighted 1, 2, 1; every fifth indicator lower-is-better.</summary>
    public static Framework ThreePillars()
    {
        IndicatorDefinition[] inds = Enumerable.Range(0, IndicatorCount)
            .Select(j => Ind("X" + j.ToString("D2", System.Globalization.CultureInfo.InvariantCulture), j % 5 == 0 ? Polarity.LowerIsBetter : Polarity.HigherIsBetter))
            .ToArray();
        var nodes = new List<FrameworkNode> { Node("I", NodeKind.Index, ("P0", 1), ("P1", 2), ("P2", 1)) };
        for (int p = 0; p < 3; p++)
        {
            nodes.Add(Node("P" + p, NodeKind.Pillar, Enumerable.Range(0, 4).Select(t => (inds[(p * 4) + t].Code, t == 1 ? 2.0 : t == 2 ? 3.0 : 1.0)).ToArray()));
        }

        return Build("I", nodes, inds);
    }

    /// <summary>Seeded values in [0, 100) with a few NaN planted.</summary>
    public static IndicatorMatrix Matrix(Framework framework, int seed = 42)
    {
        var random = new Random(seed);
        var values = new double[UnitCount * IndicatorCount];
        for (int k = 0; k < values.Length; k++)
        {
            values[k] = k % 37 == 5 ? double.NaN : random.NextDouble() * 100;
        }

        return new IndicatorMatrix(TestFrameworks.Units(UnitCount), framework.Indicators.Select(i => i.Code), values);
    }

    public static ScoringPlan Plan(Framework framework, ScoringOptions? options = null) =>
        ScoringPlan.Compile(framework, options ?? ScoringOptions.Default.WithNormaliser(Normaliser.MinMax()).WithRanking(RankMethod.Competition, RankScope.RootOnly));
}
