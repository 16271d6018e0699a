using DxIndicators.Scoring.Methods;

namespace DxIndicators.Scoring;

/// <summary>
/// The closed set of imputation methods, one line each, in the order of docs/methodology.md's table; the CLI's
/// <c>--impute</c> grammar, <see cref="ScoringOptions.WithImputation(string)"/> and the docs table come from here.
/// Adding one: a file in this folder, a line below, and its <see cref="ImputationMethod"/> member.
/// </summary>
internal static class ImputationRegistry
{
    private static readonly ImputationRule[] s_rules =
    [
        new NoImputation(),
        new ColumnMeanImputation(),
        new ColumnMedianImputation(),
        new GroupMeanImputation(),
        new LatestEarlierPeriodImputation(),
    ];

    public static MethodRegistry<ImputationChoice> Methods { get; } = new("imputation", "Imputation", [.. s_rules.Select(r => r.Entry)]);

    /// <summary>Gets the rule of a method (a loop: scoring calls it and allocates nothing).</summary>
    public static ImputationRule Rule(ImputationMethod method)
    {
        foreach (ImputationRule rule in s_rules)
        {
            if (rule.Method == method)
            {
                return rule;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(method), method, "Undefined imputation method.");
    }
}
