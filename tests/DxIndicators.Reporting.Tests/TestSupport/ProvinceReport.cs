using DxIndicators.Analysis;
using DxIndicators.Catalog;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Scoring;
using DxIndicators.Targets;
using DxIndicators.Units;
using NodaTime;

namespace DxIndicators.Reporting.Tests.TestSupport;

/// <summary>
/// A full-size report input: the 63 provinces before the 2025 merger scored on the built-in 2022 DTI (all nine main
/// indices, three pillars) from seeded random values for 2021 and 2022, six national targets with three years of
/// seeded series each, and a weight-uncertainty analysis. Shared by the tests and the benchmark.
/// </summary>
internal static class ProvinceReport
{
    public static readonly LocalDate AsOf = new(2025, 6, 30);

    private static readonly string[] s_targetIndicators = ["INF-FIBRE-COMMUNE", "GOV-ONLINE-PROC", "GOV-FULL-ONLINE-SERVICES", "ECO-GRDP-SHARE", "SOC-EHR-SHARE", "GOV-ESIGN-OFFICIALS"];

    /// <summary>The 63 province codes valid on <see cref="AsOf"/>.</summary>
    public static IReadOnlyList<string> Provinces() =>
        BuiltIn.VietnamProvinces.Units.Where(u => u.Level == AdminLevel.Province && BuiltIn.VietnamProvinces.TryResolve(u.Code, AsOf, out AdministrativeUnit? r) && r.Id == u.Id)
            .Select(u => u.Code).Distinct().Order(StringComparer.Ordinal).ToList();

    public static (Framework Framework, Dataset Data, List<TargetRule> Targets, TargetCatalog National) Inputs(int seed = 7)
    {
        Framework dti = FrameworkCatalog.Get("vn-dti-province-2022");
        TargetCatalog national = FrameworkCatalog.GetTargets("vn-national-dx-targets");
        var random = new Random(seed);
        var observations = new List<Observation>();
        foreach (string unit in Provinces())
        {
            foreach (IndicatorDefinition indicator in dti.Indicators)
            {
                double v = 0.3 + (0.6 * random.NextDouble());
                observations.Add(new Observation(unit, indicator.Code, ReportingPeriod.FromYear(2021), Math.Round(v, 4)));
                observations.Add(new Observation(unit, indicator.Code, ReportingPeriod.FromYear(2022), Math.Round(Math.Min(1, v + (0.1 * random.NextDouble())), 4)));
            }

            foreach (string code in s_targetIndicators)
            {
                double start = code == "ECO-GRDP-SHARE" ? 5 + (10 * random.NextDouble()) : 40 + (50 * random.NextDouble());
                for (int year = 2022; year <= 2024; year++)
                {
                    double value = Math.Min(100, start + ((year - 2022) * 8 * random.NextDouble()));
                    observations.Add(new Observation(unit, code, ReportingPeriod.FromYear(year), Math.Round(value, 1)));
                }
            }
        }

        var targets = national.Targets.Where(t => s_targetIndicators.Contains(t.Indicator)).ToList();
        return (dti, new Dataset(observations), targets, national);
    }

    /// <summary>Builds the report; <paramref name="runs"/> 0 for no uncertainty analysis.</summary>
    public static DxReport Build(int runs = 200, ReportLanguage language = ReportLanguage.English, Func<ScoringPlan, IndicatorMatrix, IEnumerable<ReportSection>>? sections = null)
    {
        (Framework dti, Dataset data, List<TargetRule> targets, TargetCatalog national) = Inputs();
        return ReportBuilder.FromDataset(
            dti, data, AsOf, targets, national.Indicators, ScoringOptions.Default, BuiltIn.VietnamProvinces, language,
            runs == 0 ? null : (plan, matrix) => WeightUncertainty.FromNoise(plan, runs, 0.25, 1).WithNodes([.. dti.Nodes.Where(n => n.Kind == NodeKind.Pillar).Select(n => n.Code)]).Run(matrix),
            sections);
    }

    /// <summary>The three analysis sections: contributions, Sobol indices of the index ranks (weight noise 0.25 and outlier
    /// treatment on/off, <paramref name="sobolSamples"/> base samples, 200 bootstrap resamples) and the statistical audit.</summary>
    public static IEnumerable<ReportSection> Sections(ScoringPlan plan, IndicatorMatrix matrix, int sobolSamples)
    {
        yield return ContributionsSection.Compute(plan, matrix);
        UncertainInputs inputs = UncertainInputs.For(plan.Framework, plan.Options).WithWeightNoise(0.25).WithTreatmentChoice();
        yield return new SensitivitySection(SobolSensitivity.Create(inputs, sobolSamples, 1).WithBootstrap(200).Run(matrix));
        yield return new AuditSection(StatisticalAudit.Run(plan, matrix));
    }
}
