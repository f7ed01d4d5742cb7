namespace EasternSelect.Domain.Common;

/// <summary>
/// The company's calendar: every month, year, business day and "today" is Asia/Taipei, while stored
/// times stay UTC. Taiwan has kept UTC+8 without daylight saving since 1980, so a fixed offset is exact
/// for every date the portal holds and lets EF translate month cuts into SQL. This is the only place
/// that converts between UTC and Taiwan time.
/// </summary>
public static class TaiwanTime
{
    public const int OffsetHours = 8;

    public static readonly TimeSpan Offset = TimeSpan.FromHours(OffsetHours);

    /// <summary>The Taiwan wall-clock time of a stored UTC instant.</summary>
    public static DateTime ToTaipei(DateTime utc) => DateTime.SpecifyKind(utc + Offset, DateTimeKind.Unspecified);

    /// <summary>The UTC instant of a Taiwan wall-clock time.</summary>
    public static DateTime ToUtc(DateTime taipei) => DateTime.SpecifyKind(taipei - Offset, DateTimeKind.Utc);

    /// <summary>The UTC instant at which a Taiwan calendar day begins.</summary>
    public static DateTime StartUtc(DateOnly day) => ToUtc(day.ToDateTime(TimeOnly.MinValue));

    /// <summary>The Taiwan calendar day of a stored UTC instant.</summary>
    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(ToTaipei(utc));

    /// <summary>The Taiwan calendar year of a stored UTC instant.</summary>
    public static int YearOf(DateTime utc) => ToTaipei(utc).Year;

    /// <summary>The first day of the Taiwan calendar month of a stored UTC instant.</summary>
    public static DateOnly MonthOf(DateTime utc)
    {
        var d = DateOf(utc);
        return new DateOnly(d.Year, d.Month, 1);
    }

    /// <summary>[from, to) in UTC covering the Taiwan days <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public static UtcRange Days(DateOnly first, DateOnly last) => new(StartUtc(first), StartUtc(last.AddDays(1)));

    /// <summary>[from, to) in UTC covering a Taiwan calendar year.</summary>
    public static UtcRange Year(int year) => Days(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    /// <summary>[from, to) in UTC covering a Taiwan calendar month.</summary>
    public static UtcRange Month(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return new(StartUtc(first), StartUtc(first.AddMonths(1)));
    }

    /// <summary>A stored UTC instant shown as Taiwan time, e.g. "2026-12-07 09:30" (invariant digits, as on every page).</summary>
    public static string Format(DateTime utc, string format = "yyyy-MM-dd HH:mm") =>
        ToTaipei(utc).ToString(format, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Taiwan wall-clock time now.</summary>
    public static DateTime TaipeiNow(this TimeProvider clock) => ToTaipei(clock.GetUtcNow().UtcDateTime);

    /// <summary>Today in Taiwan.</summary>
    public static DateOnly TaipeiToday(this TimeProvider clock) => DateOf(clock.GetUtcNow().UtcDateTime);
}

/// <summary>A half-open UTC interval [FromUtc, ToUtc), the form every month and year cut takes in a query.</summary>
public readonly record struct UtcRange(DateTime FromUtc, DateTime ToUtc)
{
    public bool Contains(DateTime utc) => utc >= FromUtc && utc < ToUtc;
}
