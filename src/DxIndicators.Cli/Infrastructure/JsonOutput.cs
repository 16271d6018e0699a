using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DxIndicators.Cli.Infrastructure;

/// <summary>
/// The commands' <c>--format json</c>: System.Text.Json, indented, UTF-8 text as is (no \u escapes of Vietnamese),
/// numbers culture-invariant in round-trip precision (<see cref="Utf8JsonWriter"/> never uses the current culture),
/// a missing or non-finite number written as <c>null</c>; one document ending with a newline.
/// </summary>
internal static class JsonOutput
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Serializer options with the same rules, for commands that serialize anonymous objects.</summary>
    public static JsonSerializerOptions SerializerOptions { get; } = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>An object serialized with <see cref="SerializerOptions"/>, ending with a newline.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, SerializerOptions) + "\n";

    /// <summary>A number property; null when missing (NaN) or not finite.</summary>
    public static void Number(Utf8JsonWriter json, string name, double? value)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (value is { } v && double.IsFinite(v))
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
