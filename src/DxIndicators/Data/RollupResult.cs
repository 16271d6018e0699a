namespace DxIndicators.Data;

/// <summary>The outcome of a roll-up or restatement.</summary>
/// <remarks>Immutable.</remarks>
public sealed class RollupResult
{
    internal RollupResult(Dataset dataset, IEnumerable<RolledUpObservation> details, IEnumerable<Problem> problems)
    {
        Dataset = dataset;
        Details = details.ToValueList();
        Problems = problems.ToValueList();
    }

    /// <summary>Gets the aggregate observations (plus, for restatements, the observations passed through unchanged).</summary>
    public Dataset Dataset { get; }

    /// <summary>Gets each aggregate with the children it was formed from.</summary>
    public ValueList<RolledUpObservation> Details { get; }

    /// <summary>Gets every aggregate that could not be formed, with the indicator and the rule.</summary>
    public ValueList<Problem> Problems { get; }
}
