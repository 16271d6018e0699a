using System.Text.Json;
using DxIndicators.Serialization;
using NodaTime;

namespace DxIndicators.Tests.Serialization;

public sealed class NodaConvertersTests
{
    private static readonly JsonSerializerOptions s_options = new JsonSerializerOptions().AddNodaConverters();

    [Fact]
    public void LocalDate_RoundTrips_AsIsoString()
    {
        var date = new LocalDate(2025, 6, 30);

        string json = JsonSerializer.Serialize(date, s_options);

        json.Should().Be("\"2025-06-30\"");
        JsonSerializer.Deserialize<LocalDate>(json, s_options).Should().Be(date);
    }

    [Fact]
    public void YearMonth_RoundTrips_AsIsoString()
    {
        var month = new YearMonth(2024, 7);

        string json = JsonSerializer.Serialize(month, s_options);

        json.Should().Be("\"2024-07\"");
        JsonSerializer.Deserialize<YearMonth>(json, s_options).Should().Be(month);
    }

    [Theory]
    [InlineData("\"2025-02-30\"", "\"2025-02-30\"")]
    [InlineData("\"30/06/2025\"", "\"30/06/2025\"")]
    [InlineData("20250630", "Number")]
    public void LocalDate_Invalid_ThrowsJsonExceptionNamingType(string json, string offending)
    {
        var act = () => JsonSerializer.Deserialize<LocalDate>(json, s_options);

        act.Should().Throw<JsonException>().Where(e => e.Message.Contains("LocalDate") && e.Message.Contains(offending) && e.Message.Contains("uuuu-MM-dd"));
    }

    [Theory]
    [InlineData("\"2024-13\"", "\"2024-13\"")]
    [InlineData("true", "True")]
    public void YearMonth_Invalid_ThrowsJsonExceptionNamingType(string json, string offending)
    {
        var act = () => JsonSerializer.Deserialize<YearMonth>(json, s_options);

        act.Should().Throw<JsonException>().Where(e => e.Message.Contains("YearMonth") && e.Message.Contains(offending) && e.Message.Contains("uuuu-MM"));
    }
}
