using DxIndicators.Model;

namespace DxIndicators.Data;

/// <summary>Per-population values are combined as Σ v·pop / Σ pop (the indicator's denominator, else the configured population).</summary>
internal sealed class PerPopulationRollup : MeasureRollup
{
    private const string Kind = "per-population ";

    public override RollupValue? Combine(RollupChildren children)
    {
        string? population = children.Indicator.Denominator ?? children.Run.Options.PopulationIndicator;
        if (population is null)
        {
            return children.Fail(ProblemRules.RollupNeedsPopulation, Kind, "it names no denominator and no population indicator is given. Rule: per-population values are combined as Σ v·pop / Σ pop.");
        }

        if (!children.TryWeightedMean(population, out double value, out string? error))
        {
            return children.Fail(ProblemRules.RollupNeedsPopulation, Kind, error!);
        }

        children.EstimateIfIncomplete();
        return new RollupValue(value);
    }
}
