namespace DxIndicators.Targets;

/// <summary>A value change and, optionally, a rank change between the same two periods, described together.</summary>
/// <remarks>Immutable; safe to share.</remarks>
public sealed class PeriodChange
{
    /// <summary>Initializes the pair.</summary>
    /// <param name="value">The value change, if any.</param>
    /// <param name="rank">The rank change, if any.</param>
    /// <exception cref="ArgumentException">Both are null.</exception>
    public PeriodChange(ValueChange? value, RankChange? rank)
    {
        if (value is null && rank is null)
        {
            throw new ArgumentException("A period change needs a value change, a rank change or both.");
        }

        Value = value;
        Rank = rank;
    }

    /// <summary>Gets the value change, if any.</summary>
    public ValueChange? Value { get; }

    /// <summary>Gets the rank change, if any.</summary>
    public RankChange? Rank { get; }

    /// <summary>Describes both: "+2.86 percentage points, up 9 places".</summary>
    /// <param name="maxDecimals">The most decimals shown for the value (see <see cref="ValueChange.Describe"/>).</param>
    /// <returns>The text.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDecimals"/> is outside 0–15.</exception>
    public string Describe(int maxDecimals = 2) => (Value, Rank) switch
    {
        ({ } v, { } r) => v.Describe(maxDecimals) + ", " + r.DescribeMovement(),
        ({ } v, null) => v.Describe(maxDecimals),
        _ => Rank!.Describe(),
    };

    /// <inheritdoc/>
    public override string ToString() => Describe();
}
