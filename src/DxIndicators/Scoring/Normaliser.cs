using System.Globalization;

namespace DxIndicators.Scoring;

/// <summary>The normalisation functions an indicator column can go through (formulas in docs/methodology.md).</summary>
public enum NormaliserKind
{
    /// <summary>Points rule if the indicator has one, else goalposts if it has them, else min-max to [0, 1].</summary>
    Auto,

    /// <summary>Min-max to [low, high]; without bounds, onto the framework's declared output scale.</summary>
    MinMax,

    /// <summary>Z-score with a target mean and standard deviation (sample sd, n − 1).</summary>
    ZScore,

    /// <summary>Ascending rank of the direction-adjusted values, ties take the minimum (1 = worst).</summary>
    Rank,

    /// <summary>(rank − 1) / (n − 1).</summary>
    PercentileRank,

    /// <summary>rank − 1.</summary>
    Borda,

    /// <summary>(x − lower)/(upper − lower) on raw-unit goalposts, optionally truncated to [0, 1], times a scale.</summary>
    Goalposts,

    /// <summary>(x − min)/(target − min) in the direction-adjusted space, optionally capped at 1.</summary>
    DistanceToTarget,

    /// <summary>1 − (max − x)/(max − min), i.e. min-max to [0, 1].</summary>
    DistanceToMax,

    /// <summary>1 − (x_ref − x)/(x_ref − min) against a named reference unit, optionally capped at 1.</summary>
    DistanceToReference,

    /// <summary>x / max.</summary>
    FractionOfMax,

    /// <summary>The indicator's points rule: points earned / the rule's max points (a fraction in [0, 1]).</summary>
    Points,

    /// <summary>The direction-adjusted value itself (x, or −x for lower-is-better), as COINr's "none".</summary>
    None,
}

/// <summary>An immutable choice of normalisation function and its parameters.</summary>
/// <remarks>Targets and goalposts are always raw units; the library applies the indicator's polarity. Immutable; safe to share.</remarks>
public sealed class Normaliser : IEquatable<Normaliser>
{
    private Normaliser(NormaliserKind kind, double a = double.NaN, double b = double.NaN, bool flag = false, string? unit = null)
    {
        Kind = kind;
        ParameterA = a;
        ParameterB = b;
        Flag = flag;
        ReferenceUnit = unit;
    }

    private static readonly Normaliser s_minMaxOntoScale = new(NormaliserKind.MinMax);

    /// <summary>Gets the automatic choice (points, else goalposts, else min-max [0, 1]).</summary>
    public static Normaliser Auto { get; } = new(NormaliserKind.Auto);

    /// <summary>Gets min-max to [0, 1] against each column's maximum (distance to max).</summary>
    public static Normaliser DistanceToMax { get; } = new(NormaliserKind.DistanceToMax);

    /// <summary>Gets fraction of the column maximum.</summary>
    public static Normaliser FractionOfMax { get; } = new(NormaliserKind.FractionOfMax);

    /// <summary>Gets the ascending rank normaliser.</summary>
    public static Normaliser Rank { get; } = new(NormaliserKind.Rank);

    /// <summary>Gets the percentile-rank normaliser.</summary>
    public static Normaliser PercentileRank { get; } = new(NormaliserKind.PercentileRank);

    /// <summary>Gets the Borda normaliser (rank − 1).</summary>
    public static Normaliser Borda { get; } = new(NormaliserKind.Borda);

    /// <summary>Gets the points-rule normaliser.</summary>
    public static Normaliser Points { get; } = new(NormaliserKind.Points);

    /// <summary>Gets the identity (direction-adjusted) normaliser.</summary>
    public static Normaliser None { get; } = new(NormaliserKind.None);

    /// <summary>Gets the kind of normalisation.</summary>
    public NormaliserKind Kind { get; }

    /// <summary>Gets the first parameter: low end (min-max), target mean (z-score), scale (goalposts), or NaN.</summary>
    public double ParameterA { get; }

    /// <summary>Gets the second parameter: high end (min-max), target sd (z-score), or NaN.</summary>
    public double ParameterB { get; }

    /// <summary>Gets the flag: truncate (goalposts) or cap at 1 (distance to target / reference).</summary>
    public bool Flag { get; }

    /// <summary>Gets the reference unit of <see cref="NormaliserKind.DistanceToReference"/>.</summary>
    public string? ReferenceUnit { get; }

    /// <summary>Creates min-max normalisation onto the framework's declared output scale (<see cref="Model.FrameworkMetadata.Scale"/>).</summary>
    /// <returns>The normaliser; its <see cref="ParameterA"/> and <see cref="ParameterB"/> are NaN until a plan resolves them.</returns>
    /// <remarks>The DTI frameworks declare [0, 1]; a COINr import declares [0, 100], COINr's <c>n_minmax</c> default, so
    /// an imported framework reproduces COINr's default. <see cref="MinMax(double, double)"/> sets the bounds instead.</remarks>
    public static Normaliser MinMax() => s_minMaxOntoScale;

