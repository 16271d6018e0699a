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

/// <summary>What an indicator measures, which decides how it is validated and rolled up.</summary>
public enum MeasureKind
{
    /// <summary>A percentage in [0, 100] with no counts attached.</summary>
    Percentage,

    /// <summary>A count of things (adds up across units).</summary>
    Count,

    /// <summary>A rate derived from a numerator and a denominator (expressed in percent).</summary>
    Rate,

    /// <summary>A value per N population (for example subscribers per 100 people).</summary>
    PerPopulation,

    /// <summary>An amount of money.</summary>
    Money,

    /// <summary>A score on an index scale (for example 0–1 or 0–100).</summary>
    IndexScore,

    /// <summary>A rank in a league table (1 is best).</summary>
    Rank,

    /// <summary>A categorical status, coded as a number (see the indicator's categories).</summary>
    Categorical,

    /// <summary>Yes (1) or no (0).</summary>
    YesNo,
}

/// <summary>Which direction of an indicator is better.</summary>
public enum Polarity
{
    /// <summary>Higher values are better.</summary>
    HigherIsBetter,

    /// <summary>Lower values are better.</summary>
    LowerIsBetter,
}

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

/// <summary>How a node combines its children's scores.</summary>
public enum AggregationMethod
{
    /// <summary>Weighted arithmetic mean over the children present (weights re-normalised).</summary>
    ArithmeticMean,

    /// <summary>Weighted geometric mean; all children must be positive.</summary>
    GeometricMean,

    /// <summary>Weighted harmonic mean; all children must be non-zero.</summary>
    HarmonicMean,

    /// <summary>Weighted generalised (power) mean with exponent p.</summary>
    GeneralisedMean,

    /// <summary>The smallest child score.</summary>
    Minimum,

    /// <summary>Points earned over points possible: each child's score times its max points, missing children earn 0.</summary>
    PointsRatio,
}

/// <summary>The comparison a target makes.</summary>
public enum Comparator
{
    /// <summary>Value ≥ threshold.</summary>
    AtLeast,

    /// <summary>Value &gt; threshold.</summary>
    GreaterThan,

    /// <summary>Value ≤ threshold.</summary>
    AtMost,

    /// <summary>Value &lt; threshold.</summary>
    LessThan,

    /// <summary>Value = threshold.</summary>
    EqualTo,

    /// <summary>Threshold ≤ value ≤ upper threshold.</summary>
    Between,

    /// <summary>Rank ≤ N (1 is best).</summary>
    RankAtMost,
}

/// <summary>How firmly a part of a definition (a node, an indicator, a target) rests on its published source.</summary>
public enum DefinitionStatus
{
    /// <summary>Stated in the cited public source (the default).</summary>
    Confirmed,

    /// <summary>Not (fully) public: modelled from what is public and to be replaced when the rule is published; the
    /// part carries a <c>statusNote</c> saying what is missing and where the model comes from.</summary>
    Provisional,
}
