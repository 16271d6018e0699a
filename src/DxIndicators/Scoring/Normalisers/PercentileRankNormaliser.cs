using DxIndicators.Scoring.Kernels;
using DxIndicators.Scoring.Methods;

namespace DxIndicators.Scoring;

/// <content>The prank instance.</content>
public abstract partial class Normaliser
{
    /// <summary>Gets the Percentile rank (COINr <c>n_prank</c>) normaliser (<c>prank</c>).</summary>
    public static Normaliser PercentileRank { get; } = new PercentileRankNormaliser();
}

/// <summary>
/// Percentile rank (COINr <c>n_prank</c>): (rank − 1)/(n* − 1). Text <c>prank</c>; docs/methodology.md#normalisation.
/// </summary>
public sealed class PercentileRankNormaliser : Normaliser
{
    internal PercentileRankNormaliser()
    {
    }

    internal static MethodSyntax<Normaliser> Entry { get; } = new(
        "prank",
        "prank",
        "(rank − 1)/(n* − 1)",
        "",
        "normalisation",
        t => t.WithoutArguments(PercentileRank));

    internal override MethodSyntax<Normaliser> Syntax => Entry;

    internal override void Apply(in NormaliseColumn column, Span<double> y) => RankNormaliser.Ranks(column, y, 1, count => count - 1);
}
