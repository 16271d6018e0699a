using DxIndicators.Model;

namespace DxIndicators.Data;

/// <summary>Index scores have no counts: combined only by a configured weight, or by the framework's declared merger rule.</summary>
internal sealed class IndexScoreRollup : MeasureRollup
{
    private const string Kind = "index ";

    public override RollupValue? Combine(RollupChildren children)
    {
        double value;
        if (children.WeightCode is { } weightCode)
        {
            if (!children.TryWeightedMean(weightCode, out value, out string? error))
            {
                return children.Fail(ProblemRules.RollupNeedsWeight, Kind, error!);
            }
        }
        else if (children.Run.IndexRule == IndexCombination.UnweightedMean)
        {
            double sum = 0;
            foreach (Observation o in children.Present)
            {
                sum += o.Value;
            }

            value = sum / children.Present.Count;
        }
        else
        {
            return children.Fail(ProblemRules.RollupNeedsWeight, Kind, "an index score has no counts, and neither a weight indicator nor the framework's merger rule (mergerRule) says how to combine it. Rule: scores are only combined by a stated weight or by the framework's declared merger rule.");
        }

        children.EstimateIfIncomplete();
        return new RollupValue(value);
    }
}
