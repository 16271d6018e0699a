using System.Globalization;
using DxIndicators.Model;
using DxIndicators.Scoring;

namespace DxIndicators.Analysis;

/// <summary>
/// The uncertain modelling choices of an analysis, over a framework and its base scoring options: link weights
/// (uniform noise per level or supplied weight sets), normaliser, aggregator (per level), imputation, treatment on/off
/// and exclusion of single indicators (COINr <c>get_sensitivity</c>'s <c>SA_specs</c>, and more).
/// </summary>
/// <remarks>
/// <para>Immutable; every <c>With…</c> returns a new instance. A sample draws one uniform u per varied input (and one
/// per noisy link) from <see cref="CounterRandom"/> keyed by (seed, sample, input), so sample r's parameters do not
/// depend on the other samples or on threads. A list choice takes element ⌊u·count⌋; noise gives
/// <c>w' = w + (2u − 1)·f·w</c>; an exclusion list of k indicators gives k + 1 equally likely options (none, or one).
/// Formulas: docs/methodology.md, "Uncertain inputs".</para>
/// <para>Exclusion sets the indicator's link weights to 0, which equals dropping it for the weighted means and the
/// points ratio; plans with a minimum aggregator or a minimum share (where it would not) reject exclusions.</para>
/// </remarks>
public sealed class UncertainInputs
{
    private UncertainInputs(Framework framework, ScoringOptions options)
    {
        Framework = framework;
        BaseOptions = options;
        NominalPlan = ScoringPlan.Compile(framework, options);
        Links = WeightUncertainty.Links(NominalPlan);
    }

    private UncertainInputs(UncertainInputs o)
    {
        Framework = o.Framework;
        BaseOptions = o.BaseOptions;
        NominalPlan = o.NominalPlan;
        Links = o.Links;
        NoiseFactors = o.NoiseFactors;
        NoiseFactorsByLevel = o.NoiseFactorsByLevel;
        WeightSets = o.WeightSets;
        Normalisers = o.Normalisers;
        Imputations = o.Imputations;
        TreatmentVaried = o.TreatmentVaried;
        TreatmentPoints = o.TreatmentPoints;
        Exclusions = o.Exclusions;
        LinkNoise = o.LinkNoise;
        Dirichlet = o.Dirichlet;
        DirichletNodeIndex = o.DirichletNodeIndex;
        AggregatorChoices = o.AggregatorChoices;
    }

    /// <summary>Gets the framework.</summary>
    public Framework Framework { get; }

    /// <summary>Gets the options every sample starts from (and the nominal scoring uses).</summary>
    public ScoringOptions BaseOptions { get; }

    /// <summary>Gets the plan of the nominal scoring (the base options, nothing varied).</summary>
    public ScoringPlan NominalPlan { get; }

    /// <summary>Gets the links of the plan, in the order of every weight vector.</summary>
    public ValueList<WeightLink> Links { get; }

    /// <summary>Gets the noise factor per parent level (empty: no weight noise).</summary>
    public IReadOnlyDictionary<NodeKind, double> NoiseFactors { get; private init; } = new Dictionary<NodeKind, double>();

    /// <summary>Gets the supplied weight sets (empty: none).</summary>
    public ValueList<ValueList<double>> WeightSets { get; private init; } = ValueList<ValueList<double>>.Empty;

    /// <summary>Gets the normalisers to choose from (empty: not varied).</summary>
    public ValueList<Normaliser> Normalisers { get; private init; } = ValueList<Normaliser>.Empty;

    /// <summary>Gets the aggregators of the first aggregator choice (empty: not varied); see <see cref="AggregatorChoices"/> for all.</summary>
    public ValueList<Aggregator> Aggregators => AggregatorChoices.Count > 0 ? AggregatorChoices[0].Aggregators : ValueList<Aggregator>.Empty;

    /// <summary>Gets the levels of the first aggregator choice (empty: every node, or nodes given by COINr level).</summary>
    public ValueList<NodeKind> AggregatorLevels => AggregatorChoices.Count > 0 ? AggregatorChoices[0].Levels : ValueList<NodeKind>.Empty;

