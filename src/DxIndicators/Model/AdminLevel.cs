namespace DxIndicators.Model;

/// <summary>The level of an administrative unit.</summary>
public enum AdminLevel
{
    /// <summary>The nation.</summary>
    Nation,

    /// <summary>A province or centrally-run city.</summary>
    Province,

    /// <summary>A district (abolished in Vietnam from 2025-07-01).</summary>
    District,

    /// <summary>A commune, ward or special zone.</summary>
    Commune,
}
