namespace DxIndicators.Data;

/// <summary>
/// A units × indicators matrix of raw values for one period, stored by column (each indicator's values across
/// units are contiguous); NaN marks a missing value. This is the input of the scoring core.
/// </summary>
/// <remarks>Immutable after construction; the constructor copies the values.</remarks>
public sealed class IndicatorMatrix
{
    private readonly double[] _values;
    private readonly Dictionary<string, int> _rowOf;
    private readonly Dictionary<string, int> _columnOf;

    /// <summary>Initializes a matrix from column-major values.</summary>
    /// <param name="units">Unit codes, one per row.</param>
    /// <param name="indicators">Indicator codes, one per column.</param>
    /// <param name="columnMajorValues">Values, column j at [j·rows, (j+1)·rows).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The value count is not rows × columns.</exception>
    public IndicatorMatrix(IEnumerable<string> units, IEnumerable<string> indicators, ReadOnlySpan<double> columnMajorValues)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(indicators);
        Units = units.ToValueList();
        Indicators = indicators.ToValueList();
        long expected = (long)Units.Count * Indicators.Count;
        if (columnMajorValues.Length != expected)
        {
            throw new ArgumentException($"Expected {Units.Count} × {Indicators.Count} = {expected} values but got {columnMajorValues.Length}.", nameof(columnMajorValues));
        }

        _values = columnMajorValues.ToArray();
        _rowOf = IndexOf(Units);
        _columnOf = IndexOf(Indicators);
    }

    /// <summary>Gets the unit codes (rows).</summary>
    public ValueList<string> Units { get; }

    /// <summary>Gets the indicator codes (columns).</summary>
    public ValueList<string> Indicators { get; }

    /// <summary>Gets the number of rows (units).</summary>
    public int RowCount => Units.Count;

    /// <summary>Gets the number of columns (indicators).</summary>
    public int ColumnCount => Indicators.Count;

    /// <summary>Gets one indicator's values across all units.</summary>
    /// <param name="column">The column index.</param>
    /// <returns>The column.</returns>
    public ReadOnlySpan<double> Column(int column) => _values.AsSpan(column * RowCount, RowCount);

    /// <summary>Gets the value at a row and column (NaN = missing).</summary>
    /// <param name="row">The unit's row.</param>
    /// <param name="column">The indicator's column.</param>
    public double this[int row, int column] => _values[(column * RowCount) + row];

    /// <summary>Gets all values, column-major.</summary>
    /// <returns>The values.</returns>
    public ReadOnlySpan<double> AsSpan() => _values;

    /// <summary>Gets the row of a unit (its first occurrence), or -1; constant time.</summary>
    /// <param name="unit">The unit code.</param>
    /// <returns>The zero-based row, or -1.</returns>
    public int RowOf(string unit) => _rowOf.TryGetValue(unit, out int row) ? row : -1;

    /// <summary>Gets the column of an indicator (its first occurrence), or -1; constant time.</summary>
    /// <param name="indicator">The indicator code.</param>
    /// <returns>The zero-based column, or -1.</returns>
    public int ColumnOf(string indicator) => _columnOf.TryGetValue(indicator, out int column) ? column : -1;

    private static Dictionary<string, int> IndexOf(ValueList<string> codes)
    {
        var map = new Dictionary<string, int>(codes.Count, StringComparer.Ordinal);
        for (int i = 0; i < codes.Count; i++)
        {
            map.TryAdd(codes[i], i);
        }

        return map;
    }
}
