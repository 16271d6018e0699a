using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Units;
using DxIndicators.Serialization;

namespace DxIndicators.Catalog;

/// <summary>
/// Gives the built-in frameworks and target catalogues, shipped as embedded JSON resources
/// (<c>Catalog/Resources/frameworks/*.json</c> and <c>Catalog/Resources/targets/*.json</c>).
/// </summary>
/// <remarks>
/// The ids are the resource file names without <c>.json</c>, found at run time, so a new file appears without code
/// changes; they are sorted ordinally. Each resource is read and validated on first use and cached; a built-in that
/// fails validation throws <see cref="FrameworkValidationException"/> on every access to it. Thread-safe.
/// </remarks>
public static class FrameworkCatalog
{
    private const string ResourcePrefix = "DxIndicators.Catalog.";

    private static readonly Assembly s_assembly = typeof(FrameworkCatalog).Assembly;
    private static readonly Lazy<IReadOnlyDictionary<string, string>> s_frameworkResources = new(() => FindResources("frameworks", ".json"));
    private static readonly Lazy<IReadOnlyDictionary<string, string>> s_targetResources = new(() => FindResources("targets", ".json"));
    private static readonly Lazy<IReadOnlyDictionary<string, string>> s_dataResources = new(() => FindResources("data", ".csv"));
    private static readonly ConcurrentDictionary<string, Lazy<Dataset>> s_datasets = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Lazy<Framework>> s_frameworks = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Lazy<TargetCatalog>> s_targets = new(StringComparer.Ordinal);

    /// <summary>Gets the ids of the built-in frameworks (for example <c>vn-dti-province-2022</c>), sorted.</summary>
    public static IReadOnlyList<string> Ids => [.. s_frameworkResources.Value.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Gets the ids of the built-in target catalogues (for example <c>vn-national-dx-targets</c>), sorted.</summary>
    public static IReadOnlyList<string> TargetIds => [.. s_targetResources.Value.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Gets the ids of the built-in sample data sets (for example <c>dien-bien-sample</c>), sorted.</summary>
    public static IReadOnlyList<string> DataIds => [.. s_dataResources.Value.Keys.Order(StringComparer.Ordinal)];

    /// <summary>
    /// Gets a built-in sample data set, read from its embedded observation CSV and checked against the built-in unit
    /// registry (<see cref="UnitCatalog.DienBienCommunes"/>: the provinces and Điện Biên's communes) and, when a framework has the same id, against that framework's indicators.
    /// </summary>
    /// <param name="id">The data set id (ordinal, case-sensitive).</param>
    /// <returns>The data set (the same instance on every call).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">No built-in data set has that id; the message lists the known ids.</exception>
    /// <exception cref="InvalidDataException">The built-in resource is invalid (a packaging bug).</exception>
    public static Dataset GetDataset(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!s_dataResources.Value.TryGetValue(id, out string? resource))
        {
            throw new KeyNotFoundException($"No built-in data set '{id}'. Known ids: {string.Join(", ", DataIds)}.");
        }

        return s_datasets.GetOrAdd(id, key => new Lazy<Dataset>(() =>
        {
            using var reader = new StreamReader(Open(resource), System.Text.Encoding.UTF8);
            var options = new ReadOptions { Registry = UnitCatalog.DienBienCommunes, Framework = TryGet(key, out Framework? framework) ? framework : null };
            return ObservationCsv.Read(reader, resource, options).GetValueOrThrow();
        })).Value;
    }

    /// <summary>Gets a built-in framework.</summary>
    /// <param name="id">The framework id (ordinal, case-sensitive).</param>
    /// <returns>The framework (the same instance on every call).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">No built-in framework has that id; the message lists the known ids.</exception>
    /// <exception cref="FrameworkValidationException">The built-in resource is invalid (a packaging bug).</exception>
    public static Framework Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return TryGet(id, out Framework? framework)
            ? framework
            : throw new KeyNotFoundException($"No built-in framework '{id}'. Known ids: {string.Join(", ", Ids)}.");
    }

