using System.Globalization;
using System.Text;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Units;
using NodaTime;

namespace DxIndicators.Cli.Infrastructure;

/// <summary>What <c>dx rollup</c> and <c>dx restate</c> share: their inputs (framework, units, data, roll-up options),
/// the failure when an aggregate cannot be formed, and the output (observation CSV or a table of aggregates with the
/// children used and missing).</summary>
internal static class AggregateInputs
{
    /// <summary>The options common to both commands.</summary>
    public static IReadOnlyList<CliOption> Options { get; } =
    [
        CommonOptions.Framework.WithHelp("a built-in framework or a framework JSON file (it gives each indicator's measure kind)").AsRequired(),
        CommonOptions.Data.WithHelp("the observations, CSV or JSON (docs/data.md)").AsRequired(),
        CliOption.Text("units", "UNITS.csv", "your own units (e.g. communes with parent 11@2025) added to the built-in provinces (docs/units.md)"),
        CliOption.Text("successions", "S.csv", "lineage links between your units; with --units"),
        CliOption.Flag("allow-missing-children", "form a parent from the children present (marked lower bound or estimate)"),
        CliOption.Text("population", "CODE", "the population indicator that per-population values are weighted by"),
        CommonOptions.Format("table", "csv", "json"),
        CommonOptions.Out,
    ];

    public static (Framework Framework, UnitRegistry Registry, Dataset Data) Load(CommandArgs options, CliContext context)
    {
        // Required options and the format are checked when parsed, before any file is read.
        string framework = options.Get("framework")!;
        string data = options.Get("data")!;
        Framework loaded = FrameworkInputs.LoadFramework(framework);
        UnitRegistry registry = UnitInputs.Load(options);
        return (loaded, registry, DataInputs.Load(data, loaded, registry, skipBadRows: false, context.Error));
    }

    public static RollupOptions RollupOptions(CommandArgs options) => new()
    {
        PopulationIndicator = options.Get("population"),
        AllowMissingChildren = options.Has("allow-missing-children"),
    };

    /// <summary>Fails with every aggregate that could not be formed (nothing is written then: a partial output would
    /// silently lack those values).</summary>
    public static void ThrowIfProblems(IReadOnlyCollection<Problem> problems, string verb)
    {
        if (problems.Count > 0)
        {
            // The library states the rule; the fix is said here in the command line's own terms, once per kind of problem.
            IEnumerable<string> hints = problems.Select(p => p.Rule).Distinct().Select(Hint).OfType<string>();
            throw new InvalidDataException(
                Text.Invariant($"{verb} failed: {problems.Count} problem(s); nothing was written.{Environment.NewLine}  ") + string.Join(Environment.NewLine + "  ", problems)
                + string.Concat(hints.Select(h => Environment.NewLine + "Fix: " + h)));
        }
    }

    private static string? Hint(string rule) => rule switch
    {
        ProblemRules.IncompleteChildren => "--allow-missing-children forms the parent from the children present (marked lower bound or estimate).",
        ProblemRules.RollupNeedsPopulation => "--population CODE names the population indicator to weight per-population values by.",
        ProblemRules.RollupNeedsCounts => "give the children's numerator and denominator columns in the data file.",
        ProblemRules.RollupNeedsWeight => "declare \"mergerRule\": \"unweightedMean\" in the framework JSON (docs/framework-format.md) if that is how its scores combine, or give counts.",
        _ => null,
    };

    /// <summary>Writes the aggregates as observation CSV (<c>--format csv</c>) or as a table (default).</summary>
    /// <remarks>Unit names are looked up on <c>namesOn</c>, or on each observation's period when null: restated codes
    /// denote the units of the restatement date, so code 24 for 2024 is then Bắc Ninh, not Bắc Giang.</remarks>
    public static void Write(CommandArgs options, Dataset dataset, IReadOnlyList<RolledUpObservation> details, UnitRegistry registry, LocalDate? namesOn, string title, string? footnote, CliContext context)
    {
        string text;
        switch (options.GetOrDefault("format", "table"))
        {
            case "json":
                using (var writer = new StringWriter(CultureInfo.InvariantCulture))
                {
                    ObservationJson.Write(writer, dataset);
                    text = writer.ToString();
                }

                break;
            case "csv":
                using (var writer = new StringWriter(CultureInfo.InvariantCulture))
                {
                    ObservationCsv.Write(writer, dataset);
                    text = writer.ToString();
                }

                break;
            default:
                text = Table(details, registry, namesOn, title, footnote, english: options.Lang == "en");
                break;
        }

        OutputFile.Write(options.Get("out"), text, context.Out);
    }

    private static string Table(IReadOnlyList<RolledUpObservation> details, UnitRegistry registry, LocalDate? namesOn, string title, string? footnote, bool english)
    {
        var table = new TextTable("unit", "name", "indicator", "period", "value", "counts", "qualifier", "from", "missing").AlignRight(4, 5);
        foreach (RolledUpObservation detail in details)
        {
            Observation o = detail.Observation;
            AdministrativeUnit? unit = null;
            bool found = namesOn is { } date ? registry.TryResolve(o.Unit, date, out unit) : registry.TryResolve(o.Unit, o.Period, out unit);
            string name = found ? (english ? unit!.NameEn : unit!.NameVi) : string.Empty;
            string counts = o.Numerator is { } n && o.Denominator is { } d ? Text.Invariant($"{Text.Num(n)}/{Text.Num(d)}") : string.Empty;
            table.Add(
                o.Unit,
                name,
                o.Indicator,
                o.Period.ToString(),
                Text.Qualified(o.Value, o.Qualifier),
                counts,
                Text.QualifierName(o.Qualifier),
                string.Join(", ", detail.Children),
                detail.IsComplete ? "—" : string.Join(", ", detail.MissingChildren));
        }

        var sb = new StringBuilder();
        sb.AppendLine(title);
        sb.Append(table.Render());
        if (footnote is not null)
        {
            sb.AppendLine(footnote);
        }

        return sb.ToString();
    }
}
