using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DxIndicators.Data;

/// <summary>Reads and writes observations as JSON, with the same checks as <see cref="ObservationCsv"/>.</summary>
/// <remarks>
/// <para>Shape: <c>{ "formatVersion": 1, "observations": [ { "unit": "11", "indicator": "GOV-ESIGN", "period": "2024",
/// "value": 89.3, "qualifier": "lowerBound", "numerator": 2410, "denominator": 2699, "source": "…",
/// "published": "2024-05-01", "status": "provisional", "restated": true } ] }</c>. <c>unit</c>, <c>indicator</c>,
/// <c>period</c> and <c>value</c> are required; the rest may be omitted or null (writers omit them when absent or
/// default). Numbers must be JSON numbers; they are written in shortest round-trip form, so a write then read is
/// bit-exact (−0.0 is written <c>-0</c> and reads back as −0.0).</para>
/// <para>Problems are located by JSON path: <c>file.json $.observations[3].value</c>.</para>
/// </remarks>
public static class ObservationJson
{
    /// <summary>The format version written and accepted.</summary>
    public const int FormatVersion = 1;

    private static readonly HashSet<string> s_properties = new(StringComparer.Ordinal)
    {
        "unit", "indicator", "period", "value", "qualifier", "numerator", "denominator", "source", "published", "status", "restated",
    };

    /// <summary>Reads observations from JSON text, reporting every problem with its JSON path.</summary>
    /// <param name="reader">The JSON text.</param>
    /// <param name="fileName">The name used in problem locations.</param>
    /// <param name="options">What to check against and whether to skip bad rows; null means <see cref="ReadOptions.Default"/>.</param>
    /// <returns>The dataset (unless there were problems and bad rows are not skipped) and every problem.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="reader"/> or <paramref name="fileName"/> is null.</exception>
    /// <remarks>The row rules are those of <see cref="ObservationCsv.Read"/>; <see cref="Problem.Line"/> is null and
    /// <see cref="ReadResult{T}.SkippedRows"/> holds array indexes. Malformed JSON, a wrong root shape or
    /// format version loads nothing.</remarks>
    public static ReadResult<Dataset> Read(TextReader reader, string fileName, ReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(fileName);
        options ??= ReadOptions.Default;
        var loader = new ObservationLoader(fileName, options, (i, column) => Path(fileName, i, column), originIsLine: false);

        JsonDocument document;
        try
        {
            // A repeated property (a second "observations" array, a row's second "value") is a parse error, not a
            // silent last-one-wins.
            document = JsonDocument.Parse(reader.ReadToEnd(), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            bool tooDeep = e.Message.Contains("maximum configured depth", StringComparison.Ordinal);
            loader.Fatal(-1, null, tooDeep ? ProblemRules.LimitExceeded : ProblemRules.Malformed, string.Create(CultureInfo.InvariantCulture, $"Not valid JSON at line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}: {(tooDeep ? "the nesting is too deep (more than InputLimits.MaxJsonDepth = 64 levels)" : e.Message)}"));
            return loader.Finish();
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                loader.Fatal(-1, null, ProblemRules.Malformed, $"$: the root must be an object with formatVersion and observations, not {root.ValueKind}.");
                return loader.Finish();
            }

            foreach (JsonProperty property in root.EnumerateObject())
            {
                if (property.Name is not ("formatVersion" or "observations"))
                {
                    loader.Fatal(-1, property.Name, ProblemRules.Malformed, $"$.{property.Name}: unknown property; the root has only formatVersion and observations.");
                }
            }

            if (!root.TryGetProperty("formatVersion", out JsonElement version) || version.ValueKind != JsonValueKind.Number ||
                !version.TryGetInt32(out int v) || v != FormatVersion)
            {
                loader.Fatal(-1, null, ProblemRules.Malformed, $"$.formatVersion: must be {FormatVersion}.");
            }

            if (!root.TryGetProperty("observations", out JsonElement rows) || rows.ValueKind != JsonValueKind.Array)
            {
                loader.Fatal(-1, null, ProblemRules.Malformed, "$.observations: must be an array.");
                return loader.Finish();
            }

            int index = 0;
            foreach (JsonElement row in rows.EnumerateArray())
            {
                ReadRow(loader, index, row);
                index++;
            }
        }

        return loader.Finish();
    }

