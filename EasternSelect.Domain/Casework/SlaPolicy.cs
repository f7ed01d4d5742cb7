namespace EasternSelect.Domain.Casework;

public enum SlaStatus
{
    /// <summary>Running, comfortably before the target.</summary>
    OnTrack,

    /// <summary>Running, within the warning window before the target.</summary>
    DueSoon,

    /// <summary>Running and past the target.</summary>
    Breached,

    /// <summary>Stopped before the target.</summary>
    Met,

    /// <summary>Stopped after the target.</summary>
    Missed,
}

/// <summary>
/// The targets of 客訴處理 7 日內結案率 and 網路案件處理時效. Targets are stamped on a case when it is
/// opened, so lists compare a column with the clock and a later calendar change does not move old deadlines.
/// </summary>
public sealed record SlaPolicy(
    int ClosureDays = 7,
    bool ClosureInBusinessDays = false,
    double OnlineFirstResponseHours = 24,
    double ClosureWarningHours = 24,
    double ResponseWarningHours = 4)
{
    public DateTime ClosureDue(DateTime openedUtc, BusinessCalendar calendar) =>
        ClosureInBusinessDays ? calendar.AddBusinessDays(openedUtc, ClosureDays) : openedUtc.AddDays(ClosureDays);

    public DateTime FirstResponseDue(DateTime openedUtc, BusinessCalendar calendar) =>
        calendar.AddBusinessHours(openedUtc, OnlineFirstResponseHours);

    public TimeSpan ClosureWarning => TimeSpan.FromHours(ClosureWarningHours);

    public TimeSpan ResponseWarning => TimeSpan.FromHours(ResponseWarningHours);
}

public static class SlaClock
{
    /// <summary>Where a clock with target <paramref name="dueUtc"/> stands at <paramref name="nowUtc"/>; <paramref name="stoppedUtc"/> is when it was met.</summary>
    public static SlaStatus Evaluate(DateTime dueUtc, DateTime? stoppedUtc, DateTime nowUtc, TimeSpan warning)
    {
        if (stoppedUtc is { } stopped)
        {
            return stopped <= dueUtc ? SlaStatus.Met : SlaStatus.Missed;
        }

        if (nowUtc > dueUtc)
        {
            return SlaStatus.Breached;
        }

        return dueUtc - nowUtc <= warning ? SlaStatus.DueSoon : SlaStatus.OnTrack;
    }
}
