using DxIndicators.Analysis;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Scoring;
using static DxIndicators.Tests.Analysis.AnalysisFrameworks;

namespace DxIndicators.Tests.Analysis;

/// <summary>Sobol indices: the Ishigami function's known indices, exact zeros for an input without effect, thread independence.</summary>
public sealed class SobolSensitivityTests
{
    // Ishigami function f = sin x1 + a sin² x2 + b x3⁴ sin x1, x_i ~ U(−π, π), a = 7, b = 0.1 (Ishigami and Homma 1990).
    // Analytic variances (Sobol' and Levitan 1999; Saltelli et al., Global Sensitivity Analysis: The Primer, 2008):
    // V1 = b π⁴/5 + b² π⁸/50 + 1/2, V2 = a²/8, V3 = 0, V13 = 8 b² π⁸/225, V = V1 + V2 + V13.
    // Hence S = (0.3139, 0.4424, 0) and ST = (0.5576, 0.4424, 0.2437).
    private const double A = 7, B = 0.1;

    private static double Ishigami(double[] u)
    {
        double x1 = Math.PI * ((2 * u[0]) - 1), x2 = Math.PI * ((2 * u[1]) - 1), x3 = Math.PI * ((2 * u[2]) - 1);
        return Math.Sin(x1) + (A * Math.Sin(x2) * Math.Sin(x2)) + (B * Math.Pow(x3, 4) * Math.Sin(x1));
    }

    private static (double[] First, double[] Total) IshigamiTruth()
    {
        double pi4 = Math.Pow(Math.PI, 4), pi8 = Math.Pow(Math.PI, 8);
        double v1 = (B * pi4 / 5) + (B * B * pi8 / 50) + 0.5, v2 = A * A / 8, v13 = 8 * B * B * pi8 / 225;
        double v = v1 + v2 + v13;
        return ([v1 / v, v2 / v, 0], [(v1 + v13) / v, v2 / v, v13 / v]);
    }

    [Fact]
    public void Analyse_Ishigami_RecoversKnownIndicesWithinConfidenceBounds()
    {
        (double[] first, double[] total) = IshigamiTruth();
        first[0].Should().BeApproximately(0.3139, 1e-4);
        total[2].Should().BeApproximately(0.2437, 1e-4);
        int covered = 0, checks = 0;
        for (int seed = 1; seed <= 10; seed++)
        {
            SobolResult r = SobolSensitivity.Analyse(3, 10_000, Ishigami, seed, bootstrap: 200);
            r.Indices.Select(s => s.Input).Should().Equal("x1", "x2", "x3");
            for (int i = 0; i < 3; i++)
            {
                SobolIndex s = r.Indices[i];
                s.First.Should().BeApproximately(first[i], 0.05, "S_{0} with N = 10,000 (seed {1})", i + 1, seed);
                s.Total.Should().BeApproximately(total[i], 0.05, "ST_{0} with N = 10,000 (seed {1})", i + 1, seed);
                s.FirstLow.Should().BeLessThan(s.FirstHigh);
                s.TotalLow.Should().BeLessThan(s.TotalHigh);
                covered += (s.FirstLow <= first[i] && first[i] <= s.FirstHigh ? 1 : 0) + (s.TotalLow <= total[i] && total[i] <= s.TotalHigh ? 1 : 0);
                checks += 2;
            }
        }

        // 90 % bounds: about 54 of the 60 should cover the truth; fewer than 45 would mean the bounds are too narrow.
        covered.Should().BeGreaterThanOrEqualTo(45, "90 % bootstrap bounds cover the analytic indices about 90 % of the time ({0} of {1})", covered, checks);
    }

    [Fact]
    public void Analyse_Convergence_TightensAsNGrows()
    {
        (double[] first, _) = IshigamiTruth();
        SobolResult r = SobolSensitivity.Analyse(3, 32_000, Ishigami, 3, bootstrap: 0);

        r.Convergence.Select(c => c.BaseSamples).Distinct().Should().Equal(4_000, 8_000, 16_000, 32_000);
        r.Convergence.Where(c => c.BaseSamples == 32_000).Select(c => c.First).Should().Equal(r.Indices.Select(s => s.First));
        double.IsNaN(r.Indices[0].FirstLow).Should().BeTrue("no bootstrap, no bounds");
        Math.Abs(r.Indices[1].First - first[1]).Should().BeLessThan(0.02);
    }

    [Fact]
    public void Estimate_HandComputedSmallDesign()
    {
        // N = 2, d = 1: yA = (1, 3), yB = (2, 4), yAB = (2, 3).
        // V = var(1, 3, 2, 4) = 5/3; S = mean(2·(2−1), 4·(3−3))/V = 1/(5/3) = 0.6; ST = ((1−2)² + 0)/(2·2·V) = 0.15.
        SobolResult r = SobolSensitivity.Estimate("y", ["w"], [1, 3], [2, 4], [[2, 3]], 0, 0.9, 1);

        r.Variance.Should().BeApproximately(5.0 / 3, 1e-15);
        r.Mean.Should().Be(2.5);
        r.Indices[0].First.Should().BeApproximately(0.6, 1e-15);
        r.Indices[0].Total.Should().BeApproximately(0.15, 1e-15);
    }

    [Fact]
    public void Run_InputWithoutEffect_HasZeroIndices_AndThreadsDoNotMatter()
    {
        // Uniform random data pass COINr's skew/kurtosis rule, so switching treatment on changes nothing: y_ABi = y_A exactly.
        UncertainInputs inputs = UncertainInputs.For(ThreePillars(), ScoringOptions.Default.WithNormaliser(Normaliser.MinMax()).WithRanking(RankMethod.Competition, RankScope.RootOnly))
            .WithWeightNoise(new Dictionary<NodeKind, double> { [NodeKind.Index] = 0.6, [NodeKind.Pillar] = 0.6 })
            .WithTreatmentChoice();
        IndicatorMatrix matrix = Matrix(inputs.Framework);
        SobolSensitivity sa = SobolSensitivity.Create(inputs, 1_000, 9).WithBootstrap(200);

        SobolResult one = sa.WithThreads(1).Run(matrix);
        SobolResult two = sa.WithThreads(2).Run(matrix);

        one.Indices.Select(s => s.Input).Should().Equal("Weights", "Treatment");
        one.Index("Treatment").First.Should().Be(0);
        one.Index("Treatment").Total.Should().Be(0);
        one.Index("Weights").Total.Should().BeGreaterThan(0.5);
        one.Runs.Should().Be(4_000);
        two.Indices.Should().Equal(one.Indices);
        two.Variance.Should().Be(one.Variance);
    }

    [Fact]
    public void Run_UnitTarget_UsesThatUnitsRank()
    {
        UncertainInputs inputs = UncertainInputs.For(ThreePillars(), ScoringOptions.Default.WithNormaliser(Normaliser.MinMax()))
            .WithWeightNoise(0.5)
            .WithNormalisers([Normaliser.MinMax(), Normaliser.ZScore()]);
        IndicatorMatrix matrix = Matrix(inputs.Framework);

        SobolResult r = SobolSensitivity.Create(inputs, 500, 2).WithTarget("I", "U03").WithBootstrap(100).Run(matrix);

        r.Target.Should().Be("rank of U03 at I");
        r.Mean.Should().BeInRange(1, 40);
        Action act = () => SobolSensitivity.Create(inputs, 10, 2).WithTarget("I", "NOPE").Run(matrix);
        act.Should().Throw<ArgumentException>().WithMessage("*no unit 'NOPE'*");
    }
}
