using DxIndicators.Model;
using DxIndicators.Scoring;

namespace DxIndicators.Analysis;

/// <summary>One aggregator choice of <see cref="UncertainInputs"/>: a list of aggregators, one drawn per sample for all the choice's nodes.</summary>
/// <param name="Aggregators">The aggregators to choose from.</param>
/// <param name="Levels">The node kinds the choice applies to (empty with <paramref name="Nodes"/> empty: every node).</param>
/// <param name="Nodes">The nodes the choice applies to, when given by COINr level (<see cref="UncertainInputs.WithAggregatorsByLevel"/>).</param>
public sealed record AggregatorChoice(ValueList<Aggregator> Aggregators, ValueList<NodeKind> Levels, ValueList<string> Nodes);
