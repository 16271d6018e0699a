namespace DxIndicators.Units;

/// <summary>The legal kind of an administrative unit.</summary>
public enum UnitKind
{
    /// <summary>The nation.</summary>
    Nation,

    /// <summary>A province (tỉnh).</summary>
    Province,

    /// <summary>A centrally-run city (thành phố trực thuộc trung ương).</summary>
    Municipality,

    /// <summary>A district-level unit (abolished in Vietnam from 2025-07-01).</summary>
    District,

    /// <summary>A rural commune (xã).</summary>
    Commune,

    /// <summary>An urban ward (phường).</summary>
    Ward,

    /// <summary>A township (thị trấn; abolished in Vietnam from 2025-07-01).</summary>
    Township,

    /// <summary>A special zone (đặc khu).</summary>
    SpecialZone,
}
