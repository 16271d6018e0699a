using System.Security.Cryptography;
using System.Text;
using DxIndicators.Catalog;
using DxIndicators.Model;
using DxIndicators.Serialization;
using NodaTime;

namespace DxIndicators.Storage;

/// <summary>
/// A computed result (a scorecard, a target table) kept with everything needed to compute it again bit for bit: the
/// framework and target catalogue as JSON (with their ids, versions and SHA-256), the as-known-on date of the data and
/// the command arguments.
/// </summary>
/// <param name="Kind">What was computed (<c>score</c>, <c>targets</c>, …).</param>
/// <param name="KnownOn">The day the data was taken as known on.</param>
/// <param name="FrameworkId">The framework id.</param>
/// <param name="FrameworkVersion">The framework's metadata version.</param>
/// <param name="FrameworkJson">The framework as written by <see cref="Serialization.FrameworkJson.Write"/>.</param>
/// <param name="TargetsId">The target catalogue id, when targets were used.</param>
/// <param name="TargetsJson">The target catalogue as written by <see cref="TargetCatalogJson.Write"/>, when used.</param>
/// <param name="Arguments">The options the result was computed with (for a CLI result, its arguments).</param>
/// <param name="Output">The result exactly as produced.</param>
/// <remarks>Immutable. <see cref="Id"/> and <see cref="RecordedAt"/> are set by <see cref="IObservationStore.SaveResult"/>.</remarks>
public sealed record StoredResult(
    string Kind,
    LocalDate KnownOn,
    string FrameworkId,
    string FrameworkVersion,
    string FrameworkJson,
    string? TargetsId,
    string? TargetsJson,
    string Arguments,
    string Output)
{
    /// <summary>Gets the id given by the store (0 before it is saved).</summary>
    public long Id { get; init; }

    /// <summary>Gets when the store recorded it.</summary>
    public Instant RecordedAt { get; init; }

    /// <summary>Gets the SHA-256 of <see cref="FrameworkJson"/> (lower-case hex of its UTF-8 bytes).</summary>
    public string FrameworkSha256 => Sha256(FrameworkJson);

    /// <summary>Gets the SHA-256 of <see cref="TargetsJson"/>, or null.</summary>
    public string? TargetsSha256 => TargetsJson is null ? null : Sha256(TargetsJson);

    /// <summary>Gets the SHA-256 of <see cref="Output"/>.</summary>
    public string OutputSha256 => Sha256(Output);

    /// <summary>Creates a result from the framework and catalogue it was computed with.</summary>
    /// <param name="kind">What was computed.</param>
    /// <param name="knownOn">The as-known-on day of the data.</param>
    /// <param name="framework">The framework.</param>
    /// <param name="targets">The target catalogue, or null.</param>
    /// <param name="arguments">The options.</param>
    /// <param name="output">The output.</param>
    /// <returns>The result, not yet saved.</returns>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    public static StoredResult Create(string kind, LocalDate knownOn, Framework framework, TargetCatalog? targets, string arguments, string output)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        return new StoredResult(kind, knownOn, framework.Id, framework.Metadata.Version, Serialization.FrameworkJson.Write(framework), targets?.Id, targets is null ? null : TargetCatalogJson.Write(targets), arguments, output);
    }

    /// <summary>Reads the stored framework back.</summary>
    /// <returns>The framework the result was computed with.</returns>
    public Framework ReadFramework() => Serialization.FrameworkJson.Read(FrameworkJson, $"stored result {Id} framework").GetValueOrThrow();

    /// <summary>Reads the stored target catalogue back, if one was stored.</summary>
    /// <returns>The catalogue, or null.</returns>
    public TargetCatalog? ReadTargets() => TargetsJson is null ? null : TargetCatalogJson.Read(TargetsJson, $"stored result {Id} targets").GetValueOrThrow();

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
