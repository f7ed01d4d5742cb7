using EasternSelect.Domain.Common;

namespace EasternSelect.Domain.Casework;

/// <summary>
/// Working days for SLA clocks: weekends and national holidays stop the clock; make-up working days
/// (補班日, a Saturday worked to bridge a holiday) run it. Days are Taiwan calendar days (<see cref="TaiwanTime"/>).
/// </summary>
public sealed class BusinessCalendar
{
    private readonly HashSet<DayOfWeek> _weekend;
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _makeUpWorkdays;

    public BusinessCalendar(
        IEnumerable<DateOnly>? holidays = null,
        IEnumerable<DateOnly>? makeUpWorkdays = null,
        IEnumerable<DayOfWeek>? weekend = null)
    {
        _holidays = [.. holidays ?? []];
        _makeUpWorkdays = [.. makeUpWorkdays ?? []];
        _weekend = [.. weekend ?? [DayOfWeek.Saturday, DayOfWeek.Sunday]];
    }

    public bool IsBusinessDay(DateOnly day) =>
        _makeUpWorkdays.Contains(day) || !_holidays.Contains(day) && !_weekend.Contains(day.DayOfWeek);

    /// <summary>The same Taiwan time of day, <paramref name="days"/> working days later: Friday 10:00 + 1 is Monday 10:00.</summary>
    public DateTime AddBusinessDays(DateTime utc, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var local = TaiwanTime.ToTaipei(utc);
        var date = DateOnly.FromDateTime(local);
        for (var i = 0; i < days; i++)
        {
            do
            {
                date = date.AddDays(1);
            }
            while (!IsBusinessDay(date));
        }

        return TaiwanTime.ToUtc(date.ToDateTime(TimeOnly.FromTimeSpan(local.TimeOfDay)));
    }

    /// <summary>Adds time that runs only on working days (a case opened on Saturday starts its clock on Monday 00:00).</summary>
    public DateTime AddBusinessHours(DateTime utc, double hours)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hours);
        var local = TaiwanTime.ToTaipei(utc);
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
                return TaiwanTime.ToUtc(local + remaining);
            }

            remaining -= left;
            local = endOfDay;
        }
    }

    /// <summary>The start (Taiwan midnight, as UTC) of the first working day after the Taiwan day of <paramref name="utc"/>.</summary>
    public DateTime NextBusinessDayStart(DateTime utc)
    {
        var date = TaiwanTime.DateOf(utc);
        do
        {
            date = date.AddDays(1);
        }
        while (!IsBusinessDay(date));

        return TaiwanTime.StartUtc(date);
    }
}
