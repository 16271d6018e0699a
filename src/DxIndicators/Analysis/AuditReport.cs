using DxIndicators.Data;
using DxIndicators.Scoring.Kernels;

namespace DxIndicators.Analysis;

/// <summary>A full statistical audit of a scoring.</summary>
/// <param name="Statistics">Column statistics of the raw indicators.</param>
/// <param name="Pearson">Pearson correlations of normalised indicators and aggregates.</param>
/// <param name="Spearman">Spearman correlations of the same columns.</param>
/// <param name="Consistency">Cronbach's alpha per node.</param>
/// <param name="Flags">Collinear and near-duplicate pairs.</param>
/// <param name="Screening">Unit availability.</param>
public sealed record AuditReport(ValueList<ColumnStatistics> Statistics, CorrelationMatrix Pearson, CorrelationMatrix Spearman, ValueList<NodeConsistency> Consistency, ValueList<PairFlag> Flags, ValueList<UnitScreening> Screening);
