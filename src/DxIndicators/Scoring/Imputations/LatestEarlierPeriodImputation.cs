using DxIndicators.Scoring.Methods;

namespace DxIndicators.Scoring;

/// <summary>Latest earlier period (panels only): a NaN becomes the unit's value in the most recent earlier period that has
/// one; <see cref="ScoringPlan.ScorePanel"/> runs it across periods. Text <c>latest</c>; docs/methodology.md#imputation.</summary>
internal sealed class LatestEarlierPeriodImputation : ImputationRule
{
    public override ImputationMethod Method => ImputationMethod.LatestEarlierPeriod;

    public override MethodSyntax<ImputationChoice> Entry { get; } = new(
        "latest", "latest", "a NaN becomes the unit's value in the most recent earlier period that has one", "panels only (`ScorePanel`)", "imputation", t => t.WithoutArguments(new ImputationChoice(ImputationMethod.LatestEarlierPeriod)));
}
