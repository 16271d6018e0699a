namespace DxIndicators.Model;

/// <summary>Options for <see cref="DisplayRounding.Format(double, int, DisplayStyle)"/>.</summary>
[Flags]
public enum DisplayStyle
{
    /// <summary>Exactly the requested number of decimals, no grouping, a minus sign only for negative values.</summary>
    None = 0,

    /// <summary>Drops trailing zeros after the decimal point (and the point itself when nothing is left): "0.5", "3".</summary>
    TrimTrailingZeros = 1,

    /// <summary>Separates thousands in the integer part with commas: "1,234,567.5".</summary>
    GroupThousands = 2,

    /// <summary>Writes "+" before positive values (for differences); zero stays unsigned.</summary>
    ExplicitPlus = 4,
}
