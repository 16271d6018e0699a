using System.Globalization;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Scoring.Kernels;

namespace DxIndicators.Scoring;

/// <summary>
/// A framework and a method choice compiled once into flat arrays (column order, polarity, parameters, CSR child
/// lists and weights, operator per node, bottom-up order); scoring then only walks the arrays and calls kernels.
/// </summary>
/// <remarks>Immutable; safe to share across threads (each thread needs its own <see cref="ScoringWorkspace"/>).</remarks>
public sealed partial class ScoringPlan
{
    private readonly double[] _sign;
    private readonly Normaliser[] _normalisers;
    private readonly bool[] _requiredColumn;
    private readonly bool[] _carried;
    private readonly int[] _denominator;
    private readonly double[] _perPopulation;
    private readonly AggregationMethod[] _method;
    private readonly double[] _power;
    private readonly double[] _minShare;
    private readonly int[] _childStart;
    private readonly int[] _childRef;
    private readonly double[] _childWeight;
    private readonly double[] _totalWeight;
    private readonly bool[] _ranked;

    private ScoringPlan(Framework framework, ScoringOptions options)
    {
        Framework = framework;
        Options = options;
        var errors = new List<string>();
        int ni = framework.Indicators.Count;
        IndicatorCodes = framework.Indicators.Select(i => i.Code).ToValueList();
        _sign = new double[ni];
        _normalisers = new Normaliser[ni];
        _requiredColumn = new bool[ni];
        _carried = new bool[ni];
        _denominator = new int[ni];
        _perPopulation = new double[ni];
        Dictionary<string, int> indicatorIndex = IndexOf(IndicatorCodes);
        IReadOnlyList<FrameworkNode> order = framework.NodesBottomUp();
        NodeCodes = order.Select(n => n.Code).ToValueList();
        NodeKinds = order.Select(n => n.Kind).ToValueList();
        Dictionary<string, int> nodeIndex = IndexOf(NodeCodes);
        CheckOverrideCodes(indicatorIndex, nodeIndex, errors);
        CompileIndicators(indicatorIndex);
        ResolveNormalisers(order, indicatorIndex, errors);
        CarriedIndicators = Enumerable.Range(0, ni).Where(j => _carried[j]).Select(j => IndicatorCodes[j]).ToValueList();
        int nn = order.Count;
        _method = new AggregationMethod[nn];
        _power = new double[nn];
        _minShare = new double[nn];
        _childStart = new int[nn + 1];
        _totalWeight = new double[nn];
        _ranked = new bool[nn];
        var refs = new List<int>();
        var weights = new List<double>();
        for (int k = 0; k < nn; k++)
        {
            CompileNode(k, order[k], indicatorIndex, nodeIndex, refs, weights, errors);
        }

        _childStart[nn] = refs.Count;
        _childRef = [.. refs];
        _childWeight = [.. weights];
        if (errors.Count > 0)
        {
            throw new ArgumentException($"Cannot compile a scoring plan for framework '{framework.Id}':{Environment.NewLine}- {string.Join(Environment.NewLine + "- ", errors)}", nameof(options));
        }
    }

