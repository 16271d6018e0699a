using DxIndicators.Scoring.Methods;

namespace DxIndicators.Scoring;

/// <summary>
/// The closed set of normalisers, one line each, in the order of docs/methodology.md's table. The CLI grammar and
/// usage text, <see cref="Normaliser.Parse"/>, <see cref="Normaliser.ToString"/> and the docs table come from here
/// (MethodRegistryTests checks the table). Adding a normaliser: one file in this folder plus one line below.
/// </summary>
internal static class NormaliserRegistry
{
    public static MethodRegistry<Normaliser> Methods { get; } = new("normaliser", "Normalisation",
    [
        MinMaxNormaliser.Entry,
        ZScoreNormaliser.Entry,
        GoalpostsNormaliser.Entry,
        ScaledNormaliser.Entry,
        DistanceToTargetNormaliser.Entry,
        DistanceToMaxNormaliser.Entry,
        DistanceToReferenceNormaliser.Entry,
        FractionOfMaxNormaliser.Entry,
        RankNormaliser.Entry,
        BordaNormaliser.Entry,
        PercentileRankNormaliser.Entry,
        PointsNormaliser.Entry,
        NoneNormaliser.Entry,
        AutoNormaliser.Entry,
    ]);
}
