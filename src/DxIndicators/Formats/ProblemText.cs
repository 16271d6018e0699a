using System.Globalization;
using System.Text.RegularExpressions;

namespace DxIndicators.Formats;

/// <summary>Turns the <c>file:line: message [rule]</c> texts that the small table readers (weights, goalposts, groups,
/// COINr import) collect into <see cref="Problem"/>s of a <see cref="ReadResult{T}"/>.</summary>
internal static partial class ProblemText
{
    /// <summary>Builds the result: the value when there is no problem, otherwise none and every problem.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="source">The file name (or names) read.</param>
    /// <param name="value">The value read.</param>
    /// <param name="errors">The problems, each <c>location: message [rule]</c>.</param>
    /// <param name="rows">The data rows read.</param>
    /// <returns>The result; <see cref="ReadResult{T}.GetValueOrThrow"/> throws <see cref="InvalidDataException"/>.</returns>
    public static ReadResult<T> Result<T>(string source, T? value, List<string> errors, int rows = 0)
        where T : class =>
        errors.Count == 0 ? new ReadResult<T>(source, value, [], rows) : new ReadResult<T>(source, default, errors.Select(Parse), rows);

    /// <summary>Parses one <c>location: message [rule]</c> text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The problem.</returns>
    public static Problem Parse(string text)
    {
        Match m = Shape().Match(text);
        if (!m.Success)
        {
            return new Problem(string.Empty, ProblemRules.InvalidValue, text);
        }

        string location = m.Groups["location"].Value;
        string message = m.Groups["message"].Value.Trim();
        string rule = ProblemRules.InvalidValue;
        Match tag = Tag().Match(message);
        if (tag.Success)
        {
            rule = tag.Groups[1].Value;
            message = message.Remove(tag.Index, tag.Length).TrimEnd();
        }

        int? line = LineOf().Match(location) is { Success: true } l ? int.Parse(l.Groups[1].Value, CultureInfo.InvariantCulture) : null;
        return new Problem(location, rule, message) { Line = line };
    }

    [GeneratedRegex(@"^(?<location>.+?): (?<message>.*)$", RegexOptions.Singleline)]
    private static partial Regex Shape();

    [GeneratedRegex(@" ?\[([a-z]+(?:-[a-z0-9]+)*)\](?=\.?$)")]
    private static partial Regex Tag();

    [GeneratedRegex(@":(\d+)$")]
    private static partial Regex LineOf();
}
