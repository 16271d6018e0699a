using BenchmarkDotNet.Attributes;
using DxIndicators.Data;
using DxIndicators.Model;
using DxIndicators.Targets;
using NodaTime;

namespace DxIndicators.Benchmarks.Targets;

/// <summary>Evaluates one target for 34 provinces with ten annual observations each (a dashboard refresh).</summary>
[MemoryDiagnoser]
public class TargetEvaluatorBenchmarks
{
    private static readonly IndicatorDefinition s_indicator =
        new("GOV-ESIGN", new LocalizedText("", "Digital signatures"), MeasureKind.Percentage, "%", Polarity.HigherIsBetter, new NumericRange(0, 100));

    private static readonly TargetRule s_target = new("T-SIGN", "GOV-ESIGN", Comparator.AtLeast, 100, new LocalDate(2030, 12, 31), "bench");

    private static readonly LocalDate s_asOf = new(2025, 6, 30);

    private static readonly Observation[][] s_series = Enumerable.Range(1, 34)
        .Select(u => Enumerable.Range(2015, 10)
            .Select(y => new Observation(u.ToString(System.Globalization.CultureInfo.InvariantCulture), "GOV-ESIGN", ReportingPeriod.FromYear(y), 20 + (u % 7) + ((y - 2015) * (3 + (u % 5)))))
            .Reverse()
            .ToArray())
        .ToArray();

    /// <summary>Evaluates all 34 units; returns the count of on-track units so the work is observable.</summary>
    /// <returns>The number of units on track.</returns>
    [Benchmark]
    public int Evaluate_34Units_10Years()
    {
        int onTrack = 0;
        for (int u = 0; u < s_series.Length; u++)
        {
            TargetEvaluation e = TargetEvaluator.Default.Evaluate(s_target, s_indicator, s_series[u][0].Unit, s_series[u], s_asOf);
            if (e.Status == TargetStatus.OnTrack)
            {
                onTrack++;
            }
        }

        return onTrack;
    }
}
