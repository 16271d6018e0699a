using System.Globalization;
using System.Text;

namespace DxIndicators.Model;

/// <summary>Thrown when a definition (a framework, a target catalogue, a targets CSV) breaks one or more rules; lists every problem found, not only the first.</summary>
public sealed class FrameworkValidationException : Exception
{
    /// <summary>Initializes a new instance listing <paramref name="errors"/>.</summary>
    /// <param name="source">What was validated (a file name, a framework id).</param>
    /// <param name="errors">The problems found (at least one).</param>
    public FrameworkValidationException(string source, IReadOnlyList<Problem> errors)
        : base(BuildMessage(source, errors))
    {
        Source = source;
        Errors = errors;
    }

    /// <summary>Gets every problem found.</summary>
    public IReadOnlyList<Problem> Errors { get; }

    private static string BuildMessage(string source, IReadOnlyList<Problem> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"'{source}' is invalid: {errors.Count} problem(s).");
        foreach (Problem error in errors)
        {
            sb.AppendLine().Append("  ").Append(error);
        }

        return sb.ToString();
    }
}
