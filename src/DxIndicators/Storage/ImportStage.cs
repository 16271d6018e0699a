namespace DxIndicators.Storage;

/// <summary>The stage an import has reached, reported to a progress callback.</summary>
public enum ImportStage
{
    /// <summary>Rows are being written to the import's staging area; <see cref="ImportProgress.Rows"/> so far.</summary>
    Staging,

    /// <summary>Vintages have been closed and opened, just before the commit.</summary>
    Merged,
}
