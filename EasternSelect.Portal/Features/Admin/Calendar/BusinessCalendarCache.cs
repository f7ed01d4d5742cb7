using EasternSelect.Data;
using EasternSelect.Data.Auditing;
using EasternSelect.Domain.Casework;
using EasternSelect.Portal.Features.Casework;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Admin.Calendar;

/// <summary>Loads the calendar table into <see cref="CaseworkSettings"/>: at start, after every change here, and every few minutes for the other instances.</summary>
public sealed class BusinessCalendarCache(PortalDatabase database, CaseworkSettings settings, ILogger<BusinessCalendarCache> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    public async Task RefreshAsync(CancellationToken ct)
    {
        await using var db = database.Create(AuditActor.System);
        var days = await db.CalendarDays.AsNoTracking().Select(d => new { d.Date, d.Kind }).ToListAsync(ct);
        settings.UseCalendar(
            days.Where(d => d.Kind == CalendarDayKind.DayOff).Select(d => d.Date),
            days.Where(d => d.Kind == CalendarDayKind.MakeUpWorkday).Select(d => d.Date));
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await TryRefreshAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await TryRefreshAsync(stoppingToken);
        }
    }

    // A database that does not answer keeps the calendar already loaded (the reference one at worst): SLA clocks never stop.
    private async Task TryRefreshAsync(CancellationToken ct)
    {
        try
        {
            await RefreshAsync(ct);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
        {
            logger.LogWarning(ex, "The business calendar could not be read from the database; the previous calendar stays in use.");
        }
    }
}
