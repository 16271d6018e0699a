namespace DxIndicators.Model;

/// <summary>The level of a node in a framework's indicator tree.</summary>
public enum NodeKind
{
    /// <summary>The overall index.</summary>
    Index,

    /// <summary>A pillar (digital government, economy or society).</summary>
    Pillar,

    /// <summary>A main index (chỉ số chính).</summary>
    MainIndex,

    /// <summary>A sub-index.</summary>
    SubIndex,

    /// <summary>A component (chỉ số thành phần).</summary>
    Component,
}
