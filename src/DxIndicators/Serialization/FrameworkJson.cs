using System.Text.Json;
using DxIndicators.Model;

namespace DxIndicators.Serialization;

/// <summary>
/// Reads and writes frameworks in the JSON format (<c>formatVersion</c> 1, described in docs/framework-format.md).
/// </summary>
/// <remarks>
/// Reading collects every problem before giving up: malformed JSON (with line and column), unknown or duplicate
/// properties, missing required fields, wrong types, unknown enum names, NaN or infinities written as strings, invalid
/// dates and an unsupported <c>formatVersion</c>; when the document itself is clean, the framework is built and its
/// structural rules (the validator, docs/framework-format.md) are checked. All problems come back together, each with a JSON
/// path such as <c>$.nodes[3].children[1].weight</c>, a rule name and a message. Writing is deterministic: indented,
/// UTF-8, LF line ends, properties in a fixed order, numbers in shortest round-trip form, nulls omitted; writing then
/// reading gives an equal framework. Thread-safe.
/// </remarks>
public static class FrameworkJson
{
    /// <summary>Reads a framework from JSON text, collecting every problem.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="sourceName">What the text came from (a file name), used in problem locations.</param>
    /// <param name="limits">The limits (<see cref="InputLimits.MaxNodes"/>, <see cref="InputLimits.MaxIndicators"/>);
    /// null means <see cref="InputLimits.Default"/>. An exceeded limit is a <see cref="ProblemRules.LimitExceeded"/> problem.</param>
    /// <returns>The framework when the text is valid (its warnings are then on <see cref="Framework.Warnings"/> and
    /// <see cref="ReadResult{T}.Problems"/> is empty); otherwise no value and every problem found (errors and any
    /// warnings). <see cref="ReadResult{T}.GetValueOrThrow"/> throws <see cref="FrameworkValidationException"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static ReadResult<Framework> Read(string json, string sourceName, InputLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        return Result(JsonFormat.FromString(json), sourceName, limits);
    }

    /// <summary>Reads a framework from a UTF-8 JSON stream (a byte-order mark is allowed), collecting every problem.</summary>
    /// <param name="stream">The stream; read to its end, not closed.</param>
    /// <param name="sourceName">What the stream came from (a file name), used in problem locations.</param>
    /// <param name="limits">The limits; null means <see cref="InputLimits.Default"/>.</param>
    /// <returns>As <see cref="Read(string, string, InputLimits?)"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static ReadResult<Framework> Read(Stream stream, string sourceName, InputLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        return Result(JsonFormat.FromStream(stream), sourceName, limits);
    }

    /// <summary>Writes a framework as indented UTF-8 JSON text (deterministic; ends with a newline).</summary>
    /// <param name="framework">The framework.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="framework"/> is null.</exception>
    public static string Write(Framework framework)
    {
        ArgumentNullException.ThrowIfNull(framework);
        FrameworkMetadata meta = framework.Metadata;
        var dto = new FrameworkDto
        {
            FormatVersion = Framework.CurrentFormatVersion,
            Id = meta.Id,
            Version = meta.Version,
            Name = JsonFormat.ToDto(meta.Name),
            Description = meta.Description,
            MethodologySource = meta.MethodologySource,
            EffectiveFrom = meta.EffectiveFrom,
            EffectiveTo = meta.EffectiveTo,
            ComponentCount = meta.ComponentCount,
            Scale = new ScaleDto { Min = meta.Scale.Min, Max = meta.Scale.Max },
            MergerRule = meta.MergerRule == Data.IndexCombination.NotAllowed ? null : meta.MergerRule,
            UnitRegistry = meta.UnitRegistry,
            Root = framework.Root,
            Nodes = framework.Nodes.Select(ToDto).ToList(),
            Indicators = framework.Indicators.Select(JsonFormat.ToDto).ToList(),
            Targets = framework.Targets.Count == 0 ? null : framework.Targets.Select(JsonFormat.ToDto).ToList(),
        };
        return JsonFormat.Write(dto, FormatJsonContext.Default.FrameworkDto);
    }

    private static ReadResult<Framework> Result(Func<JsonDocument> parse, string sourceName, InputLimits? limits)
    {
        var list = new List<Problem>();
        Framework? framework = TryReadCore(parse, list, limits);
        return new ReadResult<Framework>(sourceName, framework, list, failure: static (source, problems) => new FrameworkValidationException(source, problems));
    }

    private static Framework? TryReadCore(Func<JsonDocument> parse, List<Problem> errors, InputLimits? limits = null)
    {
        FrameworkDto? dto = JsonFormat.Read(parse, FormatJsonContext.Default.FrameworkDto, errors);
        if (dto is null)
        {
            return null;
        }

        limits ??= InputLimits.Default;
        bool withinNodes = InputLimits.Check(dto.Nodes!.Count, nameof(InputLimits.MaxNodes), limits.MaxNodes, "$.nodes", "nodes", errors);
        if (!(InputLimits.Check(dto.Indicators!.Count, nameof(InputLimits.MaxIndicators), limits.MaxIndicators, "$.indicators", "indicators", errors) && withinNodes))
        {
            return null;
        }

        var metadata = new FrameworkMetadata(
            dto.Id!,
            dto.Version!,
            JsonFormat.ToModel(dto.Name!),
            dto.MethodologySource!,
            dto.EffectiveFrom!.Value,
            new OutputScale(dto.Scale!.Min!.Value, dto.Scale.Max!.Value),
            FieldRules.Mode.Deferred)
        {
            EffectiveTo = dto.EffectiveTo,
            Description = dto.Description,
            MergerRule = dto.MergerRule ?? Data.IndexCombination.NotAllowed,
            UnitRegistry = dto.UnitRegistry,
            ComponentCount = dto.ComponentCount,
        };

        try
        {
            return new Framework(
                metadata,
                dto.Root!,
                dto.Nodes!.Select(ToModel),
                dto.Indicators!.Select(JsonFormat.ToModel),
                (dto.Targets ?? []).Select(JsonFormat.ToModel));
        }
        catch (FrameworkValidationException ex)
        {
            errors.AddRange(ex.Errors);
            return null;
        }
    }

    private static FrameworkNode ToModel(NodeDto dto) =>
        new(dto.Code!, JsonFormat.ToModel(dto.Name!), dto.Kind!.Value, dto.Children!.Select(l => new NodeLink(l.Code!, l.Weight ?? 1, l.MaxPoints, FieldRules.Mode.Deferred)).ToValueList(), FieldRules.Mode.Deferred)
        {
            Aggregation = dto.Aggregation ?? AggregationMethod.ArithmeticMean,
            Power = dto.Power,
            MinShare = dto.MinShare,
            MaxPoints = dto.MaxPoints,
            Pillar = dto.Pillar,
            Foundation = dto.Foundation,
            Status = dto.Status ?? DefinitionStatus.Confirmed,
            StatusNote = dto.StatusNote,
        };

    private static NodeDto ToDto(FrameworkNode node) => new()
    {
        Code = node.Code,
        Kind = node.Kind,
        Pillar = node.Pillar,
        Foundation = node.Foundation,
        Name = JsonFormat.ToDto(node.Name),
        Aggregation = node.Aggregation,
        Power = node.Power,
        MinShare = node.MinShare,
        MaxPoints = node.MaxPoints,
        Status = JsonFormat.StatusToDto(node.Status),
        StatusNote = node.StatusNote,

        // Weight 1 is the default and is left out, so points-based links read as { code, maxPoints }.
        Children = node.Children.Select(l => new LinkDto { Code = l.Code, Weight = l.Weight.Equals(1d) ? null : l.Weight, MaxPoints = l.MaxPoints }).ToList(),
    };
}