    /// <summary>Writes a dataset as indented JSON.</summary>
    /// <param name="writer">The destination.</param>
    /// <param name="dataset">The dataset.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    // Long: one property per field, in the format's order, as the CSV writer does.
    public static void Write(TextWriter writer, Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(dataset);
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("formatVersion", FormatVersion);
            json.WriteStartArray("observations");
            foreach (Observation o in dataset.Observations)
            {
                json.WriteStartObject();
                json.WriteString("unit", o.Unit);
                json.WriteString("indicator", o.Indicator);
                json.WriteString("period", o.Period.ToString());
                Number(json, "value", o.Value);
                if (o.Qualifier != Qualifier.Exact)
                {
                    json.WriteString("qualifier", EnumNames.Qualifier.Format(o.Qualifier));
                }

                if (o.Numerator is { } n)
                {
                    Number(json, "numerator", n);
                }

                if (o.Denominator is { } d)
                {
                    Number(json, "denominator", d);
                }

                if (o.Provenance is { } p)
                {
                    json.WriteString("source", p.Source);
                    if (p.Published is { } date)
                    {
                        json.WriteString("published", date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture));
                    }
                }

                if (o.Status == ObservationStatus.Provisional)
                {
                    json.WriteString("status", EnumNames.Status.Format(o.Status));
                }

                if (o.Restated)
                {
                    json.WriteBoolean("restated", true);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        writer.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        writer.Write('\n');
    }

    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        // Shortest round-trip text ("R"), so a write then read is bit-exact; it is always a valid JSON number for finite values.
        json.WritePropertyName(name);
        json.WriteRawValue(RateCheck.Text(value));
    }

    private static void ReadRow(ObservationLoader loader, int index, JsonElement row)
    {
        if (row.ValueKind != JsonValueKind.Object)
        {
            loader.RowProblem(index, null, ProblemRules.Malformed, $"An observation must be an object, not {row.ValueKind}.");
            return;
        }

        var raw = default(RawObservation);
        foreach (JsonProperty property in row.EnumerateObject())
        {
            if (!s_properties.Contains(property.Name))
            {
                loader.RowProblem(index, property.Name, ProblemRules.Malformed, $"Unknown property '{property.Name}'; expected {string.Join(", ", s_properties)}.");
                continue;
            }

            JsonElement value = property.Value;
            if (value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            string text = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString()!,
                _ => value.GetRawText(),
            };

            bool numeric = property.Name is "value" or "numerator" or "denominator";
            if (numeric && value.ValueKind != JsonValueKind.Number)
            {
                // A quoted number is rejected: the loader reports the raw JSON text as not a number.
                text = value.GetRawText();
            }

            switch (property.Name)
            {
                case "unit": raw.Unit = text; raw.Present |= 1 << 0; break;
                case "indicator": raw.Indicator = text; raw.Present |= 1 << 1; break;
                case "period": raw.Period = text; raw.Present |= 1 << 2; break;
                case "value": raw.Value = text; raw.Present |= 1 << 3; break;
                case "qualifier": raw.Qualifier = text; raw.Present |= 1 << 4; break;
                case "numerator": raw.Numerator = text; raw.Present |= 1 << 5; break;
                case "denominator": raw.Denominator = text; raw.Present |= 1 << 6; break;
                case "source": raw.Source = text; raw.Present |= 1 << 7; break;
                case "published": raw.Published = text; raw.Present |= 1 << 8; break;
                case "status": raw.Status = text; raw.Present |= 1 << 9; break;
                default: raw.Restated = text; raw.Present |= 1 << 10; break;
            }
        }

        loader.AddRow(index, raw);
    }

    private static string Path(string fileName, int index, string? column) =>
        index < 0
            ? fileName
            : string.Create(CultureInfo.InvariantCulture, $"{fileName} $.observations[{index}]{(column is null ? string.Empty : "." + column)}");
}
