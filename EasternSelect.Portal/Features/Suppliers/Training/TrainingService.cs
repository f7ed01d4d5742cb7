using EasternSelect.Data;
using EasternSelect.Domain.Common;
using EasternSelect.Domain.Training;
using EasternSelect.Portal.Infrastructure;
using EasternSelect.Portal.Features.Suppliers.Registry;
using EasternSelect.Portal.Features.Suppliers.Reviews;
using EasternSelect.Portal.Infrastructure.Localization;
using EasternSelect.Portal.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace EasternSelect.Portal.Features.Suppliers.Training;

public sealed record TrainingRow(int Id, Guid Version, DateOnly Date, string Topic, decimal Hours, string? Location, int Companies, int PersonTimes);

public sealed record TrainingCompany(int SupplierId, string Name, string TaxId);

public sealed class AttendanceModel
{
    public TrainingCompany Company { get; set; } = new(0, string.Empty, string.Empty);

    public int PersonCount { get; set; } = 1;
}

public sealed class TrainingSessionModel
{
    public int Id { get; set; }

    public Guid Version { get; set; }

    public DateTime? Date { get; set; }

    [RequiredField]
    [MaxTextLength(200)]
    public string Topic { get; set; } = string.Empty;

    public decimal Hours { get; set; } = 3;

    [MaxTextLength(200)]
    public string? Location { get; set; }

    public List<AttendanceModel> Attendances { get; set; } = [];
}

/// <summary>Supplier training sessions (供應商教育訓練) and the seed's yearly table.</summary>
public sealed class TrainingService(IDbContextFactory<PortalDbContext> contexts, PolicyGuard guard, TimeProvider clock)
{
    public const int MaxPageSize = 100;

    public async Task<PagedResult<TrainingRow>> ListAsync(int? year, int page, int pageSize, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.SupplierRegistry);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var sessions = db.TrainingSessions.AsNoTracking();
        if (year is { } y)
        {
            var from = new DateOnly(y, 1, 1);
            var to = from.AddYears(1);
            sessions = sessions.Where(s => s.Date >= from && s.Date < to);
        }

