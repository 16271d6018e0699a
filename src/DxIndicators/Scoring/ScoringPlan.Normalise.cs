using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Scoring.Kernels;

namespace DxIndicators.Scoring;

/// <summary>An indicator's normaliser with its raw-unit parameters resolved at compile time.</summary>
internal readonly record struct ResolvedNormaliser(NormaliserKind Kind, double A, double B, bool Flag, double Lower, double Upper, double Target, string? ReferenceUnit, PointsRule? Rule, Polarity Polarity);

/// <summary>Column statistics fixed from outside (pooled panel or fixed bounds); NaN = not available.</summary>
internal readonly record struct ColumnStats(double Min, double Max, double Mean, double Sd);

public sealed partial class ScoringPlan
{
    private static ResolvedNormaliser Resolve(IndicatorDefinition ind, Normaliser n, OutputScale scale, List<string> errors)
    {
        NormaliserKind kind = n.Kind;
        if (kind == NormaliserKind.Auto)
        {
            kind = ind.Points is not null ? NormaliserKind.Points : ind.Goalposts is not null ? NormaliserKind.Goalposts : NormaliserKind.MinMax;
        }

        double a = n.ParameterA, b = n.ParameterB;
        bool flag = n.Flag;
        if (n.Kind == NormaliserKind.Auto)
        {
            (a, b, flag) = kind switch
            {
                NormaliserKind.MinMax => (0.0, 1.0, false),
                NormaliserKind.Goalposts => (1.0, double.NaN, true),
                _ => (a, b, flag),
            };
        }

        if (kind == NormaliserKind.MinMax && double.IsNaN(a))
        {
            // Min-max without bounds maps onto the framework's declared output scale (docs/methodology.md).
            (a, b) = (scale.Min, scale.Max);
        }

        double lower = double.NaN, upper = double.NaN, target = double.NaN;
        switch (kind)
        {
            case NormaliserKind.Goalposts when ind.Goalposts is null:
                errors.Add($"Indicator '{ind.Code}' is normalised by goalposts but has none; give it goalposts (raw units) or choose another normaliser.");
                break;
            case NormaliserKind.Goalposts:
                (lower, upper) = (ind.Goalposts.Lower, ind.Goalposts.Upper);
                break;
            case NormaliserKind.DistanceToTarget when ind.ReferenceTarget is null:
                errors.Add($"Indicator '{ind.Code}' is normalised by distance to target but has no reference target; give it one (raw units) or choose another normaliser.");
                break;
            case NormaliserKind.DistanceToTarget:
                target = ind.ReferenceTarget.Value;
                break;
            case NormaliserKind.Points when ind.Points is null:
                errors.Add($"Indicator '{ind.Code}' is normalised by points but has no points rule.");
                break;
        }

        return new ResolvedNormaliser(kind, a, b, flag, lower, upper, target, n.ReferenceUnit, ind.Points, ind.Polarity);
    }

    /// <summary>
    /// Normalises indicator j over the whole column (see <see cref="TryAffine"/> for the affine kinds' parameters).
    /// </summary>
    private void Normalise(int j, IndicatorMatrix matrix, ScoringWorkspace ws, ColumnStats? fixedStats, KernelPath path)
    {
        ReadOnlySpan<double> x = ws.Raw(j);
        Span<double> y = ws.NormalisedColumn(j);
        if (_carried[j])
        {
            y.Fill(double.NaN);
            return;
        }

        if (TryAffine(j, matrix, ws, fixedStats, path, out AffineParameters affine))
        {
            AffineTransform.Apply(x, affine, y, path);
            return;
        }

        NormaliseOther(j, ws, fixedStats);
    }

