using DxIndicators.Model;
using DxIndicators.Scoring.Methods;

namespace DxIndicators.Scoring;

/// <content>The points instance.</content>
public abstract partial class Normaliser
{
    /// <summary>Gets the points-rule normaliser (<c>points</c>).</summary>
    public static Normaliser Points { get; } = new PointsNormaliser();
}

/// <summary>
/// The indicator's points rule: <c>y = PointsRule.Evaluate(x, polarity) / rule.MaxPoints</c>, a fraction in [0, 1]; the
/// rule handles polarity itself. Text <c>points</c>; docs/methodology.md#normalisation.
/// </summary>
public sealed class PointsNormaliser : Normaliser
{
    internal PointsNormaliser()
    {
    }

    internal static MethodSyntax<Normaliser> Entry { get; } = new(
        "points",
        "points",
        "`PointsRule.Evaluate(x, polarity) / rule.MaxPoints`",
        "a fraction in [0, 1]; the rule handles polarity itself",
        "normalisation",
        t => t.WithoutArguments(Points));

    internal override MethodSyntax<Normaliser> Syntax => Entry;

    internal override Normaliser Resolve(IndicatorDefinition indicator, OutputScale scale, List<string> errors)
    {
        if (indicator.Points is null)
        {
            errors.Add($"Indicator '{indicator.Code}' is normalised by points but has no points rule.");
        }

        return this;
    }

    internal override void Apply(in NormaliseColumn column, Span<double> y)
    {
        ReadOnlySpan<double> x = column.X;
        PointsRule rule = column.Indicator.Points!;
        Polarity polarity = column.Indicator.Polarity;
        for (int i = 0; i < y.Length; i++)
        {
            y[i] = double.IsNaN(x[i]) ? double.NaN : rule.Evaluate(x[i], polarity) / rule.MaxPoints;
        }
    }
}
