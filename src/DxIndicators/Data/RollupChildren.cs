using System.Globalization;
using DxIndicators.Model;

namespace DxIndicators.Data;

/// <summary>One parent's children for one indicator and period, as a <see cref="MeasureRollup"/> sees them.</summary>
internal sealed class RollupChildren
{
    private readonly List<Problem> _problems;

    public RollupChildren(Dataset data, IndicatorDefinition indicator, AdminRollup.Group group, RollupRun run, List<Observation> present, List<string> missing, List<Problem> problems)
    {
        Data = data;
        Indicator = indicator;
        Group = group;
        Run = run;
        Present = present;
        Missing = missing;
        _problems = problems;
        Qualifiers = [.. present.Select(o => o.Qualifier)];
        WeightCode = run.Options.Weights is { } w && w.TryGetValue(indicator.Code, out string? wc) ? wc : null;
    }

    public Dataset Data { get; }

    public IndicatorDefinition Indicator { get; }

    public AdminRollup.Group Group { get; }

    public RollupRun Run { get; }

    /// <summary>Gets the children's observations.</summary>
    public List<Observation> Present { get; }

    /// <summary>Gets the codes of the children without a value.</summary>
    public List<string> Missing { get; }

    /// <summary>Gets the qualifiers the result combines (the children's, plus any a strategy adds).</summary>
    public List<Qualifier> Qualifiers { get; }

    /// <summary>Gets the configured weight indicator, or null.</summary>
    public string? WeightCode { get; }

    /// <summary>Reports that the parent cannot be formed; always returns null (the strategy's "no result").</summary>
    /// <param name="rule">The rule name.</param>
    /// <param name="kind">The indicator's kind as the message names it ("per-population "), or empty.</param>
    /// <param name="reason">Why, and the rule in words.</param>
    public RollupValue? Fail(string rule, string kind, string reason)
    {
        _problems.Add(new Problem($"{Group.Target} {Indicator.Code} {Group.Period}", rule, $"Cannot {Run.Action} {kind}indicator '{Indicator.Code}' to '{Group.Target}' for {Group.Period}: {reason}")
        {
            Unit = Group.Target,
            Code = Indicator.Code,
        });
        return null;
    }

    /// <summary>Computes Σ v·w / Σ w over the children with weight indicator <paramref name="weightCode"/>; a non-exact weight makes the result an estimate.</summary>
    public bool TryWeightedMean(string weightCode, out double value, out string? error)
    {
        double sum = 0;
        double weights = 0;
        var lacking = new List<string>();
        bool exactWeights = true;
        foreach (Observation o in Present)
        {
            if (!Data.TryGet(o.Unit, weightCode, Group.Period, out Observation? weight) || weight.Value < 0)
            {
                lacking.Add(o.Unit);
                continue;
            }

            exactWeights &= weight.Qualifier == Qualifier.Exact;
            sum += o.Value * weight.Value;
            weights += weight.Value;
        }

        if (lacking.Count > 0 || weights <= 0)
        {
            value = double.NaN;
            error = lacking.Count > 0
                ? string.Create(CultureInfo.InvariantCulture, $"children {string.Join(", ", lacking)} have no non-negative weight '{weightCode}' for {Group.Period}.")
                : $"the weights '{weightCode}' add up to 0.";
            return false;
        }

        if (!exactWeights)
        {
            Qualifiers.Add(Qualifier.Estimate);
        }

        value = sum / weights;
        error = null;
        return true;
    }

    /// <summary>Marks an incomplete result as an estimate (missing children could move it either way).</summary>
    public void EstimateIfIncomplete()
    {
        if (Missing.Count > 0)
        {
            Qualifiers.Add(Qualifier.Estimate);
        }
    }
}

/// <summary>A combined value, with the summed counts when it was re-derived from them.</summary>
/// <param name="Value">The parent's value.</param>
/// <param name="Numerator">The summed numerator, or null.</param>
/// <param name="Denominator">The summed denominator, or null.</param>
internal readonly record struct RollupValue(double Value, double? Numerator = null, double? Denominator = null);
