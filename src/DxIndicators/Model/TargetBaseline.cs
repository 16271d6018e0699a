using NodaTime;

namespace DxIndicators.Model;

/// <summary>The starting point a target is measured from.</summary>
/// <param name="Value">The baseline value, in the indicator's unit.</param>
/// <param name="Date">The date the baseline refers to.</param>
public sealed record TargetBaseline(double Value, LocalDate Date);
