namespace DxIndicators.Model;

/// <summary>How often an indicator is reported.</summary>
public enum Frequency
{
    /// <summary>Once a year.</summary>
    Annual,

    /// <summary>Twice a year.</summary>
    SemiAnnual,

    /// <summary>Every quarter.</summary>
    Quarterly,

    /// <summary>Every month.</summary>
    Monthly,

    /// <summary>Irregularly (surveys, one-off reports).</summary>
    Irregular,
}
