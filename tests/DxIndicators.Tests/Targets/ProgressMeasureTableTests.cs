using System.Globalization;
using DxIndicators.Model;
using DxIndicators.Targets;
using static DxIndicators.Tests.Targets.Fixtures;

namespace DxIndicators.Tests.Targets;

/// <summary>
/// The progress ratio and status against the published method, case by case. The reference below is the Open SDG /
/// Statistics Canada progress measure with a numeric target ("methodology 2") as written in open-sdg/sdg-build
/// <c>sdg/ProgressMeasure.py</c> (commit 6d3d128, 2023-06-08; docs https://open-sdg.readthedocs.io/en/latest/progress/):
/// whole years between yearly observations; a base year without a value moves to the first later year with one; a
/// target of 0 becomes 0.001 (and, in Statistics Canada's rule, so does a base of 0); the target already reached →
/// target_achieved; else r = CAGR_o / CAGR_r with CAGR(v1, v0, t1, t0) = (v1/v0)^(1/(t1 − t0)) − 1, and
/// on_track ≥ 0.95 &gt; progress_needs_acceleration ≥ 0.6 &gt; limited_progress ≥ 0 &gt; deterioration; fewer than
/// one year between base and latest → not available.
/// </summary>
public sealed class ProgressMeasureTableTests
{
    public sealed record ProgressCase(string Name, int[] Years, double[] Values, int BaseYear, double Target, int TargetYear, bool Rising)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<ProgressCase> Cases()
    {
        var data = new TheoryData<ProgressCase>
        {
            // Each status.
            new("on track, rising", [2018, 2022], [40, 60], 2015, 80, 2030, true),
            new("needs acceleration, rising", [2018, 2022], [40, 48], 2015, 80, 2030, true),
            new("limited progress, rising", [2018, 2022], [40, 41], 2015, 80, 2030, true),
            new("deterioration, rising", [2018, 2022], [40, 35], 2015, 80, 2030, true),
            new("achieved, rising", [2018, 2022], [40, 85], 2015, 80, 2030, true),
            new("achieved exactly at the threshold", [2018, 2022], [40, 80], 2015, 80, 2030, true),
            new("on track, falling", [2016, 2021], [30, 18], 2015, 10, 2030, false),
            new("needs acceleration, falling", [2016, 2021], [30, 24], 2015, 10, 2030, false),
            new("limited progress, falling", [2016, 2021], [30, 29], 2015, 10, 2030, false),
            new("deterioration, falling", [2016, 2021], [30, 33], 2015, 10, 2030, false),
            new("achieved, falling", [2016, 2021], [30, 9], 2015, 10, 2030, false),
            new("not available: one observation", [2022], [50], 2015, 80, 2030, true),
            new("not available: base year after the latest data", [2018, 2022], [40, 60], 2023, 80, 2030, true),

            // Target 0 (→ 0.001): reduce to zero.
            new("target 0, falling fast", [2016, 2024], [50, 2], 2015, 0, 2030, false),
            new("target 0, falling slowly", [2016, 2024], [50, 40], 2015, 0, 2030, false),
            new("target 0, rising (deterioration)", [2016, 2024], [50, 60], 2015, 0, 2030, false),
            new("target 0, achieved", [2016, 2024], [50, 0], 2015, 0, 2030, false),

            // Base 0 (→ 0.001).
            new("base 0, rising", [2017, 2023], [0, 30], 2015, 90, 2030, true),
            new("base 0, rising slowly", [2017, 2023], [0, 0.05], 2015, 90, 2030, true),

            // Negative series (both values and the target below zero).
            new("negative, rising towards the target", [2016, 2022], [-40, -20], 2015, -5, 2030, true),
            new("negative, rising slowly", [2016, 2022], [-40, -38], 2015, -5, 2030, true),
            new("negative, falling away (deterioration)", [2016, 2022], [-40, -45], 2015, -5, 2030, true),
            new("negative, falling target, on track", [2016, 2022], [-10, -30], 2015, -40, 2030, false),
            new("negative, achieved", [2016, 2022], [-40, -4], 2015, -5, 2030, true),

            // Base already beyond the target, and the latest value still on the met side.
            new("base beyond the target, still met (rising)", [2016, 2022], [90, 85], 2015, 80, 2030, true),
            new("base beyond the target, still met (falling)", [2016, 2022], [5, 8], 2015, 10, 2030, false),

            // Ratios exactly at the thresholds: base 1, target 16 four years on, so CAGR_r = 16^(1/4) − 1 = 1 exactly;
            // the one-year span 2023 → 2024 holds 29 February, so days / 365.25 would give 1.002 years and lower r.
            new("r exactly 0.95 (on track)", [2023, 2024], [1, 1.95], 2023, 16, 2027, true),
            new("r at 0.6 (needs acceleration)", [2023, 2024], [1, 1.6], 2023, 16, 2027, true),
            new("r exactly 0 (limited progress)", [2023, 2024], [1, 1], 2023, 16, 2027, true),
            new("r at 0.95 over four years", [2020, 2024], [1, 1.95 * 1.95 * 1.95 * 1.95], 2020, 16 * 16, 2028, true),

            // Base year without a value → the first later year with one (2019 here, not 2018 or 2020).
            new("base year 2018 missing → 2019", [2017, 2019, 2020, 2023], [10, 20, 24, 30], 2018, 50, 2030, true),
            new("base year 2015 missing, data from 2017", [2017, 2021, 2024], [20, 22, 35], 2015, 50, 2030, true),
            new("base year inside the data", [2014, 2016, 2020], [70, 40, 50], 2016, 80, 2030, true),
        };

