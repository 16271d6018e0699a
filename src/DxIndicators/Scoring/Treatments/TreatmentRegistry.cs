using DxIndicators.Scoring.Methods;

namespace DxIndicators.Scoring;

/// <summary>A treatment as text reads it: the most points winsorising may touch per column (0: no treatment).</summary>
internal readonly record struct TreatmentChoice(int MaxPoints);

/// <summary>
/// The closed set of outlier treatments, one line each, in the order of docs/methodology.md's table; the CLI's
/// <c>--treat</c> grammar, <see cref="ScoringOptions.WithTreatment(string)"/> and the docs table come from here.
/// </summary>
internal static class TreatmentRegistry
{
    public static MethodRegistry<TreatmentChoice> Methods { get; } = new("treatment", "Treatment",
    [
        NoTreatment.Entry,
        WinsoriseTreatment.Entry,
    ]);
}
