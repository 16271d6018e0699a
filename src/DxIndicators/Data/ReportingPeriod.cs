using System.Globalization;
using NodaTime;

namespace DxIndicators.Data;

/// <summary>
/// The period an observation refers to: a year, half-year, quarter, month or a single date (ISO calendar).
/// </summary>
/// <remarks>
/// Immutable value. Text forms: <c>2024</c>, <c>2024-H1</c>, <c>2024-Q3</c>, <c>2024-07</c>, <c>2024-07-15</c>.
/// Ordering is by <see cref="End"/>, then <see cref="Start"/>, then kind, so a year sorts after its last quarter's
/// months only when it ends later; equal ends sort the longer period first.
/// </remarks>
public readonly struct ReportingPeriod : IEquatable<ReportingPeriod>, IComparable<ReportingPeriod>
{
    private ReportingPeriod(PeriodKind kind, LocalDate start, LocalDate end)
    {
        Kind = kind;
        Start = start;
        End = end;
    }

    /// <summary>Gets the granularity.</summary>
    public PeriodKind Kind { get; }

    /// <summary>Gets the first day of the period.</summary>
    public LocalDate Start { get; }

    /// <summary>Gets the last day of the period (inclusive).</summary>
    public LocalDate End { get; }

    /// <summary>Gets the calendar year the period starts in.</summary>
    public int Year => Start.Year;

    /// <summary>Creates a calendar-year period.</summary>
    /// <param name="year">The year.</param>
    /// <returns>The period.</returns>
    public static ReportingPeriod FromYear(int year) => new(PeriodKind.Year, new LocalDate(year, 1, 1), new LocalDate(year, 12, 31));

    /// <summary>Creates a half-year period.</summary>
    /// <param name="year">The year.</param>
    /// <param name="half">1 or 2.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="half"/> is not 1 or 2.</exception>
    public static ReportingPeriod FromHalfYear(int year, int half)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(half, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(half, 2);
        LocalDate start = new(year, half == 1 ? 1 : 7, 1);
        // The end is built directly (not start + 6 months − 1 day), so 9999-H2 does not step past the calendar's end.
        return new(PeriodKind.HalfYear, start, half == 1 ? new LocalDate(year, 6, 30) : new LocalDate(year, 12, 31));
    }

    /// <summary>Creates a quarter period.</summary>
    /// <param name="year">The year.</param>
    /// <param name="quarter">1 to 4.</param>
    /// <returns>The period.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quarter"/> is not 1 to 4.</exception>
    public static ReportingPeriod FromQuarter(int year, int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        LocalDate start = new(year, ((quarter - 1) * 3) + 1, 1);
        return new(PeriodKind.Quarter, start, LastDay(year, quarter * 3));
    }

    /// <summary>Creates a month period.</summary>
    /// <param name="month">The year and month.</param>
    /// <returns>The period.</returns>
    public static ReportingPeriod FromMonth(YearMonth month) => new(PeriodKind.Month, month.OnDayOfMonth(1), LastDay(month.Year, month.Month));

    /// <summary>Creates a single-date period.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The period.</returns>
    public static ReportingPeriod FromDate(LocalDate date) => new(PeriodKind.Date, date, date);

    private static LocalDate LastDay(int year, int month) => new(year, month, CalendarSystem.Iso.GetDaysInMonth(year, month));

    /// <summary>Parses the text forms listed in the type remarks.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The period.</returns>
    /// <exception cref="FormatException">The text is not a period.</exception>
    public static ReportingPeriod Parse(string text) =>
        TryParse(text, out ReportingPeriod period) ? period : throw new FormatException($"'{text}' is not a period; expected 2024, 2024-H1, 2024-Q3, 2024-07 or 2024-07-15.");

    /// <summary>Tries to parse a period.</summary>
    /// <param name="text">The text.</param>
    /// <param name="period">The period, when parsed.</param>
    /// <returns><see langword="true"/> when parsed.</returns>
    public static bool TryParse(string? text, out ReportingPeriod period)
    {
        period = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        ReadOnlySpan<char> s = text.AsSpan();
        if (s.Length < 4 || !int.TryParse(s[..4], NumberStyles.None, CultureInfo.InvariantCulture, out int year) || year < 1)
        {
            return false;
        }

        if (s.Length == 4)
        {
            period = FromYear(year);
            return true;
        }

        if (s[4] != '-')
        {
            return false;
        }

        ReadOnlySpan<char> rest = s[5..];
        if (rest.Length == 2 && (rest[0] is 'Q' or 'q') && rest[1] is >= '1' and <= '4')
        {
            period = FromQuarter(year, rest[1] - '0');
            return true;
        }

        if (rest.Length == 2 && (rest[0] is 'H' or 'h') && rest[1] is '1' or '2')
        {
            period = FromHalfYear(year, rest[1] - '0');
            return true;
        }

        if (rest.Length == 2 && int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out int month) && month is >= 1 and <= 12)
        {
            period = FromMonth(new YearMonth(year, month));
            return true;
        }

        if (rest.Length == 5 && rest[2] == '-' &&
            int.TryParse(rest[..2], NumberStyles.None, CultureInfo.InvariantCulture, out int m) && m is >= 1 and <= 12 &&
            int.TryParse(rest[3..], NumberStyles.None, CultureInfo.InvariantCulture, out int d) && d >= 1 &&
            d <= CalendarSystem.Iso.GetDaysInMonth(year, m))
        {
            period = FromDate(new LocalDate(year, m, d));
            return true;
        }

        return false;
    }

    /// <summary>Determines whether <paramref name="date"/> falls in the period.</summary>
    /// <param name="date">The date.</param>
    /// <returns><see langword="true"/> when Start ≤ date ≤ End.</returns>
    public bool Contains(LocalDate date) => date >= Start && date <= End;

    /// <summary>Computes the years between two periods' ends, for growth rates (the rule of <see cref="YearsBetween(LocalDate, LocalDate)"/>).</summary>
    /// <param name="from">The earlier period.</param>
    /// <param name="to">The later period.</param>
    /// <returns>Years from <paramref name="from"/>'s end to <paramref name="to"/>'s end: 2020 → 2024 is exactly 4.</returns>
    public static double YearsBetween(ReportingPeriod from, ReportingPeriod to) => YearsBetween(from.End, to.End);

    /// <summary>Computes the years between two dates, for growth rates: calendar periods count whole months, dated observations count days.</summary>
    /// <param name="from">The earlier date.</param>
    /// <param name="to">The later date (earlier gives a negative count).</param>
    /// <returns>
    /// When both dates are the last day of a month (the end of every year, half, quarter and month period, and of
    /// year-end deadlines), the whole calendar months between them / 12, so 2020-12-31 → 2021-12-31 is exactly 1 and
    /// 2024-03-31 → 2024-09-30 exactly 0.5, as Open SDG counts whole years between yearly observations. Otherwise
    /// (a dated observation or deadline) the days between them / 365.25.
    /// </returns>
    /// <remarks>See docs/targets.md §1. Days / 365.25 would make a calendar year 0.9993 or 1.0007 years and move
    /// every progress ratio by about 1e-4, enough to flip a ratio that sits on a threshold.</remarks>
    public static double YearsBetween(LocalDate from, LocalDate to)
    {
        if (IsMonthEnd(from) && IsMonthEnd(to))
        {
            int months = ((to.Year - from.Year) * 12) + (to.Month - from.Month);
            return months / 12.0;
        }

        return DaysBetween(from, to) / 365.25;
    }

    private static bool IsMonthEnd(LocalDate date) => date.Day == date.Calendar.GetDaysInMonth(date.Year, date.Month);

    private static int DaysBetween(LocalDate a, LocalDate b) => NodaTime.Period.Between(a, b, PeriodUnits.Days).Days;

    /// <inheritdoc/>
    public bool Equals(ReportingPeriod other) => Kind == other.Kind && Start == other.Start && End == other.End;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ReportingPeriod other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Start, End);

    /// <inheritdoc/>
    public int CompareTo(ReportingPeriod other)
    {
        int c = End.CompareTo(other.End);
        if (c != 0)
        {
            return c;
        }

        c = other.Start.CompareTo(Start);
        return c != 0 ? c : Kind.CompareTo(other.Kind);
    }

    /// <summary>Compares periods for equality.</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(ReportingPeriod left, ReportingPeriod right) => left.Equals(right);

    /// <summary>Compares periods for inequality.</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(ReportingPeriod left, ReportingPeriod right) => !left.Equals(right);

    /// <summary>Orders periods.</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) < 0;

    /// <summary>Orders periods.</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) > 0;

    /// <summary>Orders periods.</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator <=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) <= 0;

    /// <summary>Orders periods.</summary>
    /// <param name="left">The first period.</param>
    /// <param name="right">The second period.</param>
    /// <returns>The comparison result.</returns>
    public static bool operator >=(ReportingPeriod left, ReportingPeriod right) => left.CompareTo(right) >= 0;

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        PeriodKind.Year => Start.Year.ToString("D4", CultureInfo.InvariantCulture),
        PeriodKind.HalfYear => string.Create(CultureInfo.InvariantCulture, $"{Start.Year:D4}-H{(Start.Month == 1 ? 1 : 2)}"),
        PeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Start.Year:D4}-Q{((Start.Month - 1) / 3) + 1}"),
        PeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"{Start.Year:D4}-{Start.Month:D2}"),
        _ => Start.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
    };
}
