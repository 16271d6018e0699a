using DxIndicators.Model;
using DxIndicators.Scoring.Kernels;
using DxIndicators.Scoring.Methods;

namespace DxIndicators.Scoring;

/// <content>The min-max factories.</content>
public abstract partial class Normaliser
{
    /// <summary>Creates min-max normalisation onto the framework's declared output scale (<see cref="FrameworkMetadata.Scale"/>).</summary>
    /// <returns>The normaliser (<c>minmax</c>); its bounds are NaN until a plan resolves them.</returns>
    /// <remarks>The DTI frameworks declare [0, 1]; a COINr import declares [0, 100], COINr's <c>n_minmax</c> default, so
    /// an imported framework reproduces COINr's default. <see cref="MinMax(double, double)"/> sets the bounds instead.</remarks>
    public static Normaliser MinMax() => MinMaxNormaliser.OntoOutputScaleInstance;

    /// <summary>Creates min-max normalisation to [low, high] (COINr <c>n_minmax</c> with <c>l_u = c(low, high)</c>).</summary>
    /// <param name="low">The value the worst unit gets.</param>
    /// <param name="high">The value the best unit gets.</param>
    /// <returns>The normaliser (<c>minmax:LOW,HIGH</c>).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not finite, or <paramref name="high"/> ≤ <paramref name="low"/> (which would reverse or flatten every score; polarity is the indicator's job).</exception>
    public static Normaliser MinMax(double low, double high) => MinMaxNormaliser.Create(low, high);
}

/// <summary>
/// Min-max (COINr <c>n_minmax</c>): <c>y = (x' − m')·((high − low)/(M' − m')) + low</c>, m' and M' the min and max of
/// x' = d·x. Without bounds it maps onto the framework's declared output scale. If M' = m' the factor is ±∞ and y =
/// NaN, as in COINr. Text <c>minmax</c> or <c>minmax:LOW,HIGH</c>; docs/methodology.md#normalisation.
/// </summary>
public sealed class MinMaxNormaliser : Normaliser
{
    internal static readonly MinMaxNormaliser OntoOutputScaleInstance = new(double.NaN, double.NaN);

    private MinMaxNormaliser(double low, double high)
    {
        Low = low;
        High = high;
    }

    /// <summary>Gets the value the worst unit gets (NaN: the low end of the framework's output scale).</summary>
    public double Low { get; }

    /// <summary>Gets the value the best unit gets (NaN: the high end of the framework's output scale).</summary>
    public double High { get; }

    /// <summary>Gets whether the bounds are the framework's declared output scale (<see cref="FrameworkMetadata.Scale"/>).</summary>
    public bool OntoOutputScale => double.IsNaN(Low);

    internal static MethodSyntax<Normaliser> Entry { get; } = new(
        "minmax",
        "minmax[:LOW,HIGH]",
        "`y = (x' − m')·((HIGH − LOW)/(M' − m')) + LOW`",
        "m', M' = min, max of x'; if M' = m' the factor is ±∞ and y = NaN, as in COINr. Without LOW,HIGH: the framework's declared output scale (`metadata.scale`: [0, 1] for the DTI frameworks, [0, 100] for a COINr import, COINr's default)",
        "normalisation",
        t => t.Expect(0, 2).Count == 0 ? MinMax() : MinMax(t.Number(0), t.Number(1)));

    internal override MethodSyntax<Normaliser> Syntax => Entry;

    internal override bool IsAffine => true;

    /// <summary>Creates the affine parameters of min-max onto [low, high] (shared with distance to max).</summary>
    internal static AffineParameters Affine(in NormaliseColumn column, double low, double high)
    {
        (double m1, double m2) = column.FlippedMinMax();
        double d = column.Sign;
        double f = (high - low) / (m2 - m1);
        return new AffineParameters(d * m1, d * f, low, double.NegativeInfinity, double.PositiveInfinity, 1);
    }

    /// <summary>Creates a min-max normaliser with valid bounds.</summary>
    internal static MinMaxNormaliser Create(double low, double high)
    {
        RequireFinite(low, nameof(low));
        RequireFinite(high, nameof(high));
        if (!(high > low))
        {
            throw new ArgumentOutOfRangeException(nameof(high), high, $"Min-max needs high > low, but low = {NumberText.Format(low)}; reverse an indicator with its polarity instead.");
        }

        return new MinMaxNormaliser(low, high);
    }

    internal override Normaliser Resolve(IndicatorDefinition indicator, OutputScale scale, List<string> errors) =>
        OntoOutputScale ? new MinMaxNormaliser(scale.Min, scale.Max) : this;

    internal override bool TryAffine(in NormaliseColumn column, out AffineParameters affine)
    {
        affine = Affine(column, Low, High);
        return true;
    }

    private protected override IEnumerable<string> Arguments() => OntoOutputScale ? [] : [NumberText.Format(Low), NumberText.Format(High)];
}
