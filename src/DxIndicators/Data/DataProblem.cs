using System.Globalization;
using DxIndicators.Model;

namespace DxIndicators.Data;

/// <summary>One problem found in observation data: where it is, the rule broken and what is wrong.</summary>
/// <param name="Location">Where: <c>file.csv:12</c> for text input, <c>file.json $.observations[3]</c> for JSON,
/// <c>observations[5]</c> for in-memory input.</param>
/// <param name="Rule">The stable name of the rule broken (one of the <see cref="DataRules"/> constants).</param>
/// <param name="Message">What is wrong, the offending value and what is allowed.</param>
/// <remarks>Immutable.</remarks>
public sealed record DataProblem(string Location, string Rule, string Message)
{
    /// <summary>Gets the 1-based line in a text file (the header is line 1), if the input was text.</summary>
    public int? Line { get; init; }

    /// <summary>Gets the column (CSV header name) or JSON property involved, if one is.</summary>
    public string? Column { get; init; }

    /// <summary>Gets the unit code of the row, when known.</summary>
    public string? Unit { get; init; }

    /// <summary>Gets the indicator code of the row, when known.</summary>
    public string? Indicator { get; init; }

    /// <summary>Converts the problem into the model's general validation error.</summary>
    /// <returns>The error, with the column appended to the path.</returns>
    public ValidationError ToValidationError() => new(Column is null ? Location : $"{Location} ({Column})", Rule, Message, Indicator);

    /// <inheritdoc/>
    /// <remarks>JSON locations already end with the property, so the column is only added to line locations.</remarks>
    public override string ToString() => Column is null || Line is null
        ? string.Create(CultureInfo.InvariantCulture, $"{Location}: {Message} [{Rule}]")
        : string.Create(CultureInfo.InvariantCulture, $"{Location}, column '{Column}': {Message} [{Rule}]");
}

/// <summary>The stable rule names used in <see cref="DataProblem.Rule"/>.</summary>
public static class DataRules
{
    /// <summary>The unit code is not in the registry on the period's date.</summary>
    public const string UnknownUnit = "unknown-unit";

    /// <summary>The indicator code is not in the framework.</summary>
    public const string UnknownIndicator = "unknown-indicator";

    /// <summary>A number could not be parsed (invariant culture, no thousands separators).</summary>
    public const string BadNumber = "bad-number";

    /// <summary>A period could not be parsed.</summary>
    public const string BadPeriod = "bad-period";

    /// <summary>A qualifier is not exact, estimate, lowerBound or upperBound.</summary>
    public const string BadQualifier = "bad-qualifier";

    /// <summary>A status is not official or provisional.</summary>
    public const string BadStatus = "bad-status";

    /// <summary>A date is not an ISO date (uuuu-MM-dd).</summary>
    public const string BadDate = "bad-date";

    /// <summary>A boolean is not true or false.</summary>
    public const string BadBoolean = "bad-boolean";

    /// <summary>A required field is empty or missing.</summary>
    public const string MissingField = "missing-field";

    /// <summary>The header is missing a required column, repeats one or names an unknown one.</summary>
    public const string BadHeader = "bad-header";

    /// <summary>A row has more fields than the header.</summary>
    public const string ExtraFields = "extra-fields";

    /// <summary>A row has fewer fields than the header (a truncated or mis-delimited row).</summary>
    public const string MissingFields = "missing-fields";

    /// <summary>The input is not well-formed (CSV quoting, JSON syntax, wrong JSON shape or format version).</summary>
    public const string Malformed = "malformed";

    /// <summary>A value, numerator or denominator is NaN or infinite.</summary>
    public const string NotFinite = "not-finite";

    /// <summary>A value lies outside its indicator's valid range.</summary>
    public const string OutOfRange = "out-of-range";

    /// <summary>The same (unit, indicator, period) has two different observations.</summary>
    public const string DuplicateKey = "duplicate-key";

    /// <summary>A rate's stated value disagrees with 100·numerator/denominator beyond the stated precision.</summary>
    public const string RateMismatch = "rate-mismatch";

    /// <summary>Only one of numerator and denominator is given.</summary>
    public const string RateCountsIncomplete = "rate-counts-incomplete";

    /// <summary>A denominator is zero or negative.</summary>
    public const string BadDenominator = "bad-denominator";
}
