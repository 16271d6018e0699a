namespace DxIndicators.Cli.Infrastructure;

/// <summary>CSV fields of the commands' <c>--format csv</c> (RFC 4180 quoting).</summary>
internal static class Csv
{
    /// <summary>The text as one CSV field: quoted when it holds a comma, a quote or a line break.</summary>
    public static string Field(string? text)
    {
        if (text is null)
        {
            return string.Empty;
        }

        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