        // A grid over growth, horizon and deadline: rising and falling targets, one to nine observed years.
        int n = 0;
        foreach (double growth in new[] { 0.08, 0.03, -0.02 })
        {
            foreach (int span in new[] { 1, 3, 6 })
            {
                foreach ((int targetYear, bool rising) in new[] { (2030, true), (2035, false) })
                {
                    double start = rising ? 20 : 80;
                    double latest = start * Math.Pow(1 + (rising ? growth : -growth), span);
                    double target = rising ? 75 : 15;
                    data.Add(new ProgressCase(string.Create(CultureInfo.InvariantCulture, $"grid {++n}: {(rising ? "rising" : "falling")}, growth {growth}, {span} years, deadline {targetYear}"),
                        [2016, 2016 + span], [start, latest], 2015, target, targetYear, rising));
                }
            }
        }

        return data;
    }

    [Fact]
    public void Table_HasAtLeastFortyCasesAndEveryStatus()
    {
        List<ProgressCase> cases = ((IEnumerable<object[]>)Cases()).Select(row => (ProgressCase)row[0]).ToList();
        cases.Should().HaveCountGreaterThanOrEqualTo(40);
        cases.Select(c => Reference(c).Status).Distinct().Should().BeEquivalentTo(
            ["target_achieved", "on_track", "progress_needs_acceleration", "limited_progress", "deterioration", "not_available"]);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate_MatchesThePublishedMethod(ProgressCase c)
    {
        (string expectedStatus, double? expectedRatio) = Reference(c);

        TargetEvaluation e = Evaluate(c);

        Map(e.Status).Should().Be(expectedStatus, "status of '{0}' (ratio {1}, note {2})", c.Name, e.ProgressRatio, e.ProgressNote);
        if (expectedRatio is { } r)
        {
            e.ProgressRatio.Should().NotBeNull();
            Math.Abs(e.ProgressRatio!.Value - r).Should().BeLessThanOrEqualTo(1e-9 * Math.Abs(r) + 1e-300, "ratio of '{0}'", c.Name);
        }
    }

    [Fact]
    public void Departure_BaseBeyondTheTargetAndLatestFallenBack_IsDeterioration()
    {
        // Documented departure (docs/targets.md §3): ≥ 80 by 2030, 90 (2016) → 70 (2022). ProgressMeasure.py divides two
        // negative rates and reports r = CAGR_o / CAGR_r ≈ +2.6, "on track", for a value that fell below the target;
        // this library keeps the direction: r = direction · CAGR_o / |CAGR_r| < 0.
        var c = new ProgressCase("base beyond, fallen back", [2016, 2022], [90, 70], 2015, 80, 2030, true);
        Reference(c).Status.Should().Be("on_track");

        TargetEvaluation e = Evaluate(c);

        e.Status.Should().Be(TargetStatus.Deterioration);
        e.ProgressRatio.Should().BeNegative();
    }

    private static TargetEvaluation Evaluate(ProgressCase c)
    {
        int first = c.Years.Min();
        int latest = c.Years.Max();
        TargetBaseline? baseline = null;
        if (c.BaseYear > first && c.BaseYear <= latest)
        {
            // Open SDG's configured base year inside the data: the value of that year (or the first later one) is the baseline.
            int year = c.Years.Where(y => y >= c.BaseYear).Min();
            baseline = new TargetBaseline(c.Values[Array.IndexOf(c.Years, year)], D(year, 12, 31));
        }
        else if (c.BaseYear > latest)
        {
            // A base year after the latest data: the baseline's date is what matters (its value is never used).
            baseline = new TargetBaseline(c.Values[^1], D(c.BaseYear, 12, 31));
        }

        TargetRule target = Target(c.Rising ? Comparator.AtLeast : Comparator.AtMost, c.Target, D(c.TargetYear, 12, 31), baseline: baseline);
        var series = c.Years.Select((y, i) => Obs(y.ToString(CultureInfo.InvariantCulture), c.Values[i])).ToList();
        return new TargetEvaluator().Evaluate(target, Indicator(), Unit, series, D(latest, 12, 31));
    }

    private static string Map(TargetStatus status) => status switch
    {
        TargetStatus.Achieved => "target_achieved",
        TargetStatus.OnTrack => "on_track",
        TargetStatus.NeedsAcceleration => "progress_needs_acceleration",
        TargetStatus.LimitedProgress => "limited_progress",
        TargetStatus.Deterioration => "deterioration",
        TargetStatus.Indeterminate => "not_available",
        _ => status.ToString(),
    };

    /// <summary>The published method, transcribed: measure_indicator_progress → methodology_2 → get_progress_status.</summary>
    private static (string Status, double? Ratio) Reference(ProgressCase c)
    {
        int current = c.Years.Max();
        int baseYear = c.BaseYear;
        if (!c.Years.Contains(baseYear))
        {
            if (baseYear > current)
            {
                return ("not_available", null);
            }

            baseYear = c.Years.Where(y => y > baseYear).Min();
        }

        if (current - baseYear < 1)
        {
            return ("not_available", null);
        }

        double target = c.Target == 0 ? 0.001 : c.Target;
        double currentValue = c.Values[Array.IndexOf(c.Years, current)];
        double baseValue = c.Values[Array.IndexOf(c.Years, baseYear)];
        if ((!c.Rising && currentValue <= target) || (c.Rising && currentValue >= target))
        {
            return ("target_achieved", null);
        }

        if (baseValue == 0)
        {
            baseValue = 0.001;
        }

        double cagrO = Math.Pow(currentValue / baseValue, 1 / (double)(current - baseYear)) - 1;
        double cagrR = Math.Pow(target / baseValue, 1 / (double)(c.TargetYear - baseYear)) - 1;
        double ratio = cagrO / cagrR;
        string status = ratio >= 0.95 ? "on_track" : ratio >= 0.6 ? "progress_needs_acceleration" : ratio >= 0 ? "limited_progress" : "deterioration";
        return (status, ratio);
    }
}
