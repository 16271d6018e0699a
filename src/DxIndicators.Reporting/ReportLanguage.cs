namespace DxIndicators.Reporting;

/// <summary>The language of a report's labels; names come from the frameworks' bilingual texts.</summary>
public enum ReportLanguage
{
    /// <summary>English labels, decimal point, comma thousands separator.</summary>
    English,

    /// <summary>Vietnamese labels, decimal comma, dot thousands separator (0,6854; 1.171).</summary>
    Vietnamese,
}
