namespace DxIndicators;

/// <summary>How serious a problem is.</summary>
public enum ProblemSeverity
{
    /// <summary>The input is rejected.</summary>
    Error,

    /// <summary>The input is accepted but probably not what was meant.</summary>
    Warning,
}
