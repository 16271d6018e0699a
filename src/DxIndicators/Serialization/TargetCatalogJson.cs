using System.Text.Json;
using DxIndicators.Model;

namespace DxIndicators.Serialization;

/// <summary>
/// Reads and writes target catalogues in the JSON format (<c>formatVersion</c> 1; docs/framework-format.md §Target catalogue).
/// </summary>
/// <remarks>
/// Same rules and guarantees as <see cref="FrameworkJson"/>: every problem is collected with its JSON path, and
/// writing is deterministic and round-trips to an equal catalogue. Thread-safe.
/// </remarks>
public static class TargetCatalogJson
{
    /// <summary>Reads a target catalogue from JSON text, collecting every problem.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="sourceName">What the text came from (a file name), used in problem locations.</param>
    /// <param name="limits">The limits (<see cref="InputLimits.MaxIndicators"/>); null means
    /// <see cref="InputLimits.Default"/>. An exceeded limit is a <see cref="ProblemRules.LimitExceeded"/> problem.</param>
    /// <returns>The catalogue when the text is valid (warnings are then on <see cref="TargetCatalog.Warnings"/>);
    /// otherwise every problem found. <see cref="ReadResult{T}.GetValueOrThrow"/> throws <see cref="FrameworkValidationException"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ReadResult<TargetCatalog> Read(string json, string sourceName, InputLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        return Result(JsonFormat.FromString(json), sourceName, limits);
    }

    /// <summary>Reads a target catalogue from a UTF-8 JSON stream (a byte-order mark is allowed), collecting every problem.</summary>
    /// <param name="stream">The stream; read to its end, not closed.</param>
    /// <param name="sourceName">What the stream came from (a file name), used in problem locations.</param>
    /// <param name="limits">The limits; null means <see cref="InputLimits.Default"/>.</param>
    /// <returns>As <see cref="Read(string, string, InputLimits?)"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static ReadResult<TargetCatalog> Read(Stream stream, string sourceName, InputLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        return Result(JsonFormat.FromStream(stream), sourceName, limits);
    }

    /// <summary>Writes a target catalogue as indented UTF-8 JSON text (deterministic; ends with a newline).</summary>
    /// <param name="catalog">The catalogue.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> is null.</exception>
    public static string Write(TargetCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var dto = new TargetCatalogDto
        {
            FormatVersion = Framework.CurrentFormatVersion,
            Id = catalog.Id,
            Name = JsonFormat.ToDto(catalog.Name),
            Unit = catalog.Unit,
            Indicators = catalog.Indicators.Select(JsonFormat.ToDto).ToList(),
            Targets = catalog.Targets.Select(JsonFormat.ToDto).ToList(),
        };
        return JsonFormat.Write(dto, FormatJsonContext.Default.TargetCatalogDto);
    }

    private static ReadResult<TargetCatalog> Result(Func<JsonDocument> parse, string sourceName, InputLimits? limits)
    {
        var errors = new List<Problem>();
        TargetCatalog? catalog = TryReadCore(parse, errors, limits ?? InputLimits.Default);
        return new ReadResult<TargetCatalog>(sourceName, catalog, errors, failure: static (source, found) => new FrameworkValidationException(source, found));
    }

    private static TargetCatalog? TryReadCore(Func<JsonDocument> parse, List<Problem> errors, InputLimits limits)
    {
        TargetCatalogDto? dto = JsonFormat.Read(parse, FormatJsonContext.Default.TargetCatalogDto, errors);
        if (dto is null || !InputLimits.Check(dto.Indicators!.Count, nameof(InputLimits.MaxIndicators), limits.MaxIndicators, "$.indicators", "indicators", errors))
        {
            return null;
        }

        try
        {
            return new TargetCatalog(
                dto.Id!,
                JsonFormat.ToModel(dto.Name!),
                dto.Indicators!.Select(JsonFormat.ToModel),
                dto.Targets!.Select(JsonFormat.ToModel),
                dto.Unit);
        }
        catch (FrameworkValidationException ex)
        {
            errors.AddRange(ex.Errors);
            return null;
        }
    }
}
