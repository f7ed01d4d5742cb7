using EasternSelect.Data;
using EasternSelect.Domain.Auditing;
using EasternSelect.Domain.Casework;
using EasternSelect.Domain.Common;
using EasternSelect.Portal.Components.Shared;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Admin.Calendar;

public sealed record CalendarDayRow(int Id, DateOnly Date, CalendarDayKind Kind, string Name);

/// <summary>The business calendar kept by the administrators at /admin/calendar: one year at a time, by hand or from the DGPA file.</summary>
public sealed class BusinessCalendarService(IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard, BusinessCalendarCache cache, AuditLog audit, CurrentUser currentUser, TimeProvider clock)
{
    public async Task<IReadOnlyList<CalendarDayRow>> YearAsync(int year, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Administration);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (from, to) = Bounds(year);
        return await db.CalendarDays.AsNoTracking().Where(d => d.Date >= from && d.Date <= to).OrderBy(d => d.Date)
            .Select(d => new CalendarDayRow(d.Id, d.Date, d.Kind, d.Name)).ToListAsync(ct);
    }

    /// <summary>This Taiwan year and the next that have no calendar row: their SLA clocks count only weekends.</summary>
    public async Task<IReadOnlyList<int>> MissingYearsAsync(CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Administration);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var year = clock.TaipeiToday().Year;
        var missing = new List<int>();
        foreach (var y in new[] { year, year + 1 })
        {
            var (from, to) = Bounds(y);
            if (!await db.CalendarDays.AnyAsync(d => d.Date >= from && d.Date <= to, ct))
            {
                missing.Add(y);
            }
        }

        return missing;
    }

    public async Task<Result> AddAsync(DateTime? date, CalendarDayKind? kind, string? name, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Administration);
        var errors = new List<string>();
        if (date is null)
        {
            errors.Add("Calendar.DateRequired");
        }

        if (kind is null || !Enum.IsDefined(kind.Value))
        {
            errors.Add("Calendar.KindRequired");
        }

        var trimmed = name?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            errors.Add("Calendar.NameRequired");
        }
        else if (trimmed.Length > CalendarDay.NameMaxLength)
        {
            errors.Add("Calendar.NameTooLong");
        }

        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        var day = DateOnly.FromDateTime(date!.Value);
        var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        if (kind == CalendarDayKind.DayOff && weekend)
        {
            return Result.Fail("Calendar.WeekendAlreadyOff");
        }

        if (kind == CalendarDayKind.MakeUpWorkday && !weekend)
        {
            return Result.Fail("Calendar.WeekdayAlreadyWorked");
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.CalendarDays.AnyAsync(d => d.Date == day, ct))
        {
            return Result.Fail("Calendar.DayExists");
        }

        var row = new CalendarDay { Date = day, Kind = kind!.Value, Name = trimmed };
        db.CalendarDays.Add(row);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone added the same day meanwhile (the unique index).
            return Result.Fail("Calendar.DayExists");
        }

        await cache.RefreshAsync(ct);
        return Result.Ok(row.Id);
    }

    public async Task<Result> RemoveAsync(int id, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Administration);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.CalendarDays.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (row is null)
        {
            return Result.Conflicted();
        }

        db.CalendarDays.Remove(row);
        await db.SaveChangesAsync(ct);
        await cache.RefreshAsync(ct);
        return Result.Ok();
    }

    /// <summary>Replaces the whole year with the file's days, all or nothing; the errors name the rows.</summary>
    public async Task<Result> ImportAsync(int year, string fileName, byte[] content, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Administration);
        ArgumentNullException.ThrowIfNull(content);
        if (year is < 1912 or > 2200)
        {
            return Result.Fail("Calendar.YearOutOfRange");
        }

        if (content.Length == 0 || content.Length > DgpaCalendarFile.MaxBytes)
        {
            return Result.Fail("Calendar.Import.Size");
        }

        var parsed = DgpaCalendarFile.Parse(content, year);
        if (parsed.Errors.Count > 0)
        {
            return Result.Fail(parsed.Errors);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (from, to) = Bounds(year);
        var old = await db.CalendarDays.Where(d => d.Date >= from && d.Date <= to).ToListAsync(ct);
        db.CalendarDays.RemoveRange(old);
        await db.SaveChangesAsync(ct);
        db.CalendarDays.AddRange(parsed.Days);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await audit.WriteAsync(AuditAction.Update, currentUser.Actor, nameof(CalendarDay), year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"Imported {fileName}: {parsed.Days.Count} days replace {old.Count}.", ct);
        await cache.RefreshAsync(ct);
        return Result.Ok(parsed.Days.Count);
    }

    /// <summary>Who changed the calendar, when and how (the audit log's rows for the calendar table).</summary>
    public async Task<IReadOnlyList<ReferenceChange>> HistoryAsync(CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.Administration);
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await ReferenceHistory.ForAsync(db, nameof(CalendarDay), ct);
    }

    private static (DateOnly From, DateOnly To) Bounds(int year) => (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
}
