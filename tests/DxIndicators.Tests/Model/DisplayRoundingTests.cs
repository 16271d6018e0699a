using System.Globalization;
using System.Numerics;
using DxIndicators.Model;

namespace DxIndicators.Tests.Model;

/// <summary>
/// Display rounding: once, from the exact binary value, half away from zero (docs/methodology.md, "Rounding for display").
/// Half-way cases use doubles that hold the half exactly (k / 2^n), and their immediate neighbours.
/// </summary>
public sealed class DisplayRoundingTests
{
    [Fact]
    public void Format_ValueJustBelowHalf_RoundsDown_WhereCustomFormatRoundsTwice()
    {
        const double value = 0.9637499999999999; // exact value 0.96374999999999988454…

        // The bug this helper exists for: the custom format rounds to 15 significant digits (0.963750000000000) first.
        value.ToString("0.0000", CultureInfo.InvariantCulture).Should().Be("0.9638");

        DisplayRounding.Format(value, 4).Should().Be("0.9637");
        DisplayRounding.Round(value, 4).Should().Be(0.9637);
    }

    [Theory]
    [InlineData(0.125, 2, "0.13")] // 1/8 exactly: half → away from zero
    [InlineData(-0.125, 2, "-0.13")]
    [InlineData(0.375, 2, "0.38")]
    [InlineData(0.5, 0, "1")]
    [InlineData(1.5, 0, "2")]
    [InlineData(2.5, 0, "3")] // not banker's rounding (which gives 2)
    [InlineData(-2.5, 0, "-3")]
    [InlineData(0.03125, 4, "0.0313")] // 1/32
    [InlineData(0.96875, 4, "0.9688")] // 31/32
    [InlineData(-0.96875, 4, "-0.9688")]
    [InlineData(0.00005, 4, "0.0001")] // exact value 0.0000500000000000000023960868… is above half
    [InlineData(2.675, 2, "2.67")] // exact value 2.67499999999999982236… is below half
    [InlineData(1.005, 2, "1.00")] // exact value 1.00499999999999989341…
    [InlineData(0.8575, 4, "0.8575")]
    [InlineData(12, 4, "12.0000")]
    [InlineData(0, 2, "0.00")]
    public void Format_HalfWayAndNearHalf(double value, int decimals, string expected)
    {
        DisplayRounding.Format(value, decimals).Should().Be(expected);
    }

    [Theory]
    [InlineData(0.125, 2)]
    [InlineData(0.96875, 4)]
    [InlineData(2.5, 0)]
    [InlineData(-0.03125, 4)]
    public void Format_NeighboursOfAnExactHalf_RoundToTheNearerSide(double half, int decimals)
    {
        var scale = Math.Pow(10, decimals);
        var down = Math.Floor(Math.Abs(half) * scale) / scale * Math.Sign(half);
        var up = Math.Ceiling(Math.Abs(half) * scale) / scale * Math.Sign(half);

        DisplayRounding.Round(Math.BitDecrement(Math.Abs(half)) * Math.Sign(half), decimals).Should().Be(down);
        DisplayRounding.Round(Math.BitIncrement(Math.Abs(half)) * Math.Sign(half), decimals).Should().Be(up);
        DisplayRounding.Round(half, decimals).Should().Be(up);
    }

    [Fact]
    public void Format_NegativeValueRoundingToZero_HasNoSign()
    {
        DisplayRounding.Format(-0.00004, 4).Should().Be("0.0000");
        DisplayRounding.Format(-0.0, 2).Should().Be("0.00");
        DisplayRounding.Round(-0.00004, 4).Should().Be(0d);
        double.IsNegative(DisplayRounding.Round(-0.00004, 4)).Should().BeFalse();
    }

