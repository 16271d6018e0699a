using System.Globalization;

namespace DxIndicators.Model;

/// <summary>
/// Checks a framework's structure and values and reports every problem with a JSON path
/// (the model mirrors the JSON format one to one, so <c>$.nodes[3].children[1].weight</c> points into the file).
/// </summary>
/// <remarks>Rules and their names are listed in docs/framework-format.md §Validation. The rules on single fields are
/// the <see cref="FieldRules"/> functions the public constructors also throw with, so a value read from a file (built on
/// the readers' deferred path) is held to the same rule as one given in C#; the rules between members and across
/// objects are only here.</remarks>
internal static class FrameworkValidator
{
    private const double PointsTolerance = 1e-9;

    /// <summary>Validates <paramref name="framework"/>'s parts.</summary>
    /// <param name="framework">The framework (its constructor calls this before it is usable).</param>
    /// <returns>Every problem found, errors and warnings, in path order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="framework"/> is null.</exception>
    internal static IReadOnlyList<Problem> Validate(Framework framework)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var errors = new List<Problem>();
        ValidateMetadata(framework.Metadata, errors);

        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        var nodeByCode = new Dictionary<string, FrameworkNode>(StringComparer.Ordinal);
        var indicatorByCode = new Dictionary<string, IndicatorDefinition>(StringComparer.Ordinal);

        for (int i = 0; i < framework.Indicators.Count; i++)
        {
            IndicatorDefinition indicator = framework.Indicators[i];
            string path = $"$.indicators[{i}]";
            if (RequireCode(indicator.Code, path, errors) && Register(indicator.Code, path, codes, errors))
            {
                indicatorByCode[indicator.Code] = indicator;
            }

            ValidateIndicator(indicator, path, errors);
        }

        for (int i = 0; i < framework.Nodes.Count; i++)
        {
            FrameworkNode node = framework.Nodes[i];
            string path = $"$.nodes[{i}]";
            if (RequireCode(node.Code, path, errors) && Register(node.Code, path, codes, errors))
            {
                nodeByCode[node.Code] = node;
            }
        }

        for (int i = 0; i < framework.Nodes.Count; i++)
        {
            ValidateNode(framework.Nodes[i], $"$.nodes[{i}]", nodeByCode, indicatorByCode, errors);
        }

        for (int i = 0; i < framework.Indicators.Count; i++)
        {
            IndicatorDefinition indicator = framework.Indicators[i];
            if (indicator.Denominator is { } denominator && !indicatorByCode.ContainsKey(denominator))
            {
                errors.Add(new Problem($"$.indicators[{i}].denominator", "unknown-reference", $"Indicator '{indicator.Code}' is denominated by '{denominator}', which is not an indicator of this framework.", indicator.Code));
            }
        }

