using DxIndicators.Model;
using DxIndicators.Scoring.Methods;

namespace DxIndicators.Scoring;

/// <content>The automatic choice.</content>
public abstract partial class Normaliser
{
    /// <summary>Gets the automatic choice (<c>auto</c>): points, else goalposts, else min-max [0, 1].</summary>
    public static Normaliser Auto { get; } = new AutoNormaliser();
}

/// <summary>
/// The default: the indicator's points rule if it has one, else its goalposts (scale 1, truncated) if it has them, else
/// min-max to [0, 1]. Resolved per indicator when a plan is compiled. Text <c>auto</c>; docs/methodology.md#normalisation.
/// </summary>
public sealed class AutoNormaliser : Normaliser
{
    private static readonly Normaliser s_unitMinMax = MinMax(0, 1);

    internal AutoNormaliser()
    {
    }

    internal static MethodSyntax<Normaliser> Entry { get; } = new(
        "auto",
        "auto",
        "points rule if the indicator has one, else goalposts (scale 1, truncated) if it has them, else min-max [0, 1]",
        "the default",
        "normalisation",
        t => t.WithoutArguments(Auto));

    internal override MethodSyntax<Normaliser> Syntax => Entry;

    internal override Normaliser Resolve(IndicatorDefinition indicator, OutputScale scale, List<string> errors) =>
        indicator.Points is not null ? Points
        : indicator.Goalposts is not null ? Goalposts()
        : s_unitMinMax;
}