    [Fact]
    public void Format_Styles()
    {
        DisplayRounding.Format(1234567.891, 4, DisplayStyle.GroupThousands | DisplayStyle.TrimTrailingZeros).Should().Be("1,234,567.891");
        DisplayRounding.Format(123456.5, 0, DisplayStyle.GroupThousands).Should().Be("123,457");
        DisplayRounding.Format(-999.99999, 4, DisplayStyle.GroupThousands).Should().Be("-1,000.0000");
        DisplayRounding.Format(3.0, 4, DisplayStyle.TrimTrailingZeros).Should().Be("3");
        DisplayRounding.Format(0.06, 4, DisplayStyle.ExplicitPlus).Should().Be("+0.0600");
        DisplayRounding.Format(-0.06, 4, DisplayStyle.ExplicitPlus).Should().Be("-0.0600");
        DisplayRounding.Format(0.00001, 4, DisplayStyle.ExplicitPlus).Should().Be("0.0000");
    }

    [Fact]
    public void Format_NonFinite()
    {
        DisplayRounding.Format(double.NaN, 4).Should().Be("NaN");
        DisplayRounding.Format(double.PositiveInfinity, 4).Should().Be("∞");
        DisplayRounding.Format(double.NegativeInfinity, 4).Should().Be("-∞");
        DisplayRounding.Round(double.NaN, 2).Should().Be(double.NaN);
        DisplayRounding.Round(double.NegativeInfinity, 2).Should().Be(double.NegativeInfinity);
    }

    [Fact]
    public void Format_ExtremeMagnitudes()
    {
        DisplayRounding.Format(double.Epsilon, 4).Should().Be("0.0000");
        DisplayRounding.Format(1e300, 0).Should().Be(1e300.ToString("F0", CultureInfo.InvariantCulture));
        DisplayRounding.Round(1e300, 3).Should().Be(1e300);
        DisplayRounding.Format(9007199254740993d, 2).Should().Be("9007199254740992.00"); // 2^53 + 1 is held as 2^53
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(DisplayRounding.MaxDecimals + 1)]
    public void Format_DecimalsOutOfRange_Throws(int decimals)
    {
        var act = () => DisplayRounding.Format(1.0, decimals);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(decimals));
    }

    /// <summary>
    /// Random doubles against an independent oracle: the exact decimal expansion from .NET's "F" format (exact since
    /// .NET Core 3.0), rounded on the digit string: the next digit ≥ 5 means at or above half, so round up.
    /// </summary>
    [Fact]
    public void Format_RandomValues_MatchExactExpansionRoundedHalfAwayFromZero()
    {
        var random = new Random(20261201);
        for (var i = 0; i < 20000; i++)
        {
            var decimals = random.Next(0, 9);
            var value = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-5, 7));
            if (i % 3 == 0)
            {
                // Land on or next to an exact half at this many decimals.
                var half = (Math.Floor(value * Math.Pow(10, decimals)) + 0.5) / Math.Pow(10, decimals);
                value = (i % 2) switch { 0 => half, _ => Math.BitIncrement(half) };
            }

            DisplayRounding.Format(value, decimals).Should().Be(Oracle(value, decimals), "value {0:R} to {1} decimals", value, decimals);
            DisplayRounding.Round(value, decimals).Should().Be(double.Parse(Oracle(value, decimals), CultureInfo.InvariantCulture) + 0.0);
        }
    }

    private static string Oracle(double value, int decimals)
    {
        var exact = Math.Abs(value).ToString("F1100", CultureInfo.InvariantCulture);
        var point = exact.IndexOf('.', StringComparison.Ordinal);
        var kept = string.Concat(exact.AsSpan(0, point), exact.AsSpan(point + 1, decimals));
        var n = BigInteger.Parse(kept, CultureInfo.InvariantCulture);
        if (exact[point + 1 + decimals] >= '5')
        {
            n += 1;
        }

        var s = n.ToString(CultureInfo.InvariantCulture).PadLeft(decimals + 1, '0');
        var body = decimals == 0 ? s : s[..^decimals] + "." + s[^decimals..];
        return value < 0 && !n.IsZero ? "-" + body : body;
    }
}