    /// <summary>Tries to get a built-in framework.</summary>
    /// <param name="id">The framework id (ordinal, case-sensitive).</param>
    /// <param name="framework">The framework, when found.</param>
    /// <returns><see langword="true"/> when a built-in framework has that id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="FrameworkValidationException">The built-in resource is invalid (a packaging bug).</exception>
    public static bool TryGet(string id, [NotNullWhen(true)] out Framework? framework)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!s_frameworkResources.Value.TryGetValue(id, out string? resource))
        {
            framework = null;
            return false;
        }

        framework = s_frameworks.GetOrAdd(id, _ => new Lazy<Framework>(() => Load(resource, (stream, name) => FrameworkJson.Read(stream, name)))).Value;
        return true;
    }

    /// <summary>Gets a built-in target catalogue.</summary>
    /// <param name="id">The catalogue id (ordinal, case-sensitive).</param>
    /// <returns>The catalogue (the same instance on every call).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">No built-in catalogue has that id; the message lists the known ids.</exception>
    /// <exception cref="FrameworkValidationException">The built-in resource is invalid (a packaging bug).</exception>
    public static TargetCatalog GetTargets(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return TryGetTargets(id, out TargetCatalog? catalog)
            ? catalog
            : throw new KeyNotFoundException($"No built-in target catalogue '{id}'. Known ids: {string.Join(", ", TargetIds)}.");
    }

    /// <summary>Tries to get a built-in target catalogue.</summary>
    /// <param name="id">The catalogue id (ordinal, case-sensitive).</param>
    /// <param name="catalog">The catalogue, when found.</param>
    /// <returns><see langword="true"/> when a built-in catalogue has that id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="FrameworkValidationException">The built-in resource is invalid (a packaging bug).</exception>
    public static bool TryGetTargets(string id, [NotNullWhen(true)] out TargetCatalog? catalog)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!s_targetResources.Value.TryGetValue(id, out string? resource))
        {
            catalog = null;
            return false;
        }

        catalog = s_targets.GetOrAdd(id, _ => new Lazy<TargetCatalog>(() => Load(resource, (stream, name) => TargetCatalogJson.Read(stream, name)))).Value;
        return true;
    }

    /// <summary>Opens the raw JSON of a built-in framework, for example to show or copy it.</summary>
    /// <param name="id">The framework id.</param>
    /// <returns>A readable stream over the embedded UTF-8 JSON; the caller disposes it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">No built-in framework has that id.</exception>
    public static Stream OpenJson(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return s_frameworkResources.Value.TryGetValue(id, out string? resource)
            ? Open(resource)
            : throw new KeyNotFoundException($"No built-in framework '{id}'. Known ids: {string.Join(", ", Ids)}.");
    }

    private static T Load<T>(string resource, Func<Stream, string, ReadResult<T>> read)
        where T : class
    {
        using Stream stream = Open(resource);
        return read(stream, resource).GetValueOrThrow();
    }

    private static Stream Open(string resource) =>
        s_assembly.GetManifestResourceStream(resource) ?? throw new InvalidOperationException($"Embedded resource '{resource}' is missing.");

    private static Dictionary<string, string> FindResources(string folder, string extension)
    {
        // The csproj names resources "DxIndicators.Catalog.<RecursiveDir><file>"; RecursiveDir uses the build
        // machine's separator, so accept both '/' and '\'.
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string name in s_assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !name.EndsWith(extension, StringComparison.Ordinal))
            {
                continue;
            }

            string relative = name[ResourcePrefix.Length..].Replace('\\', '/');
            int slash = relative.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0 || !string.Equals(relative[..slash], folder, StringComparison.Ordinal) || relative.IndexOf('/', slash + 1) >= 0)
            {
                continue;
            }

            found[relative[(slash + 1)..^extension.Length]] = name;
        }

        return found;
    }
}
