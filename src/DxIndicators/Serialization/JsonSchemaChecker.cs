using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using DxIndicators.Model;
using NodaTime;
using NodaTime.Text;

namespace DxIndicators.Serialization;

/// <summary>
/// Checks a parsed JSON document against the DTO types of <see cref="FormatJsonContext"/> and reports every problem:
/// unknown and duplicate properties, missing required fields, wrong types, unknown enum names, non-finite numbers,
/// invalid dates and points-rule fields that do not fit the rule's type.
/// </summary>
/// <remarks>
/// The DTOs' source-generated metadata is the schema (property names, types, <see cref="JsonRequiredAttribute"/>),
/// so the format is defined once. A document that passes binds to the DTOs without error.
/// </remarks>
internal sealed class JsonSchemaChecker
{
    private static readonly string[] s_nonFiniteSpellings = ["nan", "infinity", "+infinity", "-infinity", "inf", "+inf", "-inf", "∞", "+∞", "-∞", "−∞"];

    // Property lookups per DTO type, built once (the metadata is immutable).
    private static readonly ConcurrentDictionary<Type, (FrozenDictionary<string, JsonPropertyInfo> ByName, string Allowed)> s_properties = new();

    private readonly JsonSerializerContext _context;
    private readonly List<Problem> _errors;

    private JsonSchemaChecker(JsonSerializerContext context, List<Problem> errors)
    {
        _context = context;
        _errors = errors;
    }

    /// <summary>Checks <paramref name="root"/> as a <paramref name="rootType"/> and adds every problem to <paramref name="errors"/>.</summary>
    public static void Check(JsonSerializerContext context, JsonElement root, Type rootType, List<Problem> errors) =>
        new JsonSchemaChecker(context, errors).CheckValue(root, rootType, "$", null);

