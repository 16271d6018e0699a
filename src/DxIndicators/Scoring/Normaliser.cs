using System.Diagnostics.CodeAnalysis;
using DxIndicators.Model;
using DxIndicators.Scoring.Kernels;
using DxIndicators.Scoring.Methods;

namespace DxIndicators.Scoring;

/// <summary>
/// An immutable choice of normalisation function and its parameters. Each function is its own sealed type in
/// <c>DxIndicators.Scoring.Normalisers</c> (its formula, parameters and text in one file); the set is closed, so
/// official rankings stay reproducible. Formulas: docs/methodology.md, "Normalisation".
/// </summary>
/// <remarks>Targets and goalposts are always raw units; the library applies the indicator's polarity.
/// <see cref="ToString"/> is the text <see cref="Parse"/> reads and <c>dx score --normalise</c> takes
/// (<c>minmax:0,100</c>). Immutable; safe to share.</remarks>
public abstract partial class Normaliser : IEquatable<Normaliser>
{
    private protected Normaliser()
    {
    }

    /// <summary>Gets the method's name, the first word of its text (<c>minmax</c>, <c>zscore</c> …).</summary>
    public string Name => Syntax.Name;

    /// <summary>Gets the registry entry of the method (grammar, formula, docs).</summary>
    internal abstract MethodSyntax<Normaliser> Syntax { get; }

    /// <summary>Gets whether the method is an affine map of x with parameters from column statistics, so the
    /// scoring plan can fuse it into the aggregation pass (<see cref="TryAffine"/>); the others run <see cref="Apply"/>.</summary>
    internal virtual bool IsAffine => false;

    /// <summary>Gets the grammar of every normaliser, in docs order (<c>minmax[:LOW,HIGH]</c>, <c>zscore[:MEAN,SD]</c> …), for usage texts.</summary>
    public static ValueList<string> Grammars => NormaliserRegistry.Methods.Grammars;

    /// <summary>Parses the text <see cref="ToString"/> writes (the CLI grammar, such as <c>minmax:0,100</c> or <c>dist2targ:cap</c>).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The normaliser.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The method is unknown or its arguments do not fit its grammar (the message lists the grammar).</exception>
    /// <exception cref="ArgumentException">The arguments break the method's rule (for example min-max with high ≤ low).</exception>
    public static Normaliser Parse(string text) => NormaliserRegistry.Methods.Parse(text);

    /// <summary>Parses the text <see cref="ToString"/> writes, without throwing.</summary>
    /// <param name="text">The text.</param>
    /// <param name="normaliser">The normaliser, when the text is one.</param>
    /// <returns><see langword="true"/> when the text names a normaliser with valid arguments.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out Normaliser? normaliser) =>
        NormaliserRegistry.Methods.TryParse(text, out normaliser, out _);

    /// <summary>Returns the method's text in the CLI grammar, which <see cref="Parse"/> reads back to an equal normaliser.</summary>
    /// <returns>The text, such as <c>minmax:0,100</c>.</returns>
    public sealed override string ToString() => MethodText.Format(Name, [.. Arguments()]);

    /// <inheritdoc/>
    public bool Equals(Normaliser? other) =>
        other is not null && GetType() == other.GetType() && string.Equals(ToString(), other.ToString(), StringComparison.Ordinal);

    /// <inheritdoc/>
    public sealed override bool Equals(object? obj) => Equals(obj as Normaliser);

    /// <summary>Compares two normalisers by method and parameters.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(Normaliser? left, Normaliser? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two normalisers by method and parameters.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(Normaliser? left, Normaliser? right) => !(left == right);

    /// <inheritdoc/>
    public sealed override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    /// <summary>Gets the arguments after the ':' of the method's text (none: just the name).</summary>
    private protected virtual IEnumerable<string> Arguments() => [];

    /// <summary>Fixes what the plan compiles for one indicator: the concrete method (<c>auto</c> picks one, <c>minmax</c>
    /// without bounds takes the output scale), and an error for each parameter the indicator lacks.</summary>
    internal virtual Normaliser Resolve(IndicatorDefinition indicator, OutputScale scale, List<string> errors) => this;

    /// <summary>For an affine method, the <see cref="AffineTransform"/> parameters of one column; false otherwise.</summary>
    internal virtual bool TryAffine(in NormaliseColumn column, out AffineParameters affine)
    {
        affine = default;
        return false;
    }

    /// <summary>Normalises a column of a method that is not affine.</summary>
    internal virtual void Apply(in NormaliseColumn column, Span<double> y) =>
        throw new InvalidOperationException($"Normaliser {this} of indicator '{column.Indicator.Code}' has no column rule (an affine method reached the non-affine path).");

    /// <summary>Throws unless a finite parameter.</summary>
    private protected static void RequireFinite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"Normaliser parameter '{name}' must be finite.");
        }
    }
}
