using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Scoring.Kernels;

namespace DxIndicators.Scoring;

/// <summary>Column statistics fixed from outside (pooled panel or fixed bounds); NaN = not available.</summary>
internal readonly record struct ColumnStats(double Min, double Max, double Mean, double Sd);

public sealed partial class ScoringPlan
{
    /// <summary>Fixes indicator j's normaliser for this framework (see <see cref="Normaliser.Resolve"/>).</summary>
    private static Normaliser Resolve(IndicatorDefinition ind, Normaliser n, OutputScale scale, List<string> errors)
    {
        Normaliser resolved = n.Resolve(ind, scale, errors);

        // Auto resolves to a method that checks its own parameters (goalposts, points) in turn.
        return ReferenceEquals(resolved, n) ? n : resolved.Resolve(ind, scale, errors);
    }

    /// <summary>
    /// Normalises indicator j over the whole column: affine methods through <see cref="AffineTransform"/>, the others
    /// (rank-based ones, points) through their own code.
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

        var column = new NormaliseColumn(x, Framework.Indicators[j], fixedStats, matrix, ws, path);
        if (_normalisers[j].TryAffine(column, out AffineParameters affine))
        {
            AffineTransform.Apply(x, affine, y, path);
            return;
        }

        _normalisers[j].Apply(column, y);
    }

    /// <summary>
    /// For the methods of the affine shape, reads the column statistics the method needs and returns its
    /// <see cref="AffineTransform"/> parameters (so <see cref="AggregateArithmetic"/> can fuse them); false for the others.
    /// Each method first puts its parameters in COINr's direction-adjusted space (x' = d·x, so min' and max' swap and
    /// change sign for d = −1, targets and goalposts are flipped the same way), then maps them back so the kernel
    /// reads raw x: (d·x − a')·f' = (x − d·a')·(d·f') exactly, because d = ±1.
    /// </summary>
    private bool TryAffine(int j, IndicatorMatrix matrix, ScoringWorkspace ws, ColumnStats? fixedStats, KernelPath path, out AffineParameters affine)
    {
        Normaliser n = _normalisers[j];
        if (!n.IsAffine)
        {
            affine = default;
            return false;
        }

        return n.TryAffine(new NormaliseColumn(ws.Raw(j), Framework.Indicators[j], fixedStats, matrix, ws, path), out affine);
    }
}
