using DxIndicators.Model;
using DxIndicators.Scoring;
using static DxIndicators.Tests.Analysis.AnalysisFrameworks;

namespace DxIndicators.Tests.Analysis;

/// <summary>The internal re-aggregation entry (<c>ScoringPlan.ReaggregateInto</c>) that the analysis builds on.</summary>
public sealed class ReaggregationTests
{
    [Fact]
    public void ReaggregateInto_PlanWeightsAfterOtherWeights_BitIdenticalToScore()
    {
        ScoringPlan plan = Plan(ThreePillars());
        var matrix = Matrix(plan.Framework);
        ScoreTable expected = plan.Score(matrix);

        var ws = new ScoringWorkspace(plan, matrix.RowCount);
        plan.ScoreInto(matrix, ws);
        int[] all = Enumerable.Range(0, plan.NodeCodes.Count).ToArray();
        double[] other = new double[plan.LinkCount];
        other.AsSpan().Fill(1);
        plan.ReaggregateInto(ws, other, all);

        // A copy (not the plan's own array) so the points/total path that sums weights itself is used as well.
        plan.ReaggregateInto(ws, plan.LinkWeights.ToArray(), all);
        foreach (string node in plan.NodeCodes)
        {
            int k = plan.NodeCodes.AsSpan().IndexOf(node);
            ws.NodeScores(k).ToArray().Should().Equal(expected.Scores(node).ToArray(), (a, b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b), "node {0}", node);
        }

        ws.Ranks(plan.NodeCodes.Count - 1).ToArray().Should().Equal(expected.Ranks("I").ToArray());
    }

    [Fact]
    public void ReaggregateInto_OtherWeights_BitIdenticalToPlanCompiledWithThoseWeights()
    {
        // Oracle: the same weights given as ScoringOptions.WithWeights overrides (each child has one parent here).
        var framework = ThreePillars();
        ScoringPlan plan = Plan(framework);
        var matrix = Matrix(framework);
        var random = new Random(7);
        var links = DxIndicators.Analysis.WeightUncertainty.Links(plan);
        double[] weights = links.Select(_ => 0.1 + random.NextDouble()).ToArray();
        ScoringPlan reweighted = Plan(framework, ScoringOptions.Default.WithNormaliser(Normaliser.MinMax()).WithRanking(RankMethod.Competition, RankScope.RootOnly)
            .WithWeights(links.Select((l, c) => new KeyValuePair<string, double>(l.Child, weights[c]))));
        ScoreTable expected = reweighted.Score(matrix);

        var ws = new ScoringWorkspace(plan, matrix.RowCount);
        plan.ScoreInto(matrix, ws);
        int root = plan.NodeCodes.AsSpan().IndexOf("I");
        plan.ReaggregateInto(ws, weights, [root]);

        foreach (string node in plan.NodeCodes)
        {
            int k = plan.NodeCodes.AsSpan().IndexOf(node);
            ws.NodeScores(k).ToArray().Should().Equal(expected.Scores(node).ToArray(), (a, b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b), "node {0}", node);
        }

        ws.Ranks(root).ToArray().Should().Equal(expected.Ranks("I").ToArray());
    }

    [Fact]
    public void ReaggregateInto_PointsRatio_UsesSuppliedMaxPointsAsTotal()
    {
        // Points ratio Σ maxPoints·x / Σ maxPoints over all children; with the points (1, 3) instead of (2, 2):
        // unit 0: x = (1, 0) → 1/4; unit 1: x = (0, 1) → 3/4 (min-max to [0, 1] of A = (10, 0), B = (0, 10)).
        var a = TestFrameworks.Ind("A");
        var b = TestFrameworks.Ind("B");
        var node = new FrameworkNode("I", new LocalizedText(string.Empty, "I"), NodeKind.Index, ValueList.Of(new NodeLink("A", 1, 2), new NodeLink("B", 1, 2)))
        {
            Aggregation = AggregationMethod.PointsRatio,
            MaxPoints = 4,
        };
        var plan = ScoringPlan.Compile(TestFrameworks.Build("I", [node], [a, b]), ScoringOptions.Default.WithNormaliser(Normaliser.MinMax()));
        var matrix = TestFrameworks.Matrix(["U0", "U1"], ("A", [10, 0]), ("B", [0, 10]));
        var ws = new ScoringWorkspace(plan, 2);
        plan.ScoreInto(matrix, ws);
        ws.NodeScores(0).ToArray().Should().Equal(0.5, 0.5);

        plan.ReaggregateInto(ws, [1.0, 3.0], [0]);

        ws.NodeScores(0).ToArray().Should().Equal(0.25, 0.75);
        ws.Ranks(0).ToArray().Should().Equal(2, 1);
    }

    [Fact]
    public void ReaggregateInto_WorkspaceNotScored_Throws()
    {
        ScoringPlan plan = Plan(ThreePillars());
        var ws = new ScoringWorkspace(plan, UnitCount);
        var act = () => plan.ReaggregateInto(ws, plan.LinkWeights.ToArray(), []);
        act.Should().Throw<InvalidOperationException>().WithMessage("*completed ScoreInto*");
    }
}
