using DxIndicators.Scoring.Methods;

namespace DxIndicators.Scoring;

/// <summary>No imputation: a missing value stays missing. Text <c>none</c>; docs/methodology.md#imputation.</summary>
internal sealed class NoImputation : ImputationRule
{
    public override ImputationMethod Method => ImputationMethod.None;

    public override MethodSyntax<ImputationChoice> Entry { get; } = new(
        "none", "none", "a NaN stays NaN", "the default", "imputation", t => t.WithoutArguments(new ImputationChoice(ImputationMethod.None)));
}
