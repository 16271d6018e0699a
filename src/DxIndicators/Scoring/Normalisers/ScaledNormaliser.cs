using DxIndicators.Scoring.Kernels;
using DxIndicators.Scoring.Methods;

namespace DxIndicators.Scoring;

/// <content>The scaled factory.</content>
public abstract partial class Normaliser
{
    /// <summary>Creates COINr's <c>n_scaled</c>: <c>(x' − lower')/(upper − lower)·factor</c> with the same raw-unit
    /// (lower, upper) for every indicator, not the column's min and max.</summary>
    /// <param name="lower">The raw value that maps to 0 (c in COINr's older <c>(x − c)/m·100</c>).</param>
    /// <param name="upper">The raw value that maps to <paramref name="factor"/> (m = upper − lower).</param>
    /// <param name="factor">The scale factor (COINr's <c>scale_factor</c>, default 100).</param>
    /// <returns>The normaliser (<c>scaled:LOWER,UPPER</c> or <c>scaled:LOWER,UPPER,FACTOR</c>).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not finite, or <paramref name="upper"/> ≤ <paramref name="lower"/>.</exception>
    public static Normaliser Scaled(double lower, double upper, double factor = 100) => ScaledNormaliser.Create(lower, upper, factor);
}

/// <summary>
/// Scaled (COINr <c>n_scaled</c>, <c>npara = c(l, u)</c>, <c>scale_factor</c>): <c>y = (x' − l')·(1/(u' − l'))·factor</c>,
/// (l, u) fixed raw-unit bounds, flipped to (−u, −l) for lower-is-better as COINr's <c>use_iMeta</c> does. Unlike min-max
/// it does not look at the column: a linear change of units, the same for every period. COINr's older form
/// <c>(x − c)/m·100</c> is l = c, u = c + m. Text <c>scaled:LOWER,UPPER[,FACTOR]</c>; docs/methodology.md#normalisation.
/// </summary>
public sealed class ScaledNormaliser : Normaliser
{
    private ScaledNormaliser(double lower, double upper, double factor)
    {
        Lower = lower;
        Upper = upper;
        Factor = factor;
    }

    /// <summary>Gets the raw value that maps to 0.</summary>
    public double Lower { get; }

    /// <summary>Gets the raw value that maps to <see cref="Factor"/>.</summary>
    public double Upper { get; }

    /// <summary>Gets the scale factor.</summary>
    public double Factor { get; }

    internal static MethodSyntax<Normaliser> Entry { get; } = new(
        "scaled",
        "scaled:LOWER,UPPER[,FACTOR]",
        "`y = (x' − l')·(1/(u' − l'))·FACTOR`",
        "COINr `n_scaled`: fixed raw bounds (l, u) = (LOWER, UPPER) for every indicator, not the column's; default FACTOR = 100",
        "normalisation",
        t => t.Expect(2, 3).Count == 2 ? Scaled(t.Number(0), t.Number(1)) : Scaled(t.Number(0), t.Number(1), t.Number(2)));

    internal override MethodSyntax<Normaliser> Syntax => Entry;

    internal override bool IsAffine => true;

    internal static ScaledNormaliser Create(double lower, double upper, double factor)
    {
        RequireFinite(lower, nameof(lower));
        RequireFinite(upper, nameof(upper));
        RequireFinite(factor, nameof(factor));
        if (!(upper > lower))
        {
            throw new ArgumentOutOfRangeException(nameof(upper), upper, $"Scaled needs upper > lower, but lower = {NumberText.Format(lower)}; reverse an indicator with its polarity instead.");
        }

        return new ScaledNormaliser(lower, upper, factor);
    }

    internal override bool TryAffine(in NormaliseColumn column, out AffineParameters affine)
    {
        (double l1, double u1) = column.Flipped(Lower, Upper);
        double d = column.Sign;
        affine = new AffineParameters(d * l1, d * (1 / (u1 - l1)), 0, double.NegativeInfinity, double.PositiveInfinity, Factor);
        return true;
    }

    private protected override IEnumerable<string> Arguments() =>
        Factor == 100 ? [NumberText.Format(Lower), NumberText.Format(Upper)] : [NumberText.Format(Lower), NumberText.Format(Upper), NumberText.Format(Factor)];
}
