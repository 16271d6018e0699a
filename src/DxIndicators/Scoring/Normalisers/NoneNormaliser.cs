using DxIndicators.Scoring.Kernels;
using DxIndicators.Scoring.Methods;

namespace DxIndicators.Scoring;

/// <content>The none instance.</content>
public abstract partial class Normaliser
{
    /// <summary>Gets the Identity (direction-adjusted, COINr's <c>none</c>) normaliser (<c>none</c>).</summary>
    public static Normaliser None { get; } = new NoneNormaliser();
}

/// <summary>
/// Identity (direction-adjusted, COINr's <c>none</c>): `y = x'` (that is, −x for lower-is-better, as COINr). Text <c>none</c>; docs/methodology.md#normalisation.
/// </summary>
public sealed class NoneNormaliser : Normaliser
{
    internal NoneNormaliser()
    {
    }

    internal static MethodSyntax<Normaliser> Entry { get; } = new(
        "none",
        "none",
        "`y = x'` (that is, −x for lower-is-better, as COINr)",
        "",
        "normalisation",
        t => t.WithoutArguments(None));

    internal override MethodSyntax<Normaliser> Syntax => Entry;

    internal override bool IsAffine => true;

    internal override bool TryAffine(in NormaliseColumn column, out AffineParameters affine)
    {
        affine = new AffineParameters(0, column.Sign, 0, double.NegativeInfinity, double.PositiveInfinity, 1);
        return true;
    }
}
