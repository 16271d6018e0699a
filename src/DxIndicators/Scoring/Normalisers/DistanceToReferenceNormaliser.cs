using DxIndicators.Scoring.Kernels;
using DxIndicators.Scoring.Methods;

namespace DxIndicators.Scoring;

/// <content>The distance-to-reference factory.</content>
public abstract partial class Normaliser
{
    /// <summary>Creates distance-to-reference-unit normalisation (COINr <c>n_dist2ref</c>).</summary>
    /// <param name="unit">The code of the reference unit (must be a row of the scored matrix).</param>
    /// <param name="cap">Whether values beyond the reference are capped at 1.</param>
    /// <returns>The normaliser (<c>dist2ref:UNIT</c> or <c>dist2ref:UNIT,cap</c>).</returns>
    /// <exception cref="ArgumentException">The unit code is empty.</exception>
    public static Normaliser DistanceToReference(string unit, bool cap = false) => DistanceToReferenceNormaliser.Create(unit, cap);
}

/// <summary>
/// Distance to a reference unit (COINr <c>n_dist2ref</c>): <c>y = (x' − m')·(1/(x'_ref − m'))</c>, algebraically COINr's
/// <c>1 − (x_ref − x)/(x_ref − m)</c>, optionally capped at 1. The reference's value must be present. Text
/// <c>dist2ref:UNIT[,cap]</c>; docs/methodology.md#normalisation.
/// </summary>
public sealed class DistanceToReferenceNormaliser : Normaliser
{
    private DistanceToReferenceNormaliser(string unit, bool cap)
    {
        ReferenceUnit = unit;
        Cap = cap;
    }

    /// <summary>Gets the code of the reference unit.</summary>
    public string ReferenceUnit { get; }

    /// <summary>Gets whether values beyond the reference are capped at 1.</summary>
    public bool Cap { get; }

    internal static MethodSyntax<Normaliser> Entry { get; } = new(
        "dist2ref",
        "dist2ref:UNIT[,cap]",
        "`y = (x' − m')·(1/(x'_ref − m'))`, optional cap at 1",
        "UNIT a row of the matrix, its value present; algebraically COINr's `1 − (x_ref − x)/(x_ref − m)`",
        "normalisation",
        t => DistanceToReference(t.Expect(1, 2).Word(0), t.Keyword(1, "cap")));

    internal override MethodSyntax<Normaliser> Syntax => Entry;

    internal override bool IsAffine => true;

    internal static DistanceToReferenceNormaliser Create(string unit, bool cap)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(unit);
        if (unit.Contains(',', StringComparison.Ordinal) || unit.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException($"A reference unit code cannot contain ',' or ':' (it would not read back from the text), was '{unit}'.", nameof(unit));
        }

        return new DistanceToReferenceNormaliser(unit, cap);
    }

    internal override bool TryAffine(in NormaliseColumn column, out AffineParameters affine)
    {
        int row = column.Matrix.RowOf(ReferenceUnit);
        if (row < 0)
        {
            throw new ArgumentException($"Indicator '{column.Indicator.Code}' is normalised against reference unit '{ReferenceUnit}', which is not a row of the matrix.");
        }

        if (double.IsNaN(column.X[row]))
        {
            // A missing reference would turn the whole column NaN, which aggregation then drops silently.
            throw new ArgumentException($"Indicator '{column.Indicator.Code}' is normalised against reference unit '{ReferenceUnit}', whose value is missing; impute it or choose another reference unit.");
        }

        (double m1, _) = column.FlippedMinMax();
        double d = column.Sign;
        double f = 1 / ((d * column.X[row]) - m1);
        affine = new AffineParameters(d * m1, d * f, 0, double.NegativeInfinity, Cap ? 1 : double.PositiveInfinity, 1);
        return true;
    }

    private protected override IEnumerable<string> Arguments() => Cap ? [ReferenceUnit, "cap"] : [ReferenceUnit];
}
