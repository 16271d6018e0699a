namespace DxIndicators.Model;

/// <summary>The foundation groups the pillars stand on (nền tảng chung).</summary>
public enum FoundationGroup
{
    /// <summary>Digital awareness (nhận thức số).</summary>
    Awareness,

    /// <summary>Digital institutions (thể chế số).</summary>
    Institutions,

    /// <summary>Digital infrastructure (hạ tầng số).</summary>
    Infrastructure,

    /// <summary>Digital human resources (nhân lực số).</summary>
    HumanResources,

    /// <summary>Cybersecurity (an toàn thông tin mạng).</summary>
    Cybersecurity,

    /// <summary>Smart city (đô thị thông minh); informational in the 2022 DTI.</summary>
    SmartCity,
}
