namespace DxIndicators;

/// <summary>Bounds on what a reader accepts, so no input can exhaust memory or time; each exceeded limit is a clear
/// error naming the limit (an <see cref="InvalidDataException"/> whose message names the limit and ends
/// <c>[limit-exceeded]</c>; <c>Data["limit"]</c> holds the limit's name). Defaults are far above any real DX data set.</summary>
/// <remarks>Immutable after initialisation; change a limit with an object initialiser
/// (<c>new InputLimits { MaxFileBytes = 1L &lt;&lt; 30 }</c>). Documented in docs/reliability.md.</remarks>
public sealed class InputLimits
{
    /// <summary>Gets the default limits.</summary>
    public static InputLimits Default { get; } = new();

    /// <summary>Gets the largest file read, in bytes (default 256 MiB).</summary>
    public long MaxFileBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Gets the longest line of a CSV file, in characters (default 1 Mi).</summary>
    public int MaxLineLength { get; init; } = 1024 * 1024;

    /// <summary>Gets the most columns (fields) a CSV row may have (default 10,000).</summary>
    public int MaxColumns { get; init; } = 10_000;

    /// <summary>Gets the most data rows of one CSV file or JSON array (default 10,000,000).</summary>
    public int MaxRows { get; init; } = 10_000_000;

    /// <summary>Gets the deepest JSON nesting (default 64, as <see cref="System.Text.Json.JsonDocumentOptions.MaxDepth"/>).</summary>
    public int MaxJsonDepth { get; init; } = 64;

    /// <summary>Gets the most nodes of a framework (default 100,000).</summary>
    public int MaxNodes { get; init; } = 100_000;

    /// <summary>Gets the most indicators of a framework or catalogue (default 1,000,000).</summary>
    public int MaxIndicators { get; init; } = 1_000_000;

    /// <summary>Gets the most units of a unit registry or data set (default 1,000,000).</summary>
    public int MaxUnits { get; init; } = 1_000_000;

    /// <summary>Gets the most distinct periods of a data set (default 100,000).</summary>
    public int MaxPeriods { get; init; } = 100_000;

    /// <summary>Gets the names of the limits, as found in an exceeded limit's <c>Data["limit"]</c>.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [nameof(MaxFileBytes), nameof(MaxLineLength), nameof(MaxColumns), nameof(MaxRows), nameof(MaxJsonDepth), nameof(MaxNodes), nameof(MaxIndicators), nameof(MaxUnits), nameof(MaxPeriods)];

    /// <summary>Checks a count against a limit, adding a <see cref="ProblemRules.LimitExceeded"/> problem naming the
    /// limit when it is exceeded.</summary>
    /// <param name="count">The count found.</param>
    /// <param name="limit">The limit's name (one of <see cref="Names"/>).</param>
    /// <param name="value">The limit's value.</param>
    /// <param name="location">Where (a JSON path).</param>
    /// <param name="what">What is counted, plural (<c>nodes</c>).</param>
    /// <param name="problems">Where the problem goes.</param>
    /// <returns><see langword="true"/> when within the limit.</returns>
    internal static bool Check(int count, string limit, int value, string location, string what, List<Problem> problems)
    {
        if (count <= value)
        {
            return true;
        }

        problems.Add(new Problem(location, ProblemRules.LimitExceeded, System.FormattableString.Invariant($"{count} {what} exceed the limit {limit} = {value}; raise it with InputLimits if the input is genuine.")));
        return false;
    }

    /// <summary>Creates the exception for an exceeded limit.</summary>
    /// <param name="limit">The limit's name (one of <see cref="Names"/>).</param>
    /// <param name="value">The limit's value.</param>
    /// <param name="what">What exceeded it, where (a file, a line).</param>
    /// <returns>The exception, to throw.</returns>
    internal static InvalidDataException Exceeded(string limit, long value, string what)
    {
        var ex = new InvalidDataException(System.FormattableString.Invariant($"{what} exceeds the limit {limit} = {value}; raise it with InputLimits if the input is genuine [{ProblemRules.LimitExceeded}]."));
        ex.Data["limit"] = limit;
        return ex;
    }
}
