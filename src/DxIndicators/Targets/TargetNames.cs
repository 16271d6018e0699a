using DxIndicators.Formats;

namespace DxIndicators.Targets;

/// <summary>The name tables of the target enums that appear in a format (the result CSV and JSON); the others are in
/// <see cref="Data.EnumNames"/>, which cannot see this namespace.</summary>
internal static class TargetNames
{
    /// <summary>The status names, from each status's own file (<see cref="TargetStatusInfo.Name"/>).</summary>
    public static readonly EnumNameTable<TargetStatus> Status = new(TargetStatusRegistry.Statuses.Select(s => KeyValuePair.Create(s.Status, s.Name)));

    /// <summary>Gets every table of this namespace.</summary>
    public static IReadOnlyList<IEnumNameTable> All { get; } = [Status];
}
