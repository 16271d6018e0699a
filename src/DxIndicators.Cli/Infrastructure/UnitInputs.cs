using DxIndicators.Data;
using DxIndicators.Formats;
using DxIndicators.Units;

namespace DxIndicators.Cli.Infrastructure;

/// <summary>Resolves <c>--units UNITS.csv [--successions S.csv]</c>: the built-in Vietnamese provinces, extended by a
/// user's own units (communes whose parents are <c>11@2025</c> and the like) and lineage links.</summary>
internal static class UnitInputs
{
    public static UnitRegistry Load(CommandArgs options)
    {
        string? unitsPath = options.Get("units");
        string? successionsPath = options.Get("successions");
        if (unitsPath is null)
        {
            return successionsPath is null ? BuiltIn.VietnamProvinces : throw new UsageException("--successions needs --units (the units the links name)");
        }

        using TextReader units = InputFile.OpenCsv(unitsPath);
        using TextReader? successions = successionsPath is null ? null : InputFile.OpenCsv(successionsPath);
        return UnitRegistryCsv.Read(units, unitsPath, successions, successionsPath, BuiltIn.VietnamProvinces).GetValueOrThrow();
    }
}
