using BenchmarkDotNet.Attributes;
using DxIndicators.Reporting;
using DxIndicators.Reporting.Tests.TestSupport;

namespace DxIndicators.Benchmarks.Reporting;

/// <summary>
/// Rendering the full 63-province report (<see cref="ProvinceReport"/>: 2022 DTI with all nine main indices and three
/// pillars, 15 national targets × 63 provinces with their series, rank intervals of the index and the pillars from
/// 200 noisy weightings). The goal is under 200 ms for <c>Html_63Provinces</c> and for <c>Html_63Provinces_AllSections</c>
/// (plus contributions, Sobol sensitivity and the statistical audit); the inputs are built once, so the figure is the
/// renderer alone (scoring, target evaluation and the analyses are measured elsewhere).
/// </summary>
[MemoryDiagnoser]
public class ReportRenderBenchmarks
{
    private DxReport _report = null!;
    private DxReport _vietnamese = null!;
    private DxReport _full = null!;
    private DxReport _fullVietnamese = null!;

    [GlobalSetup]
    public void Setup()
    {
        _report = ProvinceReport.Build(runs: 200);
        _vietnamese = _report.WithLanguage(ReportLanguage.Vietnamese);
        _full = ProvinceReport.Build(runs: 200, sections: (plan, m) => ProvinceReport.Sections(plan, m, sobolSamples: 256));
        _fullVietnamese = _full.WithLanguage(ReportLanguage.Vietnamese);
    }

    [Benchmark(Baseline = true)]
    public string Html_63Provinces() => _report.ToHtml();

    [Benchmark]
    public string Html_63Provinces_Vietnamese() => _vietnamese.ToHtml();

    [Benchmark]
    public string Markdown_63Provinces() => _report.ToMarkdown();

    /// <summary>The full report: as <see cref="Html_63Provinces"/> plus the contributions, sensitivity and audit sections.</summary>
    [Benchmark]
    public string Html_63Provinces_AllSections() => _full.ToHtml();

    [Benchmark]
    public string Html_63Provinces_AllSections_Vietnamese() => _fullVietnamese.ToHtml();

    [Benchmark]
    public string Markdown_63Provinces_AllSections() => _full.ToMarkdown();

    /// <summary>Everything a `dx report` run on this data does after loading: score, previous scoring, targets, 200-run analysis, render.</summary>
    [Benchmark]
    public string BuildAndHtml_63Provinces() => ProvinceReport.Build(runs: 200).ToHtml();
}
