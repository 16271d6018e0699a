using System.Globalization;
using CsvHelper.Configuration;

namespace DxIndicators.Formats;

/// <summary>The project's CSV writing dialect (RFC 4180 quoting, invariant culture), shared by every writer of project
/// files; reading is <see cref="CsvCursor"/>'s.</summary>
internal static class CsvDialect
{
    /// <summary>Writing: LF line ends, so files written on any machine are byte-identical.</summary>
    public static CsvConfiguration Writing => new(CultureInfo.InvariantCulture) { NewLine = "\n" };
}
