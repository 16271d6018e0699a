namespace DxIndicators.Data;

using DxIndicators.Units;

/// <summary>Resolves unit codes at data periods (an extension of <see cref="UnitRegistry"/>, which knows dates only,
/// so the units namespace does not depend on the data namespace).</summary>
public static class UnitRegistryPeriods
{
    /// <summary>Tries to get the unit a code denotes for a data period.</summary>
    /// <param name="code">The code.</param>
    /// <param name="registry">The registry.</param>
    /// <param name="period">The period.</param>
    /// <param name="unit">The unit, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    /// <remarks>
    /// The code is resolved on the period's last day (<see cref="ReportingPeriod.End"/>), the date at which annual figures are
    /// reported; when no unit had the code then, on its first day (<see cref="ReportingPeriod.Start"/>). So code 24 for 2025
    /// is the new Bắc Ninh, code 49 (Quảng Nam, retired on 2025-07-01) for 2025 is still Quảng Nam, and code 24 for
    /// 2025-H1 is Bắc Giang.
    /// </remarks>
    public static bool TryResolve(this UnitRegistry registry, string code, ReportingPeriod period, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out AdministrativeUnit? unit) =>
        registry.TryResolve(code, period.End, out unit) || registry.TryResolve(code, period.Start, out unit);

}
