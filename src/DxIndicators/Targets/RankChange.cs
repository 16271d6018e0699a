using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace DxIndicators.Targets;

/// <summary>The move of a unit in a league table between two editions ("40th of 63, up 9 places").</summary>
/// <remarks>
/// Immutable; safe to share. Places only mean the same thing when both tables rank the same number of units: rank 35 of 63
/// (2022) and rank 6 of 34 (2024, after the province merger) are not 29 places apart in any useful sense. Such pairs are
/// refused unless the caller passes <c>allowDifferentUniverses: true</c>, and then <see cref="DifferentUniverses"/> is set.
/// </remarks>
public sealed class RankChange
{
    private RankChange(RankPosition from, RankPosition to)
    {
        From = from;
        To = to;
    }

    /// <summary>Gets the earlier position.</summary>
    public RankPosition From { get; }

    /// <summary>Gets the later position.</summary>
    public RankPosition To { get; }

    /// <summary>Gets the places gained: from.Rank − to.Rank (positive = moved up, since 1 is best).</summary>
    public int PlacesUp => From.Rank - To.Rank;

    /// <summary>Gets whether the two tables rank different numbers of units (only possible when explicitly allowed).</summary>
    public bool DifferentUniverses => From.UniverseSize != To.UniverseSize;

    /// <summary>Gets whether the unit moved up (improved).</summary>
    public ChangeDirection Direction => PlacesUp > 0 ? ChangeDirection.Improved : PlacesUp < 0 ? ChangeDirection.Worsened : ChangeDirection.Unchanged;

    /// <summary>Computes the change between two positions.</summary>
    /// <param name="from">The earlier position.</param>
    /// <param name="to">The later position.</param>
    /// <param name="allowDifferentUniverses">Whether to compare tables of different sizes anyway (the result is flagged).</param>
    /// <returns>The change.</returns>
    /// <exception cref="ArgumentException">A position is <c>default</c>, or the universe sizes differ and <paramref name="allowDifferentUniverses"/> is false (the message explains why).</exception>
    public static RankChange Between(RankPosition from, RankPosition to, bool allowDifferentUniverses = false) =>
        TryBetween(from, to, allowDifferentUniverses, out RankChange? change, out string? error) ? change : throw new ArgumentException(error);

    /// <summary>Tries to compute the change between two positions.</summary>
    /// <param name="from">The earlier position.</param>
    /// <param name="to">The later position.</param>
    /// <param name="allowDifferentUniverses">Whether to compare tables of different sizes anyway (the result is flagged).</param>
    /// <param name="change">The change, when allowed.</param>
    /// <param name="error">Why the change was refused, otherwise null.</param>
    /// <returns><see langword="true"/> when the change was computed.</returns>
    public static bool TryBetween(RankPosition from, RankPosition to, bool allowDifferentUniverses, [NotNullWhen(true)] out RankChange? change, [NotNullWhen(false)] out string? error)
    {
        change = null;
        if (!from.IsValid || !to.IsValid)
        {
            error = "A rank position is uninitialised (default); create positions with RankPosition.From(rank, universeSize).";
            return false;
        }

        if (from.UniverseSize != to.UniverseSize && !allowDifferentUniverses)
        {
            error = string.Create(CultureInfo.InvariantCulture,
                $"Cannot compare rank {from.Rank} of {from.UniverseSize} with rank {to.Rank} of {to.UniverseSize}: the tables rank different numbers of units ({from.UniverseSize} vs {to.UniverseSize}), so a difference in places mixes real movement with the change in the field (for example the 2025 merger of 63 provinces into 34). Compare scores or shares of the field instead, or pass allowDifferentUniverses: true to compare anyway; the result is then flagged.");
            return false;
        }

        error = null;
        change = new RankChange(from, to);
        return true;
    }

    /// <summary>Describes the movement only: "up 9 places", "down 1 place", "unchanged".</summary>
    /// <returns>The text, with " (different universes)" appended when flagged.</returns>
    public string DescribeMovement()
    {
        int places = Math.Abs(PlacesUp);
        string text = PlacesUp == 0
            ? "unchanged"
            : string.Create(CultureInfo.InvariantCulture, $"{(PlacesUp > 0 ? "up" : "down")} {places} {(places == 1 ? "place" : "places")}");
        return DifferentUniverses ? text + " (different universes)" : text;
    }

    /// <summary>Describes the later position and the movement: "40th of 63, up 9 places".</summary>
    /// <returns>The text.</returns>
    public string Describe() => To + ", " + DescribeMovement();

    /// <inheritdoc/>
    public override string ToString() => Describe();
}
