namespace DxIndicators.Reporting.Tests;

/// <summary>Runs docs/samples/Quickstart (the C# twin of the notebook) and checks what it prints and writes.</summary>
public sealed class QuickstartSampleTests
{
    [Fact]
    public void Quickstart_Runs_AndWritesTheReport()
    {
        string folder = Path.Combine(Path.GetTempPath(), "dx-quickstart-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var output = new StringWriter();
            Quickstart.Program.Run(folder, output).Should().Be(0);
            string text = output.ToString();
            // 0.6854: the sample's index as dx score prints it; 0.8002: Đà Nẵng's published 2022 DTI (dti.gov.vn).
            text.Should().Contain($"DB-DX = 0.6854 ({DxReportTests.ExpectedSampleEvaluations()} target evaluations)");
            text.Should().Contain("48 DTI: official 0.8002, equal weights ");
            text.Should().Contain("63 provinces, 500 runs");
            string html = File.ReadAllText(Path.Combine(folder, "report.html"));
            Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
            Assert.Contains("data-chart=\"target-heatmap\"", html, StringComparison.Ordinal);
            Assert.Contains("data-chart=\"ranking\"", File.ReadAllText(Path.Combine(folder, "rank-intervals.html")), StringComparison.Ordinal);
            File.ReadAllText(Path.Combine(folder, "report.md")).Should().StartWith("# Bộ chỉ số mẫu chuyển đổi số tỉnh Điện Biên");
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
