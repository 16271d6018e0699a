using DxIndicators.Model;
using DxIndicators.Scoring.Kernels;
using DxIndicators.Scoring.Methods;

namespace DxIndicators.Scoring;

/// <content>The goalposts factory.</content>
public abstract partial class Normaliser
{
    /// <summary>Creates goalposts normalisation using each indicator's raw-unit goalposts (COINr <c>n_goalposts</c>).</summary>
    /// <param name="scale">The factor applied last (1 gives [0, 1]).</param>
    /// <param name="truncate">Whether values beyond the goalposts are clamped to [0, 1] before scaling.</param>
    /// <returns>The normaliser (<c>goalposts</c>, <c>goalposts:SCALE</c> or <c>goalposts:SCALE,notruncate</c>).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The scale is not finite.</exception>
    public static Normaliser Goalposts(double scale = 1, bool truncate = true) => GoalpostsNormaliser.Create(scale, truncate);
}

/// <summary>
/// Goalposts (COINr <c>n_goalposts</c>): <c>y = clamp((x' − l')·(1/(u' − l')), 0, 1)·scale</c>, (l, u) the indicator's raw
/// goalposts, flipped to (−u, −l) for lower-is-better; without truncation no clamp. Text <c>goalposts[:SCALE[,notruncate]]</c>;
/// docs/methodology.md#normalisation.
/// </summary>
public sealed class GoalpostsNormaliser : Normaliser
{
    private GoalpostsNormaliser(double scale, bool truncate)
    {
        Scale = scale;
        Truncate = truncate;
    }

    /// <summary>Gets the factor applied last (1 gives [0, 1]).</summary>
    public double Scale { get; }

    /// <summary>Gets whether values beyond the goalposts are clamped to [0, 1] before scaling.</summary>
    public bool Truncate { get; }

    internal static MethodSyntax<Normaliser> Entry { get; } = new(
        "goalposts",
        "goalposts[:SCALE[,notruncate]]",
        "`y = clamp((x' − l')·(1/(u' − l')), 0, 1)·SCALE`",
        "raw goalposts (l, u) from the indicator (or `--goalposts`); default SCALE = 1; `notruncate` drops the clamp",
        "normalisation",
        t => t.Expect(0, 1, 2).Count == 0 ? Goalposts() : Goalposts(t.Number(0), !t.Keyword(1, "notruncate")));

    internal override MethodSyntax<Normaliser> Syntax => Entry;

    internal override bool IsAffine => true;

    internal static GoalpostsNormaliser Create(double scale, bool truncate)
    {
        RequireFinite(scale, nameof(scale));
        return new GoalpostsNormaliser(scale, truncate);
    }

    internal override Normaliser Resolve(IndicatorDefinition indicator, OutputScale scale, List<string> errors)
    {
        if (indicator.Goalposts is null)
        {
            errors.Add($"Indicator '{indicator.Code}' is normalised by goalposts but has none; give it goalposts (raw units) or choose another normaliser.");
        }

        return this;
    }

    internal override bool TryAffine(in NormaliseColumn column, out AffineParameters affine)
    {
        Goalposts posts = column.Indicator.Goalposts!;
        (double l1, double u1) = column.Flipped(posts.Lower, posts.Upper);
        double d = column.Sign;
        double f = 1 / (u1 - l1);
        affine = new AffineParameters(d * l1, d * f, 0, Truncate ? 0 : double.NegativeInfinity, Truncate ? 1 : double.PositiveInfinity, Scale);
        return true;
    }

    private protected override IEnumerable<string> Arguments() =>
        Truncate && Scale == 1 ? [] : Truncate ? [NumberText.Format(Scale)] : [NumberText.Format(Scale), "notruncate"];
}
