namespace DxIndicators.Model;

/// <summary>The scale a framework publishes its scores on (for example 0–1, 0–100 or 0–1000 points).</summary>
/// <param name="Min">The lowest score.</param>
/// <param name="Max">The highest score.</param>
public readonly record struct OutputScale(double Min, double Max)
{
    /// <summary>Gets the unit scale 0–1.</summary>
    public static OutputScale Unit => new(0, 1);

    /// <summary>Maps a score in [0, 1] onto this scale: <c>Min + value·(Max − Min)</c>.</summary>
    /// <param name="unitValue">A score on 0–1.</param>
    /// <returns>The score on this scale; NaN stays NaN.</returns>
    public double FromUnit(double unitValue) => Min + (unitValue * (Max - Min));
}
