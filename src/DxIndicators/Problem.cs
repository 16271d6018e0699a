using System.Globalization;

namespace DxIndicators;

/// <summary>The one problem type of the package: a finding of any reader, validator or engine (a bad CSV row, a
/// framework rule broken, a roll-up that cannot be done): where it is, the rule broken and what is wrong.</summary>
/// <param name="Location">Where: <c>file.csv:12</c> for text input, a JSON path (<c>$.nodes[3].children[1].weight</c>,
/// or <c>file.json $.observations[3]</c>), <c>observations[5]</c> for in-memory input, <c>unit period</c> for engines.</param>
/// <param name="Rule">The stable name of the rule broken: one of the <see cref="ProblemRules"/> names (docs/reliability.md).</param>
/// <param name="Message">What is wrong, the offending value and what is allowed.</param>
/// <param name="Code">The indicator, node or target code involved, if any.</param>
/// <remarks>Immutable.</remarks>
public sealed record Problem(string Location, string Rule, string Message, string? Code = null)
{
    /// <summary>Gets the severity (errors by default).</summary>
    public ProblemSeverity Severity { get; init; } = ProblemSeverity.Error;

    /// <summary>Gets the 1-based line in a text file (the header is line 1), if the input was text.</summary>
    public int? Line { get; init; }

    /// <summary>Gets the field involved (the CSV header name or JSON property), if one is.</summary>
    public string? Field { get; init; }

    /// <summary>Gets the unit code of the row, when known.</summary>
    public string? Unit { get; init; }

    /// <inheritdoc/>
    /// <remarks>JSON locations already end with the property, so the field is only added to line locations.</remarks>
    public override string ToString() => Field is null || Line is null
        ? string.Create(CultureInfo.InvariantCulture, $"{Location}: {Message} [{Rule}]")
        : string.Create(CultureInfo.InvariantCulture, $"{Location}, column '{Field}': {Message} [{Rule}]");
}
