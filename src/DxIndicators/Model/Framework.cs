using System.Collections.Frozen;

namespace DxIndicators.Model;

/// <summary>
/// A validated digital-transformation indicator framework: metadata, a tree of aggregate nodes over indicators
/// (a node may have several parents, never a cycle), and dated targets.
/// </summary>
/// <remarks>
/// Immutable; safe to share. The constructor validates everything (see the validator, docs/framework-format.md) and throws
/// <see cref="FrameworkValidationException"/> listing every problem with a JSON-style path. Two frameworks are equal
/// when all their parts are equal, so a JSON round trip gives an equal framework.
/// </remarks>
public sealed class Framework : IEquatable<Framework>
{
    /// <summary>The JSON format version this library writes and reads.</summary>
    public const int CurrentFormatVersion = 1;

    private readonly FrozenDictionary<string, FrameworkNode> _nodes;
    private readonly FrozenDictionary<string, IndicatorDefinition> _indicators;
    private readonly FrozenDictionary<string, int> _indicatorIndex;

    /// <summary>Initializes a new framework after validating every part.</summary>
    /// <param name="metadata">Identity, names, source, dates and scale.</param>
    /// <param name="root">The code of the index node at the top of the tree.</param>
    /// <param name="nodes">The aggregate nodes.</param>
    /// <param name="indicators">The indicators (leaves).</param>
    /// <param name="targets">The targets (may be empty).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="FrameworkValidationException">The definition breaks one or more rules.</exception>
    public Framework(
        FrameworkMetadata metadata,
        string root,
        IEnumerable<FrameworkNode> nodes,
        IEnumerable<IndicatorDefinition> indicators,
        IEnumerable<TargetRule>? targets = null)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(indicators);
        Metadata = metadata;
        Root = root;
        Nodes = nodes.ToValueList();
        Indicators = indicators.ToValueList();
        Targets = (targets ?? []).ToValueList();

        IReadOnlyList<Problem> errors = FrameworkValidator.Validate(this);
        if (errors.Any(e => e.Severity == ProblemSeverity.Error))
        {
            throw new FrameworkValidationException(metadata.Id, errors);
        }

        Warnings = errors.ToValueList();
        _nodes = Nodes.ToFrozenDictionary(n => n.Code, StringComparer.Ordinal);
        _indicators = Indicators.ToFrozenDictionary(i => i.Code, StringComparer.Ordinal);
        _indicatorIndex = Enumerable.Range(0, Indicators.Count).ToFrozenDictionary(i => Indicators[i].Code, StringComparer.Ordinal);
    }

    /// <summary>Gets the framework's identity, names, source, dates and scale.</summary>
    public FrameworkMetadata Metadata { get; }

    /// <summary>Gets the framework id (for example <c>vn-dti-province-2022</c>).</summary>
    public string Id => Metadata.Id;

    /// <summary>Gets the code of the index node.</summary>
    public string Root { get; }

    /// <summary>Gets the aggregate nodes, in definition order.</summary>
    public ValueList<FrameworkNode> Nodes { get; }

    /// <summary>Gets the indicators, in definition order (this is the column order of data matrices).</summary>
    public ValueList<IndicatorDefinition> Indicators { get; }

    /// <summary>Gets the targets.</summary>
    public ValueList<TargetRule> Targets { get; }

    /// <summary>Gets non-fatal findings of validation.</summary>
    public ValueList<Problem> Warnings { get; }

    /// <summary>Gets the node with the given code.</summary>
    /// <param name="code">The node code.</param>
    /// <returns>The node.</returns>
    /// <exception cref="KeyNotFoundException">No node has that code.</exception>
    public FrameworkNode GetNode(string code) =>
        _nodes.TryGetValue(code, out FrameworkNode? node) ? node : throw new KeyNotFoundException($"Framework '{Id}' has no node '{code}'.");

    /// <summary>Gets the indicator with the given code.</summary>
    /// <param name="code">The indicator code.</param>
    /// <returns>The indicator.</returns>
    /// <exception cref="KeyNotFoundException">No indicator has that code.</exception>
    public IndicatorDefinition GetIndicator(string code) =>
        _indicators.TryGetValue(code, out IndicatorDefinition? indicator) ? indicator : throw new KeyNotFoundException($"Framework '{Id}' has no indicator '{code}'.");

    /// <summary>Tries to find a node.</summary>
    /// <param name="code">The node code.</param>
    /// <param name="node">The node, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetNode(string code, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out FrameworkNode? node) => _nodes.TryGetValue(code, out node);

    /// <summary>Tries to find an indicator.</summary>
    /// <param name="code">The indicator code.</param>
    /// <param name="indicator">The indicator, when found.</param>
    /// <returns><see langword="true"/> when found.</returns>
    public bool TryGetIndicator(string code, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IndicatorDefinition? indicator) => _indicators.TryGetValue(code, out indicator);

    /// <summary>Gets the column index of an indicator in data matrices, or -1.</summary>
    /// <param name="code">The indicator code.</param>
    /// <returns>The zero-based column, or -1 when unknown.</returns>
    public int IndexOfIndicator(string code) => _indicatorIndex.TryGetValue(code, out int index) ? index : -1;

    /// <summary>Gets the nodes in bottom-up order: every node comes after all its node children.</summary>
    /// <returns>The nodes, children first.</returns>
    public IReadOnlyList<FrameworkNode> NodesBottomUp()
    {
        // Iterative post-order (an explicit stack, so a chain of any depth cannot overflow the call stack).
        var order = new List<FrameworkNode>(Nodes.Count);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<(FrameworkNode Node, int Next)>();
        foreach (FrameworkNode start in Nodes)
        {
            if (!done.Add(start.Code))
            {
                continue;
            }

            stack.Push((start, 0));
            while (stack.Count > 0)
            {
                (FrameworkNode node, int next) = stack.Pop();
                if (next == node.Children.Count)
                {
                    order.Add(node);
                    continue;
                }

                stack.Push((node, next + 1));
                if (_nodes.TryGetValue(node.Children[next].Code, out FrameworkNode? child) && done.Add(child.Code))
                {
                    stack.Push((child, 0));
                }
            }
        }

        return order;
    }

    /// <inheritdoc/>
    public bool Equals(Framework? other) =>
        other is not null &&
        Metadata == other.Metadata &&
        string.Equals(Root, other.Root, StringComparison.Ordinal) &&
        Nodes == other.Nodes &&
        Indicators == other.Indicators &&
        Targets == other.Targets;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Framework);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Metadata, Root, Nodes, Indicators, Targets);

    /// <summary>Compares two frameworks by content.</summary>
    /// <param name="left">The first framework.</param>
    /// <param name="right">The second framework.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(Framework? left, Framework? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two frameworks by content.</summary>
    /// <param name="left">The first framework.</param>
    /// <param name="right">The second framework.</param>
    /// <returns><see langword="true"/> when not equal.</returns>
    public static bool operator !=(Framework? left, Framework? right) => !(left == right);

    /// <inheritdoc/>
    public override string ToString() => $"{Id} {Metadata.Version} ({Indicators.Count} indicators, {Nodes.Count} nodes)";
}