    /// <summary>Appends a property name to a JSON path (<c>$.a</c>, or <c>$['odd name']</c>).</summary>
    public static string Property(string path, string name)
    {
        bool simple = name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        return simple ? $"{path}.{name}" : $"{path}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";
    }

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{element.GetString()}\"",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {element.GetRawText()}",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => element.ValueKind.ToString(),
    };

    private static string In(string? code) => code is null ? string.Empty : $" (in '{code}')";

    private void Add(string path, string rule, string message, string? code) => _errors.Add(new Problem(path, rule, message, code));

    private void WrongType(JsonElement element, string expected, string path, string? code) =>
        Add(path, "wrong-type", $"Expected {expected} but found {Describe(element)}{In(code)}.", code);

    private void CheckValue(JsonElement element, Type type, string path, string? code)
    {
        Type target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(string))
        {
            if (element.ValueKind != JsonValueKind.String)
            {
                WrongType(element, "a string", path, code);
            }
        }
        else if (target == typeof(double))
        {
            CheckNumber(element, path, code);
        }
        else if (target == typeof(int))
        {
            if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out _))
            {
                WrongType(element, "a whole number", path, code);
            }
        }
        else if (target == typeof(LocalDate))
        {
            CheckDate(element, path, code);
        }
        else if (JsonEnumNames.NamesOf(target) is { } names)
        {
            CheckEnum(element, names, path, code);
        }
        else
        {
            JsonTypeInfo info = _context.GetTypeInfo(target) ?? throw new InvalidOperationException($"No JSON metadata for {target.Name}.");
            if (info.Kind == JsonTypeInfoKind.Enumerable)
            {
                CheckArray(element, info.ElementType!, path, code);
            }
            else
            {
                CheckObject(element, info, path, code);
            }
        }
    }

    private void CheckNumber(JsonElement element, string path, string? code)
    {
        if (element.ValueKind == JsonValueKind.Number)
        {
            if (!element.TryGetDouble(out double value) || !double.IsFinite(value))
            {
                Add(path, "not-finite", $"The number {element.GetRawText()} is out of the range of a finite double{In(code)}.", code);
            }
            else if (!NumberText.TryParse(element.GetRawText(), out _, out string? rule))
            {
                Add(path, rule!, $"The number {element.GetRawText()} is {NumberText.Explain(rule)}{In(code)}.", code);
            }

            return;
        }

        if (element.ValueKind == JsonValueKind.String && s_nonFiniteSpellings.Contains(element.GetString()!.Trim().ToLowerInvariant()))
        {
            Add(path, "not-finite", $"\"{element.GetString()}\" is not a number{In(code)}: NaN and infinities cannot be written; use a finite JSON number, or omit the field / write null where it may be unbounded.", code);
            return;
        }

        WrongType(element, "a number", path, code);
    }

    private void CheckDate(JsonElement element, string path, string? code)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            WrongType(element, "a date string uuuu-MM-dd", path, code);
            return;
        }

        string text = element.GetString()!;
        ParseResult<LocalDate> result = LocalDatePattern.Iso.Parse(text);
        if (!result.Success)
        {
            Add(path, "bad-date", $"\"{text}\" is not a valid ISO date uuuu-MM-dd{In(code)}.", code);
        }
    }

    private void CheckEnum(JsonElement element, IReadOnlyList<string> names, string path, string? code)
    {
        if (element.ValueKind == JsonValueKind.String && names.Contains(element.GetString()!, StringComparer.Ordinal))
        {
            return;
        }

        string found = element.ValueKind == JsonValueKind.String ? $"'{element.GetString()}'" : Describe(element);
        string field = path[(path.LastIndexOf('.') + 1)..];
        Add(path, "unknown-enum", $"Unknown {field} {found}{In(code)}; allowed: {string.Join(", ", names)}.", code);
    }

    private void CheckArray(JsonElement element, Type elementType, string path, string? code)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            WrongType(element, "an array", path, code);
            return;
        }

        int i = 0;
        foreach (JsonElement item in element.EnumerateArray())
        {
            string itemPath = string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]");
            if (item.ValueKind == JsonValueKind.Null)
            {
                WrongType(item, "an array element", itemPath, code);
            }
            else
            {
                CheckValue(item, elementType, itemPath, code);
            }

            i++;
        }
    }

    private void CheckObject(JsonElement element, JsonTypeInfo info, string path, string? code)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            WrongType(element, "an object", path, code);
            return;
        }

        // A link's "code" names the child, not the object the link belongs to; keep the parent node's code there.
        if (info.Type != typeof(LinkDto) && element.TryGetProperty("code", out JsonElement codeElement) && codeElement.ValueKind == JsonValueKind.String)
        {
            code = codeElement.GetString();
        }

        (FrozenDictionary<string, JsonPropertyInfo> byName, string allowed) = s_properties.GetOrAdd(
            info.Type,
            static (_, i) => (i.Properties.ToFrozenDictionary(p => p.Name, StringComparer.Ordinal), string.Join(", ", i.Properties.Select(p => p.Name))),
            info);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonProperty property in element.EnumerateObject())
        {
            string propertyPath = Property(path, property.Name);
            if (!seen.Add(property.Name))
            {
                Add(propertyPath, "duplicate-property", $"Property '{property.Name}' appears more than once{In(code)}.", code);
                continue;
            }

            if (!byName.TryGetValue(property.Name, out JsonPropertyInfo? propertyInfo))
            {
                Add(propertyPath, "unknown-property", $"Unknown property '{property.Name}'{In(code)}; allowed: {allowed}.", code);
                continue;
            }

            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                if (propertyInfo.IsRequired)
                {
                    Add(propertyPath, "missing-field", $"Required property '{property.Name}' is null{In(code)}.", code);
                }

                continue;
            }

            CheckValue(property.Value, propertyInfo.PropertyType, propertyPath, code);
        }

        foreach (JsonPropertyInfo propertyInfo in info.Properties)
        {
            if (propertyInfo.IsRequired && !seen.Contains(propertyInfo.Name))
            {
                Add(Property(path, propertyInfo.Name), "missing-field", $"Required property '{propertyInfo.Name}' is missing{In(code)}.", code);
            }
        }

        if (info.Type == typeof(PointsDto))
        {
            CheckPointsFields(element, path, code);
        }
    }

    private void CheckPointsFields(JsonElement element, string path, string? code)
    {
        if (!element.TryGetProperty("type", out JsonElement typeElement) || typeElement.ValueKind != JsonValueKind.String ||
            !JsonEnumNames.PointsRuleType.TryParseExact(typeElement.GetString()!, out PointsRuleType type))
        {
            return; // already reported as missing or unknown
        }

        string needed = type switch
        {
            PointsRuleType.Ratio => "fullAt",
            PointsRuleType.Steps => "steps",
            PointsRuleType.Categorical => "categories",
            _ => "parts",
        };

        foreach (string field in (string[])["fullAt", "steps", "categories", "parts"])
        {
            bool present = element.TryGetProperty(field, out JsonElement value) && value.ValueKind != JsonValueKind.Null;
            if (field == needed && !present)
            {
                Add(Property(path, field), "missing-field", $"A '{typeElement.GetString()}' points rule needs '{field}'{In(code)}.", code);
            }
            else if (field != needed && present)
            {
                Add(Property(path, field), "unexpected-field", $"'{field}' does not apply to a '{typeElement.GetString()}' points rule{In(code)}; it needs only '{needed}'.", code);
            }
        }
    }
}
