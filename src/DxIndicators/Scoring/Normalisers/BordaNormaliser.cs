using DxIndicators.Scoring.Kernels;
using DxIndicators.Scoring.Methods;

namespace DxIndicators.Scoring;

/// <content>The borda instance.</content>
public abstract partial class Normaliser
{
    /// <summary>Gets the Borda (rank − 1, COINr <c>n_borda</c>) normaliser (<c>borda</c>).</summary>
    public static Normaliser Borda { get; } = new BordaNormaliser();
}

/// <summary>
/// Borda (rank − 1, COINr <c>n_borda</c>): rank − 1. Text <c>borda</c>; docs/methodology.md#normalisation.
/// </summary>
public sealed class BordaNormaliser : Normaliser
{
    internal BordaNormaliser()
    {
    }

    internal static MethodSyntax<Normaliser> Entry { get; } = new(
        "borda",
        "borda",
        "rank − 1",
        "",
        "normalisation",
        t => t.WithoutArguments(Borda));

    internal override MethodSyntax<Normaliser> Syntax => Entry;

    internal override void Apply(in NormaliseColumn column, Span<double> y) => RankNormaliser.Ranks(column, y, 1, _ => 1);
}
