namespace DxIndicators.Reporting.Tests;

public sealed class TextTests
{
    // Issue 8's example: "0.0000" custom formatting rounds twice (15 significant digits, then 4 decimals) and prints
    // 0.9638; the value's exact binary expansion is 0.96374999999999988…, so the 4-decimal value is 0.9637.
    [Theory]
    [InlineData(0.9637499999999999, ReportLanguage.English, "0.9637")]
    [InlineData(0.96375, ReportLanguage.English, "0.9637")] // its binary value is 0.96374999999999999555…, below the half-way point
    [InlineData(0.00005, ReportLanguage.English, "0.0001")] // binary 0.0000500000000000000023960868…, just above half
    [InlineData(0.800175, ReportLanguage.English, "0.8002")] // README: Bắc Ninh 2022, published 0.8002
    [InlineData(0.6854, ReportLanguage.Vietnamese, "0,6854")]
    [InlineData(-0.00001, ReportLanguage.English, "0.0000")]
    [InlineData(double.NaN, ReportLanguage.English, "—")]
    public void Score_RoundsOnceFromFullPrecision(double value, ReportLanguage language, string expected) =>
        Text.Score(value, language).Should().Be(expected);

    [Theory]
    [InlineData(1171, ReportLanguage.English, "1,171")]
    [InlineData(1171, ReportLanguage.Vietnamese, "1.171")]
    [InlineData(425000.5, ReportLanguage.Vietnamese, "425.000,5")]
    [InlineData(89.99, ReportLanguage.English, "89.99")]
    [InlineData(20.5, ReportLanguage.English, "20.5")]
    [InlineData(-20, ReportLanguage.English, "−20")]
    [InlineData(0.125, ReportLanguage.English, "0.13")] // 0.125 is exact in binary, a true tie: half away from zero ("F2" gives 0.12)
    [InlineData(-0.125, ReportLanguage.English, "−0.13")]
    [InlineData(2.675, ReportLanguage.English, "2.67")] // binary 2.67499999999999982236…
    public void Value_GroupsThousandsAndDropsTrailingZeros(double value, ReportLanguage language, string expected) =>
        Text.Value(value, language).Should().Be(expected);

    [Fact]
    public void Change_IsSigned()
    {
        Text.Change(0.0826, ReportLanguage.English).Should().Be("+0.0826");
        Text.Change(-0.15, ReportLanguage.Vietnamese).Should().Be("−0,1500");
        Text.Change(0, ReportLanguage.English).Should().Be("0.0000");
    }

    [Fact]
    public void Html_EscapesMarkupButKeepsDiacritics() =>
        Text.Html("<b>Điện Biên & \"Lai Châu\"</b>").Should().Be("&lt;b&gt;Điện Biên &amp; &quot;Lai Châu&quot;&lt;/b&gt;");

    [Fact]
    public void Labels_HaveBothLanguages()
    {
        foreach (string key in Labels.Keys)
        {
            Labels.Get(key, ReportLanguage.English).Should().NotBeNullOrWhiteSpace(key);
            Labels.Get(key, ReportLanguage.Vietnamese).Should().NotBeNullOrWhiteSpace(key);
        }
    }

    [Fact]
    public void Language_ParsesCodes()
    {
        ReportLanguages.Parse("VI").Should().Be(ReportLanguage.Vietnamese);
        ReportLanguage.English.Code().Should().Be("en");
        FluentActions.Invoking(() => ReportLanguages.Parse("fr")).Should().Throw<ArgumentException>().WithMessage("*'vi' or 'en'*'fr'*");
    }
}

public sealed class RoundedFastPathTests
{
    // The fast path must give exactly DisplayRounding's text (the one rounding rule), on random values of every
    // magnitude and on values at and next to half-way points.
    [Fact]
    public void Rounded_AgreesWithDisplayRounding()
    {
        var random = new Random(42);
        var values = new List<double> { 0, -0.0, 0.125, -0.125, 2.675, 0.9637499999999999, 0.00005, 1e11, 999999.99995, double.Epsilon, -1e-300 };
        for (int i = 0; i < 20000; i++)
        {
            double magnitude = Math.Pow(10, random.Next(-6, 13));
            values.Add((random.NextDouble() - 0.3) * magnitude);
        }

        for (int k = 0; k < 5000; k++)
        {
            // exact half-way points n + 0.5 at each scale, and their neighbours
            double half = (random.Next(0, 1_000_000) + 0.5) / Math.Pow(10, random.Next(0, 5));
            values.Add(half);
            values.Add(Math.BitIncrement(half));
            values.Add(Math.BitDecrement(half));
        }

        foreach (double v in values)
        {
            for (int d = 0; d <= 6; d++)
            {
                string expected = DxIndicators.Model.DisplayRounding.Format(v, d);
                Assert.True(Text.Rounded(v, d) == expected, $"{v:R} to {d} decimals: {Text.Rounded(v, d)} vs {expected}");
            }
        }
    }
}
