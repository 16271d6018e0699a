using DxIndicators.Model;

namespace DxIndicators.Data;

/// <summary>How one measure kind combines its children's values into the parent's (rules in docs/data.md, "Roll-ups").</summary>
/// <remarks>One small strategy per kind; a new kind is one subclass and one line in <see cref="For"/>.</remarks>
internal abstract class MeasureRollup
{
    private static readonly MeasureRollup s_sum = new SumRollup();
    private static readonly MeasureRollup s_rate = new RateRollup();
    private static readonly MeasureRollup s_perPopulation = new PerPopulationRollup();
    private static readonly MeasureRollup s_indexScore = new IndexScoreRollup();
    private static readonly MeasureRollup s_notCombinable = new NotCombinableRollup();

    /// <summary>Gets the strategy of a measure kind.</summary>
    public static MeasureRollup For(MeasureKind measure) => measure switch
    {
        MeasureKind.Count or MeasureKind.Money => s_sum,
        MeasureKind.Rate or MeasureKind.Percentage => s_rate,
        MeasureKind.PerPopulation => s_perPopulation,
        MeasureKind.IndexScore => s_indexScore,
        _ => s_notCombinable,
    };

    /// <summary>Combines the children, or reports why not (through <see cref="RollupChildren.Fail"/>) and returns null.</summary>
    public abstract RollupValue? Combine(RollupChildren children);
}
