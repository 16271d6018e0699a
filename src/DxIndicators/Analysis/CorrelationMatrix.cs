namespace DxIndicators.Analysis;

/// <summary>A correlation matrix over indicators and aggregates, pairwise complete.</summary>
/// <remarks>Immutable. Values are row-major, Codes.Count × Codes.Count; NaN where fewer than 2 rows are complete or a column is constant.</remarks>
public sealed class CorrelationMatrix
{
    internal CorrelationMatrix(CorrelationMethod method, ValueList<string> codes, ValueList<int> levels, ValueList<double> values, ValueList<int> pairs)
    {
        Method = method;
        Codes = codes;
        Levels = levels;
        Values = values;
        Pairs = pairs;
    }

    /// <summary>Gets the coefficient.</summary>
    public CorrelationMethod Method { get; }

    /// <summary>Gets the column codes (indicators first, then nodes bottom-up).</summary>
    public ValueList<string> Codes { get; }

    /// <summary>Gets each column's level: 1 for indicators, 1 + the highest child level for nodes (COINr's levels).</summary>
    public ValueList<int> Levels { get; }

    /// <summary>Gets the coefficients, row-major.</summary>
    public ValueList<double> Values { get; }

    /// <summary>Gets the number of complete rows of each pair, row-major.</summary>
    public ValueList<int> Pairs { get; }

    /// <summary>Gets the coefficient of two columns.</summary>
    /// <param name="a">The first code.</param>
    /// <param name="b">The second code.</param>
    /// <returns>The coefficient.</returns>
    /// <exception cref="KeyNotFoundException">Unknown code.</exception>
    public double this[string a, string b] => Values[(Find(a) * Codes.Count) + Find(b)];

    private int Find(string code)
    {
        int i = Codes.AsSpan().IndexOf(code);
        return i >= 0 ? i : throw new KeyNotFoundException($"The correlation matrix has no column '{code}'.");
    }
}
