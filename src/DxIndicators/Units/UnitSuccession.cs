using NodaTime;

namespace DxIndicators.Units;

/// <summary>One lineage link: a unit continues into (is merged into, renamed to, re-coded as) another on a date.</summary>
/// <param name="PredecessorId">The <see cref="AdministrativeUnit.Id"/> of the earlier unit.</param>
/// <param name="SuccessorId">The <see cref="AdministrativeUnit.Id"/> of the later unit.</param>
/// <param name="Effective">The first day the successor exists in place of the predecessor.</param>
/// <remarks>Every link means the predecessor's whole territory went into the successor (no splits), which is what
/// Resolution 202/2025/QH15 states for every 2025 provincial merger.</remarks>
public sealed record UnitSuccession(string PredecessorId, string SuccessorId, LocalDate Effective);
