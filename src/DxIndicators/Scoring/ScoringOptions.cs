using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using DxIndicators.Model;

namespace DxIndicators.Scoring;

/// <summary>
/// The method choices of a scoring run: each stage for the whole framework, per level (<see cref="NodeKind"/>) and
/// per node or indicator, the more specific winning. Immutable: every <c>With…</c> returns a new instance.
/// </summary>
/// <remarks>Defaults: no denomination, imputation or treatment; <see cref="Normaliser.Auto"/>; each node's own aggregation,
/// weights and minimum share; competition ranks of every node. Immutable; safe to share.</remarks>
public sealed class ScoringOptions
{
    private ScoringOptions()
    {
    }

    private ScoringOptions(ScoringOptions o)
    {
        Normaliser = o.Normaliser;
        NormaliserOverrides = o.NormaliserOverrides;
        Aggregator = o.Aggregator;
        AggregatorByKind = o.AggregatorByKind;
        AggregatorOverrides = o.AggregatorOverrides;
        MinShare = o.MinShare;
        MinShareByKind = o.MinShareByKind;
        MinShareOverrides = o.MinShareOverrides;
        Weights = o.Weights;
        Denominate = o.Denominate;
        Imputation = o.Imputation;
        ImputationGroup = o.ImputationGroup;
        WinsoriseMaxPoints = o.WinsoriseMaxPoints;
        SkewThreshold = o.SkewThreshold;
        KurtosisThreshold = o.KurtosisThreshold;
        RankMethod = o.RankMethod;
        RankScope = o.RankScope;
        RankGroup = o.RankGroup;
        PanelNormalisation = o.PanelNormalisation;
        FixedBounds = o.FixedBounds;
    }

    /// <summary>Gets the default options.</summary>
    public static ScoringOptions Default { get; } = new();

    /// <summary>Gets the normaliser for every indicator without an override.</summary>
    public Normaliser Normaliser { get; private init; } = Normaliser.Auto;

    /// <summary>Gets normalisers by indicator code.</summary>
    public ImmutableDictionary<string, Normaliser> NormaliserOverrides { get; private init; } = ImmutableDictionary.Create<string, Normaliser>(StringComparer.Ordinal);

    /// <summary>Gets the aggregator for every node, or null to use each node's own.</summary>
    public Aggregator? Aggregator { get; private init; }

    /// <summary>Gets aggregators by node level.</summary>
    public ImmutableDictionary<NodeKind, Aggregator> AggregatorByKind { get; private init; } = ImmutableDictionary<NodeKind, Aggregator>.Empty;

    /// <summary>Gets aggregators by node code.</summary>
    public ImmutableDictionary<string, Aggregator> AggregatorOverrides { get; private init; } = ImmutableDictionary.Create<string, Aggregator>(StringComparer.Ordinal);

    /// <summary>Gets the minimum share of children present for every node, or null to use each node's own.</summary>
    public double? MinShare { get; private init; }

    /// <summary>Gets minimum shares by node level.</summary>
    public ImmutableDictionary<NodeKind, double> MinShareByKind { get; private init; } = ImmutableDictionary<NodeKind, double>.Empty;

    /// <summary>Gets minimum shares by node code.</summary>
    public ImmutableDictionary<string, double> MinShareOverrides { get; private init; } = ImmutableDictionary.Create<string, double>(StringComparer.Ordinal);

    /// <summary>Gets replacement weights by child code (applied to every link to that child; COINr's weights table).</summary>
    public ImmutableDictionary<string, double> Weights { get; private init; } = ImmutableDictionary.Create<string, double>(StringComparer.Ordinal);

    /// <summary>Gets whether indicators with a denominator are divided by it (times their per-population factor).</summary>
    public bool Denominate { get; private init; }

    /// <summary>Gets the imputation method.</summary>
    public ImputationMethod Imputation { get; private init; }

    /// <summary>Gets the group column used by <see cref="ImputationMethod.GroupMean"/>.</summary>
    public string? ImputationGroup { get; private init; }

    /// <summary>Gets the most points winsorising may touch per column; 0 turns outlier treatment off.</summary>
    public int WinsoriseMaxPoints { get; private init; }

