namespace DxIndicators.Storage;

/// <summary>Progress of an import.</summary>
/// <param name="Stage">The stage.</param>
/// <param name="Rows">Rows written so far in this stage.</param>
public readonly record struct ImportProgress(ImportStage Stage, long Rows);
