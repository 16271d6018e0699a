namespace DxIndicators.Model;

/// <summary>
/// Collects the parts of a framework (metadata, root, nodes, indicators, targets) in any order; <see cref="Build"/>
/// runs every check and returns the immutable <see cref="Framework"/>.
/// </summary>
/// <remarks>
/// Mutable and not thread-safe, like BenchmarkDotNet's <c>ManualConfig</c>; what it builds is immutable and safe to
/// share. Nothing is checked while parts are added, so a builder can hold a half-finished or broken framework;
/// <see cref="Build"/> reports every problem at once with its JSON-style path (docs/framework-format.md).
/// </remarks>
public sealed class FrameworkBuilder
{
    /// <summary>Initializes a builder with the framework's metadata and the code of its root (index) node.</summary>
    /// <param name="metadata">Identity, names, source, dates and scale.</param>
    /// <param name="root">The code of the index node at the top of the tree.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public FrameworkBuilder(FrameworkMetadata metadata, string root)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(root);
        Metadata = metadata;
        Root = root;
    }

    /// <summary>Gets the metadata (replace it with <see cref="WithMetadata"/>).</summary>
    public FrameworkMetadata Metadata { get; private set; }

    /// <summary>Gets the code of the root node (replace it with <see cref="WithRoot"/>).</summary>
    public string Root { get; private set; }

    /// <summary>Gets the aggregate nodes, in definition order; add, replace or remove freely.</summary>
    public IList<FrameworkNode> Nodes { get; } = new List<FrameworkNode>();

    /// <summary>Gets the indicators, in definition order (the column order of data matrices).</summary>
    public IList<IndicatorDefinition> Indicators { get; } = new List<IndicatorDefinition>();

    /// <summary>Gets the targets.</summary>
    public IList<TargetRule> Targets { get; } = new List<TargetRule>();

    /// <summary>Starts a builder from an existing framework's parts (to change one and build a new framework).</summary>
    /// <param name="framework">The framework.</param>
    /// <returns>A builder holding copies of the lists.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="framework"/> is null.</exception>
    public static FrameworkBuilder From(Framework framework)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var builder = new FrameworkBuilder(framework.Metadata, framework.Root);
        return builder.AddRange(framework.Nodes).AddRange(framework.Indicators).AddRange(framework.Targets);
    }

    /// <summary>Replaces the metadata.</summary>
    /// <param name="metadata">The metadata.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="metadata"/> is null.</exception>
    public FrameworkBuilder WithMetadata(FrameworkMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        Metadata = metadata;
        return this;
    }

    /// <summary>Replaces the root code.</summary>
    /// <param name="root">The code of the index node.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="root"/> is null.</exception>
    public FrameworkBuilder WithRoot(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        Root = root;
        return this;
    }

    /// <summary>Adds nodes.</summary>
    /// <param name="nodes">The nodes.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="nodes"/> is null.</exception>
    public FrameworkBuilder AddRange(IEnumerable<FrameworkNode> nodes) => AddAll(Nodes, nodes);

    /// <summary>Adds indicators.</summary>
    /// <param name="indicators">The indicators.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="indicators"/> is null.</exception>
    public FrameworkBuilder AddRange(IEnumerable<IndicatorDefinition> indicators) => AddAll(Indicators, indicators);

    /// <summary>Adds targets.</summary>
    /// <param name="targets">The targets.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="targets"/> is null.</exception>
    public FrameworkBuilder AddRange(IEnumerable<TargetRule> targets) => AddAll(Targets, targets);

    /// <summary>Runs every check (<see cref="Framework(FrameworkMetadata, string, IEnumerable{FrameworkNode}, IEnumerable{IndicatorDefinition}, IEnumerable{TargetRule})"/>)
    /// and returns the framework; the builder stays usable and unchanged.</summary>
    /// <returns>The validated, immutable framework.</returns>
    /// <exception cref="FrameworkValidationException">The parts break one or more rules; every problem is listed.</exception>
    public Framework Build() => new(Metadata, Root, Nodes, Indicators, Targets);

    private FrameworkBuilder AddAll<T>(IList<T> list, IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (T item in items)
        {
            list.Add(item);
        }

        return this;
    }
}
