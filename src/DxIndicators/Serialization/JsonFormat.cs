using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DxIndicators.Model;

namespace DxIndicators.Serialization;

/// <summary>Shared reading and writing steps of the framework and target-catalogue formats.</summary>
internal static class JsonFormat
{
    private static readonly JsonDocumentOptions s_documentOptions = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 64,
    };

    // Vietnamese text stays readable (no \uXXXX escapes); the files are data, not HTML, so the relaxed encoder is safe.
    private static readonly JsonWriterOptions s_writerOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Parses and checks a document, then binds it; returns null (with errors) when any problem is found.</summary>
    public static TDto? Read<TDto>(Func<JsonDocument> parse, JsonTypeInfo<TDto> info, List<Problem> errors)
        where TDto : class
    {
        JsonDocument document;
        try
        {
            document = parse();
        }
        catch (JsonException ex)
        {
            long line = (ex.LineNumber ?? 0) + 1;
            long column = (ex.BytePositionInLine ?? 0) + 1;
            string reason = ex.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0];
            bool tooDeep = reason.Contains("maximum configured depth", StringComparison.Ordinal);
            if (tooDeep)
            {
                reason = string.Create(CultureInfo.InvariantCulture, $"the nesting is too deep (more than InputLimits.MaxJsonDepth = {s_documentOptions.MaxDepth} levels)");
            }

            errors.Add(new Problem(
                string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path,
                tooDeep ? ProblemRules.LimitExceeded : ProblemRules.Malformed,
                string.Create(CultureInfo.InvariantCulture, $"Malformed JSON at line {line}, column {column} (byte position in the line): {reason}")));
            return null;
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            int before = errors.Count;
            JsonSchemaChecker.Check(FormatJsonContext.Default, root, typeof(TDto), errors);
            if (root.ValueKind == JsonValueKind.Object &&
                root.TryGetProperty("formatVersion", out JsonElement version) &&
                version.ValueKind == JsonValueKind.Number &&
                version.TryGetInt32(out int number) &&
                number != Framework.CurrentFormatVersion)
            {
                errors.Add(new Problem(
                    "$.formatVersion",
                    "unsupported-version",
                    string.Create(CultureInfo.InvariantCulture, $"formatVersion {number} is not supported; this library reads version {Framework.CurrentFormatVersion}.")));
            }

            if (errors.Count > before)
            {
                return null;
            }

            try
            {
                return root.Deserialize(info) ?? throw new JsonException("The document is null.");
            }
            catch (JsonException ex)
            {
                // The checker should have caught everything; keep the failure visible rather than crash.
                errors.Add(new Problem(ex.Path ?? "$", "wrong-type", ex.Message));
                return null;
            }
        }
    }

    /// <summary>Parses from a string.</summary>
    public static Func<JsonDocument> FromString(string json) => () => JsonDocument.Parse(json, s_documentOptions);

    /// <summary>Parses from a stream (UTF-8, an optional BOM is skipped).</summary>
    public static Func<JsonDocument> FromStream(Stream stream) => () =>
    {
        // JsonDocument does not validate every byte (property names are checked only when read as strings, which then
        // throws InvalidOperationException), so the whole text is checked as UTF-8 first.
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        ReadOnlyMemory<byte> text = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (text.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            text = text[3..];
        }

        if (!System.Text.Unicode.Utf8.IsValid(text.Span))
        {
            throw new JsonException(string.Create(CultureInfo.InvariantCulture, $"The text is not valid UTF-8 (first bad byte at offset {FirstInvalid(text.Span)}); save the file as UTF-8."));
        }

        return JsonDocument.Parse(text, s_documentOptions);
    };

    private static int FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        System.Buffers.OperationStatus status = System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out int read, out _, replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.Done ? -1 : read;
    }

    /// <summary>Writes a DTO as indented UTF-8 JSON with LF line ends and a final newline.</summary>
    public static string Write<TDto>(TDto dto, JsonTypeInfo<TDto> info)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, s_writerOptions))
        {
            JsonSerializer.Serialize(writer, dto, info);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length) + "\n";
    }

    /// <summary>Converts a bilingual text DTO (a missing language is empty).</summary>
    public static LocalizedText ToModel(LocalizedTextDto dto) => new(dto.Vi ?? string.Empty, dto.En ?? string.Empty);

    /// <summary>Converts a bilingual text to its DTO.</summary>
    public static LocalizedTextDto ToDto(LocalizedText text) => new() { Vi = text.Vi, En = text.En };

    /// <summary>Converts an indicator DTO (already checked by the schema checker).</summary>
    public static IndicatorDefinition ToModel(IndicatorDto dto)
    {
        NumericRange range = dto.ValidRange is { } r
            ? new NumericRange(r.Min ?? double.NegativeInfinity, r.Max ?? double.PositiveInfinity)
            : NumericRange.Unbounded;
        return new IndicatorDefinition(dto.Code!, ToModel(dto.Name!), dto.Measure!.Value, dto.Unit!, dto.Polarity!.Value, range, FieldRules.Mode.Deferred)
        {
            Points = dto.Points is { } p ? ToModel(p) : null,
            Source = dto.Source,
            ReportingLevel = dto.ReportingLevel ?? AdminLevel.Province,
            Frequency = dto.Frequency ?? Frequency.Annual,
            Denominator = dto.Denominator,
            PerPopulation = dto.PerPopulation,
            Goalposts = dto.Goalposts is { } g ? new Goalposts(g.Lower!.Value, g.Upper!.Value) : null,
            ReferenceTarget = dto.ReferenceTarget,
            Pillar = dto.Pillar,
            Foundation = dto.Foundation,
            Notes = dto.Notes,
            Status = dto.Status ?? DefinitionStatus.Confirmed,
            StatusNote = dto.StatusNote,
        };
    }

    /// <summary>Converts an indicator to its DTO.</summary>
    public static IndicatorDto ToDto(IndicatorDefinition indicator)
    {
        NumericRange range = indicator.ValidRange;
        RangeDto? rangeDto = range == NumericRange.Unbounded
            ? null
            : new RangeDto
            {
                Min = double.IsNegativeInfinity(range.Min) ? null : range.Min,
                Max = double.IsPositiveInfinity(range.Max) ? null : range.Max,
            };
        return new IndicatorDto
        {
            Code = indicator.Code,
            Name = ToDto(indicator.Name),
            Measure = indicator.Measure,
            Unit = indicator.Unit,
            Polarity = indicator.Polarity,
            ValidRange = rangeDto,
            Points = indicator.Points is { } p ? ToDto(p) : null,
            Source = indicator.Source,
            ReportingLevel = indicator.ReportingLevel,
            Frequency = indicator.Frequency,
            Denominator = indicator.Denominator,
            PerPopulation = indicator.PerPopulation,
            Goalposts = indicator.Goalposts is { } g ? new GoalpostsDto { Lower = g.Lower, Upper = g.Upper } : null,
            ReferenceTarget = indicator.ReferenceTarget,
            Pillar = indicator.Pillar,
            Foundation = indicator.Foundation,
            Notes = indicator.Notes,
            Status = StatusToDto(indicator.Status),
            StatusNote = indicator.StatusNote,
        };
    }

    /// <summary>Converts a target DTO.</summary>
    public static TargetRule ToModel(TargetDto dto) =>
        new(dto.Code!, dto.Indicator!, dto.Comparator!.Value, dto.Threshold!.Value, dto.Deadline!.Value, dto.LegalSource!, FieldRules.Mode.Deferred)
        {
            UpperThreshold = dto.UpperThreshold,
            Baseline = dto.Baseline is { } b ? new TargetBaseline(b.Value!.Value, b.Date!.Value) : null,
            Name = dto.Name is { } n ? ToModel(n) : null,
            Reference = dto.Reference,
            Status = dto.Status ?? DefinitionStatus.Confirmed,
            StatusNote = dto.StatusNote,
            Supersedes = (dto.Supersedes ?? []).ToValueList(),
        };

    /// <summary>Converts a target to its DTO.</summary>
    public static TargetDto ToDto(TargetRule target) => new()
    {
        Code = target.Code,
        Indicator = target.Indicator,
        Comparator = target.Comparator,
        Threshold = target.Threshold,
        UpperThreshold = target.UpperThreshold,
        Deadline = target.Deadline,
        Baseline = target.Baseline is { } b ? new BaselineDto { Value = b.Value, Date = b.Date } : null,
        LegalSource = target.LegalSource,
        Name = target.Name is { } n ? ToDto(n) : null,
        Reference = target.Reference,
        Status = StatusToDto(target.Status),
        StatusNote = target.StatusNote,
        Supersedes = target.Supersedes.Count == 0 ? null : [.. target.Supersedes],
    };

    /// <summary>The status as written: confirmed (the default) is left out.</summary>
    public static DefinitionStatus? StatusToDto(DefinitionStatus status) => status == DefinitionStatus.Confirmed ? null : status;

    private static PointsRule ToModel(PointsDto dto)
    {
        double max = dto.MaxPoints!.Value;
        return dto.Type!.Value switch
        {
            PointsRuleType.Ratio => new RatioPointsRule(max, dto.FullAt!.Value, FieldRules.Mode.Deferred),
            PointsRuleType.Steps => new StepPointsRule(max, dto.Steps!.Select(s => new PointsStep(s.Threshold!.Value, s.Points!.Value)).ToValueList(), FieldRules.Mode.Deferred),
            PointsRuleType.Categorical => new CategoricalPointsRule(max, dto.Categories!.Select(c => new CategoryFraction(c.Value!.Value, c.Fraction!.Value, c.Label!)).ToValueList(), FieldRules.Mode.Deferred),
            _ => new AdditivePointsRule(max, dto.Parts!.Select(p => new PointsPart(p.Label!, p.Fraction!.Value)).ToValueList(), FieldRules.Mode.Deferred),
        };
    }

    private static PointsDto ToDto(PointsRule rule) => rule switch
    {
        RatioPointsRule ratio => new PointsDto { Type = PointsRuleType.Ratio, MaxPoints = ratio.MaxPoints, FullAt = ratio.FullAt },
        StepPointsRule steps => new PointsDto
        {
            Type = PointsRuleType.Steps,
            MaxPoints = steps.MaxPoints,
            Steps = steps.Steps.Select(s => new StepDto { Threshold = s.Threshold, Points = s.Points }).ToList(),
        },
        CategoricalPointsRule categorical => new PointsDto
        {
            Type = PointsRuleType.Categorical,
            MaxPoints = categorical.MaxPoints,
            Categories = categorical.Categories.Select(c => new CategoryDto { Value = c.Value, Fraction = c.Fraction, Label = c.Label }).ToList(),
        },
        AdditivePointsRule additive => new PointsDto
        {
            Type = PointsRuleType.Additive,
            MaxPoints = additive.MaxPoints,
            Parts = additive.Parts.Select(p => new PartDto { Label = p.Label, Fraction = p.Fraction }).ToList(),
        },
        _ => throw new NotSupportedException($"Points rule type {rule.GetType().Name} has no JSON form."),
    };
}
