namespace DxIndicators.Data;

/// <summary>An observation produced by a roll-up or restatement, with the children it was formed from.</summary>
/// <param name="Observation">The aggregate observation.</param>
/// <param name="Children">The codes of the children that contributed a value.</param>
/// <param name="MissingChildren">The codes of expected children that had no value (empty when complete).</param>
public sealed record RolledUpObservation(Observation Observation, ValueList<string> Children, ValueList<string> MissingChildren)
{
    /// <summary>Gets a value indicating whether every expected child contributed.</summary>
    public bool IsComplete => MissingChildren.Count == 0;
}