    /// <summary>Gets the |skewness| threshold of the treatment rule (default 2).</summary>
    public double SkewThreshold { get; private init; } = 2;

    /// <summary>Gets the excess-kurtosis threshold of the treatment rule (default 3.5).</summary>
    public double KurtosisThreshold { get; private init; } = 3.5;

    /// <summary>Gets how ties are ranked.</summary>
    public RankMethod RankMethod { get; private init; } = RankMethod.Competition;

    /// <summary>Gets which nodes are ranked.</summary>
    public RankScope RankScope { get; private init; } = RankScope.AllNodes;

    /// <summary>Gets the group column within which units are also ranked, if any.</summary>
    public string? RankGroup { get; private init; }

    /// <summary>Gets how panels are normalised.</summary>
    public PanelNormalisation PanelNormalisation { get; private init; } = PanelNormalisation.PerPeriod;

    /// <summary>Gets the fixed raw-unit (min, max) bounds by indicator code, for <see cref="PanelNormalisation.FixedBounds"/>.</summary>
    public ImmutableDictionary<string, NumericRange> FixedBounds { get; private init; } = ImmutableDictionary.Create<string, NumericRange>(StringComparer.Ordinal);

    /// <summary>Returns options with a normaliser for every indicator.</summary>
    /// <param name="normaliser">The normaliser.</param>
    /// <returns>The new options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="normaliser"/> is null.</exception>
    public ScoringOptions WithNormaliser(Normaliser normaliser)
    {
        ArgumentNullException.ThrowIfNull(normaliser);
        return new(this) { Normaliser = normaliser };
    }

