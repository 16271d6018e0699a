namespace DxIndicators.Targets;

/// <summary>Whether a change between two periods is good or bad news, by the indicator's polarity.</summary>
public enum ChangeDirection
{
    /// <summary>The value moved in the better direction.</summary>
    Improved,

    /// <summary>The value moved in the worse direction.</summary>
    Worsened,

    /// <summary>The two exact values are equal.</summary>
    Unchanged,

    /// <summary>Bounds ("over 90%") leave the direction open.</summary>
    Undetermined,
}
