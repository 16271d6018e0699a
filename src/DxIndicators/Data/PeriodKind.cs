namespace DxIndicators.Data;

/// <summary>The granularity of a <see cref="ReportingPeriod"/>.</summary>
public enum PeriodKind
{
    /// <summary>A calendar year ("2024").</summary>
    Year,

    /// <summary>A calendar half-year ("2024-H1").</summary>
    HalfYear,

    /// <summary>A calendar quarter ("2024-Q3").</summary>
    Quarter,

    /// <summary>A calendar month ("2024-07").</summary>
    Month,

    /// <summary>A single date ("2024-07-15").</summary>
    Date,
}
