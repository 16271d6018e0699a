namespace DxIndicators.Targets;

/// <summary>What a one-line description of an evaluation (the CLI's status column) adds to the status's words.</summary>
internal enum TargetStatusDetail
{
    /// <summary>Nothing: the words alone (<c>deterioration</c>).</summary>
    None,

    /// <summary>When it was first met and how far ahead of the deadline (<c>achieved in 2024, 30 days ahead of …</c>).</summary>
    Achievement,

    /// <summary>The deadline (<c>missed (deadline 2025-12-31)</c>).</summary>
    Deadline,

    /// <summary>The progress ratio (<c>on track (progress 0.97)</c>).</summary>
    Progress,
}
