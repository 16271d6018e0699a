using DxIndicators.Scoring.Methods;

namespace DxIndicators.Scoring;

/// <summary>An imputation method's choice as text reads it: the method and, for group means, the group column.</summary>
internal readonly record struct ImputationChoice(ImputationMethod Method, string? Group = null);

/// <summary>
/// One imputation method: its <see cref="ImputationMethod"/>, its text and the code that fills one raw column.
/// One type per method in this folder, listed by <see cref="ImputationRegistry"/>.
/// </summary>
internal abstract class ImputationRule
{
    /// <summary>Gets the method.</summary>
    public abstract ImputationMethod Method { get; }

    /// <summary>Gets the method's text, formula and docs reference.</summary>
    public abstract MethodSyntax<ImputationChoice> Entry { get; }

    /// <summary>Gets whether the method fills each column on its own (mean, median, group mean); false for none and
    /// for the panel method, which <see cref="ScoringPlan"/>'s panel scoring runs across periods.</summary>
    public virtual bool FillsColumns => false;

    /// <summary>Fills the NaN of one raw column.</summary>
    /// <param name="x">The column.</param>
    /// <param name="scratch">Scratch of the column's length.</param>
    /// <param name="group">The unit's group id (−1: none), for group methods.</param>
    /// <param name="groupCount">The number of groups.</param>
    public virtual void Impute(Span<double> x, Span<double> scratch, ReadOnlySpan<int> group, int groupCount)
    {
    }

    /// <summary>Replaces every NaN of x by a value.</summary>
    protected static void Fill(Span<double> x, double value)
    {
        for (int i = 0; i < x.Length; i++)
        {
            if (double.IsNaN(x[i]))
            {
                x[i] = value;
            }
        }
    }
}