        var total = await sessions.CountAsync(ct);
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        var rows = await sessions.OrderByDescending(s => s.Date).ThenByDescending(s => s.Id).Skip(Math.Max(page, 0) * size).Take(size)
            .Select(s => new TrainingRow(s.Id, s.Version, s.Date, s.Topic, s.Hours, s.Location, s.Attendances.Count, s.Attendances.Sum(a => a.PersonCount)))
            .ToListAsync(ct);
        return new PagedResult<TrainingRow>(rows, total);
    }

    public async Task<TrainingSessionModel?> GetAsync(int id, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.TrainingManage);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var session = await db.TrainingSessions.AsNoTracking().Include(s => s.Attendances).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (session is null)
        {
            return null;
        }

        var ids = session.Attendances.Select(a => a.SupplierId).ToList();
        var names = await db.Suppliers.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => new TrainingCompany(s.Id, s.Name, s.TaxId), ct);
        return new TrainingSessionModel
        {
            Id = session.Id,
            Version = session.Version,
            Date = session.Date.ToDateTime(TimeOnly.MinValue),
            Topic = session.Topic,
            Hours = session.Hours,
            Location = session.Location,
            Attendances = session.Attendances.OrderBy(a => a.Id)
                .Select(a => new AttendanceModel { Company = names.GetValueOrDefault(a.SupplierId, new TrainingCompany(a.SupplierId, "#" + a.SupplierId, string.Empty)), PersonCount = a.PersonCount })
                .ToList(),
        };
    }

    /// <summary>Creates (Id 0) or updates a session; errors are resource keys.</summary>
    public async Task<Result> SaveAsync(TrainingSessionModel model, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.TrainingManage);
        if (model.Date is null)
        {
            return Result.Fail("Training.DateRequired");
        }

        var candidate = new TrainingSession
        {
            Date = DateOnly.FromDateTime(model.Date.Value),
            Topic = model.Topic.Trim(),
            Hours = model.Hours,
            Location = string.IsNullOrWhiteSpace(model.Location) ? null : model.Location.Trim(),
            Attendances = model.Attendances.Select(a => new TrainingAttendance { SupplierId = a.Company.SupplierId, PersonCount = a.PersonCount }).ToList(),
        };
        var errors = candidate.Validate();
        if (errors.Count > 0)
        {
            return Result.Fail(errors);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var ids = candidate.Attendances.Select(a => a.SupplierId).ToList();
        if (await db.Suppliers.CountAsync(s => ids.Contains(s.Id), ct) != ids.Count)
        {
            return Result.Fail("Training.CompanyUnknown");
        }

        TrainingSession session;
        if (model.Id == 0)
        {
            session = candidate;
            db.TrainingSessions.Add(session);
        }
        else
        {
            var existing = await db.TrainingSessions.Include(s => s.Attendances).FirstOrDefaultAsync(s => s.Id == model.Id, ct);
            if (existing is null)
            {
                return Result.Conflicted();
            }

            session = existing;
            db.Entry(session).Property(s => s.Version).OriginalValue = model.Version;
            session.Date = candidate.Date;
            session.Topic = candidate.Topic;
            session.Hours = candidate.Hours;
            session.Location = candidate.Location;
            // Keep rows for companies still attending, so the unique (session, supplier) index is never hit mid-save.
            session.Attendances.RemoveAll(a => !ids.Contains(a.SupplierId));
            foreach (var attendance in candidate.Attendances)
            {
                var row = session.Attendances.FirstOrDefault(a => a.SupplierId == attendance.SupplierId);
                if (row is null)
                {
                    session.Attendances.Add(attendance);
                }
                else
                {
                    row.PersonCount = attendance.PersonCount;
                }
            }

            // A change to the attendance list alone still marks the session, so a stale copy conflicts.
            db.Entry(session).State = EntityState.Modified;
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return Result.Ok(session.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflicted();
        }
    }

    public async Task<Result> DeleteAsync(int id, Guid version, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.TrainingManage);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var session = await db.TrainingSessions.Include(s => s.Attendances).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (session is null)
        {
            return Result.Ok();
        }

        db.Entry(session).Property(s => s.Version).OriginalValue = version;
        db.TrainingSessions.Remove(session);
        try
        {
            await db.SaveChangesAsync(ct);
            return Result.Ok();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Conflicted();
        }
    }

    /// <summary>The seed's training table for years from..to: distinct companies trained, total hours, person-times.</summary>
    public async Task<IReadOnlyList<TrainingYearSummary>> YearSummaryAsync(int fromYear, int toYear, CancellationToken ct)
    {
        await guard.EnsureAsync(Policies.SupplierRegistry);
        var error = ReviewYearSummaryService.CheckYearRange(fromYear, toYear, clock.TaipeiToday().Year);
        if (error is not null)
        {
            throw new ArgumentOutOfRangeException(nameof(fromYear), error);
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var start = new DateOnly(fromYear, 1, 1);
        var end = new DateOnly(toYear + 1, 1, 1);
        var sessions = await db.TrainingSessions.AsNoTracking().Where(s => s.Date >= start && s.Date < end)
            .Select(s => new { s.Date, s.Hours }).ToListAsync(ct);
        var attendances = await (
            from a in db.Set<TrainingAttendance>().AsNoTracking()
            join s in db.TrainingSessions on a.TrainingSessionId equals s.Id
            where s.Date >= start && s.Date < end
            select new { s.Date, a.SupplierId, a.PersonCount }).ToListAsync(ct);
        return Enumerable.Range(fromYear, toYear - fromYear + 1).Select(year => new TrainingYearSummary(
            year,
            attendances.Where(a => a.Date.Year == year).Select(a => a.SupplierId).Distinct().Count(),
            sessions.Where(s => s.Date.Year == year).Sum(s => s.Hours),
            attendances.Where(a => a.Date.Year == year).Sum(a => a.PersonCount))).ToList();
    }
}
