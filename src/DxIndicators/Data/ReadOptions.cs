using DxIndicators.Model;
using DxIndicators.Units;

namespace DxIndicators.Data;

/// <summary>Options for reading observation files.</summary>
/// <remarks>Immutable after initialisation.</remarks>
public sealed class ReadOptions
{
    /// <summary>Gets the default options: no unit or indicator checks, load nothing when any row is bad.</summary>
    public static ReadOptions Default { get; } = new();

    /// <summary>Gets the registry unit codes are checked against, at each row's period (see
    /// <see cref="UnitRegistryPeriods.TryResolve(UnitRegistry, string, ReportingPeriod, out AdministrativeUnit?)"/>); null skips the check.</summary>
    public UnitRegistry? Registry { get; init; }

    /// <summary>Gets the framework indicator codes and valid ranges are checked against; null skips both checks.</summary>
    public Framework? Framework { get; init; }

    /// <summary>Gets a value indicating whether bad rows are left out (and listed) instead of failing the whole load.</summary>
    /// <remarks>When set, both rows of a conflicting duplicate key are left out: neither can be trusted.</remarks>
    public bool SkipBadRows { get; init; }

    /// <summary>Gets the input limits (<see cref="InputLimits.MaxUnits"/> and <see cref="InputLimits.MaxPeriods"/>
    /// count distinct units and periods); null means <see cref="InputLimits.Default"/>. An exceeded limit throws
    /// <see cref="InvalidDataException"/> naming it.</summary>
    public InputLimits? Limits { get; init; }
}
