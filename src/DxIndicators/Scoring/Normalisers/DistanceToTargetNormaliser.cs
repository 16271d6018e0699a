using DxIndicators.Model;
using DxIndicators.Scoring.Kernels;
using DxIndicators.Scoring.Methods;

namespace DxIndicators.Scoring;

/// <content>The distance-to-target factory.</content>
public abstract partial class Normaliser
{
    /// <summary>Creates distance-to-target normalisation using each indicator's raw-unit reference target (COINr <c>n_dist2targ</c>).</summary>
    /// <param name="cap">Whether values beyond the target are capped at 1.</param>
    /// <returns>The normaliser (<c>dist2targ</c> or <c>dist2targ:cap</c>).</returns>
    public static Normaliser DistanceToTarget(bool cap = false) => cap ? DistanceToTargetNormaliser.Capped : DistanceToTargetNormaliser.Uncapped;
}

/// <summary>
/// Distance to target (COINr <c>n_dist2targ</c>): <c>y = (x' − m')·(1/(t' − m'))</c>, t the indicator's raw reference
/// target (t' = d·t), optionally capped at 1; scale [0, 1]. Text <c>dist2targ[:cap]</c>; docs/methodology.md#normalisation.
/// </summary>
public sealed class DistanceToTargetNormaliser : Normaliser
{
    internal static readonly DistanceToTargetNormaliser Uncapped = new(false), Capped = new(true);

    private DistanceToTargetNormaliser(bool cap) => Cap = cap;

    /// <summary>Gets whether values beyond the target are capped at 1.</summary>
    public bool Cap { get; }

    internal static MethodSyntax<Normaliser> Entry { get; } = new(
        "dist2targ",
        "dist2targ[:cap]",
        "`y = (x' − m')·(1/(t' − m'))`, then `y > 1 → 1` if capped",
        "raw target t from the indicator's `ReferenceTarget`; scale [0, 1]",
        "normalisation",
        t => DistanceToTarget(t.Expect(0, 1).Keyword(0, "cap")));

    internal override MethodSyntax<Normaliser> Syntax => Entry;

    internal override bool IsAffine => true;

    internal override Normaliser Resolve(IndicatorDefinition indicator, OutputScale scale, List<string> errors)
    {
        if (indicator.ReferenceTarget is null)
        {
            errors.Add($"Indicator '{indicator.Code}' is normalised by distance to target but has no reference target; give it one (raw units) or choose another normaliser.");
        }

        return this;
    }

    internal override bool TryAffine(in NormaliseColumn column, out AffineParameters affine)
    {
        (double m1, _) = column.FlippedMinMax();
        double d = column.Sign;
        double f = 1 / ((d * column.Indicator.ReferenceTarget!.Value) - m1);
        affine = new AffineParameters(d * m1, d * f, 0, double.NegativeInfinity, Cap ? 1 : double.PositiveInfinity, 1);
        return true;
    }

    private protected override IEnumerable<string> Arguments() => Cap ? ["cap"] : [];
}
