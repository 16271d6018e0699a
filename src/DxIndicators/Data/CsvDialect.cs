using System.Globalization;
using CsvHelper.Configuration;

namespace DxIndicators.Data;

/// <summary>The project's CSV dialect (RFC 4180, invariant culture), shared by every reader and writer of project files.</summary>
internal static class CsvDialect
{
    /// <summary>Reading: blank lines skipped, badly quoted fields collected into <paramref name="badData"/> instead of thrown.</summary>
    /// <param name="badData">Receives the raw text of each badly quoted field.</param>
    /// <returns>The configuration.</returns>
    public static CsvConfiguration Reading(List<string> badData) => new(CultureInfo.InvariantCulture)
    {
        BadDataFound = args => badData.Add(args.Field),
        IgnoreBlankLines = true,
    };

    /// <summary>Writing: LF line ends, so files written on any machine are byte-identical.</summary>
    public static CsvConfiguration Writing => new(CultureInfo.InvariantCulture) { NewLine = "\n" };
}
