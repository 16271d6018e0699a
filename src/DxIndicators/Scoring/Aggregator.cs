using System.Diagnostics.CodeAnalysis;
using DxIndicators.Model;
using DxIndicators.Scoring.Methods;

namespace DxIndicators.Scoring;

/// <summary>An immutable choice of aggregation function for a node (overrides the framework's own choice).</summary>
/// <remarks>Each method is one rule type under <c>Scoring/Aggregators</c>, listed by its registry; <see cref="ToString"/>
/// is the text <see cref="Parse"/> reads and <c>dx score --aggregate</c> takes (<c>genmean:2</c>). The set is closed.</remarks>
public sealed class Aggregator : IEquatable<Aggregator>
{
    private Aggregator(AggregationMethod method, double power)
    {
        Method = method;
        Power = power;
    }

    /// <summary>Gets the weighted arithmetic mean.</summary>
    public static Aggregator ArithmeticMean { get; } = new(AggregationMethod.ArithmeticMean, double.NaN);

    /// <summary>Gets the weighted geometric mean.</summary>
    public static Aggregator GeometricMean { get; } = new(AggregationMethod.GeometricMean, double.NaN);

    /// <summary>Gets the weighted harmonic mean.</summary>
    public static Aggregator HarmonicMean { get; } = new(AggregationMethod.HarmonicMean, double.NaN);

    /// <summary>Gets the minimum.</summary>
    public static Aggregator Minimum { get; } = new(AggregationMethod.Minimum, double.NaN);

    /// <summary>Gets the points ratio (missing children earn 0 points).</summary>
    public static Aggregator PointsRatio { get; } = new(AggregationMethod.PointsRatio, double.NaN);

    /// <summary>Gets the aggregation method.</summary>
    public AggregationMethod Method { get; }

    /// <summary>Gets the exponent p of a generalised mean (NaN otherwise).</summary>
    public double Power { get; }

    /// <summary>Creates a weighted generalised mean with exponent p.</summary>
    /// <param name="power">The exponent p (finite, non-zero).</param>
    /// <returns>The aggregator.</returns>
    /// <exception cref="ArgumentOutOfRangeException">p is zero or not finite.</exception>
    public static Aggregator GeneralisedMean(double power)
    {
        if (!double.IsFinite(power) || power == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(power), power, "The generalised mean needs a finite, non-zero power p (p = 0 is the geometric mean; use GeometricMean).");
        }

        return new(AggregationMethod.GeneralisedMean, power);
    }

    /// <summary>Gets the aggregator a framework node declares.</summary>
    /// <param name="node">The node.</param>
    /// <returns>The aggregator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="node"/> is null.</exception>
    public static Aggregator FromNode(FrameworkNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Aggregation == AggregationMethod.GeneralisedMean ? GeneralisedMean(node.Power ?? double.NaN) : new(node.Aggregation, double.NaN);
    }

    /// <inheritdoc/>
    public bool Equals(Aggregator? other) => other is not null && Method == other.Method && Power.Equals(other.Power);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Aggregator);

    /// <summary>Compares two aggregators by kind and parameters.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(Aggregator? left, Aggregator? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two aggregators by kind and parameters.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(Aggregator? left, Aggregator? right) => !(left == right);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Method, Power);

    /// <summary>Returns the method's text in the CLI grammar, which <see cref="Parse"/> reads back to an equal aggregator.</summary>
    /// <returns>The text, such as <c>amean</c> or <c>genmean:2</c>.</returns>
    public override string ToString()
    {
        AggregationRule rule = AggregatorRegistry.Rule(Method);
        return MethodText.Format(rule.Entry.Name, [.. rule.Arguments(this)]);
    }

    /// <summary>Gets the grammar of every aggregator, in docs order (<c>amean</c>, <c>genmean:P</c> …), for usage texts.</summary>
    public static ValueList<string> Grammars => AggregatorRegistry.Methods.Grammars;

    /// <summary>Parses the text <see cref="ToString"/> writes (<c>amean</c>, <c>gmean</c>, <c>genmean:2</c> …).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The aggregator.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The method is unknown or its arguments do not fit its grammar.</exception>
    /// <exception cref="ArgumentException">The arguments break the method's rule (for example p = 0).</exception>
    public static Aggregator Parse(string text) => AggregatorRegistry.Methods.Parse(text);

    /// <summary>Parses the text <see cref="ToString"/> writes, without throwing.</summary>
    /// <param name="text">The text.</param>
    /// <param name="aggregator">The aggregator, when the text is one.</param>
    /// <returns><see langword="true"/> when the text names an aggregator with valid arguments.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Aggregator? aggregator) =>
        AggregatorRegistry.Methods.TryParse(text, out aggregator, out _);
}