    /// <summary>Creates min-max normalisation to [low, high] (COINr <c>n_minmax</c> with <c>l_u = c(low, high)</c>).</summary>
    /// <param name="low">The value the worst unit gets.</param>
    /// <param name="high">The value the best unit gets.</param>
    /// <returns>The normaliser.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A bound is not finite, or <paramref name="high"/> ≤ <paramref name="low"/> (which would reverse or flatten every score; polarity is the indicator's job).</exception>
    public static Normaliser MinMax(double low, double high)
    {
        RequireFinite(low, nameof(low));
        RequireFinite(high, nameof(high));
        if (!(high > low))
        {
            throw new ArgumentOutOfRangeException(nameof(high), high, $"Min-max needs high > low, but low = {low.ToString(System.Globalization.CultureInfo.InvariantCulture)}; reverse an indicator with its polarity instead.");
        }

        return new(NormaliserKind.MinMax, low, high);
    }

    /// <summary>Creates z-score normalisation with a target mean and standard deviation.</summary>
    /// <param name="mean">The target mean.</param>
    /// <param name="sd">The target standard deviation.</param>
    /// <returns>The normaliser.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not finite, or <paramref name="sd"/> ≤ 0.</exception>
    public static Normaliser ZScore(double mean = 0, double sd = 1)
    {
        RequireFinite(mean, nameof(mean));
        RequireFinite(sd, nameof(sd));
        if (!(sd > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(sd), sd, "The target standard deviation of a z-score must be positive.");
        }

        return new(NormaliserKind.ZScore, mean, sd);
    }

    /// <summary>Creates goalposts normalisation using each indicator's raw-unit goalposts.</summary>
    /// <param name="scale">The factor applied last (1 gives [0, 1]).</param>
    /// <param name="truncate">Whether values beyond the goalposts are clamped to [0, 1] before scaling.</param>
    /// <returns>The normaliser.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The scale is not finite.</exception>
    public static Normaliser Goalposts(double scale = 1, bool truncate = true)
    {
        RequireFinite(scale, nameof(scale));
        return new(NormaliserKind.Goalposts, scale, double.NaN, truncate);
    }

    /// <summary>Creates distance-to-target normalisation using each indicator's raw-unit reference target.</summary>
    /// <param name="cap">Whether values beyond the target are capped at 1.</param>
    /// <returns>The normaliser.</returns>
    public static Normaliser DistanceToTarget(bool cap = false) => new(NormaliserKind.DistanceToTarget, flag: cap);

    /// <summary>Creates distance-to-reference-unit normalisation.</summary>
    /// <param name="unit">The code of the reference unit (must be a row of the scored matrix).</param>
    /// <param name="cap">Whether values beyond the reference are capped at 1.</param>
    /// <returns>The normaliser.</returns>
    /// <exception cref="ArgumentException">The unit code is empty.</exception>
    public static Normaliser DistanceToReference(string unit, bool cap = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(unit);
        return new(NormaliserKind.DistanceToReference, flag: cap, unit: unit);
    }

    /// <inheritdoc/>
    public bool Equals(Normaliser? other) =>
        other is not null && Kind == other.Kind && ParameterA.Equals(other.ParameterA) && ParameterB.Equals(other.ParameterB) &&
        Flag == other.Flag && string.Equals(ReferenceUnit, other.ReferenceUnit, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Normaliser);

    /// <summary>Compares two normalisers by kind and parameters.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(Normaliser? left, Normaliser? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two normalisers by kind and parameters.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(Normaliser? left, Normaliser? right) => !(left == right);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, ParameterA, ParameterB, Flag, ReferenceUnit);

    /// <summary>Returns a short description such as <c>minmax[0,100]</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Kind switch
    {
        NormaliserKind.MinMax when double.IsNaN(ParameterA) => "minmax[output scale]",
        NormaliserKind.MinMax => string.Create(CultureInfo.InvariantCulture, $"minmax[{ParameterA},{ParameterB}]"),
        NormaliserKind.ZScore => string.Create(CultureInfo.InvariantCulture, $"zscore[{ParameterA},{ParameterB}]"),
        NormaliserKind.Goalposts => string.Create(CultureInfo.InvariantCulture, $"goalposts[scale={ParameterA},truncate={Flag}]"),
        NormaliserKind.DistanceToTarget => Flag ? "dist2targ[cap]" : "dist2targ",
        NormaliserKind.DistanceToReference => $"dist2ref[{ReferenceUnit}{(Flag ? ",cap" : string.Empty)}]",
        _ => Kind.ToString().ToLowerInvariant(),
    };

    private static void RequireFinite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"Normaliser parameter '{name}' must be finite.");
        }
    }
}
