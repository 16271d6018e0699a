namespace DxIndicators.Cli.Infrastructure;

/// <summary>Options several commands share, each defined once (name, value, check and help line).</summary>
internal static class CommonOptions
{
    public static CliOption Framework { get; } = CliOption.Text("framework", "ID|FILE", "a built-in framework (dx frameworks) or a framework JSON file; with --data (without both: the built-in Điện Biên sample)");

    public static CliOption Data { get; } = CliOption.Text("data", "FILE.csv|FILE.json", "observations, CSV or JSON (docs/data.md); with --framework");

    public static CliOption Units { get; } = CliOption.Choice("units", ["vn", "none"], "unit registry the data are checked against (default: the one the framework declares); with --data");

    public static CliOption SkipBadRows { get; } = CliOption.Flag("skip-bad-rows", "leave out bad rows of --data, listing each on the error stream, instead of failing");

    public static CliOption Out { get; } = CliOption.Text("out", "FILE", "write the output to FILE (written whole, then moved into place) instead of standard output");

    public static CliOption Period { get; } = CliOption.Text("period", "P", "score period P only (2024, 2024-H1, 2024-Q3, 2024-07, 2024-07-15); not with --as-of");

    public static CliOption AsOf { get; } = CliOption.Date("as-of", "each indicator's latest value on or before DATE (default: the data's latest date)");

    public static CliOption Store { get; } = CliOption.Text("store", "PATH|CONNECTION", "an observation store: a SQLite file, or an Npgsql connection string (Host=…) for PostgreSQL");

    public static CliOption KnownOn { get; } = CliOption.Date("known-on", "the store's figures as known on DATE (default: the latest); with --store");

    public static CliOption Unit { get; } = CliOption.Text("unit", "CODE", "one unit (a code such as 11)");

    public static CliOption Indicator { get; } = CliOption.Text("indicator", "CODE", "one indicator");

    /// <summary><c>--format</c> with the command's output formats; the first is the default.</summary>
    public static CliOption Format(params string[] formats) =>
        CliOption.Choice("format", formats, $"output format (default {formats[0]}): {string.Join("; ", formats.Select(Explain))}");

    private static string Explain(string format) => format switch
    {
        "table" => "table = aligned text for reading",
        "csv" => "csv = comma-separated, invariant numbers in round-trip precision",
        "json" => "json = System.Text.Json document, stable camelCase names, invariant numbers (docs/cli.md)",
        "html" => "html = one self-contained page",
        "md" => "md = Markdown",
        _ => format,
    };
}
