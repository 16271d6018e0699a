namespace DxIndicators.Data;

/// <summary>Whether a figure is final.</summary>
public enum ObservationStatus
{
    /// <summary>Officially published.</summary>
    Official,

    /// <summary>Provisional, may be revised.</summary>
    Provisional,
}
