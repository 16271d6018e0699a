using DxIndicators.Scoring.Methods;

namespace DxIndicators.Scoring;

/// <summary>Group mean (COINr <c>i_mean_grp</c>): a NaN becomes the mean of the present values of the unit's group;
/// units with no group, and groups with no data, stay missing. Text <c>groupmean:COLUMN</c>; docs/methodology.md#imputation.</summary>
internal sealed class GroupMeanImputation : ImputationRule
{
    public override ImputationMethod Method => ImputationMethod.GroupMean;

    public override MethodSyntax<ImputationChoice> Entry { get; } = new(
        "groupmean", "groupmean:COLUMN", "a NaN becomes the mean of the unit's group (group column COLUMN)", "COINr `i_mean_grp`; units with no group, and groups with no data, stay NaN", "imputation", t => new ImputationChoice(ImputationMethod.GroupMean, t.Expect(1).Word(0)));

    public override bool FillsColumns => true;

    public override void Impute(Span<double> x, Span<double> scratch, ReadOnlySpan<int> group, int groupCount)
    {
        var sum = new double[groupCount];
        var count = new int[groupCount];
        for (int i = 0; i < x.Length; i++)
        {
            if (group[i] >= 0 && !double.IsNaN(x[i]))
            {
                sum[group[i]] += x[i];
                count[group[i]]++;
            }
        }

        for (int i = 0; i < x.Length; i++)
        {
            if (double.IsNaN(x[i]) && group[i] >= 0 && count[group[i]] > 0)
            {
                x[i] = sum[group[i]] / count[group[i]];
            }
        }
    }
}
