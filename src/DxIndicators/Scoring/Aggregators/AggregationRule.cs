using DxIndicators.Model;
using DxIndicators.Scoring.Methods;

namespace DxIndicators.Scoring;

/// <summary>
/// One aggregation method: its <see cref="AggregationMethod"/>, its text (<see cref="Entry"/>) and the code that forms a
/// node's score from its children. One type per method in this folder, listed by <see cref="AggregatorRegistry"/>.
/// </summary>
internal abstract class AggregationRule
{
    /// <summary>Gets the framework's name of the method (frameworks declare it per node).</summary>
    public abstract AggregationMethod Method { get; }

    /// <summary>Gets the method's text, formula and docs reference.</summary>
    public abstract MethodSyntax<Aggregator> Entry { get; }

    /// <summary>Gets whether the rule normalises its children as it streams them (else the plan does first).</summary>
    public virtual bool Streaming => false;

    /// <summary>Writes the node's scores into <see cref="NodeAggregation.Y"/>; sum and wsum are cleared.</summary>
    /// <returns>Whether <see cref="NodeAggregation.Count"/> already holds the children present per unit.</returns>
    public abstract bool Aggregate(in NodeAggregation node);

    /// <summary>Writes the method's arguments (after the ':') of an aggregator.</summary>
    public virtual IEnumerable<string> Arguments(Aggregator aggregator) => [];
}