        ValidateRootAndReachability(framework, nodeByCode, indicatorByCode, errors);
        ValidateCycles(framework, nodeByCode, errors);
        ValidateTargets(framework.Targets, "$.targets", indicatorByCode.ContainsKey, errors);
        return errors;
    }

    /// <summary>Validates a list of targets against a set of known indicator codes.</summary>
    /// <param name="targets">The targets.</param>
    /// <param name="basePath">The JSON path of the list.</param>
    /// <param name="isKnownIndicator">Whether an indicator code exists (null: do not check references).</param>
    /// <param name="errors">Receives the problems.</param>
    internal static void ValidateTargets(IReadOnlyList<TargetRule> targets, string basePath, Func<string, bool>? isKnownIndicator, List<Problem> errors)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < targets.Count; i++)
        {
            TargetRule target = targets[i];
            string path = $"{basePath}[{i}]";
            if (RequireCode(target.Code, path, errors))
            {
                Register(target.Code, path, seen, errors);
            }

            if (FieldRules.Text(target.Indicator) is { } noIndicator)
            {
                errors.Add(new Problem(path + ".indicator", noIndicator.Rule, $"Target '{target.Code}' names no indicator.", target.Code));
            }
            else if (isKnownIndicator is not null && !isKnownIndicator(target.Indicator))
            {
                errors.Add(new Problem(path + ".indicator", "unknown-reference", $"Target '{target.Code}' refers to indicator '{target.Indicator}', which does not exist.", target.Code));
            }

            ValidateThresholds(target, path, errors);
            if (FieldRules.Text(target.LegalSource) is { } noSource)
            {
                errors.Add(new Problem(path + ".legalSource", noSource.Rule, $"Target '{target.Code}' has no legal source.", target.Code));
            }

            ValidateStatus(target.Status, target.StatusNote, path, "Target", target.Code, errors);
            if (FieldRules.GivenText(target.Reference) is { } blankReference)
            {
                errors.Add(new Problem(path + ".reference", blankReference.Rule, $"Target '{target.Code}' has a blank reference; give the article or clause and a public URL, or leave the field out.", target.Code));
            }

            ValidateSupersedes(target, path, errors);
            if (target.Baseline is { } baseline)
            {
                RequireFinite(baseline.Value, path + ".baseline.value", target.Code, errors);
                if (FieldRules.DeadlineAfterBaseline(target.Deadline, baseline.Date) is { } early)
                {
                    errors.Add(new Problem(path + ".deadline", early.Rule, Fmt($"Target '{target.Code}': deadline {target.Deadline:uuuu-MM-dd} is before its baseline date {baseline.Date:uuuu-MM-dd}."), target.Code));
                }
            }
        }
    }

    private static void ValidateThresholds(TargetRule target, string path, List<Problem> errors)
    {
        if (FieldRules.Comparator(target.Comparator) is { } comparator)
        {
            errors.Add(new Problem(path + ".comparator", comparator.Rule, Fmt($"Target '{target.Code}': comparator {(int)target.Comparator} is not defined."), target.Code));
        }

        RequireFinite(target.Threshold, path + ".threshold", target.Code, errors);
        if (target.Comparator == Comparator.Between)
        {
            if (target.UpperThreshold is not { } upper)
            {
                errors.Add(new Problem(path + ".upperThreshold", "missing-field", $"Target '{target.Code}' compares 'between' but has no upper threshold.", target.Code));
            }
            else if (RequireFinite(upper, path + ".upperThreshold", target.Code, errors) && FieldRules.UpperThreshold(target.Comparator, target.Threshold, upper) is { } below)
            {
                errors.Add(new Problem(path + ".upperThreshold", below.Rule, Fmt($"Target '{target.Code}': upper threshold {upper} is below the threshold {target.Threshold}."), target.Code));
            }
        }
        else if (target.UpperThreshold is { } upper && FieldRules.UpperThreshold(target.Comparator, target.Threshold, upper) is { } unexpected)
        {
            errors.Add(new Problem(path + ".upperThreshold", unexpected.Rule, $"Target '{target.Code}': an upper threshold only applies to 'between'.", target.Code));
        }

        if (FieldRules.Rank(target.Comparator, target.Threshold) is { } rank)
        {
            errors.Add(new Problem(path + ".threshold", rank.Rule, Fmt($"Target '{target.Code}': a rank threshold must be a whole number ≥ 1, was {target.Threshold}."), target.Code));
        }
    }

    /// <summary>Validates a stand-alone list of indicators (a target catalogue's): codes, duplicates, each definition and denominators.</summary>
    /// <param name="indicators">The indicators.</param>
    /// <param name="basePath">The JSON path of the list.</param>
    /// <param name="errors">Receives the problems.</param>
    /// <returns>The codes of the indicators, for checking references to them.</returns>
    internal static HashSet<string> ValidateIndicatorList(IReadOnlyList<IndicatorDefinition> indicators, string basePath, List<Problem> errors)
    {
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < indicators.Count; i++)
        {
            string path = $"{basePath}[{i}]";
            if (RequireCode(indicators[i].Code, path, errors))
            {
                Register(indicators[i].Code, path, codes, errors);
            }

            ValidateIndicator(indicators[i], path, errors);
        }

        for (int i = 0; i < indicators.Count; i++)
        {
            if (indicators[i].Denominator is { } denominator && !codes.ContainsKey(denominator))
            {
                errors.Add(new Problem($"{basePath}[{i}].denominator", "unknown-reference", $"Indicator '{indicators[i].Code}' is denominated by '{denominator}', which is not an indicator of this list.", indicators[i].Code));
            }
        }

        return codes.Keys.ToHashSet(StringComparer.Ordinal);
    }

    private static void ValidateMetadata(FrameworkMetadata metadata, List<Problem> errors)
    {
        if (metadata.ComponentCount is { } components && FieldRules.ComponentCount(components) is { } count)
        {
            errors.Add(new Problem("$.componentCount", count.Rule, Fmt($"componentCount must be a whole number ≥ 1 (the component indices the source lists), was {components}.")));
        }

        if (FieldRules.Text(metadata.Id) is { } noId)
        {
            errors.Add(new Problem("$.id", noId.Rule, "The framework has no id."));
        }

        if (FieldRules.Text(metadata.Version) is { } noVersion)
        {
            errors.Add(new Problem("$.version", noVersion.Rule, "The framework has no version."));
        }

        ValidateName(metadata.Name, "$.name", null, errors);
        if (FieldRules.Text(metadata.MethodologySource) is { } noSource)
        {
            errors.Add(new Problem("$.methodologySource", noSource.Rule, "The framework names no methodology source (legal instrument)."));
        }

        if (metadata.EffectiveTo is { } to && FieldRules.DateOrder(metadata.EffectiveFrom, to) is { } dates)
        {
            errors.Add(new Problem("$.effectiveTo", dates.Rule, Fmt($"effectiveTo {to:uuuu-MM-dd} is before effectiveFrom {metadata.EffectiveFrom:uuuu-MM-dd}.")));
        }

        if (FieldRules.Scale(metadata.Scale) is { } scale)
        {
            errors.Add(new Problem("$.scale", scale.Rule, Fmt($"The output scale must have finite min < max, was [{metadata.Scale.Min}, {metadata.Scale.Max}].")));
        }

        if (FieldRules.MergerRule(metadata.MergerRule) is { } merger)
        {
            errors.Add(new Problem("$.mergerRule", merger.Rule, Fmt($"The merger rule {(int)metadata.MergerRule} is not defined; use notAllowed or unweightedMean.")));
        }

        if (metadata.UnitRegistry is { } registry && FieldRules.UnitRegistry(registry) is { } unknown)
        {
            errors.Add(new Problem("$.unitRegistry", unknown.Rule, Fmt($"Unit registry '{registry}' is not a built-in registry; the only one is '{FrameworkMetadata.VietnamProvincesRegistry}'. Leave the field out for your own unit codes.")));
        }
    }

    private static void ValidateIndicator(IndicatorDefinition indicator, string path, List<Problem> errors)
    {
        ValidateStatus(indicator.Status, indicator.StatusNote, path, "Indicator", indicator.Code, errors);
        ValidateName(indicator.Name, path + ".name", indicator.Code, errors);
        if (FieldRules.Range(indicator.ValidRange) is { } range)
        {
            errors.Add(new Problem(path + ".validRange", range.Rule, Fmt($"Indicator '{indicator.Code}': valid range {indicator.ValidRange} must have min ≤ max."), indicator.Code));
        }

        if (indicator.PerPopulation is { } per && FieldRules.Positive(per) is { } perRule)
        {
            errors.Add(new Problem(path + ".perPopulation", perRule.Rule, Fmt($"Indicator '{indicator.Code}': perPopulation must be a positive number, was {per}."), indicator.Code));
        }

        if (indicator.Measure == MeasureKind.PerPopulation && indicator.PerPopulation is null)
        {
            errors.Add(new Problem(path + ".perPopulation", "missing-field", $"Indicator '{indicator.Code}' is per-population but does not say per how many people.", indicator.Code));
        }

        if (indicator.Goalposts is { } posts)
        {
            bool ok = RequireFinite(posts.Lower, path + ".goalposts.lower", indicator.Code, errors) & RequireFinite(posts.Upper, path + ".goalposts.upper", indicator.Code, errors);
            if (ok && FieldRules.GoalpostOrder(posts.Lower, posts.Upper) is { } order)
            {
                errors.Add(new Problem(path + ".goalposts", order.Rule, Fmt($"Indicator '{indicator.Code}': goalposts lower {posts.Lower} must be below upper {posts.Upper} (both in raw units; polarity is applied by the library)."), indicator.Code));
            }
        }

        if (indicator.ReferenceTarget is { } target)
        {
            RequireFinite(target, path + ".referenceTarget", indicator.Code, errors);
        }

        if (indicator.Points is { } rule)
        {
            ValidatePointsRule(rule, indicator, path + ".points", errors);
        }
    }

    private static void ValidatePointsRule(PointsRule rule, IndicatorDefinition indicator, string path, List<Problem> errors)
    {
        string code = indicator.Code;
        if (FieldRules.Points(rule.MaxPoints) is { } points)
        {
            errors.Add(new Problem(path + ".maxPoints", points.Rule, Fmt($"Indicator '{code}': max points must be a finite number ≥ 0, was {rule.MaxPoints}."), code));
        }

        switch (rule)
        {
            case RatioPointsRule ratio:
                ValidateRatio(ratio, code, path, errors);
                break;
            case StepPointsRule steps:
                ValidateSteps(steps, indicator.Polarity, code, path, errors);
                break;
            case CategoricalPointsRule categorical:
                ValidateCategories(categorical, code, path, errors);
                break;
            case AdditivePointsRule additive:
                ValidateParts(additive, code, path, errors);
                break;
        }
    }

    private static void ValidateRatio(RatioPointsRule ratio, string code, string path, List<Problem> errors)
    {
        if (FieldRules.Positive(ratio.FullAt) is { } fullAt)
        {
            errors.Add(new Problem(path + ".fullAt", fullAt.Rule, Fmt($"Indicator '{code}': fullAt must be a positive number, was {ratio.FullAt}."), code));
        }
    }

    private static void ValidateSteps(StepPointsRule steps, Polarity polarity, string code, string path, List<Problem> errors)
    {
        if (FieldRules.NotEmpty(steps.Steps.Count, ProblemRules.EmptySteps) is { } empty)
        {
            errors.Add(new Problem(path + ".steps", empty.Rule, $"Indicator '{code}': a step table needs at least one step.", code));
        }

        for (int i = 0; i < steps.Steps.Count; i++)
        {
            PointsStep step = steps.Steps[i];
            string stepPath = $"{path}.steps[{i}]";
            RequireFinite(step.Threshold, stepPath + ".threshold", code, errors);
            if (FieldRules.StepPoints(step.Points, steps.MaxPoints) is { } stepPoints)
            {
                errors.Add(new Problem(stepPath + ".points", stepPoints.Rule, Fmt($"Indicator '{code}': step points must be in [0, {steps.MaxPoints}], was {step.Points}."), code));
            }

            if (i > 0)
            {
                PointsStep previous = steps.Steps[i - 1];
                bool pointsMonotone = polarity == Polarity.HigherIsBetter ? step.Points >= previous.Points : step.Points <= previous.Points;
                if (!(step.Threshold > previous.Threshold) || !pointsMonotone)
                {
                    errors.Add(new Problem(stepPath, "non-monotone-steps", Fmt($"Indicator '{code}': steps must have strictly increasing thresholds and points that {(polarity == Polarity.HigherIsBetter ? "do not decrease" : "do not increase")}; step {i} ({step.Threshold} → {step.Points}) follows ({previous.Threshold} → {previous.Points})."), code));
                }
            }
        }
    }

    private static void ValidateCategories(CategoricalPointsRule categorical, string code, string path, List<Problem> errors)
    {
        if (FieldRules.NotEmpty(categorical.Categories.Count, ProblemRules.EmptyCategories) is { } empty)
        {
            errors.Add(new Problem(path + ".categories", empty.Rule, $"Indicator '{code}': a categorical rule needs at least one category.", code));
        }

        var values = new HashSet<double>();
        for (int i = 0; i < categorical.Categories.Count; i++)
        {
            CategoryFraction category = categorical.Categories[i];
            string catPath = $"{path}.categories[{i}]";
            if (!values.Add(category.Value))
            {
                errors.Add(new Problem(catPath + ".value", "duplicate-code", Fmt($"Indicator '{code}': category value {category.Value} appears twice."), code));
            }

            RequireFraction(category.Fraction, catPath + ".fraction", code, errors);
        }
    }

    private static void ValidateParts(AdditivePointsRule additive, string code, string path, List<Problem> errors)
    {
        if (FieldRules.PartCount(additive.Parts.Count) is { } count)
        {
            errors.Add(new Problem(path + ".parts", count.Rule, Fmt($"Indicator '{code}': an additive rule needs 1 to 52 parts, has {additive.Parts.Count}."), code));
        }

        for (int i = 0; i < additive.Parts.Count; i++)
        {
            RequireFraction(additive.Parts[i].Fraction, $"{path}.parts[{i}].fraction", code, errors);
        }
    }

    private static void ValidateNode(
        FrameworkNode node,
        string path,
        Dictionary<string, FrameworkNode> nodes,
        Dictionary<string, IndicatorDefinition> indicators,
        List<Problem> errors)
    {
        ValidateName(node.Name, path + ".name", node.Code, errors);
        ValidateStatus(node.Status, node.StatusNote, path, "Node", node.Code, errors);
        if (FieldRules.NotEmpty(node.Children.Count, ProblemRules.EmptyNode) is { } empty)
        {
            errors.Add(new Problem(path + ".children", empty.Rule, $"Node '{node.Code}' ({node.Kind}) has no children; every {node.Kind} needs at least one indicator or node under it.", node.Code));
        }

        (double pointsSum, double weightSum, bool allPoints) = ValidateLinks(node, path, nodes, indicators, errors);
        if (node.Aggregation == AggregationMethod.PointsRatio && !allPoints)
        {
            errors.Add(new Problem(path + ".children", "missing-points", $"Node '{node.Code}' aggregates by points, so every child link needs maxPoints.", node.Code));
        }

        if (node.MaxPoints is { } max)
        {
            if (FieldRules.Points(max) is { } points)
            {
                errors.Add(new Problem(path + ".maxPoints", points.Rule, Fmt($"Max points of node '{node.Code}' must be a finite number ≥ 0 but was {max}."), node.Code));
            }
            else if (allPoints && Math.Abs(pointsSum - max) > PointsTolerance * Math.Max(1, max))
            {
                errors.Add(new Problem(path + ".maxPoints", "points-sum", Fmt($"Children of node '{node.Code}' add up to {pointsSum} points but the node declares {max}."), node.Code));
            }
        }

        bool usesPoints = node.Aggregation == AggregationMethod.PointsRatio || allPoints;
        double effectiveSum = usesPoints ? pointsSum : weightSum;
        if (node.Children.Count > 0 && double.IsPositiveInfinity(effectiveSum))
        {
            errors.Add(new Problem(path + ".children", "invalid-weight", $"Node '{node.Code}': its children's {(usesPoints ? "max points" : "weights")} add up to more than the largest double (1.8e308); scale them down.", node.Code));
        }
        else if (node.Children.Count > 0 && !(effectiveSum > 0))
        {
            errors.Add(new Problem(path + ".children", "zero-weights", $"Node '{node.Code}': its children's {(usesPoints ? "max points" : "weights")} add up to 0, so it cannot be scored.", node.Code));
        }

        ValidateNodeParameters(node, path, errors);
    }

    private static void ValidateNodeParameters(FrameworkNode node, string path, List<Problem> errors)
    {
        if (node.Aggregation == AggregationMethod.GeneralisedMean)
        {
            if (node.Power is not { } p || FieldRules.Power(p) is not null)
            {
                errors.Add(new Problem(path + ".power", ProblemRules.InvalidPower, $"Node '{node.Code}' uses a generalised mean, which needs a finite, non-zero power p.", node.Code));
            }
        }
        else if (node.Power is not null)
        {
            errors.Add(new Problem(path + ".power", "unexpected-field", $"Node '{node.Code}': power only applies to the generalised mean.", node.Code));
        }

        if (node.MinShare is { } share && FieldRules.Share(share) is { } shareRule)
        {
            errors.Add(new Problem(path + ".minShare", shareRule.Rule, Fmt($"Node '{node.Code}': minShare must be in (0, 1], was {share}."), node.Code));
        }
    }

    private static (double PointsSum, double WeightSum, bool AllPoints) ValidateLinks(
        FrameworkNode node,
        string path,
        Dictionary<string, FrameworkNode> nodes,
        Dictionary<string, IndicatorDefinition> indicators,
        List<Problem> errors)
    {
        var seenChildren = new HashSet<string>(StringComparer.Ordinal);
        double pointsSum = 0;
        double weightSum = 0;
        bool allPoints = node.Children.Count > 0;
        for (int i = 0; i < node.Children.Count; i++)
        {
            NodeLink link = node.Children[i];
            string linkPath = $"{path}.children[{i}]";
            if (FieldRules.Text(link.Code) is { } blank)
            {
                errors.Add(new Problem(linkPath + ".code", blank.Rule, $"Node '{node.Code}' has a child link with no code.", node.Code));
            }
            else if (!seenChildren.Add(link.Code))
            {
                errors.Add(new Problem(linkPath + ".code", "duplicate-child", $"Node '{node.Code}' lists child '{link.Code}' twice.", node.Code));
            }

            nodes.TryGetValue(link.Code, out FrameworkNode? childNode);
            indicators.TryGetValue(link.Code, out IndicatorDefinition? childIndicator);
            if (childNode is null && childIndicator is null && FieldRules.Text(link.Code) is null)
            {
                errors.Add(new Problem(linkPath + ".code", "unknown-reference", $"Node '{node.Code}' refers to '{link.Code}', which is neither a node nor an indicator.", node.Code));
            }

            (double weight, double? points) = ValidateLink(link, node.Code, linkPath, childNode?.MaxPoints ?? childIndicator?.Points?.MaxPoints, errors);
            weightSum += weight;
            pointsSum += points ?? 0;
            allPoints &= link.MaxPoints is not null;
        }

        return (pointsSum, weightSum, allPoints);
    }

    // One link's weight and points: the field rules of NodeLink, and its points against the child's own. Returns the
    // weight and points that count towards the parent's sums (0 and null for a value that breaks a rule).
    private static (double Weight, double? Points) ValidateLink(NodeLink link, string parent, string linkPath, double? childMax, List<Problem> errors)
    {
        double weight = 0;
        if (FieldRules.Weight(link.Weight) is { } badWeight)
        {
            errors.Add(new Problem(linkPath + ".weight", badWeight.Rule, Fmt($"Weight of '{link.Code}' in node '{parent}' must be a finite number ≥ 0 but was {link.Weight}."), parent));
        }
        else
        {
            weight = link.Weight;
        }

        if (link.MaxPoints is not { } points)
        {
            return (weight, null);
        }

        if (FieldRules.Points(points) is { } badPoints)
        {
            errors.Add(new Problem(linkPath + ".maxPoints", badPoints.Rule, Fmt($"Max points of '{link.Code}' in node '{parent}' must be a finite number ≥ 0 but was {points}."), parent));
            return (weight, null);
        }

        if (childMax is { } declared && Math.Abs(declared - points) > PointsTolerance * Math.Max(1, declared))
        {
            errors.Add(new Problem(linkPath + ".maxPoints", "points-mismatch", Fmt($"Node '{parent}' gives '{link.Code}' {points} points but '{link.Code}' declares {declared}."), parent));
        }

        return (weight, points);
    }

    private static void ValidateRootAndReachability(
        Framework framework,
        Dictionary<string, FrameworkNode> nodes,
        Dictionary<string, IndicatorDefinition> indicators,
        List<Problem> errors)
    {
        if (!nodes.TryGetValue(framework.Root, out FrameworkNode? root))
        {
            errors.Add(new Problem("$.root", "unknown-reference", $"The root '{framework.Root}' is not a node of the framework.", framework.Root));
            return;
        }

        // Pillars may overlap the index instead of sitting under it (2022 DTI: DTI = points of the main indices,
        // each pillar = foundation indices + its activity index), so they are roots of their own "views".
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        stack.Push(root.Code);
        foreach (FrameworkNode node in framework.Nodes)
        {
            if (node.Kind == NodeKind.Pillar)
            {
                stack.Push(node.Code);
            }
        }

        while (stack.Count > 0)
        {
            string code = stack.Pop();
            if (!reached.Add(code) || !nodes.TryGetValue(code, out FrameworkNode? node))
            {
                continue;
            }

            foreach (NodeLink link in node.Children)
            {
                stack.Push(link.Code);
            }
        }

        for (int i = 0; i < framework.Nodes.Count; i++)
        {
            FrameworkNode node = framework.Nodes[i];
            if (!reached.Contains(node.Code))
            {
                errors.Add(new Problem($"$.nodes[{i}]", "unreachable", $"Node '{node.Code}' is not under the root '{framework.Root}' nor under any pillar.", node.Code));
            }
        }

        ReportUnreachableIndicators(framework, reached, errors);
        _ = indicators;
    }

    private static void ReportUnreachableIndicators(Framework framework, HashSet<string> reached, List<Problem> errors)
    {
        var denominators = new HashSet<string>(StringComparer.Ordinal);
        foreach (IndicatorDefinition indicator in framework.Indicators)
        {
            if (indicator.Denominator is { } denominator)
            {
                denominators.Add(denominator);
            }
        }

        for (int i = 0; i < framework.Indicators.Count; i++)
        {
            IndicatorDefinition indicator = framework.Indicators[i];
            if (!reached.Contains(indicator.Code) && !denominators.Contains(indicator.Code))
            {
                errors.Add(new Problem($"$.indicators[{i}]", "unreachable", $"Indicator '{indicator.Code}' is used by no node (and is no other indicator's denominator).", indicator.Code) { Severity = ProblemSeverity.Warning });
            }
        }
    }

    private static Dictionary<string, int> FirstIndexByCode(ValueList<FrameworkNode> nodes)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < nodes.Count; i++)
        {
            index.TryAdd(nodes[i].Code, i);
        }

        return index;
    }

    private static void ValidateCycles(Framework framework, Dictionary<string, FrameworkNode> nodes, List<Problem> errors)
    {
        // Iterative three-colour DFS (an explicit stack, so a chain of any depth cannot overflow the call stack);
        // a grey → grey edge closes a cycle. Each cycle is reported once, at the node whose link closes it, with
        // the whole loop spelled out.
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        Dictionary<string, int> index = FirstIndexByCode(framework.Nodes);
        var path = new List<string>();
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<(FrameworkNode Node, int Next)>();
        foreach (FrameworkNode start in framework.Nodes)
        {
            if (state.GetValueOrDefault(start.Code) != 0)
            {
                continue;
            }

            Enter(start);
            while (stack.Count > 0)
            {
                (FrameworkNode node, int c) = stack.Pop();
                if (c == node.Children.Count)
                {
                    path.RemoveAt(path.Count - 1);
                    position.Remove(node.Code);
                    state[node.Code] = 2;
                    continue;
                }

                stack.Push((node, c + 1));
                string child = node.Children[c].Code;
                if (!nodes.TryGetValue(child, out FrameworkNode? childNode))
                {
                    continue;
                }

                int s = state.GetValueOrDefault(child);
                if (s == 1)
                {
                    string loop = string.Join(" → ", path.Skip(position[child]).Append(child));
                    errors.Add(new Problem($"$.nodes[{index[node.Code]}].children[{c}].code", "cycle", $"Node '{node.Code}' closes a cycle: {loop}.", node.Code));
                }
                else if (s == 0)
                {
                    Enter(childNode);
                }
            }
        }

        void Enter(FrameworkNode node)
        {
            state[node.Code] = 1;
            position[node.Code] = path.Count;
            path.Add(node.Code);
            stack.Push((node, 0));
        }
    }

    // A provisional part must say what is not public and what the model rests on; that note is then reported as a
    // warning, so `dx validate` and Framework.Warnings list every provisional part. A note on a confirmed part is an error
    // (it would read as a caveat no one is warned about).
    private static void ValidateStatus(DefinitionStatus status, string? note, string path, string what, string? code, List<Problem> errors)
    {
        if (FieldRules.Status(status) is { } undefined)
        {
            errors.Add(new Problem(path + ".status", undefined.Rule, Fmt($"{what} '{code}': status {(int)status} is not confirmed or provisional."), code));
            return;
        }

        if (status == DefinitionStatus.Provisional)
        {
            if (string.IsNullOrWhiteSpace(note))
            {
                errors.Add(new Problem(path + ".statusNote", "missing-field", $"{what} '{code}' is provisional but has no statusNote saying what is not public and what the model rests on.", code));
            }
            else
            {
                errors.Add(new Problem(path + ".status", ProblemRules.Provisional, $"{what} '{code}' is provisional: {note}", code) { Severity = ProblemSeverity.Warning });
            }
        }
        else if (note is not null)
        {
            errors.Add(new Problem(path + ".statusNote", "unexpected-field", $"{what} '{code}': a statusNote only applies to a provisional part; remove it or set status to provisional.", code));
        }
    }

    private static void ValidateSupersedes(TargetRule target, string path, List<Problem> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int k = 0; k < target.Supersedes.Count; k++)
        {
            string other = target.Supersedes[k];
            string itemPath = Fmt($"{path}.supersedes[{k}]");
            if (FieldRules.Text(other) is { } blank)
            {
                errors.Add(new Problem(itemPath, blank.Rule, $"Target '{target.Code}': a superseded target code is blank.", target.Code));
            }
            else if (FieldRules.NotSelf(target.Code, other) is { } self)
            {
                errors.Add(new Problem(itemPath, self.Rule, $"Target '{target.Code}' cannot supersede itself.", target.Code));
            }
            else if (!seen.Add(other))
            {
                errors.Add(new Problem(itemPath, "duplicate-code", $"Target '{target.Code}' lists '{other}' as superseded twice.", target.Code));
            }
        }
    }

    private static bool RequireCode(string? code, string path, List<Problem> errors)
    {
        if (code is null || FieldRules.Text(code) is not null)
        {
            errors.Add(new Problem(path + ".code", ProblemRules.MissingField, "The code is missing or blank."));
            return false;
        }

        return true;
    }

    private static bool Register(string code, string path, Dictionary<string, string> seen, List<Problem> errors)
    {
        if (seen.TryGetValue(code, out string? first))
        {
            errors.Add(new Problem(path + ".code", "duplicate-code", $"Code '{code}' is already used at {first}.", code));
            return false;
        }

        seen[code] = path;
        return true;
    }

    private static void ValidateName(LocalizedText? name, string path, string? code, List<Problem> errors)
    {
        if (FieldRules.Name(name) is { } noName)
        {
            errors.Add(new Problem(path, noName.Rule, "A name in Vietnamese or English (or both) is required.", code));
        }
    }

    private static bool RequireFinite(double value, string path, string? code, List<Problem> errors)
    {
        if (FieldRules.Finite(value) is { } notFinite)
        {
            errors.Add(new Problem(path, notFinite.Rule, Fmt($"The value must be a finite number, was {value}."), code));
            return false;
        }

        return true;
    }

    private static void RequireFraction(double value, string path, string? code, List<Problem> errors)
    {
        if (FieldRules.Fraction(value) is { } fraction)
        {
            errors.Add(new Problem(path, fraction.Rule, Fmt($"A fraction of max points must be in [0, 1], was {value}."), code));
        }
    }

    private static string Fmt(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
