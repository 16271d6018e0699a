using DxIndicators.Model;

namespace DxIndicators.Data;

/// <summary>Ranks, categories and yes/no values cannot be added or averaged.</summary>
internal sealed class NotCombinableRollup : MeasureRollup
{
    public override RollupValue? Combine(RollupChildren children) =>
        children.Fail(ProblemRules.RollupNotCombinable, children.Indicator.Measure + " ", "ranks, categories and yes/no values cannot be added or averaged.");
}
