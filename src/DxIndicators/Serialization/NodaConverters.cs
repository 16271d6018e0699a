using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace DxIndicators.Serialization;

/// <summary>
/// Provides System.Text.Json converters for the NodaTime types used in DxIndicators files, written as ISO strings.
/// </summary>
/// <remarks>
/// <see cref="LocalDate"/> is written <c>uuuu-MM-dd</c> (<see cref="LocalDatePattern.Iso"/>) and <see cref="YearMonth"/>
/// <c>uuuu-MM</c> (<see cref="YearMonthPattern.Iso"/>). Any reading failure, a wrong token or text that does not match
/// the pattern, becomes a <see cref="JsonException"/> whose message names the target type and the offending text.
/// The converters are stateless; safe to share.
/// </remarks>
internal static class NodaConverters
{
    /// <summary>Gets the converter for <see cref="LocalDate"/> (ISO <c>uuuu-MM-dd</c>).</summary>
    public static JsonConverter<LocalDate> LocalDateConverter { get; } = new LocalDateIsoConverter();

    /// <summary>Gets the converter for <see cref="YearMonth"/> (ISO <c>uuuu-MM</c>).</summary>
    public static JsonConverter<YearMonth> YearMonthConverter { get; } = new YearMonthIsoConverter();

    /// <summary>Adds both converters to <paramref name="options"/>.</summary>
    /// <param name="options">Options that are not yet in use (System.Text.Json freezes options on first use).</param>
    /// <returns>The same options, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="options"/> is already in use.</exception>
    public static JsonSerializerOptions AddNodaConverters(this JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(LocalDateConverter);
        options.Converters.Add(YearMonthConverter);
        return options;
    }
}

/// <summary>Base of the NodaTime converters: reads a string token through a pattern; any failure names the type.</summary>
/// <typeparam name="T">The NodaTime value type.</typeparam>
internal abstract class NodaPatternConverter<T> : JsonConverter<T>
{
    private readonly IPattern<T> _pattern;
    private readonly string _format;

    protected NodaPatternConverter(IPattern<T> pattern, string format)
    {
        _pattern = pattern;
        _format = format;
    }

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Cannot convert a JSON {reader.TokenType} token to {typeof(T).Name}: expected a string in the form {_format}.");
        }

        string text = reader.GetString()!;
        ParseResult<T> result = _pattern.Parse(text);
        if (!result.Success)
        {
            throw new JsonException($"Cannot convert \"{text}\" to {typeof(T).Name}: expected the form {_format} ({result.Exception.Message}).");
        }

        return result.Value;
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(_pattern.Format(value));
    }
}

/// <summary>Converts <see cref="LocalDate"/> as ISO <c>uuuu-MM-dd</c>.</summary>
internal sealed class LocalDateIsoConverter : NodaPatternConverter<LocalDate>
{
    public LocalDateIsoConverter()
        : base(LocalDatePattern.Iso, "uuuu-MM-dd")
    {
    }
}

/// <summary>Converts <see cref="YearMonth"/> as ISO <c>uuuu-MM</c>.</summary>
internal sealed class YearMonthIsoConverter : NodaPatternConverter<YearMonth>
{
    public YearMonthIsoConverter()
        : base(YearMonthPattern.Iso, "uuuu-MM")
    {
    }
}
