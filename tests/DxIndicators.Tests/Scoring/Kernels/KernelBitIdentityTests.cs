using DxIndicators.Scoring;
using DxIndicators.Scoring.Kernels;
using static DxIndicators.Tests.Scoring.Kernels.KernelTestData;

namespace DxIndicators.Tests.Scoring.Kernels;

/// <summary>
/// Every kernel path the hardware offers (Scalar, V128, V256, V512) against its scalar twin in ScoringReference, bit for
/// bit. CI reruns these under DOTNET_EnableHWIntrinsic=0 and DOTNET_PreferredVectorBitWidth=128/256.
/// </summary>
[Trait("Category", "Kernel")]
public sealed class KernelBitIdentityTests
{
    public static TheoryData<int> Lengths => LengthData();

    [Theory]
    [MemberData(nameof(Lengths))]
    public void ColumnStatistics_EveryPath_MatchesReferenceBits(int n)
    {
        foreach (double[] x in Inputs(n))
        {
            (double min, double max) = ScoringReference.MinMax(x);
            (double sum, int count) = ScoringReference.SumCount(x);
            double ss = ScoringReference.SumSquaredDeviations(x, 1.25);
            foreach (KernelPath path in KernelPaths.Supported)
            {
                (double kMin, double kMax) = ColumnStatistics.MinMax(x, path);
                Bits(kMin).Should().Be(Bits(min), $"min on {path}, n = {n}");
                Bits(kMax).Should().Be(Bits(max), $"max on {path}, n = {n}");
                (double kSum, int kCount) = ColumnStatistics.SumCount(x, path);
                Bits(kSum).Should().Be(Bits(sum), $"sum on {path}, n = {n}");
                kCount.Should().Be(count);
                Bits(ColumnStatistics.SumSquaredDeviations(x, 1.25, path)).Should().Be(Bits(ss), $"sum of squares on {path}, n = {n}");
            }

            Bits(ColumnStatistics.MinMax(x).Min).Should().Be(Bits(min), "default path");
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void AffineTransform_EveryPath_MatchesReferenceBits(int n)
    {
        AffineParameters[] parameters =
        [
            new(-3.5, 1.0 / 7.0, 1, double.NegativeInfinity, double.PositiveInfinity, 1),
            new(2, -0.3, 0, 0, 1, 100),
            new(0, 1.0 / 0.0, 0, double.NegativeInfinity, 1, 1),
        ];
        foreach (double[] x in Inputs(n))
        {
            foreach (AffineParameters p in parameters)
            {
                var expected = new double[n];
                ScoringReference.Affine(x, p, expected);
                foreach (KernelPath path in KernelPaths.Supported)
                {
                    var actual = new double[n];
                    AffineTransform.Apply(x, p, actual, path);
                    ShouldBeBitIdentical(actual, expected, $"affine {p} on {path}");
                    double[] inPlace = (double[])x.Clone();
                    AffineTransform.Apply(inPlace, p, inPlace, path);
                    ShouldBeBitIdentical(inPlace, expected, $"affine in place on {path}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Accumulators_EveryPath_MatchReferenceBits(int n)
    {
        double[][] children = [Mixed(n, 3), Finite(n, 4), Constant(n)];
        double[] weights = [0.7, 0, 2.5];
        var refSum = new double[n];
        var refW = new double[n];
        var refH = new double[n];
        var refHW = new double[n];
        var refMin = new double[n];
        var refCount = new double[n];
        var refPresent = new double[n];
        Array.Fill(refMin, double.NaN);
        for (int c = 0; c < children.Length; c++)
        {
            ScoringReference.WeightedSum(children[c], weights[c], refSum, refW);
            ScoringReference.HarmonicSum(children[c], weights[c], refH, refHW);
            ScoringReference.RunningMinimum(children[c], refMin, refCount);
            ScoringReference.CountPresent(children[c], refPresent);
        }

        var refQuotient = new double[n];
        ScoringReference.Divide(refSum, refW, refQuotient);
        foreach (KernelPath path in KernelPaths.Supported)
        {
            var sum = new double[n];
            var w = new double[n];
            var h = new double[n];
            var hw = new double[n];
            var min = new double[n];
            var count = new double[n];
            var present = new double[n];
            var unused = new double[n];
            Array.Fill(min, double.NaN);
            for (int c = 0; c < children.Length; c++)
            {
                WeightedSum.Accumulate(children[c], weights[c], sum, w, path);
                HarmonicSum.Accumulate(children[c], weights[c], h, hw, path);
                RunningMinimum.Accumulate(children[c], min, count, path);
                CountPresent.Accumulate(children[c], present, unused, path);
            }

            ShouldBeBitIdentical(sum, refSum, $"weighted sum on {path}");
            ShouldBeBitIdentical(w, refW, $"weight sum on {path}");
            ShouldBeBitIdentical(h, refH, $"harmonic sum on {path}");
            ShouldBeBitIdentical(hw, refHW, $"harmonic weights on {path}");
            ShouldBeBitIdentical(min, refMin, $"minimum on {path}");
            ShouldBeBitIdentical(count, refCount, $"minimum count on {path}");
            ShouldBeBitIdentical(present, refPresent, $"present count on {path}");
            var quotient = new double[n];
            Quotient.Divide(sum, w, quotient, path);
            ShouldBeBitIdentical(quotient, refQuotient, $"quotient on {path}");
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void WeightedSum4_EveryPath_MatchesFourReferenceSteps(int n)
    {
        double[][] x = [Mixed(n, 6), Finite(n, 7), Constant(n), Mixed(n, 8)];
        var w = new Weights4(0.25, 0, 3, 1.5);
        double[] start = Finite(n, 9).Select(v => double.IsNaN(v) ? 0 : v).ToArray();
        double[] refSum = (double[])start.Clone();
        var refW = new double[n];
        ScoringReference.WeightedSum(x[0], w.W0, refSum, refW);
        ScoringReference.WeightedSum(x[1], w.W1, refSum, refW);
        ScoringReference.WeightedSum(x[2], w.W2, refSum, refW);
        ScoringReference.WeightedSum(x[3], w.W3, refSum, refW);
        foreach (KernelPath path in KernelPaths.Supported)
        {
            double[] sum = (double[])start.Clone();
            var ws = new double[n];
            WeightedSum4.Accumulate(x[0], x[1], x[2], x[3], w, sum, ws, path);
            ShouldBeBitIdentical(sum, refSum, $"sum4 on {path}");
            ShouldBeBitIdentical(ws, refW, $"weights4 on {path}");
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void NormaliseAccumulate_EveryPath_MatchesAffineThenWeightedSum(int n)
    {
        // Unclamped parameters of the shapes the plan makes: min-max with polarity, z-score with scale, a zero range (∞ factor).
        AffineParameters[] p =
        [
            AffineParameters.Unclamped(-3.5, 1.0 / 7.0, 0),
            new(2, -0.3, 1, double.NegativeInfinity, double.PositiveInfinity, 100),
            AffineParameters.Unclamped(0, 1.0 / 0.0, 0),
            AffineParameters.Unclamped(1.25, -1, 0),
        ];
        double[][] x = [Mixed(n, 11), Finite(n, 12), Constant(n), Mixed(n, 13)];
        var w = new Weights4(0.25, 0, 3, 1.5);
        double[] start = Finite(n, 14).Select(v => double.IsNaN(v) ? 0 : v).ToArray();
        double[] refSum = (double[])start.Clone();
        var refW = new double[n];
        var refY = new double[4][];
        double[] ws4 = [w.W0, w.W1, w.W2, w.W3];
        for (int c = 0; c < 4; c++)
        {
            refY[c] = new double[n];
            ScoringReference.Affine(x[c], p[c], refY[c]);
            ScoringReference.WeightedSum(refY[c], ws4[c], refSum, refW);
        }

        foreach (KernelPath path in KernelPaths.Supported)
        {
            double[] sum = (double[])start.Clone();
            var wsum = new double[n];
            double[][] y = [new double[n], new double[n], new double[n], new double[n]];
            NormaliseAccumulate.Run4(new FusedChildren4(x[0], x[1], x[2], x[3], p[0], p[1], p[2], p[3], y[0], y[1], y[2], y[3]), w, sum, wsum, path);
            ShouldBeBitIdentical(sum, refSum, $"fused sum4 on {path}");
            ShouldBeBitIdentical(wsum, refW, $"fused weights4 on {path}");
            for (int c = 0; c < 4; c++)
            {
                ShouldBeBitIdentical(y[c], refY[c], $"fused normalised child {c} on {path}");
            }

            double[] sum1 = (double[])start.Clone();
            var wsum1 = new double[n];
            for (int c = 0; c < 4; c++)
            {
                var y1 = new double[n];
                NormaliseAccumulate.Run(x[c], p[c], ws4[c], y1, sum1, wsum1, path);
                ShouldBeBitIdentical(y1, refY[c], $"fused single child {c} on {path}");
            }

            ShouldBeBitIdentical(sum1, refSum, $"fused single sums on {path}");
            ShouldBeBitIdentical(wsum1, refW, $"fused single weights on {path}");
        }
    }

    [Fact]
    public void NormaliseAccumulate_ClampedParameters_AreRefusedNamingTheClamp()
    {
        var x = new double[10];
        var act = () => NormaliseAccumulate.Run(x, new AffineParameters(0, 1, 0, 0, 1, 1), 1, new double[10], new double[10], new double[10], KernelPath.Scalar);
        act.Should().Throw<ArgumentException>().WithParameterName("p").WithMessage("*clamp to [0, 1]*unclamped*");
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Ranking_AllMethods_MatchDefinition(int n)
    {
        double[] x = Finite(n, 5);
        for (int i = 0; i < n; i += 5)
        {
            x[i] = Math.Round(x[i] / 20) * 20; // plant ties
        }

        foreach (RankMethod method in Enum.GetValues<RankMethod>())
        {
            foreach (bool ascending in new[] { false, true })
            {
                var expected = new double[n];
                int refUniverse = ScoringReference.Rank(x, expected, method, ascending);
                var actual = new double[n];
                int universe = Ranking.Rank(x, actual, method, ascending, new double[n], new int[n]);
                universe.Should().Be(refUniverse);
                ShouldBeBitIdentical(actual, expected, $"{method} ascending={ascending}");
            }
        }
    }

    [Fact]
    public void Kernels_MismatchedLengths_Throw()
    {
        var x = new double[10];
        var shortSpan = new double[9];
        var ok = new double[10];
        ((Action)(() => WeightedSum.Accumulate(x, 1, shortSpan, ok))).Should().Throw<ArgumentException>().WithParameterName("a");
        ((Action)(() => HarmonicSum.Accumulate(x, 1, ok, shortSpan))).Should().Throw<ArgumentException>().WithParameterName("b");
        ((Action)(() => RunningMinimum.Accumulate(x, shortSpan, ok))).Should().Throw<ArgumentException>();
        ((Action)(() => CountPresent.Accumulate(x, shortSpan, ok))).Should().Throw<ArgumentException>();
        ((Action)(() => WeightedSum4.Accumulate(x, x, shortSpan, x, default, ok, ok))).Should().Throw<ArgumentException>().WithParameterName("x2");
        ((Action)(() => Quotient.Divide(x, shortSpan, ok))).Should().Throw<ArgumentException>().WithParameterName("denominator");
        ((Action)(() => Ranking.Rank(x, shortSpan, RankMethod.Competition, false, ok, new int[10]))).Should().Throw<ArgumentException>().WithParameterName("ranks");
    }

    [Fact]
    public void Kernels_TooShortDestination_Throw()
    {
        var x = new double[10];
        var shortSpan = new double[9];
        ((Action)(() => AffineTransform.Apply(x, AffineParameters.Unclamped(0, 1, 0), shortSpan))).Should().Throw<ArgumentException>().WithParameterName("destination");
        ((Action)(() => Quotient.Divide(x, x, shortSpan))).Should().Throw<ArgumentException>().WithParameterName("destination");
        ((Action)(() => Ranking.Rank(x, new double[10], RankMethod.Competition, false, shortSpan, new int[10]))).Should().Throw<ArgumentException>().WithParameterName("keys");
        ((Action)(() => Ranking.Rank(x, new double[10], RankMethod.Competition, false, new double[10], new int[9]))).Should().Throw<ArgumentException>().WithParameterName("order");
    }

    [Fact]
    public void AffineTransform_PartialOverlap_Throws()
    {
        var buffer = new double[20];
        ((Action)(() => AffineTransform.Apply(buffer.AsSpan(0, 10), AffineParameters.Unclamped(0, 1, 0), buffer.AsSpan(5, 10)))).Should().Throw<ArgumentException>().WithParameterName("destination");
    }
}
