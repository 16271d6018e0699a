namespace DxIndicators.Analysis;

/// <summary>The correlation coefficient of an audit.</summary>
public enum CorrelationMethod
{
    /// <summary>Pearson's product-moment correlation.</summary>
    Pearson,

    /// <summary>Spearman's rank correlation (Pearson on average-tie ranks of the pairwise-complete rows, as R's <c>cor(method = "spearman")</c>).</summary>
    Spearman,
}
