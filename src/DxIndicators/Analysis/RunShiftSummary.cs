namespace DxIndicators.Analysis;

/// <summary>Mean, standard deviation (n − 1), minimum and maximum of the per-run mean absolute rank shift y_r over the runs where it is defined.</summary>
/// <param name="Runs">The number of runs with a defined y_r.</param>
/// <param name="Mean">The mean of y_r.</param>
/// <param name="StandardDeviation">The sample standard deviation of y_r (NaN below two runs).</param>
/// <param name="Minimum">The smallest y_r.</param>
/// <param name="Maximum">The largest y_r.</param>
public readonly record struct RunShiftSummary(int Runs, double Mean, double StandardDeviation, double Minimum, double Maximum)
{
    internal static RunShiftSummary Of(ReadOnlySpan<double> values)
    {
        int n = 0;
        double sum = 0, sq = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in values)
        {
            if (!double.IsNaN(v))
            {
                n++;
                sum += v;
                sq += v * v;
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }

        return From(n, sum, sq, min, max);
    }

    internal static RunShiftSummary From(int n, double sum, double sumSquares, double min, double max)
    {
        if (n == 0)
        {
            return new RunShiftSummary(0, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        double mean = sum / n;
        double sd = n < 2 ? double.NaN : Math.Sqrt(Math.Max(0, (sumSquares - (n * mean * mean)) / (n - 1)));
        return new RunShiftSummary(n, mean, sd, min, max);
    }
}
