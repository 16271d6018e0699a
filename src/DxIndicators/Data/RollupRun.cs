using DxIndicators.Model;

namespace DxIndicators.Data;

/// <summary>What kind of run combines children into parents: a roll-up up the administrative tree or a restatement
/// onto successor units. It names the result (provenance) and the action in messages, so no caller threads a verb.</summary>
/// <param name="Options">The roll-up options.</param>
/// <param name="IndexRule">How index scores without a weight may be combined.</param>
/// <param name="Restated">Whether results are restatements (then flagged <see cref="Observation.Restated"/>).</param>
internal sealed record RollupRun(RollupOptions Options, IndexCombination IndexRule, bool Restated)
{
    /// <summary>Gets the action in messages: "roll up" or "restate".</summary>
    public string Action => Restated ? "restate" : "roll up";

    /// <summary>Gets the noun that starts a result's provenance: "rollup" or "restatement".</summary>
    public string Noun => Restated ? "restatement" : "rollup";

    /// <summary>Gets a roll-up up the administrative tree (index scores need a weight).</summary>
    public static RollupRun Rollup(RollupOptions options) => new(options, IndexCombination.NotAllowed, Restated: false);

    /// <summary>Gets a restatement with the framework's (or the given) index rule.</summary>
    public static RollupRun Restatement(RollupOptions options, IndexCombination indexRule) => new(options, indexRule, Restated: true);
}
