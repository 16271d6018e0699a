using DxIndicators.Cli.Infrastructure;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Units;

namespace DxIndicators.Cli.Commands;

/// <summary><c>dx rollup</c>: rolls observations up the administrative tree (communes → province → nation) with
/// <see cref="AdminRollup"/>.</summary>
internal sealed class RollupCommand : ICommand
{
    public string Name => "rollup";

    public string Summary => "Roll observations up to parent units (communes → province → nation) by measure kind.";

    public string Example => "dx rollup --framework dien-bien-sample --data communes.csv --units communes-units.csv --to province";

    public string Description => """
        Counts and money add; rates and percentages are re-derived from summed numerator/denominator (never averaged;
        a percentage without counts is an error); per-population values are weighted by the indicator's denominator
        or --population. Without --to, each unit goes up one level. A parent is only formed when every child in the
        registry has a value, unless --allow-missing-children (then a lower bound or an estimate).
        table: each aggregate with the children used and missing and its qualifier. csv/json: observation CSV/JSON.
        """;

    public IReadOnlyList<CliOption> Options { get; } =
    [
        .. AggregateInputs.Options,
        CliOption.Choice("to", ["nation", "province", "district"], "roll up to this level (default: each unit one level up)"),
    ];

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        CommandArgs options = CommandArgs.Parse(args, Options);
        AdminLevel? target = options.Get("to") is { } to ? ParseLevel(to) : null;
        (Framework framework, UnitRegistry registry, Dataset data) = AggregateInputs.Load(options, context);
        if (target is { } wanted && DeepestLevel(data, registry) <= wanted)
        {
            throw new UsageException($"--to {options.Get("to")}: the data are already at that level or above; nothing to roll up");
        }

        RollupOptions rollup = AggregateInputs.RollupOptions(options);
        var details = new List<RolledUpObservation>();
        Dataset current = data;
        do
        {
            RollupResult step = AdminRollup.ToParents(current, framework, registry, rollup);
            AggregateInputs.ThrowIfProblems(step.Problems, "rollup");
            details.AddRange(step.Details);
            current = step.Dataset;
        }
        while (target is { } level && current.Count > 0 && DeepestLevel(current, registry) > level);

        if (details.Count == 0)
        {
            throw new InvalidDataException("rollup: no observation has a parent unit to roll up to (the data's units are at the top of the registry).");
        }

        string title = Text.Invariant($"Roll-up of {data.Count} observation(s) to parent units ({framework.Id}): counts add; rates from summed counts (100·Σn/Σd); per-population values weighted by population");
        AggregateInputs.Write(options, new Dataset(details.Select(d => d.Observation)), details, registry, namesOn: null, title, footnote: null, context);
        return ExitCodes.Ok;
    }

    // The value was checked against the choices when parsed.
    private static AdminLevel ParseLevel(string text) =>
        EnumNames.AdminLevel.TryParse(text, out AdminLevel level) ? level : throw new ArgumentException($"'{text}' is not one of {EnumNames.AdminLevel.Allowed}.", nameof(text));

    // The data were read against the registry, so every code resolves at its periods.
    private static AdminLevel DeepestLevel(Dataset data, UnitRegistry registry) =>
        data.Observations.Select(o => registry.TryResolve(o.Unit, o.Period, out AdministrativeUnit? unit) ? unit.Level : AdminLevel.Nation).Max();
}
