namespace DxIndicators.Analysis;

/// <summary>One unit's data availability (COINr <c>Screen</c>).</summary>
/// <param name="Unit">The unit code.</param>
/// <param name="Available">Indicators with a value.</param>
/// <param name="Indicators">Indicators screened.</param>
/// <param name="NonZero">Indicators with a non-zero value.</param>
/// <param name="Included">Whether Available/Indicators reaches the threshold.</param>
public readonly record struct UnitScreening(string Unit, int Available, int Indicators, int NonZero, bool Included)
{
    /// <summary>Gets Available / Indicators.</summary>
    public double AvailableShare => Indicators == 0 ? double.NaN : (double)Available / Indicators;
}