    /// <summary>
    /// For the normalisers of the affine shape (all but the rank-based ones and points), reads the column statistics
    /// the normaliser needs and returns its <see cref="AffineTransform"/> parameters; false for the other kinds.
    /// Parameters are first put in COINr's direction-adjusted space (x' = d·x, so min' and max' swap and change sign
    /// for d = −1, targets and goalposts are flipped the same way), then mapped back so the kernel reads raw x:
    /// (d·x − a')·f' = (x − d·a')·(d·f') exactly, because d = ±1.
    /// </summary>
    private bool TryAffine(int j, IndicatorMatrix matrix, ScoringWorkspace ws, ColumnStats? fixedStats, KernelPath path, out AffineParameters affine)
    {
        ResolvedNormaliser n = _normalisers[j];
        double d = _sign[j];
        ReadOnlySpan<double> x = ws.Raw(j);
        const double Inf = double.PositiveInfinity;
        switch (n.Kind)
        {
            case NormaliserKind.MinMax:
            case NormaliserKind.DistanceToMax:
            {
                double lo = n.Kind == NormaliserKind.MinMax ? n.A : 0, hi = n.Kind == NormaliserKind.MinMax ? n.B : 1;
                (double m1, double m2) = FlippedMinMax(x, d, fixedStats, path);
                double f = (hi - lo) / (m2 - m1);
                affine = new AffineParameters(d * m1, d * f, lo, -Inf, Inf, 1);
                return true;
            }

            case NormaliserKind.ZScore:
            {
                double mean, sd;
                if (fixedStats is { } s)
                {
                    if (double.IsNaN(s.Mean))
                    {
                        throw new InvalidOperationException($"Indicator '{IndicatorCodes[j]}': z-scores cannot use fixed (min, max) bounds; use pooled or per-period panel normalisation.");
                    }

                    (mean, sd) = (s.Mean, s.Sd);
                }
                else
                {
                    (double sum, int count) = ColumnStatistics.SumCount(x, path);
                    mean = sum / count;
                    sd = Math.Sqrt(ColumnStatistics.SumSquaredDeviations(x, mean, path) / (count - 1));
                }

                double f = n.B / sd;
                affine = new AffineParameters(mean, d * f, n.A, -Inf, Inf, 1);
                return true;
            }

            case NormaliserKind.Goalposts:
            {
                double l1 = d > 0 ? n.Lower : -n.Upper, u1 = d > 0 ? n.Upper : -n.Lower;
                double f = 1 / (u1 - l1);
                affine = new AffineParameters(d * l1, d * f, 0, n.Flag ? 0 : -Inf, n.Flag ? 1 : Inf, n.A);
                return true;
            }

            case NormaliserKind.DistanceToTarget:
            {
                (double m1, _) = FlippedMinMax(x, d, fixedStats, path);
                double f = 1 / ((d * n.Target) - m1);
                affine = new AffineParameters(d * m1, d * f, 0, -Inf, n.Flag ? 1 : Inf, 1);
                return true;
            }

            case NormaliserKind.DistanceToReference:
            {
                int row = matrix.RowOf(n.ReferenceUnit!);
                if (row < 0)
                {
                    throw new ArgumentException($"Indicator '{IndicatorCodes[j]}' is normalised against reference unit '{n.ReferenceUnit}', which is not a row of the matrix.", nameof(matrix));
                }

                if (double.IsNaN(x[row]))
                {
                    // A missing reference would turn the whole column NaN, which aggregation then drops silently.
                    throw new ArgumentException($"Indicator '{IndicatorCodes[j]}' is normalised against reference unit '{n.ReferenceUnit}', whose value is missing; impute it or choose another reference unit.", nameof(matrix));
                }

                (double m1, _) = FlippedMinMax(x, d, fixedStats, path);
                double f = 1 / ((d * x[row]) - m1);
                affine = new AffineParameters(d * m1, d * f, 0, -Inf, n.Flag ? 1 : Inf, 1);
                return true;
            }

            case NormaliserKind.FractionOfMax:
            {
                (_, double m2) = FlippedMinMax(x, d, fixedStats, path);
                affine = new AffineParameters(0, d / m2, 0, -Inf, Inf, 1);
                return true;
            }

            case NormaliserKind.Rank:
            case NormaliserKind.Borda:
            case NormaliserKind.PercentileRank:
            case NormaliserKind.Points:
                affine = default;
                return false;

            default:
                affine = new AffineParameters(0, d, 0, -Inf, Inf, 1);
                return true;
        }
    }

    /// <summary>The normalisers that are not affine maps of x: rank-based ones and points rules.</summary>
    private void NormaliseOther(int j, ScoringWorkspace ws, ColumnStats? fixedStats)
    {
        ResolvedNormaliser n = _normalisers[j];
        double d = _sign[j];
        ReadOnlySpan<double> x = ws.Raw(j);
        Span<double> y = ws.NormalisedColumn(j);
        switch (n.Kind)
        {
            case NormaliserKind.Rank:
            case NormaliserKind.Borda:
            case NormaliserKind.PercentileRank:
            {
                if (fixedStats is not null)
                {
                    throw new InvalidOperationException($"Indicator '{IndicatorCodes[j]}': rank-based normalisers cannot use pooled or fixed bounds; normalise panels per period.");
                }

                int count = Ranking.Rank(x, y, RankMethod.Competition, ascending: d > 0, ws._keys, ws._order);
                if (n.Kind != NormaliserKind.Rank)
                {
                    double div = n.Kind == NormaliserKind.PercentileRank ? count - 1 : 1;
                    for (int i = 0; i < y.Length; i++)
                    {
                        y[i] = (y[i] - 1) / div;
                    }
                }

                break;
            }

            case NormaliserKind.Points:
            {
                PointsRule rule = n.Rule!;
                for (int i = 0; i < y.Length; i++)
                {
                    y[i] = double.IsNaN(x[i]) ? double.NaN : rule.Evaluate(x[i], n.Polarity) / rule.MaxPoints;
                }

                break;
            }

            default:
                throw new InvalidOperationException($"Normaliser {n.Kind} of indicator '{IndicatorCodes[j]}' has no rule here (an affine kind reached the non-affine path).");
        }
    }

    /// <summary>Returns (min', max') of x' = d·x: (min, max) for d = 1, (−max, −min) for d = −1.</summary>
    private static (double Min, double Max) FlippedMinMax(ReadOnlySpan<double> x, double d, ColumnStats? fixedStats, KernelPath path)
    {
        (double min, double max) = fixedStats is { } s ? (s.Min, s.Max) : ColumnStatistics.MinMax(x, path);
        return d > 0 ? (min, max) : (-max, -min);
    }
}