    private static Dictionary<string, int> IndexOf(ValueList<string> codes)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int j = 0; j < codes.Count; j++)
        {
            index[codes[j]] = j;
        }

        return index;
    }

    /// <summary>Every override must name an indicator or node of the framework.</summary>
    private void CheckOverrideCodes(Dictionary<string, int> indicatorIndex, Dictionary<string, int> nodeIndex, List<string> errors)
    {
        string id = Framework.Id;
        foreach (string code in Options.NormaliserOverrides.Keys.Where(c => !indicatorIndex.ContainsKey(c)))
        {
            errors.Add($"A normaliser is set for '{code}', which is not an indicator of framework '{id}'.");
        }

        foreach (string code in Options.AggregatorOverrides.Keys.Concat(Options.MinShareOverrides.Keys).Where(c => !nodeIndex.ContainsKey(c)))
        {
            errors.Add($"An aggregator or minimum share is set for '{code}', which is not a node of framework '{id}'.");
        }

        foreach (string code in Options.Weights.Keys.Where(c => !nodeIndex.ContainsKey(c) && !indicatorIndex.ContainsKey(c)))
        {
            errors.Add($"A weight is set for '{code}', which is neither a node nor an indicator of framework '{id}'.");
        }
    }

    /// <summary>Polarity sign, denominator and per-population factor of every indicator.</summary>
    private void CompileIndicators(Dictionary<string, int> indicatorIndex)
    {
        for (int j = 0; j < IndicatorCodes.Count; j++)
        {
            IndicatorDefinition ind = Framework.Indicators[j];
            _sign[j] = ind.Polarity == Polarity.LowerIsBetter ? -1 : 1;
            _denominator[j] = -1;
            _perPopulation[j] = ind.PerPopulation ?? 1;
            if (Options.Denominate && ind.Denominator is { } den && indicatorIndex.TryGetValue(den, out int dj))
            {
                _denominator[j] = dj;
                _requiredColumn[dj] = true;
            }
        }
    }

    /// <summary>Resolves each indicator's normaliser; decides which are carried rather than normalised.</summary>
    private void ResolveNormalisers(IReadOnlyList<FrameworkNode> order, Dictionary<string, int> indicatorIndex, List<string> errors)
    {
        // Which indicators feed a node (a link with positive weight under these options); the others are carried.
        var linked = new bool[IndicatorCodes.Count];
        var feeds = new bool[IndicatorCodes.Count];
        foreach (FrameworkNode node in order)
        {
            Aggregator agg = ChooseAggregator(node);
            foreach (NodeLink link in node.Children)
            {
                if (indicatorIndex.TryGetValue(link.Code, out int ij))
                {
                    linked[ij] = true;
                    feeds[ij] |= LinkWeight(link, agg.Method, Options) > 0;
                }
            }
        }

        for (int j = 0; j < IndicatorCodes.Count; j++)
        {
            IndicatorDefinition ind = Framework.Indicators[j];
            Normaliser n = Options.NormaliserOverrides.TryGetValue(ind.Code, out Normaliser? o) ? o : Options.Normaliser;
            var own = new List<string>();
            _normalisers[j] = Resolve(ind, n, Framework.Metadata.Scale, own);
            if (feeds[j])
            {
                errors.AddRange(own);
            }
            else
            {
                // Not aggregated anywhere (COINr normalises only Type = Indicator): a denominator or an indicator no
                // node links is carried as raw data; one linked only with weight 0 is shown normalised when its
                // normaliser has what it needs, else carried. Neither needs normaliser parameters.
                _carried[j] = !linked[j] || own.Count > 0;
            }
        }
    }

    /// <summary>The most specific aggregator: per node, else per level, else for all, else the node's own.</summary>
    private Aggregator ChooseAggregator(FrameworkNode node) =>
        Options.AggregatorOverrides.TryGetValue(node.Code, out Aggregator? a) ? a
        : Options.AggregatorByKind.TryGetValue(node.Kind, out Aggregator? b) ? b
        : Options.Aggregator ?? Aggregator.FromNode(node);

    /// <summary>Node k's operator, minimum share, rank flag and CSR links with their weights.</summary>
    private void CompileNode(int k, FrameworkNode node, Dictionary<string, int> indicatorIndex, Dictionary<string, int> nodeIndex, List<int> refs, List<double> weights, List<string> errors)
    {
        Aggregator agg = ChooseAggregator(node);
        _method[k] = agg.Method;
        _power[k] = agg.Power;
        _minShare[k] = Options.MinShareOverrides.TryGetValue(node.Code, out double s1) ? s1
            : Options.MinShareByKind.TryGetValue(node.Kind, out double s2) ? s2
            : Options.MinShare ?? node.MinShare ?? double.NaN;
        _ranked[k] = Options.RankScope == RankScope.AllNodes || string.Equals(node.Code, Framework.Root, StringComparison.Ordinal);
        _childStart[k] = refs.Count;
        foreach (NodeLink link in node.Children)
        {
            double w = LinkWeight(link, agg.Method, Options);
            CheckLink(node, link, agg.Method, errors);
            if (indicatorIndex.TryGetValue(link.Code, out int ij))
            {
                refs.Add(ij);
                _requiredColumn[ij] = true;
            }
            else
            {
                refs.Add(~nodeIndex[link.Code]);
            }

            weights.Add(w);
            _totalWeight[k] += w;
        }

        if (agg.Method != AggregationMethod.PointsRatio && node.Children.Count > 0 && !(_totalWeight[k] > 0 && double.IsFinite(_totalWeight[k])))
        {
            // Weight overrides can make a node's weights add up to 0 (0/0 = NaN scores) or overflow (∞).
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"The weights of node '{node.Code}''s children add up to {_totalWeight[k]}; they must add up to a finite number > 0 [{(_totalWeight[k] > 0 ? ProblemRules.InvalidWeight : ProblemRules.ZeroWeights)}]."));
        }
    }

    private void CheckLink(FrameworkNode node, NodeLink link, AggregationMethod method, List<string> errors)
    {
        if (method == AggregationMethod.PointsRatio && link.MaxPoints is null)
        {
            errors.Add($"Node '{node.Code}' is aggregated as a points ratio but its link to '{link.Code}' has no maxPoints.");
        }

        if (method == AggregationMethod.PointsRatio && Options.Weights.ContainsKey(link.Code))
        {
            // A points ratio weighs children by their max points; silently ignoring the override would mislead.
            errors.Add($"The weight set for '{link.Code}' has no effect in node '{node.Code}', which is aggregated as a points ratio (max points decide); choose another aggregator for that node or leave the weight out.");
        }
    }

    /// <summary>Gets the framework the plan was compiled from.</summary>
    public Framework Framework { get; }

    /// <summary>Gets the options the plan was compiled with.</summary>
    public ScoringOptions Options { get; }

    /// <summary>Gets the indicator codes, in framework order (the plan's column order).</summary>
    public ValueList<string> IndicatorCodes { get; }

    /// <summary>Gets the indicators that are carried, not normalised: those no node links (such as denominators) and
    /// those linked only with weight 0 whose normaliser lacks its parameters (goalposts, target, points rule).</summary>
    /// <remarks>A carried indicator is never imputed, treated or normalised; its normalised column is all NaN. It needs
    /// no normaliser parameters, and it stays available as a denominator. See docs/methodology.md, "What is normalised".</remarks>
    public ValueList<string> CarriedIndicators { get; }

    /// <summary>Gets the node codes, bottom-up (every node after its children).</summary>
    public ValueList<string> NodeCodes { get; }

    /// <summary>Gets the level of each node, aligned with <see cref="NodeCodes"/>.</summary>
    public ValueList<NodeKind> NodeKinds { get; }

    /// <summary>Compiles a plan.</summary>
    /// <param name="framework">The framework.</param>
    /// <param name="options">The method choices (null: <see cref="ScoringOptions.Default"/>).</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="framework"/> is null.</exception>
    /// <exception cref="ArgumentException">The options do not fit the framework (all problems are listed): unknown codes,
    /// goalposts or targets missing for indicators that need them, points rules missing.</exception>
    public static ScoringPlan Compile(Framework framework, ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(framework);
        return new ScoringPlan(framework, options ?? ScoringOptions.Default);
    }

    /// <summary>Scores a matrix and returns an immutable table.</summary>
    /// <param name="matrix">Raw values, units × indicators (columns matched by indicator code; extra columns ignored).</param>
    /// <param name="groups">Group columns by name, each one label per matrix row (null label = no group); needed by group imputation and group ranks.</param>
    /// <returns>The score table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="matrix"/> is null.</exception>
    /// <exception cref="ArgumentException">Required indicator columns or group columns are missing (all are listed).</exception>
    /// <exception cref="InvalidOperationException">The data break a method's rule, e.g. a geometric mean over a non-positive value (every offending unit and child is named).</exception>
    public ScoreTable Score(IndicatorMatrix matrix, IReadOnlyDictionary<string, IReadOnlyList<string?>>? groups = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var ws = new ScoringWorkspace(this, matrix.RowCount);
        ScoreInto(matrix, ws, groups);
        return new ScoreTable(this, ws, matrix.Units, null);
    }

    /// <summary>Scores a matrix into reusable buffers; allocates nothing when no group columns and no imputation by group are used.</summary>
    /// <param name="matrix">Raw values, units × indicators.</param>
    /// <param name="workspace">Buffers made for this plan and the matrix's row count.</param>
    /// <param name="groups">Group columns (see <see cref="Score"/>).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The workspace does not fit, or columns are missing.</exception>
    /// <exception cref="InvalidOperationException">The data break a method's rule, or the options ask for panel-only imputation.</exception>
    public void ScoreInto(IndicatorMatrix matrix, ScoringWorkspace workspace, IReadOnlyDictionary<string, IReadOnlyList<string?>>? groups = null)
    {
        if (Options.Imputation == ImputationMethod.LatestEarlierPeriod)
        {
            throw new InvalidOperationException("Imputation from the latest earlier period needs several periods; score them together with ScorePanel.");
        }

        ScoreCore(matrix, workspace, groups, null, null);
    }

    internal void ScoreCore(IndicatorMatrix matrix, ScoringWorkspace ws, IReadOnlyDictionary<string, IReadOnlyList<string?>>? groups, ColumnStats[]? stats, KernelPath? path)
    {
        Prepare(matrix, ws, groups);
        NormaliseAggregateRank(matrix, ws, groups, stats, path);
    }

    /// <summary>Maps the matrix's columns, then runs the raw-data stages on a copy: denominate, impute, treat.</summary>
    internal void Prepare(IndicatorMatrix matrix, ScoringWorkspace ws, IReadOnlyDictionary<string, IReadOnlyList<string?>>? groups)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(ws);
        if (!ReferenceEquals(ws.Plan, this) || ws.UnitCount != matrix.RowCount)
        {
            throw new ArgumentException($"The workspace was made for {(ReferenceEquals(ws.Plan, this) ? "this plan" : "another plan")} and {ws.UnitCount} units, but the matrix has {matrix.RowCount} units.", nameof(ws));
        }

        MapColumns(matrix, ws);
        ImputationRule imputation = ImputationRegistry.Rule(Options.Imputation);
        ws._rawInWorkspace = false;
        if (!Options.Denominate && !imputation.FillsColumns && Options.WinsoriseMaxPoints == 0)
        {
            return;
        }

        for (int j = 0; j < IndicatorCodes.Count; j++)
        {
            ws.Raw(j).CopyTo(ws.RawColumnBuffer(j));
        }

        ws._rawInWorkspace = true;
        if (Options.Denominate)
        {
            Denominate(matrix, ws);
        }

        if (imputation.FillsColumns)
        {
            Impute(imputation, ws, groups, matrix.RowCount);
        }

        if (Options.WinsoriseMaxPoints > 0)
        {
            Treat(ws);
        }
    }

    /// <summary>x ← x / denominator · perPopulation; denominators are read from the matrix as given (never themselves denominated).</summary>
    private void Denominate(IndicatorMatrix matrix, ScoringWorkspace ws)
    {
        for (int j = 0; j < IndicatorCodes.Count; j++)
        {
            int d = _denominator[j];
            if (d < 0 || _carried[j])
            {
                continue;
            }

            Span<double> x = ws.RawColumnBuffer(j);
            ReadOnlySpan<double> den = ws._columnMap[d] < 0 ? ws._nan : matrix.Column(ws._columnMap[d]);
            for (int i = 0; i < x.Length; i++)
            {
                x[i] = x[i] / den[i] * _perPopulation[j];
            }
        }
    }

    private void Impute(ImputationRule rule, ScoringWorkspace ws, IReadOnlyDictionary<string, IReadOnlyList<string?>>? groups, int units)
    {
        (int[] group, int groupCount) = Options.Imputation == ImputationMethod.GroupMean ? GroupIds(groups, Options.ImputationGroup!, units) : ([], 0);
        for (int j = 0; j < IndicatorCodes.Count; j++)
        {
            if (!_carried[j])
            {
                rule.Impute(ws.RawColumnBuffer(j), ws._scratch, group, groupCount);
            }
        }
    }

    private void Treat(ScoringWorkspace ws)
    {
        for (int j = 0; j < IndicatorCodes.Count; j++)
        {
            if (!_carried[j])
            {
                WinsoriseTreatment.Treat(ws.RawColumnBuffer(j), ws._scratch, Options.WinsoriseMaxPoints, Options.SkewThreshold, Options.KurtosisThreshold);
            }
        }
    }

    internal void NormaliseAggregateRank(IndicatorMatrix matrix, ScoringWorkspace ws, IReadOnlyDictionary<string, IReadOnlyList<string?>>? groups, ColumnStats[]? stats, KernelPath? path)
    {
        KernelPath p = path ?? KernelPaths.Best(matrix.RowCount);

        // Each indicator is normalised just before its first parent accumulates it, while the column is still in
        // L1/L2; this changes no result (each unit's sums keep the link order) but saves re-reading the matrix.
        Array.Clear(ws._normalisedDone);
        for (int k = 0; k < NodeCodes.Count; k++)
        {
            Aggregate(k, matrix, ws, stats, p, _childWeight);
        }

        for (int j = 0; j < IndicatorCodes.Count; j++)
        {
            EnsureNormalised(j, matrix, ws, stats, p);
        }

        Rank(ws, groups, matrix.RowCount);
        _childWeight.CopyTo(ws._appliedWeights, 0);
        Array.Clear(ws._rankCurrent);
        ws._appliedValid = true;
    }

    private void MapColumns(IndicatorMatrix matrix, ScoringWorkspace ws)
    {
        ws._matrix = matrix;
        if (ReferenceEquals(ws._mappedIndicators, matrix.Indicators))
        {
            return;
        }

        List<string>? missing = null;
        for (int j = 0; j < IndicatorCodes.Count; j++)
        {
            int c = matrix.ColumnOf(IndicatorCodes[j]);
            ws._columnMap[j] = c;
            if (c < 0 && _requiredColumn[j])
            {
                (missing ??= []).Add(IndicatorCodes[j]);
            }
        }

        if (missing is not null)
        {
            ws._mappedIndicators = null;
            throw new ArgumentException($"The matrix has no column for {missing.Count} indicator(s) framework '{Framework.Id}' needs: {string.Join(", ", missing)}.", nameof(matrix));
        }

        ws._mappedIndicators = matrix.Indicators;
    }

    private static (int[] Ids, int Count) GroupIds(IReadOnlyDictionary<string, IReadOnlyList<string?>>? groups, string column, int units)
    {
        if (groups is null || !groups.TryGetValue(column, out IReadOnlyList<string?>? labels))
        {
            throw new ArgumentException($"Group column '{column}' was not given; pass it in 'groups' (one label per matrix row).", nameof(groups));
        }

        if (labels.Count != units)
        {
            throw new ArgumentException($"Group column '{column}' has {labels.Count} labels but the matrix has {units} rows.", nameof(groups));
        }

        var ids = new int[units];
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < units; i++)
        {
            string? label = labels[i];
            if (label is null)
            {
                ids[i] = -1;
                continue;
            }

            if (!map.TryGetValue(label, out int id))
            {
                id = map.Count;
                map[label] = id;
            }

            ids[i] = id;
        }

        return (ids, map.Count);
    }

    private static double LinkWeight(NodeLink link, AggregationMethod method, ScoringOptions options) =>
        method == AggregationMethod.PointsRatio ? link.MaxPoints ?? double.NaN
        : options.Weights.TryGetValue(link.Code, out double w) ? w
        : link.Weight;
}
