namespace DxIndicators.Analysis;

/// <summary>Dirichlet weights on the children of some nodes (<see cref="UncertainInputs.WithDirichletWeights"/>).</summary>
/// <param name="Nodes">The nodes whose children's weights are drawn, bottom-up.</param>
/// <param name="Concentration">The concentration α.</param>
/// <param name="Centred">Whether the draws are centred on the nominal weights (Dirichlet(α·m)) or symmetric (Dirichlet(α, …, α)).</param>
public sealed record DirichletWeights(ValueList<string> Nodes, double Concentration, bool Centred);
