using DxIndicators.Scoring.Kernels;
using DxIndicators.Scoring.Methods;

namespace DxIndicators.Scoring;

/// <content>The z-score factory.</content>
public abstract partial class Normaliser
{
    /// <summary>Creates z-score normalisation with a target mean and standard deviation (COINr <c>n_zscore</c>).</summary>
    /// <param name="mean">The target mean.</param>
    /// <param name="sd">The target standard deviation.</param>
    /// <returns>The normaliser (<c>zscore:MEAN,SD</c>).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not finite, or <paramref name="sd"/> ≤ 0.</exception>
    public static Normaliser ZScore(double mean = 0, double sd = 1) => ZScoreNormaliser.Create(mean, sd);
}

/// <summary>
/// Z-score (COINr <c>n_zscore</c>): <c>y = (x' − mean')·(σ/sd) + μ</c>, sd the sample standard deviation (n − 1) of
/// the values present; n* ≤ 1 gives NaN. Text <c>zscore</c> or <c>zscore:MEAN,SD</c>; docs/methodology.md#normalisation.
/// </summary>
public sealed class ZScoreNormaliser : Normaliser
{
    private ZScoreNormaliser(double mean, double standardDeviation)
    {
        Mean = mean;
        StandardDeviation = standardDeviation;
    }

    /// <summary>Gets the target mean μ.</summary>
    public double Mean { get; }

    /// <summary>Gets the target standard deviation σ.</summary>
    public double StandardDeviation { get; }

    internal static MethodSyntax<Normaliser> Entry { get; } = new(
        "zscore",
        "zscore[:MEAN,SD]",
        "`y = (x' − mean')·(SD/sd) + MEAN`",
        "sample sd (n − 1); n* ≤ 1 gives NaN; default MEAN = 0, SD = 1",
        "normalisation",
        t => t.Expect(0, 2).Count == 0 ? ZScore() : ZScore(t.Number(0), t.Number(1)));

    internal override MethodSyntax<Normaliser> Syntax => Entry;

    internal override bool IsAffine => true;

    internal static ZScoreNormaliser Create(double mean, double sd)
    {
        RequireFinite(mean, nameof(mean));
        RequireFinite(sd, nameof(sd));
        if (!(sd > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(sd), sd, "The target standard deviation of a z-score must be positive.");
        }

        return new ZScoreNormaliser(mean, sd);
    }

    internal override bool TryAffine(in NormaliseColumn column, out AffineParameters affine)
    {
        double mean, sd;
        if (column.FixedStats is { } s)
        {
            if (double.IsNaN(s.Mean))
            {
                throw new InvalidOperationException($"Indicator '{column.Indicator.Code}': z-scores cannot use fixed (min, max) bounds; use pooled or per-period panel normalisation.");
            }

            (mean, sd) = (s.Mean, s.Sd);
        }
        else
        {
            (double sum, int count) = ColumnStatistics.SumCount(column.X, column.Path);
            mean = sum / count;
            sd = Math.Sqrt(ColumnStatistics.SumSquaredDeviations(column.X, mean, column.Path) / (count - 1));
        }

        double f = StandardDeviation / sd;
        affine = new AffineParameters(mean, column.Sign * f, Mean, double.NegativeInfinity, double.PositiveInfinity, 1);
        return true;
    }

    private protected override IEnumerable<string> Arguments() =>
        Mean == 0 && StandardDeviation == 1 ? [] : [NumberText.Format(Mean), NumberText.Format(StandardDeviation)];
}
