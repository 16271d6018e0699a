namespace DxIndicators.Tests.Scoring.Kernels;

/// <summary>Seeded inputs for kernel tests: every length 0..256 plus 1023, 1024, 1025 and 6·512+7, with NaN, ±∞, −0.0 planted.</summary>
internal static class KernelTestData
{
    public static IEnumerable<int> Lengths => Enumerable.Range(0, 257).Concat([1023, 1024, 1025, (6 * 512) + 7]);

    public static TheoryData<int> LengthData()
    {
        var data = new TheoryData<int>();
        foreach (int n in Lengths)
        {
            data.Add(n);
        }

        return data;
    }

    /// <summary>Random values in [−100, 100) with about 10 % NaN, 2 % +∞, 2 % −∞, 3 % −0.0 and 3 % +0.0.</summary>
    public static double[] Mixed(int n, int salt = 0)
    {
        var random = new Random(42 + salt);
        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            double u = random.NextDouble();
            x[i] = u switch
            {
                < 0.10 => double.NaN,
                < 0.12 => double.PositiveInfinity,
                < 0.14 => double.NegativeInfinity,
                < 0.17 => -0.0,
                < 0.20 => 0.0,
                _ => (random.NextDouble() * 200) - 100,
            };
        }

        return x;
    }

    /// <summary>Finite random values with about 10 % NaN (no infinities).</summary>
    public static double[] Finite(int n, int salt = 0)
    {
        var random = new Random(42 + salt);
        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = random.NextDouble() < 0.1 ? double.NaN : (random.NextDouble() * 200) - 100;
        }

        return x;
    }

    /// <summary>A constant column (min == max) with a few NaN.</summary>
    public static double[] Constant(int n)
    {
        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = i % 7 == 3 ? double.NaN : 2.5;
        }

        return x;
    }

    public static IEnumerable<double[]> Inputs(int n) => [Mixed(n), Finite(n, 1), Constant(n)];

    public static long Bits(double d) => BitConverter.DoubleToInt64Bits(d);

    public static void ShouldBeBitIdentical(ReadOnlySpan<double> actual, ReadOnlySpan<double> expected, string what)
    {
        actual.Length.Should().Be(expected.Length, what);
        for (int i = 0; i < actual.Length; i++)
        {
            if (Bits(actual[i]) != Bits(expected[i]))
            {
                throw new Xunit.Sdk.XunitException($"{what}: element {i} of {actual.Length} is {actual[i]:R} (0x{Bits(actual[i]):X16}) but the reference gives {expected[i]:R} (0x{Bits(expected[i]):X16}).");
            }
        }
    }
}
