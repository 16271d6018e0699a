namespace DxIndicators.Scoring;

/// <summary>Which nodes get ranks.</summary>
public enum RankScope
{
    /// <summary>Every node is ranked.</summary>
    AllNodes,

    /// <summary>Only the framework's root is ranked.</summary>
    RootOnly,
}