    /// <summary>Gets the aggregator choices, one per call of <see cref="WithAggregators"/> or <see cref="WithAggregatorsByLevel"/>: each draws one
    /// aggregator of its list for its nodes, independently of the others (together they are the one <see cref="UncertainInput.Aggregator"/> input).</summary>
    public ValueList<AggregatorChoice> AggregatorChoices { get; private init; } = ValueList<AggregatorChoice>.Empty;

    /// <summary>Gets the Dirichlet weights (null: none).</summary>
    public DirichletWeights? Dirichlet { get; private init; }

    // Plan node indices of the Dirichlet nodes, ascending (bottom-up, the order of the links).
    internal ValueList<int> DirichletNodeIndex { get; private init; } = ValueList<int>.Empty;

    /// <summary>Gets the imputation methods to choose from (empty: not varied).</summary>
    public ValueList<ImputationMethod> Imputations { get; private init; } = ValueList<ImputationMethod>.Empty;

    /// <summary>Gets whether treatment is switched on and off.</summary>
    public bool TreatmentVaried { get; private init; }

    /// <summary>Gets the winsorising limit used when treatment is on.</summary>
    public int TreatmentPoints { get; private init; } = 5;

    /// <summary>Gets the indicators one of which may be excluded (empty: not varied).</summary>
    public ValueList<string> Exclusions { get; private init; } = ValueList<string>.Empty;

    /// <summary>Gets the varied inputs, in the fixed order of <see cref="UncertainInput"/>.</summary>
    public ValueList<UncertainInput> Inputs
    {
        get
        {
            var list = new List<UncertainInput>();
            if (LinkNoise.AsSpan().IndexOfAnyExcept(0.0) >= 0 || WeightSets.Count > 0 || Dirichlet is not null)
            {
                list.Add(UncertainInput.Weights);
            }

            if (Normalisers.Count > 0)
            {
                list.Add(UncertainInput.Normaliser);
            }

            if (AggregatorChoices.Count > 0)
            {
                list.Add(UncertainInput.Aggregator);
            }

            if (Imputations.Count > 0)
            {
                list.Add(UncertainInput.Imputation);
            }

            if (TreatmentVaried)
            {
                list.Add(UncertainInput.Treatment);
            }

            if (Exclusions.Count > 0)
            {
                list.Add(UncertainInput.Exclusion);
            }

            return ValueList.Of([.. list]);
        }
    }

    internal ValueList<double> LinkNoise { get; private init; } = ValueList<double>.Empty;

    internal int CombinationCount
    {
        get
        {
            long count = (long)Math.Max(1, Normalisers.Count) * Math.Max(1, Imputations.Count) * (TreatmentVaried ? 2 : 1);
            foreach (AggregatorChoice choice in AggregatorChoices)
            {
                count *= choice.Aggregators.Count;
            }

            return count <= MaxCombinations ? (int)count : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The choices give {count} combinations of normaliser, aggregators, imputation and treatment; at most {MaxCombinations} are supported (each is scored once)."));
        }
    }

    /// <summary>The most distinct combinations of list choices (each is scored once and its workspace kept per thread).</summary>
    internal const int MaxCombinations = 4096;

    /// <summary>Starts a description of uncertain inputs with nothing varied.</summary>
    /// <param name="framework">The framework.</param>
    /// <param name="options">The base options (null: <see cref="ScoringOptions.Default"/>).</param>
    /// <returns>The inputs.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="framework"/> is null.</exception>
    /// <exception cref="ArgumentException">The options do not fit the framework (see <see cref="ScoringPlan.Compile"/>).</exception>
    public static UncertainInputs For(Framework framework, ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var inputs = new UncertainInputs(framework, options ?? ScoringOptions.Default);
        return new UncertainInputs(inputs) { LinkNoise = ValueList.Of(new double[inputs.Links.Count]) };
    }

