using DxIndicators.Scoring.Kernels;
using DxIndicators.Scoring.Methods;

namespace DxIndicators.Scoring;

/// <summary>Column mean (COINr <c>i_mean</c>): a NaN becomes Σx/n* of the column, in the kernels' lane order; a column
/// with no value stays as it is. Text <c>mean</c>; docs/methodology.md#imputation.</summary>
internal sealed class ColumnMeanImputation : ImputationRule
{
    public override ImputationMethod Method => ImputationMethod.ColumnMean;

    public override MethodSyntax<ImputationChoice> Entry { get; } = new(
        "mean", "mean", "a NaN becomes Σx/n* of its column (lane order as above)", "COINr `i_mean`", "imputation", t => t.WithoutArguments(new ImputationChoice(ImputationMethod.ColumnMean)));

    public override bool FillsColumns => true;

    public override void Impute(Span<double> x, Span<double> scratch, ReadOnlySpan<int> group, int groupCount)
    {
        (double sum, int count) = ColumnStatistics.SumCount(x);
        if (count == 0)
        {
            return;
        }

        Fill(x, sum / count);
    }
}
