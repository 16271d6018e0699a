using System.Globalization;

namespace DxIndicators.Targets;

/// <summary>A place in a league table together with the size of the table ("40th of 63").</summary>
/// <remarks>
/// Immutable value. <c>default</c> (rank 0 of 0) is invalid and rejected by <see cref="RankChange"/>; create values with
/// <see cref="From"/>. Ties are allowed (two units may both be 5th).
/// </remarks>
public readonly struct RankPosition : IEquatable<RankPosition>
{
    private RankPosition(int rank, int universeSize)
    {
        Rank = rank;
        UniverseSize = universeSize;
    }

    /// <summary>Gets the rank (1 is best).</summary>
    public int Rank { get; }

    /// <summary>Gets how many units were ranked.</summary>
    public int UniverseSize { get; }

    /// <summary>Creates a position.</summary>
    /// <param name="rank">The rank, 1 to <paramref name="universeSize"/>.</param>
    /// <param name="universeSize">How many units were ranked (≥ 1).</param>
    /// <returns>The position.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The universe is empty or the rank is outside 1 to the universe size.</exception>
    public static RankPosition From(int rank, int universeSize)
    {
        if (universeSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(universeSize), universeSize, "A ranking needs at least one unit.");
        }

        if (rank < 1 || rank > universeSize)
        {
            throw new ArgumentOutOfRangeException(nameof(rank), rank, string.Create(CultureInfo.InvariantCulture, $"A rank must be between 1 and the universe size {universeSize}."));
        }

        return new RankPosition(rank, universeSize);
    }

    /// <summary>Gets whether this is a real position (not <c>default</c>).</summary>
    public bool IsValid => UniverseSize >= 1 && Rank >= 1 && Rank <= UniverseSize;

    /// <summary>Formats an ordinal in English ("1st", "2nd", "3rd", "11th", "22nd").</summary>
    /// <param name="n">The number (≥ 0).</param>
    /// <returns>The ordinal.</returns>
    public static string Ordinal(int n)
    {
        int lastTwo = n % 100;
        string suffix = lastTwo is 11 or 12 or 13 ? "th" : (n % 10) switch
        {
            1 => "st",
            2 => "nd",
            3 => "rd",
            _ => "th",
        };
        return n.ToString(CultureInfo.InvariantCulture) + suffix;
    }

    /// <summary>Formats the position: "40th of 63".</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Ordinal(Rank) + " of " + UniverseSize.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public bool Equals(RankPosition other) => Rank == other.Rank && UniverseSize == other.UniverseSize;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is RankPosition other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Rank, UniverseSize);

    /// <summary>Compares positions for equality.</summary>
    /// <param name="left">The first position.</param>
    /// <param name="right">The second position.</param>
    /// <returns><see langword="true"/> when rank and universe size are equal.</returns>
    public static bool operator ==(RankPosition left, RankPosition right) => left.Equals(right);

    /// <summary>Compares positions for inequality.</summary>
    /// <param name="left">The first position.</param>
    /// <param name="right">The second position.</param>
    /// <returns><see langword="true"/> when rank or universe size differ.</returns>
    public static bool operator !=(RankPosition left, RankPosition right) => !left.Equals(right);
}
