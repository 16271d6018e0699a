using System.Diagnostics.CodeAnalysis;
using DxIndicators.Model;
using DxIndicators.Units;

namespace DxIndicators.Data;

/// <summary>Options for reading observation files.</summary>
/// <remarks>Immutable after initialisation.</remarks>
public sealed class ReadOptions
{
    /// <summary>Gets the default options: no unit or indicator checks, load nothing when any row is bad.</summary>
    public static ReadOptions Default { get; } = new();

    /// <summary>Gets the registry unit codes are checked against, at each row's period (see
    /// <see cref="UnitRegistryPeriods.TryResolve(UnitRegistry, string, Period, out AdministrativeUnit?)"/>); null skips the check.</summary>
    public UnitRegistry? Registry { get; init; }

    /// <summary>Gets the framework indicator codes and valid ranges are checked against; null skips both checks.</summary>
    public Framework? Framework { get; init; }

    /// <summary>Gets a value indicating whether bad rows are left out (and listed) instead of failing the whole load.</summary>
    /// <remarks>When set, both rows of a conflicting duplicate key are left out: neither can be trusted.</remarks>
    public bool SkipBadRows { get; init; }
}

/// <summary>The outcome of reading an observation file: the dataset (when loaded) and every problem found.</summary>
/// <remarks>Immutable.</remarks>
public sealed class ObservationReadResult
{
    internal ObservationReadResult(string fileName, Dataset? dataset, IEnumerable<DataProblem> problems, int rowCount, IEnumerable<int> skipped)
    {
        FileName = fileName;
        Dataset = dataset;
        Problems = problems.ToValueList();
        RowCount = rowCount;
        SkippedRows = skipped.ToValueList();
    }

    /// <summary>Gets the file name used in problem locations.</summary>
    public string FileName { get; }

    /// <summary>Gets the dataset, or null when nothing was loaded (problems found and <see cref="ReadOptions.SkipBadRows"/> not set).</summary>
    public Dataset? Dataset { get; }

    /// <summary>Gets a value indicating whether a dataset was loaded.</summary>
    [MemberNotNullWhen(true, nameof(Dataset))]
    public bool IsLoaded => Dataset is not null;

    /// <summary>Gets every problem found, ordered by position in the file.</summary>
    public ValueList<DataProblem> Problems { get; }

    /// <summary>Gets the number of data rows (CSV records after the header, or JSON array elements) read.</summary>
    public int RowCount { get; }

    /// <summary>Gets the rows left out when skipping bad rows: 1-based line numbers for CSV, array indexes for JSON.</summary>
    public ValueList<int> SkippedRows { get; }

    /// <summary>Gets the number of observations loaded.</summary>
    public int LoadedCount => Dataset?.Count ?? 0;

    /// <summary>Gets the dataset, or throws listing every problem when nothing was loaded or any row was skipped.</summary>
    /// <returns>The dataset.</returns>
    /// <exception cref="InvalidDataException">The file had problems; the message lists all of them.</exception>
    public Dataset GetDatasetOrThrow()
    {
        if (Dataset is not null && Problems.Count == 0)
        {
            return Dataset;
        }

        throw new InvalidDataException(
            $"'{FileName}' has {Problems.Count} problem(s){(Dataset is null ? "; nothing was loaded" : $"; {SkippedRows.Count} row(s) were skipped")}.{Environment.NewLine}  " +
            string.Join(Environment.NewLine + "  ", Problems));
    }
}
