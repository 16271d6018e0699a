namespace DxIndicators.Targets;

/// <summary>The lookup of a status registry: its entries indexed by enum value, checked to name every member once.</summary>
internal static class StatusIndex
{
    /// <summary>Indexes the entries by their enum value.</summary>
    /// <exception cref="InvalidOperationException">A member has no entry or more than one (a registry is incomplete).</exception>
    public static TInfo[] ByValue<TStatus, TInfo>(IReadOnlyList<TInfo> entries, Func<TInfo, TStatus> status)
        where TStatus : struct, Enum
        where TInfo : class
    {
        TStatus[] members = Enum.GetValues<TStatus>();
        var byValue = new TInfo?[members.Length];
        var problems = new List<string>();
        foreach (TInfo entry in entries)
        {
            int index = Array.IndexOf(members, status(entry));
            if (index < 0 || Convert.ToInt32(members[index], System.Globalization.CultureInfo.InvariantCulture) != index)
            {
                problems.Add($"{status(entry)} is not a member numbered by its position");
            }
            else if (byValue[index] is not null)
            {
                problems.Add($"{status(entry)} is listed twice");
            }
            else
            {
                byValue[index] = entry;
            }
        }

        problems.AddRange(members.Where((m, i) => byValue[i] is null).Select(m => $"{m} is not listed"));
        return problems.Count == 0
            ? byValue.Select(e => e!).ToArray()
            : throw new InvalidOperationException($"The {typeof(TStatus).Name} registry is incomplete: {string.Join("; ", problems)}.");
    }
}
