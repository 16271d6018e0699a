using DxIndicators.Model;

namespace DxIndicators.Data;

/// <summary>Rates and percentages are re-derived from summed counts (100·Σn/Σd), else weighted by a configured indicator; never averaged.</summary>
internal sealed class RateRollup : MeasureRollup
{
    public override RollupValue? Combine(RollupChildren children)
    {
        RollupValue result;
        if (children.Present.All(o => o.Numerator.HasValue && o.Denominator.HasValue))
        {
            double n = 0;
            double d = 0;
            foreach (Observation o in children.Present)
            {
                n += o.Numerator!.Value;
                d += o.Denominator!.Value;
            }

            result = new RollupValue(RateCheck.Derive(n, d), n, d);
        }
        else if (children.WeightCode is { } weightCode)
        {
            if (!children.TryWeightedMean(weightCode, out double value, out string? error))
            {
                return children.Fail(ProblemRules.RollupNeedsCounts, string.Empty, error!);
            }

            result = new RollupValue(value);
        }
        else
        {
            string without = string.Join(", ", children.Present.Where(o => !(o.Numerator.HasValue && o.Denominator.HasValue)).Select(o => o.Unit));
            return children.Fail(ProblemRules.RollupNeedsCounts, children.Indicator.Measure.ToString().ToLowerInvariant() + " ", $"children {without} give no numerator/denominator and no weight indicator is configured. Rule: a rate is re-derived from summed counts (100·Σn/Σd), never averaged; supply the children's numerator and denominator, or a weight indicator.");
        }

        children.EstimateIfIncomplete();
        return result;
    }
}
