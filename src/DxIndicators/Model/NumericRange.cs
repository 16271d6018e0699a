namespace DxIndicators.Model;

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