    /// <summary>Returns options with a normaliser for one indicator.</summary>
    /// <param name="indicator">The indicator code.</param>
    /// <param name="normaliser">The normaliser.</param>
    /// <returns>The new options.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public ScoringOptions WithNormaliser(string indicator, Normaliser normaliser)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(normaliser);
        return new(this) { NormaliserOverrides = NormaliserOverrides.SetItem(indicator, normaliser) };
    }

    /// <summary>Returns options with an aggregator for every node.</summary>
    /// <param name="aggregator">The aggregator.</param>
    /// <returns>The new options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="aggregator"/> is null.</exception>
    public ScoringOptions WithAggregator(Aggregator aggregator)
    {
        ArgumentNullException.ThrowIfNull(aggregator);
        return new(this) { Aggregator = aggregator };
    }

    /// <summary>Returns options with an aggregator for every node of one level.</summary>
    /// <param name="kind">The level.</param>
    /// <param name="aggregator">The aggregator.</param>
    /// <returns>The new options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="aggregator"/> is null.</exception>
    public ScoringOptions WithAggregator(NodeKind kind, Aggregator aggregator)
    {
        ArgumentNullException.ThrowIfNull(aggregator);
        return new(this) { AggregatorByKind = AggregatorByKind.SetItem(kind, aggregator) };
    }

    /// <summary>Returns options with an aggregator for one node.</summary>
    /// <param name="node">The node code.</param>
    /// <param name="aggregator">The aggregator.</param>
    /// <returns>The new options.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public ScoringOptions WithAggregator(string node, Aggregator aggregator)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(aggregator);
        return new(this) { AggregatorOverrides = AggregatorOverrides.SetItem(node, aggregator) };
    }

    /// <summary>Returns options where every node needs at least this share of its children present (strictly below → missing).</summary>
    /// <param name="share">The share in (0, 1].</param>
    /// <returns>The new options.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The share is outside (0, 1].</exception>
    public ScoringOptions WithMinShare(double share) => new(this) { MinShare = CheckShare(share) };

    /// <summary>Returns options with a minimum share for one level.</summary>
    /// <param name="kind">The level.</param>
    /// <param name="share">The share in (0, 1].</param>
    /// <returns>The new options.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The share is outside (0, 1].</exception>
    public ScoringOptions WithMinShare(NodeKind kind, double share) => new(this) { MinShareByKind = MinShareByKind.SetItem(kind, CheckShare(share)) };

    /// <summary>Returns options with a minimum share for one node.</summary>
    /// <param name="node">The node code.</param>
    /// <param name="share">The share in (0, 1].</param>
    /// <returns>The new options.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The share is outside (0, 1].</exception>
    /// <exception cref="ArgumentNullException"><paramref name="node"/> is null.</exception>
    public ScoringOptions WithMinShare(string node, double share)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new(this) { MinShareOverrides = MinShareOverrides.SetItem(node, CheckShare(share)) };
    }

    /// <summary>Returns options with replacement weights by child code.</summary>
    /// <param name="weights">Weights (finite, ≥ 0) by child code.</param>
    /// <returns>The new options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="weights"/> is null.</exception>
    /// <exception cref="ArgumentException">A weight is negative or not finite (all such weights are listed).</exception>
    public ScoringOptions WithWeights(IEnumerable<KeyValuePair<string, double>> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var bad = weights.Where(w => !double.IsFinite(w.Value) || w.Value < 0).Select(w => string.Create(CultureInfo.InvariantCulture, $"'{w.Key}' = {w.Value}")).ToList();
        if (bad.Count > 0)
        {
            throw new ArgumentException($"Weights must be finite and ≥ 0; invalid: {string.Join(", ", bad)}.", nameof(weights));
        }

        return new(this) { Weights = Weights.SetItems(weights) };
    }

    /// <summary>Returns options that divide indicators by their denominators (or not).</summary>
    /// <param name="denominate">Whether to denominate.</param>
    /// <returns>The new options.</returns>
    public ScoringOptions WithDenomination(bool denominate = true) => new(this) { Denominate = denominate };

    /// <summary>Returns options with an imputation method.</summary>
    /// <param name="method">The method.</param>
    /// <param name="groupColumn">The group column, required for <see cref="ImputationMethod.GroupMean"/>.</param>
    /// <returns>The new options.</returns>
    /// <exception cref="ArgumentException">Group mean without a group column, or an undefined method.</exception>
    public ScoringOptions WithImputation(ImputationMethod method, string? groupColumn = null)
    {
        if (!Enum.IsDefined(method))
        {
            throw new ArgumentException($"Unknown imputation method {method}.", nameof(method));
        }

        if (method == ImputationMethod.GroupMean && string.IsNullOrWhiteSpace(groupColumn))
        {
            throw new ArgumentException("Group-mean imputation needs the name of a group column.", nameof(groupColumn));
        }

        return new(this) { Imputation = method, ImputationGroup = groupColumn };
    }

    /// <summary>Returns options with the imputation its text names (<c>none</c>, <c>mean</c>, <c>median</c>,
    /// <c>groupmean:COLUMN</c>, <c>latest</c>), the grammar of <c>dx score --impute</c>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The new options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The method is unknown or its arguments do not fit its grammar.</exception>
    public ScoringOptions WithImputation(string text)
    {
        ImputationChoice choice = ImputationRegistry.Methods.Parse(text);
        return WithImputation(choice.Method, choice.Group);
    }

    /// <summary>Gets the grammar of every imputation method, in docs order, for usage texts.</summary>
    public static ValueList<string> ImputationGrammars => ImputationRegistry.Methods.Grammars;

    /// <summary>Returns options with the outlier treatment its text names (<c>none</c>, <c>winsorise</c>, <c>winsorise:N</c>),
    /// the grammar of <c>dx score --treat</c>; the thresholds stay.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The new options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The method is unknown or its arguments do not fit its grammar.</exception>
    public ScoringOptions WithTreatment(string text) => new(this) { WinsoriseMaxPoints = TreatmentRegistry.Methods.Parse(text).MaxPoints };

    /// <summary>Gets the grammar of every outlier treatment, in docs order, for usage texts.</summary>
    public static ValueList<string> TreatmentGrammars => TreatmentRegistry.Methods.Grammars;

    /// <summary>Returns options with COINr's default outlier treatment: winsorise up to N points while |skew| ≥ s and kurtosis ≥ k, else log on the original column.</summary>
    /// <param name="maxPoints">The most points to winsorise per column (COINr default 5); 0 turns treatment off.</param>
    /// <param name="skewThreshold">The |skewness| threshold (default 2).</param>
    /// <param name="kurtosisThreshold">The excess-kurtosis threshold (default 3.5).</param>
    /// <returns>The new options.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is negative or not finite.</exception>
    public ScoringOptions WithTreatment(int maxPoints = 5, double skewThreshold = 2, double kurtosisThreshold = 3.5)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxPoints);
        if (!double.IsFinite(skewThreshold) || !double.IsFinite(kurtosisThreshold))
        {
            throw new ArgumentOutOfRangeException(nameof(skewThreshold), "Treatment thresholds must be finite.");
        }

        return new(this) { WinsoriseMaxPoints = maxPoints, SkewThreshold = skewThreshold, KurtosisThreshold = kurtosisThreshold };
    }

    /// <summary>Returns options with a ranking rule.</summary>
    /// <param name="method">How ties are ranked.</param>
    /// <param name="scope">Which nodes are ranked.</param>
    /// <param name="groupColumn">A group column to rank within as well, or null.</param>
    /// <returns>The new options.</returns>
    public ScoringOptions WithRanking(RankMethod method, RankScope scope = RankScope.AllNodes, string? groupColumn = null) =>
        new(this) { RankMethod = method, RankScope = scope, RankGroup = groupColumn };

    /// <summary>Returns options with a panel normalisation rule.</summary>
    /// <param name="mode">The rule.</param>
    /// <param name="fixedBounds">Raw-unit (min, max) per indicator, required for <see cref="PanelNormalisation.FixedBounds"/>.</param>
    /// <returns>The new options.</returns>
    /// <exception cref="ArgumentException">Fixed bounds requested without bounds.</exception>
    public ScoringOptions WithPanelNormalisation(PanelNormalisation mode, IEnumerable<KeyValuePair<string, NumericRange>>? fixedBounds = null)
    {
        if (mode == PanelNormalisation.FixedBounds && fixedBounds is null)
        {
            throw new ArgumentException("Fixed-bounds panel normalisation needs (min, max) bounds per indicator.", nameof(fixedBounds));
        }

        return new(this) { PanelNormalisation = mode, FixedBounds = fixedBounds is null ? FixedBounds : FixedBounds.SetItems(fixedBounds) };
    }

    /// <summary>Describes the method choices in one line (stored with every score table).</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append("denominate=").Append(Denominate ? "yes" : "no");
        sb.Append("; impute=").Append(Imputation).Append(ImputationGroup is null ? string.Empty : ":" + ImputationGroup);
        sb.Append("; treat=").Append(WinsoriseMaxPoints == 0 ? "none" : string.Create(CultureInfo.InvariantCulture, $"winsorise[{WinsoriseMaxPoints},{SkewThreshold},{KurtosisThreshold}]"));
        sb.Append("; normalise=").Append(Normaliser);
        foreach (KeyValuePair<string, Normaliser> o in NormaliserOverrides.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            sb.Append(',').Append(o.Key).Append('=').Append(o.Value);
        }

        sb.Append("; aggregate=").Append(Aggregator?.ToString() ?? "framework");
        foreach (KeyValuePair<NodeKind, Aggregator> o in AggregatorByKind.OrderBy(p => p.Key))
        {
            sb.Append(',').Append(o.Key).Append('=').Append(o.Value);
        }

        foreach (KeyValuePair<string, Aggregator> o in AggregatorOverrides.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            sb.Append(',').Append(o.Key).Append('=').Append(o.Value);
        }

        if (MinShare is { } share)
        {
            sb.Append(CultureInfo.InvariantCulture, $"; minShare={share}");
        }

        if (!Weights.IsEmpty)
        {
            sb.Append(CultureInfo.InvariantCulture, $"; weights={Weights.Count} overridden");
        }

        sb.Append("; rank=").Append(RankMethod).Append(RankGroup is null ? string.Empty : " within " + RankGroup);
        return sb.ToString();
    }

    private static double CheckShare(double share)
    {
        if (!(share > 0 && share <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(share), share, "A minimum share must be in (0, 1].");
        }

        return share;
    }
}
