using DxIndicators.Scoring.Methods;

namespace DxIndicators.Scoring;

/// <summary>Column median (COINr <c>i_median</c>): a NaN becomes the median of the values present, the mean of the two
/// middle ones for an even count. Text <c>median</c>; docs/methodology.md#imputation.</summary>
internal sealed class ColumnMedianImputation : ImputationRule
{
    public override ImputationMethod Method => ImputationMethod.ColumnMedian;

    public override MethodSyntax<ImputationChoice> Entry { get; } = new(
        "median", "median", "a NaN becomes the median of its column (the mean of the two middle values when n* is even)", "COINr `i_median`", "imputation", t => t.WithoutArguments(new ImputationChoice(ImputationMethod.ColumnMedian)));

    public override bool FillsColumns => true;

    public override void Impute(Span<double> x, Span<double> scratch, ReadOnlySpan<int> group, int groupCount)
    {
        int m = 0;
        foreach (double v in x)
        {
            if (!double.IsNaN(v))
            {
                scratch[m++] = v;
            }
        }

        if (m == 0)
        {
            return;
        }

        Span<double> s = scratch[..m];
        s.Sort();
        Fill(x, (m % 2 == 1) ? s[m / 2] : (s[(m / 2) - 1] + s[m / 2]) / 2);
    }
}
