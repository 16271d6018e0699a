using System.Globalization;
using System.Text;
using DxIndicators.Cli.Infrastructure;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Scoring;
using DxIndicators.Scoring.Interop;
using DxIndicators.Serialization;

namespace DxIndicators.Cli.Commands;

/// <summary><c>dx import-coinr</c>: converts COINr's iMeta/iData CSVs into this project's framework JSON, data CSV and groups CSV.</summary>
internal sealed class ImportCoinrCommand : ICommand
{
    public string Name => "import-coinr";

    public string Summary => "Convert COINr iMeta.csv + iData.csv into framework.json, data.csv and groups.csv.";

    public string Example => "dx import-coinr --meta iMeta.csv --data iData.csv --out coin && dx score --framework coin/framework.json --data coin/data.csv";

    public string Description => """
        Writes DIR/framework.json (hierarchy, directions → polarity, weights, Target → referenceTarget,
        denominators), DIR/data.csv (one observation per unit and indicator/denominator, period = iData's Time)
        and DIR/groups.csv (unit + COINr's group columns, for --impute groupmean:COLUMN); when iMeta has COINr's
        goalpost_lower/upper/scale/trunc2posts columns, also DIR/goalposts.csv (for --normalise goalposts --goalposts).
        Then: dx score --framework DIR/framework.json --data DIR/data.csv [--groups DIR/groups.csv] …
        """;

    public IReadOnlyList<CliOption> Options { get; } =
    [
        CliOption.Text("meta", "iMeta.csv", "COINr's indicator metadata table").AsRequired(),
        CliOption.Text("data", "iData.csv", "COINr's indicator data table").AsRequired(),
        CliOption.Text("out", "DIR", "the folder the files are written to").AsRequired(),
        CliOption.Text("id", "FRAMEWORK_ID", "the framework id (default coinr-import)"),
    ];

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        CommandArgs options = CommandArgs.Parse(args, Options);
        string meta = options.Get("meta")!;
        string data = options.Get("data")!;
        string outDir = options.Get("out")!;
        CoinrImport import = CoinrImport.Read(meta, data, options.GetOrDefault("id", "coinr-import")).GetValueOrThrow();

        // Everything is built in memory first, then each file is written to a temporary file and moved into place:
        // a failure (bad data, a full disk) never leaves a truncated or half-replaced output.
        string frameworkText = FrameworkJson.Write(import.Framework);
        var period = ReportingPeriod.FromYear(import.Framework.Metadata.EffectiveFrom.Year);
        var observations = new List<Observation>();
        IndicatorMatrix matrix = import.Data;
        string source = Path.GetFileName(data);
        for (int c = 0; c < matrix.ColumnCount; c++)
        {
            for (int r = 0; r < matrix.RowCount; r++)
            {
                double value = matrix[r, c];
                if (!double.IsNaN(value))
                {
                    observations.Add(new Observation(matrix.Units[r], matrix.Indicators[c], period, value) { Provenance = new Provenance(source) });
                }
            }
        }

        var dataText = new StringWriter { NewLine = "\n" };
        ObservationCsv.Write(dataText, new Dataset(observations));
        var groupsText = new StringWriter { NewLine = "\n" };
        ScoringInputsCsv.WriteGroups(groupsText, matrix.Units, import.GroupColumns, (r, column) => import.Groups[column][r]);

        string written = "data.csv and groups.csv";
        string? goalpostsText = null;
        if (import.GoalpostNormalisers.Count > 0)
        {
            // COINr's iMeta goalposts (goalpost_lower/upper/scale/trunc2posts) for dx score --goalposts.
            var posts = new StringBuilder("code,lower,upper,scale,truncate\n");
            foreach (IndicatorDefinition indicator in import.Framework.Indicators.Where(i => import.GoalpostNormalisers.ContainsKey(i.Code)))
            {
                var n = (GoalpostsNormaliser)import.GoalpostNormalisers[indicator.Code];
                posts.Append(CultureInfo.InvariantCulture, $"{indicator.Code},{Text.RoundTrip(indicator.Goalposts!.Lower)},{Text.RoundTrip(indicator.Goalposts.Upper)},{Text.RoundTrip(n.Scale)},{(n.Truncate ? "true" : "false")}\n");
            }

            goalpostsText = posts.ToString();
            written = "data.csv, groups.csv and goalposts.csv";
        }

        // Every text is built before anything is written; each file goes to a temporary file that is then moved into
        // place, so a failure never leaves a truncated or half-replaced output.
        Formats.OutputFile.WriteAllText(Path.Combine(outDir, "framework.json"), frameworkText);
        Formats.OutputFile.WriteAllText(Path.Combine(outDir, "data.csv"), dataText.ToString());
        Formats.OutputFile.WriteAllText(Path.Combine(outDir, "groups.csv"), groupsText.ToString());
        if (goalpostsText is not null)
        {
            Formats.OutputFile.WriteAllText(Path.Combine(outDir, "goalposts.csv"), goalpostsText);
        }

        int missing = (matrix.RowCount * matrix.ColumnCount) - observations.Count;
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Imported {import.Framework}: {matrix.RowCount} units, {observations.Count} observations ({missing} missing cells left out), period {period}, groups: {string.Join(", ", import.GroupColumns)}."));
        context.Out.WriteLine($"Wrote {Path.Combine(outDir, "framework.json")}, {written}.");
        return ExitCodes.Ok;
    }
}
