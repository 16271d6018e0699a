namespace DxIndicators.Model;

/// <summary>A text in Vietnamese and English.</summary>
/// <param name="Vi">The Vietnamese text.</param>
/// <param name="En">The English text.</param>
/// <remarks>Immutable. Either language may be empty, not both (checked by framework validation).</remarks>
public sealed record LocalizedText(string Vi, string En)
{
    /// <summary>Gets the text in the requested language, falling back to the other when empty.</summary>
    /// <param name="language">"vi" or "en" (anything else gives English).</param>
    /// <returns>The text.</returns>
    public string In(string language) =>
        string.Equals(language, "vi", StringComparison.OrdinalIgnoreCase)
            ? (Vi.Length > 0 ? Vi : En)
            : (En.Length > 0 ? En : Vi);

    /// <inheritdoc/>
    public override string ToString() => In("en");
}

/// <summary>An inclusive numeric range.</summary>
/// <param name="Min">The smallest allowed value (inclusive); may be negative infinity.</param>
/// <param name="Max">The largest allowed value (inclusive); may be positive infinity.</param>
public readonly record struct NumericRange(double Min, double Max)
{
    /// <summary>Gets the unbounded range.</summary>
    public static NumericRange Unbounded => new(double.NegativeInfinity, double.PositiveInfinity);

    /// <summary>Determines whether <paramref name="value"/> lies in the range (NaN never does).</summary>
    /// <param name="value">The value.</param>
    /// <returns><see langword="true"/> when Min ≤ value ≤ Max.</returns>
    public bool Contains(double value) => value >= Min && value <= Max;

    /// <inheritdoc/>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[{Min}, {Max}]");
}

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
