using DxIndicators.Scoring.Methods;

namespace DxIndicators.Scoring;

/// <summary>No outlier treatment. Text <c>none</c>; docs/methodology.md#treatment.</summary>
internal static class NoTreatment
{
    public static MethodSyntax<TreatmentChoice> Entry { get; } = new(
        "none", "none", "the raw column as it is", "the default", "treatment", t => t.WithoutArguments(new TreatmentChoice(0)));
}
