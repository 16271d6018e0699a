using NodaTime;

namespace DxIndicators.Targets;

/// <summary>Growth-rate and projection arithmetic shared by target and trend evaluation (formulas in docs/targets.md).</summary>
internal static class Growth
{
    /// <summary>The value Open SDG substitutes for a base or target of exactly zero.</summary>
    internal const double ZeroSubstitute = 0.001;

    /// <summary>Days per year used for dated observations and for projected dates (see <c>ReportingPeriod.YearsBetween</c>).</summary>
    internal const double DaysPerYear = 365.25;

    /// <summary>Computes years from <paramref name="from"/> to <paramref name="to"/>: whole months / 12 between month ends, else days / 365.25.</summary>
    internal static double YearsBetween(LocalDate from, LocalDate to) => Data.ReportingPeriod.YearsBetween(from, to);

    /// <summary>Computes whole days from <paramref name="from"/> to <paramref name="to"/> (negative when to is earlier).</summary>
    internal static int DaysBetween(LocalDate from, LocalDate to) => NodaTime.Period.Between(from, to, PeriodUnits.Days).Days;

    /// <summary>Computes CAGR = (v1 / v0)^(1 / years) − 1, with 0 when v1 = v0 (even for v0 = 0).</summary>
    /// <remarks>Returns NaN when the ratio is negative or the years are not positive; the caller turns that into a reason.</remarks>
    internal static double Cagr(double v1, double v0, double years)
    {
        if (v1 == v0)
        {
            return 0;
        }

        if (!(years > 0))
        {
            return double.NaN;
        }

        double ratio = v1 / v0;
        return ratio < 0 ? double.NaN : Math.Pow(ratio, 1 / years) - 1;
    }

    /// <summary>Replaces an exact zero by ±0.001 (sign of <paramref name="signOf"/>, + when that is zero), as Open SDG does.</summary>
    internal static double SubstituteZero(double value, double signOf) =>
        value == 0 ? (signOf < 0 ? -ZeroSubstitute : ZeroSubstitute) : value;

    /// <summary>Determines whether two values lie strictly on opposite sides of zero.</summary>
    internal static bool OppositeSigns(double a, double b) => (a > 0 && b < 0) || (a < 0 && b > 0);

    /// <summary>Adds <paramref name="years"/> (≥ 0) to <paramref name="from"/>, rounded to the nearest day (half away from zero).</summary>
    /// <returns>The date, or null when it would fall after 9999-12-31.</returns>
    internal static LocalDate? AddYears(LocalDate from, double years)
    {
        double days = Math.Round(years * DaysPerYear, MidpointRounding.AwayFromZero);
        int maxDays = DaysBetween(from, LocalDate.MaxIsoValue);
        if (!(days <= maxDays))
        {
            return null;
        }

        return from.PlusDays((int)days);
    }
}
