namespace DxIndicators.Scoring;

/// <summary>How missing raw values are filled before normalisation.</summary>
public enum ImputationMethod
{
    /// <summary>No imputation: missing stays missing.</summary>
    None,

    /// <summary>Each missing value gets its column's mean over the present values (COINr <c>i_mean</c>).</summary>
    ColumnMean,

    /// <summary>Each missing value gets its column's median over the present values (COINr <c>i_median</c>).</summary>
    ColumnMedian,

    /// <summary>Each missing value gets the mean of its column within the unit's group (COINr <c>i_mean_grp</c>); units without a group stay missing.</summary>
    GroupMean,

    /// <summary>Panels only: each missing value gets the unit's value from the latest earlier period that has one.</summary>
    LatestEarlierPeriod,
}
