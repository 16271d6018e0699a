using DxIndicators.Cli.Infrastructure;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Units;
using NodaTime;
using NodaTime.Text;

namespace DxIndicators.Cli.Commands;

/// <summary><c>dx restate</c>: carries series of former units onto the units valid on a date (by default the 34
/// provinces of 2025-07-01) with <see cref="Restatement"/>.</summary>
internal sealed class RestateCommand : ICommand
{
    public string Name => "restate";

    public string Summary => "Restate pre-merger series onto the units valid on a date (default: the 34 provinces of 2025-07-01).";

    public string Example => "dx restate --framework vn-dti-province-2022 --data dti-2024.csv --on 2025-07-01";

    public string Description => """
        Each observation's unit is resolved at its period and followed along lineage to the unit valid on --on
        (default 2025-07-01). Counts add, rates come from summed counts, per-population values are weighted by
        population; index scores and published node scores (the overall DTI) use the framework's declared
        mergerRule (built-in DTI frameworks: the unweighted mean of the former provinces, as published for 2024).
        Every value carried onto another unit is marked restated (CSV column restated=true); observations already on
        units valid on --on pass through unchanged.
        """;

    public IReadOnlyList<CliOption> Options { get; } =
    [
        .. AggregateInputs.Options,
        CliOption.Date("on", "restate onto the units valid on DATE (default 2025-07-01, the provincial merger)"),
    ];

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        CommandArgs options = CommandArgs.Parse(args, Options);
        LocalDate on = options.GetDate("on") ?? Restatement.VietnamMerger2025;
        (Framework framework, UnitRegistry registry, Dataset data) = AggregateInputs.Load(options, context);
        RollupResult result = Restatement.ToUnitsOn(data, framework, registry, on, AggregateInputs.RollupOptions(options));
        AggregateInputs.ThrowIfProblems(result.Problems, "restatement");

        string rule = Restatement.RuleFor(framework) == IndexCombination.UnweightedMean
            ? "the unweighted mean of the former units (the framework's mergerRule, as MOST published the 2024 DTI of the 34 provinces)"
            : "not combined without a weight (the framework declares no mergerRule)";
        string date = LocalDatePattern.Iso.Format(on);
        string title = Text.Invariant($"Restated onto the units valid on {date} ({framework.Id}); all values marked restated. Index scores: {rule}; counts add; rates from summed counts");
        int passedThrough = result.Dataset.Count - result.Details.Count;
        string? footnote = passedThrough > 0 ? Text.Invariant($"{passedThrough} observation(s) already on units valid on {date} passed through unchanged (CSV output includes them).") : null;
        AggregateInputs.Write(options, result.Dataset, result.Details, registry, on, title, footnote, context);
        return ExitCodes.Ok;
    }
}
