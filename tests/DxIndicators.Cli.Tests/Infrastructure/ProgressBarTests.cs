using System.Globalization;
using DxIndicators.Cli.Infrastructure;
using NodaTime;

namespace DxIndicators.Cli.Tests.Infrastructure;

public class ProgressBarTests
{
    [Fact]
    public void OnATerminal_DrawsInPlaceOncePerPercentAndClearsTheLine()
    {
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        using (var bar = new ProgressBar(Context(error, terminal: true), "runs"))
        {
            bar.Update(0, 200);
            bar.Update(1, 200);   // still 0 %: not redrawn
            bar.Update(100, 200);
            bar.Update(200, 200);
        }

        string text = error.ToString();
        text.Split('\r', StringSplitOptions.RemoveEmptyEntries).Where(s => s.Trim().Length > 0).Should().Equal(
            "runs [░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░]   0% 0/200",
            "runs [███████████████░░░░░░░░░░░░░░░]  50% 100/200",
            "runs [██████████████████████████████] 100% 200/200");
        text.Should().EndWith("\r" + new string(' ', "runs [██████████████████████████████] 100% 200/200".Length) + "\r");
        text.Should().NotContain("\n");
    }

    [Fact]
    public void Redirected_WritesNothing()
    {
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        using (var bar = new ProgressBar(Context(error, terminal: false), "runs"))
        {
            bar.Enabled.Should().BeFalse();
            bar.Update(50, 100);
        }

        error.ToString().Should().BeEmpty();
    }

    [Fact]
    public void CountsOutsideTheRange_AreShownClamped()
    {
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var bar = new ProgressBar(Context(error, terminal: true), "x");
        bar.Update(150, 100);
        error.ToString().Should().Contain("100% 100/100");
    }

    private static CliContext Context(TextWriter error, bool terminal) =>
        new(TextWriter.Null, error, SystemClock.Instance, DateTimeZone.Utc) { ErrorColour = terminal };
}
