using DxIndicators.Model;

namespace DxIndicators.Data;

/// <summary>Counts and money add; with missing children a non-negative total is a lower bound.</summary>
internal sealed class SumRollup : MeasureRollup
{
    public override RollupValue? Combine(RollupChildren children)
    {
        double value = 0;
        foreach (Observation o in children.Present)
        {
            value += o.Value;
        }

        if (children.Missing.Count > 0)
        {
            // Missing parts can only add to a non-negative total, so the partial sum is a lower bound.
            children.Qualifiers.Add(children.Indicator.ValidRange.Min >= 0 ? Qualifier.LowerBound : Qualifier.Estimate);
        }

        return new RollupValue(value);
    }
}
