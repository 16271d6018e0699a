using DxIndicators.Scoring.Kernels;
using DxIndicators.Scoring.Methods;

namespace DxIndicators.Scoring;

/// <content>The distance-to-max instance.</content>
public abstract partial class Normaliser
{
    /// <summary>Gets min-max to [0, 1] against each column's maximum (COINr <c>n_dist2max</c>).</summary>
    public static Normaliser DistanceToMax { get; } = new DistanceToMaxNormaliser();
}

/// <summary>
/// Distance to max (COINr <c>n_dist2max</c>): <c>y = 1 − (M' − x')/(M' − m')</c>, computed as min-max to [0, 1].
/// Text <c>dist2max</c>; docs/methodology.md#normalisation.
/// </summary>
public sealed class DistanceToMaxNormaliser : Normaliser
{
    internal DistanceToMaxNormaliser()
    {
    }

    internal static MethodSyntax<Normaliser> Entry { get; } = new(
        "dist2max",
        "dist2max",
        "`y = (x' − m')·(1/(M' − m'))`",
        "= min-max to [0, 1]",
        "normalisation",
        t => t.WithoutArguments(DistanceToMax));

    internal override MethodSyntax<Normaliser> Syntax => Entry;

    internal override bool IsAffine => true;

    internal override bool TryAffine(in NormaliseColumn column, out AffineParameters affine)
    {
        affine = MinMaxNormaliser.Affine(column, 0, 1);
        return true;
    }
}
