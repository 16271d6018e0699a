using System.Diagnostics.CodeAnalysis;

namespace DxIndicators;

/// <summary>The one result convention of every reader of the package: the value read (when it could be loaded) and
/// every problem found, in input order. Every public <c>Read</c>/<c>ReadFile</c> returns it instead of throwing on bad
/// input; the throwing shortcut is <c>Read(…).GetValueOrThrow()</c> (docs/reliability.md, "Reader convention").</summary>
/// <typeparam name="T">What is read (a <see cref="Data.Dataset"/>, a <see cref="Units.UnitRegistry"/>, a
/// <see cref="Model.Framework"/>, a list of target rules).</typeparam>
/// <remarks>Immutable.</remarks>
public sealed class ReadResult<T>
    where T : class
{
    private readonly Func<string, IReadOnlyList<Problem>, Exception>? _failure;

    internal ReadResult(string source, T? value, IEnumerable<Problem> problems, int rowCount = 0, IEnumerable<int>? skippedRows = null, Func<string, IReadOnlyList<Problem>, Exception>? failure = null)
    {
        Source = source;
        Value = value;
        Problems = problems.ToValueList();
        RowCount = rowCount;
        SkippedRows = skippedRows is null ? ValueList<int>.Empty : skippedRows.ToValueList();
        _failure = failure;
    }

    /// <summary>Gets what was read (the file name used in problem locations).</summary>
    public string Source { get; }

    /// <summary>Gets the value, or null when nothing was loaded.</summary>
    public T? Value { get; }

    /// <summary>Gets a value indicating whether a value was loaded (it may still carry warnings, or list rows left out).</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsSuccess => Value is not null;

    /// <summary>Gets every problem found (errors and warnings), ordered by position in the input.</summary>
    public ValueList<Problem> Problems { get; }

    /// <summary>Gets the number of data rows read (CSV records after the header, or JSON array elements); 0 for
    /// readers of one document.</summary>
    public int RowCount { get; }

    /// <summary>Gets the rows left out when a reader was told to skip bad rows: 1-based line numbers for CSV, array
    /// indexes for JSON.</summary>
    public ValueList<int> SkippedRows { get; }

    /// <summary>Gets the value, or throws listing every problem when nothing was loaded or any error was found
    /// (warnings alone do not throw).</summary>
    /// <returns>The value.</returns>
    /// <exception cref="InvalidDataException">Data had problems; the message lists all of them.</exception>
    /// <exception cref="Model.FrameworkValidationException">A definition (framework, catalogue, targets) had problems.</exception>
    public T GetValueOrThrow()
    {
        if (Value is not null && !Problems.Any(p => p.Severity == ProblemSeverity.Error))
        {
            return Value;
        }

        if (_failure is not null)
        {
            throw _failure(Source, Problems);
        }

        throw new InvalidDataException(
            $"'{Source}' has {Problems.Count} problem(s){(Value is null ? "; nothing was loaded" : $"; {SkippedRows.Count} row(s) were skipped")}.{Environment.NewLine}  " +
            string.Join(Environment.NewLine + "  ", Problems));
    }
}
