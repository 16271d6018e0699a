using System.Globalization;
using System.Text;

namespace DxIndicators.Model;

/// <summary>How serious a validation finding is.</summary>
public enum ValidationSeverity
{
    /// <summary>The input is rejected.</summary>
    Error,

    /// <summary>The input is accepted but probably not what was meant.</summary>
    Warning,
}

/// <summary>One problem found while validating a framework or data set.</summary>
/// <param name="Path">Where the problem is: a JSON path (<c>$.nodes[3].children[1].weight</c>), or "file:line" for text input.</param>
/// <param name="Rule">A short, stable name of the rule broken (<c>negative-weight</c>, <c>cycle</c>…).</param>
/// <param name="Message">What is wrong, the offending value and what is allowed.</param>
/// <param name="Code">The indicator, node or target code involved, if any.</param>
public sealed record ValidationError(string Path, string Rule, string Message, string? Code = null)
{
    /// <summary>Gets the severity (errors by default).</summary>
    public ValidationSeverity Severity { get; init; } = ValidationSeverity.Error;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Path}: {Message} [{Rule}]");
}

/// <summary>Thrown when a definition (a framework, a target catalogue, a targets CSV) breaks one or more rules; lists every problem found, not only the first.</summary>
public sealed class FrameworkValidationException : Exception
{
    /// <summary>Initializes a new instance listing <paramref name="errors"/>.</summary>
    /// <param name="source">What was validated (a file name, a framework id).</param>
    /// <param name="errors">The problems found (at least one).</param>
    public FrameworkValidationException(string source, IReadOnlyList<ValidationError> errors)
        : base(BuildMessage(source, errors))
    {
        Source = source;
        Errors = errors;
    }

    /// <summary>Gets every problem found.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    private static string BuildMessage(string source, IReadOnlyList<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"'{source}' is invalid: {errors.Count} problem(s).");
        foreach (ValidationError error in errors)
        {
            sb.AppendLine().Append("  ").Append(error);
        }

        return sb.ToString();
    }
}
