namespace DxIndicators.Model;

/// <summary>The three pillars of a digital-transformation framework.</summary>
public enum Pillar
{
    /// <summary>Digital government (chính quyền số).</summary>
    DigitalGovernment,

    /// <summary>Digital economy (kinh tế số).</summary>
    DigitalEconomy,

    /// <summary>Digital society (xã hội số).</summary>
    DigitalSociety,
}
