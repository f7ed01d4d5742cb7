namespace EasternSelect.Domain.Casework;

/// <summary>
/// Working days for SLA clocks: weekends and national holidays stop the clock; make-up working days
/// (補班日, a Saturday worked to bridge a holiday) run it. Days are counted in local time (Taiwan, UTC+8).
/// </summary>
public sealed class BusinessCalendar
{
    public static readonly TimeSpan TaiwanOffset = TimeSpan.FromHours(8);

    private readonly HashSet<DayOfWeek> _weekend;
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _makeUpWorkdays;

    public BusinessCalendar(
        IEnumerable<DateOnly>? holidays = null,
        IEnumerable<DateOnly>? makeUpWorkdays = null,
        IEnumerable<DayOfWeek>? weekend = null,
        TimeSpan? utcOffset = null)
    {
        _holidays = [.. holidays ?? []];
        _makeUpWorkdays = [.. makeUpWorkdays ?? []];
        _weekend = [.. weekend ?? [DayOfWeek.Saturday, DayOfWeek.Sunday]];
        UtcOffset = utcOffset ?? TaiwanOffset;
    }

    public TimeSpan UtcOffset { get; }

    public bool IsBusinessDay(DateOnly day) =>
        _makeUpWorkdays.Contains(day) || !_holidays.Contains(day) && !_weekend.Contains(day.DayOfWeek);

    public DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(utc + UtcOffset);

    /// <summary>The same local time of day, <paramref name="days"/> working days later: Friday 10:00 + 1 is Monday 10:00.</summary>
    public DateTime AddBusinessDays(DateTime utc, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var local = utc + UtcOffset;
        var date = DateOnly.FromDateTime(local);
        for (var i = 0; i < days; i++)
        {
            do
            {
                date = date.AddDays(1);
            }
            while (!IsBusinessDay(date));
        }

        return date.ToDateTime(TimeOnly.FromTimeSpan(local.TimeOfDay), DateTimeKind.Utc) - UtcOffset;
    }

    /// <summary>Adds time that runs only on working days (a case opened on Saturday starts its clock on Monday 00:00).</summary>
    public DateTime AddBusinessHours(DateTime utc, double hours)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hours);
        var local = utc + UtcOffset;
        var remaining = TimeSpan.FromHours(hours);
        while (true)
        {
            var date = DateOnly.FromDateTime(local);
            if (!IsBusinessDay(date))
            {
                local = date.AddDays(1).ToDateTime(TimeOnly.MinValue);
                continue;
            }

            var endOfDay = date.AddDays(1).ToDateTime(TimeOnly.MinValue);
            var left = endOfDay - local;
            if (remaining <= left)
            {
                return DateTime.SpecifyKind(local + remaining - UtcOffset, DateTimeKind.Utc);
            }

            remaining -= left;
            local = endOfDay;
        }
    }

    /// <summary>The start (local midnight, as UTC) of the first working day after the local day of <paramref name="utc"/>.</summary>
    public DateTime NextBusinessDayStart(DateTime utc)
    {
        var date = LocalDate(utc);
        do
        {
            date = date.AddDays(1);
        }
        while (!IsBusinessDay(date));

        return date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - UtcOffset;
    }
}