    /// <summary>Returns inputs with uniform weight noise per parent level (COINr <c>get_noisy_weights</c>' <c>noise_specs</c>).</summary>
    /// <param name="factors">Noise factor in [0, 1] per level of the parent node (e.g. <see cref="NodeKind.Pillar"/> varies the indicator weights inside pillars).</param>
    /// <returns>The new inputs.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="factors"/> is null.</exception>
    /// <exception cref="ArgumentException">A factor is outside [0, 1], or weight sets are already given (all problems listed).</exception>
    public UncertainInputs WithWeightNoise(IReadOnlyDictionary<NodeKind, double> factors)
    {
        ArgumentNullException.ThrowIfNull(factors);
        var problems = new List<string>();
        foreach ((NodeKind kind, double f) in factors)
        {
            if (!(f is >= 0 and <= 1))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"the noise factor of level {kind} must be in [0, 1] but was {f}"));
            }
        }

        if (WeightSets.Count > 0)
        {
            problems.Add("weight sets are already given; weights vary either by noise or by sets");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid weight noise: {string.Join("; ", problems)}.", nameof(factors));
        }

        var noise = new double[Links.Count];
        for (int c = 0; c < noise.Length; c++)
        {
            noise[c] = factors.GetValueOrDefault(NominalPlan.LinkParentKind(c));
        }

        return new UncertainInputs(this) { NoiseFactors = new Dictionary<NodeKind, double>(factors), LinkNoise = ValueList.Of(noise) };
    }

    /// <summary>Returns inputs with uniform weight noise by COINr level of the weighted item (COINr <c>noise_specs</c>' <c>Level</c>).</summary>
    /// <param name="factorsByLevel">Noise factor in [0, 1] per level of the <em>child</em>: 1 varies indicator weights, 2 the weights of
    /// level-2 aggregates (pillars in ASEM), and so on (a node's level is 1 + the highest level of its children).</param>
    /// <returns>The new inputs.</returns>
    /// <exception cref="ArgumentException">A factor is outside [0, 1], a level is below 1 or above the root's, or weight sets are already given.</exception>
    public UncertainInputs WithWeightNoiseByLevel(IReadOnlyDictionary<int, double> factorsByLevel)
    {
        ArgumentNullException.ThrowIfNull(factorsByLevel);
        int[] levels = NominalPlan.NodeLevels();
        int top = levels.Length == 0 ? 1 : levels.Max();
        var problems = new List<string>();
        foreach ((int level, double f) in factorsByLevel)
        {
            if (level < 1 || level >= top)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"level {level} has no weights (weighted items are at levels 1 to {top - 1})"));
            }

            if (!(f is >= 0 and <= 1))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"the noise factor of level {level} must be in [0, 1] but was {f}"));
            }
        }

        if (WeightSets.Count > 0)
        {
            problems.Add("weight sets are already given; weights vary either by noise or by sets");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid weight noise: {string.Join("; ", problems)}.", nameof(factorsByLevel));
        }

        var noise = new double[Links.Count];
        for (int c = 0; c < noise.Length; c++)
        {
            noise[c] = factorsByLevel.GetValueOrDefault(NominalPlan.LinkChildLevel(c, levels));
        }

        var byKind = new Dictionary<NodeKind, double>();
        return new UncertainInputs(this) { NoiseFactors = byKind, NoiseFactorsByLevel = new Dictionary<int, double>(factorsByLevel), LinkNoise = ValueList.Of(noise) };
    }

    /// <summary>Gets the noise factor per COINr level of the weighted item, when given by level (empty otherwise).</summary>
    public IReadOnlyDictionary<int, double> NoiseFactorsByLevel { get; private init; } = new Dictionary<int, double>();

    /// <summary>Returns inputs with the same uniform weight noise on every link.</summary>
    /// <param name="factor">The noise factor in [0, 1].</param>
    /// <returns>The new inputs.</returns>
    /// <exception cref="ArgumentException">The factor is outside [0, 1].</exception>
    public UncertainInputs WithWeightNoise(double factor) =>
        WithWeightNoise(Enum.GetValues<NodeKind>().ToDictionary(k => k, _ => factor));

    /// <summary>Returns inputs where each sample takes one of the supplied weight sets, equally likely.</summary>
    /// <param name="sets">Weight vectors, one weight per link in the order of <see cref="Links"/>.</param>
    /// <returns>The new inputs.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sets"/> is null.</exception>
    /// <exception cref="ArgumentException">No set, a set of the wrong length or with a negative or non-finite weight, or noise already given (all listed).</exception>
    public UncertainInputs WithWeightSets(IReadOnlyList<IReadOnlyList<double>> sets)
    {
        ArgumentNullException.ThrowIfNull(sets);
        var problems = new List<string>();
        if (sets.Count == 0)
        {
            problems.Add("at least one weight set is needed");
        }

        if (LinkNoise.AsSpan().IndexOfAnyExcept(0.0) >= 0)
        {
            problems.Add("weight noise is already given; weights vary either by noise or by sets");
        }

        if (Dirichlet is not null)
        {
            problems.Add("Dirichlet weights are already given; weights vary either by draws or by sets");
        }

        for (int r = 0; r < sets.Count; r++)
        {
            IReadOnlyList<double>? v = sets[r];
            if (v is null || v.Count != Links.Count)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"set {r} has {v?.Count ?? 0} weights but the plan has {Links.Count} links"));
                continue;
            }

            for (int c = 0; c < v.Count; c++)
            {
                if (!double.IsFinite(v[c]) || v[c] < 0)
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"set {r} link {c} ({Links[c].Parent} → {Links[c].Child}) has weight {v[c]}, which is not finite and ≥ 0"));
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid weight sets: {string.Join("; ", problems)}.", nameof(sets));
        }

        return new UncertainInputs(this) { WeightSets = sets.Select(s => s.ToValueList()).ToValueList() };
    }

    /// <summary>Returns inputs where each sample uses one normaliser of the list for every indicator (per-indicator overrides of the base options still win).</summary>
    /// <param name="normalisers">The normalisers (at least two for the choice to matter).</param>
    /// <returns>The new inputs.</returns>
    /// <exception cref="ArgumentException">The list is empty or holds null.</exception>
    public UncertainInputs WithNormalisers(IEnumerable<Normaliser> normalisers)
    {
        ValueList<Normaliser> list = CheckList(normalisers, nameof(normalisers));
        return new UncertainInputs(this) { Normalisers = list };
    }

    /// <summary>Returns inputs where each sample uses one aggregator of the list for every node of the given levels.</summary>
    /// <param name="aggregators">The aggregators.</param>
    /// <param name="levels">The levels (null or empty: every node).</param>
    /// <returns>The new inputs.</returns>
    /// <remarks>Each call adds one aggregator choice, drawn independently of the others (COINr's <c>f_ag</c> per level); two choices may not cover the same node.</remarks>
    /// <exception cref="ArgumentException">The list is empty or holds null, or a node is already covered by an earlier choice (all listed).</exception>
    public UncertainInputs WithAggregators(IEnumerable<Aggregator> aggregators, IEnumerable<NodeKind>? levels = null)
    {
        ValueList<Aggregator> list = CheckList(aggregators, nameof(aggregators));
        ValueList<NodeKind> kinds = (levels ?? []).Distinct().ToValueList();
        var nodes = kinds.Count == 0 ? Framework.Nodes.Select(n => n.Code).ToList() : Framework.Nodes.Where(n => kinds.Contains(n.Kind)).Select(n => n.Code).ToList();
        return AddAggregatorChoice(new AggregatorChoice(list, kinds, ValueList<string>.Empty), nodes, nameof(levels));
    }

    /// <summary>Returns inputs where each sample uses one aggregator of the list for every node at the given COINr levels (as <see cref="WithWeightNoiseByLevel"/>: indicators are level 1, a node's level is 1 + the highest level of its children).</summary>
    /// <param name="aggregators">The aggregators.</param>
    /// <param name="levels">COINr levels of the aggregated nodes, 2 to the root's level.</param>
    /// <returns>The new inputs.</returns>
    /// <remarks>Each call adds one aggregator choice, drawn independently of the others; two choices may not cover the same node.</remarks>
    /// <exception cref="ArgumentException">The list is empty or holds null, no level is given, a level has no node, or a node is already covered (all listed).</exception>
    public UncertainInputs WithAggregatorsByLevel(IEnumerable<Aggregator> aggregators, IEnumerable<int> levels)
    {
        ValueList<Aggregator> list = CheckList(aggregators, nameof(aggregators));
        ArgumentNullException.ThrowIfNull(levels);
        int[] nodeLevels = NominalPlan.NodeLevels();
        int top = nodeLevels.Length == 0 ? 1 : nodeLevels.Max();
        var wanted = levels.Distinct().ToList();
        var problems = new List<string>();
        if (wanted.Count == 0)
        {
            problems.Add("no level is given");
        }

        foreach (int level in wanted.Where(l => l < 2 || l > top))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"level {level} has no aggregated node (nodes are at levels 2 to {top})"));
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid aggregator levels: {string.Join("; ", problems)}.", nameof(levels));
        }

        var nodes = Enumerable.Range(0, nodeLevels.Length).Where(k => wanted.Contains(nodeLevels[k])).Select(k => NominalPlan.NodeCodes[k]).ToList();
        return AddAggregatorChoice(new AggregatorChoice(list, ValueList<NodeKind>.Empty, nodes.ToValueList()), nodes, nameof(levels));
    }

    private UncertainInputs AddAggregatorChoice(AggregatorChoice choice, List<string> nodes, string name)
    {
        var taken = AggregatorChoices.SelectMany(CoveredNodes).ToHashSet(StringComparer.Ordinal);
        var overlap = nodes.Where(taken.Contains).ToList();
        if (overlap.Count > 0)
        {
            throw new ArgumentException($"Invalid aggregator choice: node {string.Join(", ", overlap.Select(c => $"'{c}'"))} already takes its aggregator from an earlier choice; each node may be in one choice only.", name);
        }

        return new UncertainInputs(this) { AggregatorChoices = AggregatorChoices.Append(choice).ToValueList() };
    }

    private IEnumerable<string> CoveredNodes(AggregatorChoice choice) =>
        choice.Nodes.Count > 0 ? choice.Nodes : choice.Levels.Count == 0 ? Framework.Nodes.Select(n => n.Code) : Framework.Nodes.Where(n => choice.Levels.Contains(n.Kind)).Select(n => n.Code);

    /// <summary>
    /// Returns inputs where the weights of the children of each given node are drawn from a Dirichlet distribution:
    /// centred, Dirichlet(α·m) with m the node's nominal weights scaled to sum to 1 (mean m, variance m(1 − m)/(α + 1));
    /// otherwise symmetric, Dirichlet(α, …, α) (mean 1/k for k children). The drawn weights sum to 1 per node.
    /// </summary>
    /// <param name="concentration">α, in (0, 10⁹]: larger α, weights closer to the mean.</param>
    /// <param name="nodes">Node codes (null: every node of the plan).</param>
    /// <param name="centred">Whether the draws are centred on the nominal weights (true) or symmetric (false).</param>
    /// <returns>The new inputs.</returns>
    /// <remarks>On these nodes' links Dirichlet draws replace uniform noise; formulas in docs/methodology.md, "Uncertain inputs".</remarks>
    /// <exception cref="ArgumentException">α is out of range, a code is not a node of the plan, a node is a points ratio (its weights are maximum points), or weight sets are given (all listed).</exception>
    public UncertainInputs WithDirichletWeights(double concentration, IEnumerable<string>? nodes = null, bool centred = true)
    {
        var problems = new List<string>();
        if (!(concentration is > 0 and <= MaxConcentration))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"the concentration α must be in (0, {MaxConcentration:0e0}] but was {concentration}"));
        }

        if (WeightSets.Count > 0)
        {
            problems.Add("weight sets are already given; weights vary either by sets or by draws");
        }

        var codes = (nodes ?? NominalPlan.NodeCodes).Distinct(StringComparer.Ordinal).ToList();
        if (codes.Count == 0)
        {
            problems.Add("no node is given");
        }

        var index = new List<int>();
        foreach (string code in codes)
        {
            int k = code is null ? -1 : NominalPlan.NodeCodes.AsSpan().IndexOf(code);
            if (k < 0)
            {
                problems.Add($"framework '{Framework.Id}' has no node '{code}'");
                continue;
            }

            (int start, int end) = NominalPlan.ChildRange(k);
            if (end > start && NominalPlan.LinkIsPointsRatio(start))
            {
                problems.Add($"node '{code}' is a points ratio, whose link weights are maximum points, not relative weights");
            }

            index.Add(k);
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid Dirichlet weights: {string.Join("; ", problems)}.", nameof(concentration));
        }

        index.Sort();
        return new UncertainInputs(this)
        {
            Dirichlet = new DirichletWeights(index.Select(k => NominalPlan.NodeCodes[k]).ToValueList(), concentration, centred),
            DirichletNodeIndex = index.ToValueList(),
        };
    }

    /// <summary>The largest Dirichlet concentration accepted.</summary>
    internal const double MaxConcentration = 1e9;

    /// <summary>Returns inputs where each sample uses one imputation method of the list (include <see cref="ImputationMethod.None"/> to compare with none).</summary>
    /// <param name="methods">The methods; group mean uses the base options' group column.</param>
    /// <returns>The new inputs.</returns>
    /// <exception cref="ArgumentException">The list is empty, or holds a panel-only method, or group mean without a group column in the base options.</exception>
    public UncertainInputs WithImputations(IEnumerable<ImputationMethod> methods)
    {
        ArgumentNullException.ThrowIfNull(methods);
        var list = methods.ToList();
        if (list.Count == 0 || list.Any(m => !Enum.IsDefined(m) || m == ImputationMethod.LatestEarlierPeriod))
        {
            throw new ArgumentException("Imputation choices must be a non-empty list of None, ColumnMean, ColumnMedian or GroupMean.", nameof(methods));
        }

        if (list.Contains(ImputationMethod.GroupMean) && BaseOptions.ImputationGroup is null)
        {
            throw new ArgumentException("Group-mean imputation as a choice needs the group column in the base options (ScoringOptions.WithImputation(GroupMean, column)).", nameof(methods));
        }

        return new UncertainInputs(this) { Imputations = list.ToValueList() };
    }

    /// <summary>Returns inputs where each sample has outlier treatment off or on (COINr's default winsorising rule).</summary>
    /// <param name="maxPoints">The winsorising limit when on (COINr default 5), at least 1.</param>
    /// <returns>The new inputs.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxPoints"/> is below 1.</exception>
    public UncertainInputs WithTreatmentChoice(int maxPoints = 5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 1);
        return new UncertainInputs(this) { TreatmentVaried = true, TreatmentPoints = maxPoints };
    }

    /// <summary>Returns inputs where each sample excludes no indicator or one of the list, all k + 1 options equally likely.</summary>
    /// <param name="indicators">Indicator codes of the framework (null: every indicator).</param>
    /// <returns>The new inputs.</returns>
    /// <exception cref="ArgumentException">A code is not an indicator of the plan, or the list is empty (all unknown codes listed).</exception>
    public UncertainInputs WithExclusions(IEnumerable<string>? indicators = null)
    {
        var list = (indicators ?? NominalPlan.IndicatorCodes.Where(c => Links.Any(l => l.Child == c))).Distinct(StringComparer.Ordinal).ToList();
        var unknown = list.Where(c => !Links.Any(l => string.Equals(l.Child, c, StringComparison.Ordinal)) || NominalPlan.IndicatorCodes.AsSpan().IndexOf(c) < 0).ToList();
        if (list.Count == 0 || unknown.Count > 0)
        {
            throw new ArgumentException(list.Count == 0 ? "The exclusion list is empty." : $"Framework '{Framework.Id}' has no aggregated indicator {string.Join(", ", unknown.Select(c => $"'{c}'"))}.", nameof(indicators));
        }

        return new UncertainInputs(this) { Exclusions = list.ToValueList() };
    }

    /// <summary>Draws the parameters of one sample, exactly as an analysis with this seed does.</summary>
    /// <param name="seed">The analysis seed.</param>
    /// <param name="index">The sample index (row of the design), ≥ 0.</param>
    /// <returns>The parameters.</returns>
    public SampleParameters Sample(int seed, long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        Span<ulong> keys = stackalloc ulong[GroupCount];
        SampleKeys(seed, index, keys);
        var weights = new double[Links.Count];
        DrawChoices(keys, out int combo, out int excluded);
        DrawWeights(keys, CombinationCount == 1 ? NominalPlan.LinkWeights : CombinationPlan(combo).LinkWeights, weights, excluded);
        return Describe(index, weights, combo, excluded);
    }

    /// <summary>Gets the scoring options that rebuild one sample's model from scratch (the test oracle's route).</summary>
    /// <param name="sample">The sample's parameters.</param>
    /// <returns>The options: the base options with the sample's choices and its link weights as weight overrides.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sample"/> is null.</exception>
    /// <exception cref="InvalidOperationException">A child is linked from several parents, so per-link weights cannot be expressed as per-code overrides.</exception>
    public ScoringOptions OptionsFor(SampleParameters sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ScoringOptions o = Choose(sample.Normaliser, sample.Aggregators.Count > 0 ? sample.Aggregators.AsSpan() : sample.Aggregator is { } one ? [one] : [], sample.Imputation, sample.Treated);
        if (Links.Select(l => l.Child).Distinct(StringComparer.Ordinal).Count() != Links.Count)
        {
            throw new InvalidOperationException("A child is linked from several parents; per-link weights cannot be written as per-code weight overrides.");
        }

        var plan = ScoringPlan.Compile(Framework, o);
        var weights = new List<KeyValuePair<string, double>>();
        for (int c = 0; c < Links.Count; c++)
        {
            if (!plan.LinkIsPointsRatio(c))
            {
                weights.Add(new(Links[c].Child, sample.LinkWeights[c]));
            }
        }

        return o.WithWeights(weights);
    }

    // Input groups of the counter-based draws, fixed whatever is varied (so adding an input never changes another's draws).
    internal const int GroupCount = 6;

    internal static int GroupOf(UncertainInput input) => (int)input;

    internal static void SampleKeys(int seed, long row, Span<ulong> keys)
    {
        for (int g = 0; g < keys.Length; g++)
        {
            keys[g] = CounterRandom.Key(seed, 0, row, g);
        }
    }

    internal ScoringPlan CombinationPlan(int combo)
    {
        (int n, int[] a, int i, int t) = Split(combo);
        return ScoringPlan.Compile(Framework, Choose(
            Normalisers.Count > 0 ? Normalisers[n] : null,
            ChosenAggregators(a),
            Imputations.Count > 0 ? Imputations[i] : null,
            TreatmentVaried ? t == 1 : null));
    }

    private Aggregator[] ChosenAggregators(int[] a) => [.. a.Select((x, q) => AggregatorChoices[q].Aggregators[x])];

    internal string DescribeCombination(int combo)
    {
        (int n, int[] a, int i, int t) = Split(combo);
        var parts = new List<string>();
        if (Normalisers.Count > 0)
        {
            parts.Add($"normaliser {Normalisers[n]}");
        }

        for (int q = 0; q < a.Length; q++)
        {
            AggregatorChoice choice = AggregatorChoices[q];
            string where = choice.Nodes.Count > 0 ? $" at {string.Join(", ", choice.Nodes)}" : choice.Levels.Count > 0 ? $" at level {string.Join(", ", choice.Levels)}" : string.Empty;
            parts.Add($"aggregator {choice.Aggregators[a[q]]}{where}");
        }

        if (Imputations.Count > 0)
        {
            parts.Add($"imputation {Imputations[i]}");
        }

        if (TreatmentVaried)
        {
            parts.Add(t == 1 ? "treatment on" : "treatment off");
        }

        return parts.Count == 0 ? "the base options" : string.Join(", ", parts);
    }

    /// <summary>Draws one sample's discrete choices: the combination (normaliser, aggregator, imputation, treatment) and the excluded indicator (−1: none).</summary>
    internal void DrawChoices(ReadOnlySpan<ulong> keys, out int combo, out int excluded)
    {
        combo = Pick(keys[GroupOf(UncertainInput.Normaliser)], Normalisers.Count, 0);
        ulong ak = keys[GroupOf(UncertainInput.Aggregator)];
        for (int q = 0; q < AggregatorChoices.Count; q++)
        {
            int count = AggregatorChoices[q].Aggregators.Count;
            combo = (combo * count) + Pick(ak, count, q);
        }

        int i = Pick(keys[GroupOf(UncertainInput.Imputation)], Imputations.Count, 0);
        int t = TreatmentVaried ? Pick(keys[GroupOf(UncertainInput.Treatment)], 2, 0) : 0;
        combo = (((combo * Math.Max(1, Imputations.Count)) + i) * (TreatmentVaried ? 2 : 1)) + t;
        excluded = Exclusions.Count > 0 ? Pick(keys[GroupOf(UncertainInput.Exclusion)], Exclusions.Count + 1, 0) - 1 : -1;
    }

    /// <summary>Draws one sample's link weights around <paramref name="nominal"/> (the weights of its combination's plan), then zeroes the excluded indicator's links.</summary>
    internal void DrawWeights(ReadOnlySpan<ulong> keys, ReadOnlySpan<double> nominal, Span<double> weights, int excluded)
    {
        ulong wk = keys[GroupOf(UncertainInput.Weights)];
        if (WeightSets.Count > 0)
        {
            WeightSets[Pick(wk, WeightSets.Count, 0)].AsSpan().CopyTo(weights);
        }
        else
        {
            nominal.CopyTo(weights);
            ReadOnlySpan<double> noise = LinkNoise.AsSpan();
            for (int c = 0; c < weights.Length; c++)
            {
                double f = noise[c];
                if (f != 0)
                {
                    double w = weights[c];
                    weights[c] = w + (((2 * CounterRandom.Uniform(wk, c)) - 1) * f * w);
                }
            }

            if (Dirichlet is { } dirichlet)
            {
                foreach (int k in DirichletNodeIndex)
                {
                    (int start, int end) = NominalPlan.ChildRange(k);
                    DirichletDraw.Draw(wk, start, nominal[start..end], weights[start..end], dirichlet.Concentration, dirichlet.Centred);
                }
            }
        }

        if (excluded >= 0)
        {
            foreach (int c in ExcludedLinks(excluded))
            {
                weights[c] = 0;
            }
        }
    }

    internal int[] ExcludedLinks(int excluded)
    {
        string code = Exclusions[excluded];
        return [.. Enumerable.Range(0, Links.Count).Where(c => string.Equals(Links[c].Child, code, StringComparison.Ordinal))];
    }

    internal SampleParameters Describe(long index, double[] weights, int combo, int excluded)
    {
        (int n, int[] a, int i, int t) = Split(combo);
        Aggregator[] chosen = ChosenAggregators(a);
        return new SampleParameters(
            index,
            ValueList.Of(weights),
            Normalisers.Count > 0 ? Normalisers[n] : null,
            chosen.Length > 0 ? chosen[0] : null,
            Imputations.Count > 0 ? Imputations[i] : null,
            TreatmentVaried ? t == 1 : null,
            excluded >= 0 ? Exclusions[excluded] : null)
        {
            Aggregators = ValueList.Of(chosen),
        };
    }

    // Element ⌊u_q·count⌋ of a list, u_q the q-th draw of the input's key.
    private static int Pick(ulong key, int count, int q) => count <= 1 ? 0 : Math.Min(count - 1, (int)(CounterRandom.Uniform(key, q) * count));

    private (int N, int[] A, int I, int T) Split(int combo)
    {
        int nt = TreatmentVaried ? 2 : 1, ni = Math.Max(1, Imputations.Count);
        int t = combo % nt;
        combo /= nt;
        int i = combo % ni;
        combo /= ni;
        var a = new int[AggregatorChoices.Count];
        for (int q = a.Length - 1; q >= 0; q--)
        {
            int na = AggregatorChoices[q].Aggregators.Count;
            a[q] = combo % na;
            combo /= na;
        }

        return (combo, a, i, t);
    }

    private ScoringOptions Choose(Normaliser? normaliser, ReadOnlySpan<Aggregator> aggregators, ImputationMethod? imputation, bool? treated)
    {
        ScoringOptions o = BaseOptions;
        if (normaliser is not null)
        {
            o = o.WithNormaliser(normaliser);
        }

        for (int q = 0; q < aggregators.Length && q < AggregatorChoices.Count; q++)
        {
            Aggregator aggregator = aggregators[q];
            AggregatorChoice choice = AggregatorChoices[q];
            if (choice.Nodes.Count > 0)
            {
                foreach (string node in choice.Nodes)
                {
                    o = o.WithAggregator(node, aggregator);
                }
            }
            else if (choice.Levels.Count == 0)
            {
                o = o.WithAggregator(aggregator);
            }
            else
            {
                foreach (NodeKind level in choice.Levels)
                {
                    o = o.WithAggregator(level, aggregator);
                }
            }
        }

        if (imputation is { } m)
        {
            o = o.WithImputation(m, m == ImputationMethod.GroupMean ? BaseOptions.ImputationGroup : null);
        }

        if (treated is { } on)
        {
            o = o.WithTreatment(on ? TreatmentPoints : 0, BaseOptions.SkewThreshold, BaseOptions.KurtosisThreshold);
        }

        return o;
    }

    private static ValueList<T> CheckList<T>(IEnumerable<T> items, string name)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(items, name);
        var list = items.ToList();
        if (list.Count == 0 || list.Any(x => x is null))
        {
            throw new ArgumentException("The list of choices must be non-empty and hold no null.", name);
        }

        return list.ToValueList();
    }
}
