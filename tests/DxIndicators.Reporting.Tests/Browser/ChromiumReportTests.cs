using System.Diagnostics;
using System.Text.RegularExpressions;
using NodaTime;

namespace DxIndicators.Reporting.Tests.Browser;

/// <summary>
/// Renders the sample report in a real browser (Debian's headless Chromium, installed by .ci/run), checks that the
/// screenshot is not blank and shows the charts' colours, and that the browser's DOM holds each chart's elements.
/// In CI (CI=true or DX_REQUIRE_CHROMIUM=1) a missing Chromium fails the test; elsewhere it is skipped with the reason.
/// </summary>
public sealed class ChromiumReportTests
{
    private static readonly string[] s_flags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--window-size=1280,6400",
    ];

    [SkippableFact]
    public void SampleReport_RendersInChromium()
    {
        string? chromium = FindChromium();
        bool required = Environment.GetEnvironmentVariable("CI") == "true" || Environment.GetEnvironmentVariable("DX_REQUIRE_CHROMIUM") == "1";
        if (chromium is null)
        {
            Assert.False(required, "Chromium is required in CI but was not found (set DX_CHROMIUM or install Debian's 'chromium'; .ci/run does).");
            Skip.If(true, "Chromium is not installed: apt-get install chromium (or set DX_CHROMIUM) to run the browser test.");
        }

        string dir = Path.Combine(Path.GetTempPath(), "dx-report-browser-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string page = Path.Combine(dir, "report.html");
            // As `dx report` writes it with no arguments: the sample with its default contributions section.
            File.WriteAllText(page, ReportBuilder.Sample(new LocalDate(2026, 1, 15), ReportLanguage.Vietnamese, (plan, m) => [ContributionsSection.Compute(plan, m)]).ToHtml());
            string shot = Path.Combine(dir, "report.png");
            Run(chromium!, dir, [.. s_flags, $"--screenshot={shot}", new Uri(page).AbsoluteUri]);
            Assert.True(File.Exists(shot), "Chromium wrote no screenshot");
            if (Environment.GetEnvironmentVariable("DX_REPORT_PNG_DIR") is { Length: > 0 } keep)
            {
                Directory.CreateDirectory(keep);
                File.Copy(shot, Path.Combine(keep, "dx-report-sample.png"), overwrite: true);
            }

            Png png = Png.Read(File.ReadAllBytes(shot));
            png.Width.Should().Be(1280);
            int inked = 0;
            var colours = new HashSet<(byte, byte, byte)>();
            for (int y = 0; y < png.Height; y += 2)
            {
                for (int x = 0; x < png.Width; x += 2)
                {
                    (byte r, byte g, byte b) = png[x, y];
                    colours.Add((r, g, b));
                    if (r < 240 || g < 240 || b < 240)
                    {
                        inked++;
                    }
                }
            }

            double share = inked / (png.Width * png.Height / 4.0);
            share.Should().BeGreaterThan(0.03, "a blank or near-blank page has almost no non-white pixels");
            colours.Count.Should().BeGreaterThan(50, "text, bars and the heat map give many colours");
            // The index bar (#0969da) and the 'achieved' heat-map colour (#1a7f37) are painted.
            colours.Should().Contain((0x09, 0x69, 0xda)).And.Contain((0x1a, 0x7f, 0x37));

            string dom = Run(chromium!, dir, [.. s_flags, "--dump-dom", new Uri(page).AbsoluteUri]);
            int Count(string pattern) => Regex.Count(dom, pattern);
            Count("data-chart=\"pillar-profile\"").Should().Be(1);
            Count("class=\"bar\"").Should().BeGreaterThanOrEqualTo(5, "the index and four components");
            Count("data-chart=\"target-heatmap\"").Should().Be(1);
            Count("class=\"cell\" data-status=").Should().Be(DxReportTests.ExpectedSampleEvaluations(), "one cell per target of the one unit");
            Count("data-chart=\"time-series\"").Should().BeGreaterThanOrEqualTo(1);
            Count("class=\"target-line\"").Should().BeGreaterThanOrEqualTo(1);
            Count("class=\"series-point\"").Should().BeGreaterThanOrEqualTo(1);
            Count("data-chart=\"framework-tree\"").Should().Be(1);
            Count("data-chart=\"contributions\"").Should().Be(1);
            Count("class=\"segment\"").Should().Be(4, "one part per weighted component of the sample's index");
            Assert.True(dom.Contains("Chỉ số tổng hợp và các trụ cột", StringComparison.Ordinal), "the Vietnamese heading survived the browser's parse");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string? FindChromium()
    {
        if (Environment.GetEnvironmentVariable("DX_CHROMIUM") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }

        foreach (string candidate in new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string Run(string chromium, string dir, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add($"--user-data-dir={Path.Combine(dir, "profile-" + Guid.NewGuid().ToString("N"))}");
        foreach (string a in args)
        {
            info.ArgumentList.Add(a);
        }

        using Process process = Process.Start(info)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("Chromium did not finish within 120 s: " + error.Result);
        }

        Assert.True(process.ExitCode == 0, $"Chromium exited with {process.ExitCode}: {error.Result}");
        return output.Result;
    }
}
