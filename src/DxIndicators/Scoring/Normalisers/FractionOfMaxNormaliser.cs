using DxIndicators.Scoring.Kernels;
using DxIndicators.Scoring.Methods;

namespace DxIndicators.Scoring;

/// <content>The fracmax instance.</content>
public abstract partial class Normaliser
{
    /// <summary>Gets the Fraction of the column maximum (COINr <c>n_fracmax</c>) normaliser (<c>fracmax</c>).</summary>
    public static Normaliser FractionOfMax { get; } = new FractionOfMaxNormaliser();
}

/// <summary>
/// Fraction of the column maximum (COINr <c>n_fracmax</c>): `y = x'·(1/M')`. Text <c>fracmax</c>; docs/methodology.md#normalisation.
/// </summary>
public sealed class FractionOfMaxNormaliser : Normaliser
{
    internal FractionOfMaxNormaliser()
    {
    }

    internal static MethodSyntax<Normaliser> Entry { get; } = new(
        "fracmax",
        "fracmax",
        "`y = x'·(1/M')`",
        "",
        "normalisation",
        t => t.WithoutArguments(FractionOfMax));

    internal override MethodSyntax<Normaliser> Syntax => Entry;

    internal override bool IsAffine => true;

    internal override bool TryAffine(in NormaliseColumn column, out AffineParameters affine)
    {
        (_, double m2) = column.FlippedMinMax();
        affine = new AffineParameters(0, column.Sign / m2, 0, double.NegativeInfinity, double.PositiveInfinity, 1);
        return true;
    }
}
