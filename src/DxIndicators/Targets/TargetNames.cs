using DxIndicators.Formats;

namespace DxIndicators.Targets;

/// <summary>The name tables of the target enums that appear in a format (the result CSV and JSON); the others are in
/// <see cref="Data.EnumNames"/>, which cannot see this namespace.</summary>
internal static class TargetNames
{
    public static readonly EnumNameTable<TargetStatus> Status = EnumNameTable<TargetStatus>.CamelCase();

    /// <summary>Gets every table of this namespace.</summary>
    public static IReadOnlyList<IEnumNameTable> All { get; } = [Status];
}
